/**
 * The words the client shows for a link call: outcome messages, log lines and the production
 * confirmation. Pure, so every sentence is unit tested. Never includes a token.
 */
import type { CallNames, LinkMethod, LinkOutcome, LinkRequest } from '../../protocol/link';
import { REMEDY_LABELS, remedyFor } from './failure';
import { callSentence, entityWord, verb } from './words';

/** One sentence for the notification shown after a call, e.g. "Simulator: Linked case … to the conversation with …". */
export function outcomeMessage(method: LinkMethod, outcome: LinkOutcome, environmentName: string, request?: LinkRequest, names?: CallNames): string {
  if (request) {
    const sentence = callSentence(method, request, outcome, names);
    return outcome.status === 'success' ? `${environmentName}: ${sentence}.` : `${sentence} in ${environmentName}: ${outcome.message}`;
  }
  if (outcome.status === 'success') return `${environmentName}: ${outcome.message}`;
  return `${verb(method)} failed in ${environmentName}: ${outcome.message}`;
}

/** The button that runs `omnichannel.signIn` for the environment of a failed call. */
export const SIGN_IN_ACTION = REMEDY_LABELS.signIn;
export const OPEN_SETTINGS_ACTION = REMEDY_LABELS.openSettings;
export const RETRY_ACTION = REMEDY_LABELS.retry;
export const SHOW_LOG_ACTION = 'Show Log';
export const UNDO_ACTION = 'Undo';
export const SHOW_IN_PANEL_ACTION = 'Show in Panel';
export const COPY_AS_CODE_ACTION = 'Copy as Code';

/** Buttons on a failure notification: the remedy from the failure table first, then the log. */
export function failureActions(outcome: LinkOutcome): string[] {
  if (outcome.status === 'success') return [];
  const remedy = remedyFor(outcome.code);
  return remedy.kind === 'none' ? [SHOW_LOG_ACTION] : [REMEDY_LABELS[remedy.kind], SHOW_LOG_ACTION];
}

/** Buttons on a success notification. */
export function successActions(): string[] {
  return [UNDO_ACTION, SHOW_IN_PANEL_ACTION, COPY_AS_CODE_ACTION];
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
  return productionQuestion(environmentName, `${action} ${entityWord(request.entityLogicalName)} ${request.recordId} ${method === 'linkToConversation' ? 'to' : 'from'} ${target}`);
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
