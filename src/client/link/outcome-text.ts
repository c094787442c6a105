/**
 * The words the client shows for a link call: outcome messages, log lines and the production
 * confirmation. Pure, so every sentence is unit tested. Never includes a token.
 */
import type { LinkMethod, LinkOutcome, LinkRequest } from '../../protocol/link';

function verb(method: LinkMethod): string {
  return method === 'linkToConversation' ? 'Link' : 'Unlink';
}

/** One sentence for the notification shown after a call. */
export function outcomeMessage(method: LinkMethod, outcome: LinkOutcome, environmentName: string): string {
  if (outcome.status === 'success') return `${environmentName}: ${outcome.message}`;
  return `${verb(method)} failed in ${environmentName}: ${outcome.message}`;
}

/** The button that runs `omnichannel.signIn` for the environment of a failed call. */
export const SIGN_IN_ACTION = 'Sign In';
export const SHOW_LOG_ACTION = 'Show Log';

/** Buttons on a failure notification: a refused sign-in offers Sign In first, every failure the log. */
export function failureActions(outcome: LinkOutcome): string[] {
  if (outcome.status === 'success') return [];
  return outcome.code === 'unauthorized' ? [SIGN_IN_ACTION, SHOW_LOG_ACTION] : [SHOW_LOG_ACTION];
}

/** One line for the output channel: what was called where, and how it ended. */
export function logLine(method: LinkMethod, request: LinkRequest, environmentName: string, outcome: LinkOutcome): string {
  const target = request.conversationId === undefined ? 'the focused conversation' : `conversation ${request.conversationId}`;
  const call = `${method}(${request.entityLogicalName}, ${request.recordId}) on ${target} in ${environmentName}`;
  return outcome.status === 'success' ? `${call}: success: ${outcome.message}` : `${call}: ${outcome.code}: ${outcome.message}`;
}

/** The modal question asked before any write to a production environment. */
export function productionConfirmation(method: LinkMethod, request: LinkRequest, environmentName: string): string {
  const action = method === 'linkToConversation' ? 'link' : 'unlink';
  const target = request.conversationId === undefined ? 'the focused conversation' : `conversation ${request.conversationId}`;
  return productionQuestion(environmentName, `${action} ${request.entityLogicalName} ${request.recordId} ${method === 'linkToConversation' ? 'to' : 'from'} ${target}`);
}

/** The question before any write to a production environment; `action` completes "Really …?". */
export function productionQuestion(environmentName: string, action: string): string {
  return `${environmentName} is a production environment. Really ${action}?`;
}

/** Why a real call may not run here, or undefined when it may. */
export function realCallBlockedReason(workspaceTrusted: boolean, environmentName: string): string | undefined {
  if (workspaceTrusted) return undefined;
  return `This workspace is not trusted, so no call runs against ${environmentName}. Trust the workspace (Manage Workspace Trust) or switch to the Simulator.`;
}
