/**
 * The one way a link/unlink call runs, whoever asks (commands, code lens, the panel): picks the
 * backend, applies the workspace-trust rule and the production confirmation, shows progress, logs the
 * call (never a token), shows the outcome and records it in the panel's history. API rejections come back as
 * a `LinkFailure`, never as a thrown error.
 */
import * as vscode from 'vscode';
import { randomUUID } from 'node:crypto';
import type { CallNames, CallSource, HistoryEntry, LinkMethod, LinkOutcome, LinkRequest } from '../../protocol/link';
import type { LinkBackend } from '../../backends/types';
import { isProduction, type EnvironmentEntry } from '../../environments/types';
import type { HistoryStore } from '../../panel/host/history';
import { callAsCode } from '../../panel/host/code';
import { failure, toFailure } from './failure';
import {
  COPY_AS_CODE_ACTION, OPEN_SETTINGS_ACTION, RETRY_ACTION, SHOW_IN_PANEL_ACTION, SHOW_LOG_ACTION, SIGN_IN_ACTION, UNDO_ACTION,
  failureActions, logLine, outcomeMessage, productionConfirmation, realCallBlockedReason, successActions,
} from './outcome-text';
import { remedyFor } from './failure';
import { conversationNames, inverseMethod, undoRequest } from './words';

export interface LinkRunnerDeps {
  /** The named environment, or the active one when `name` is undefined. */
  environment(name: string | undefined): EnvironmentEntry | undefined;
  backend(environmentName: string): Promise<LinkBackend>;
  readonly log: vscode.LogOutputChannel;
  refreshCall(): string;
  /** The panel's history: every finished call is added before the runner resolves. */
  readonly history: HistoryStore;
  /** Called after a call was recorded (the panel re-reads its state). */
  didRun(entry: HistoryEntry): void;
}

export interface RunOptions {
  /** Environment name; default the active one. */
  readonly environment?: string;
  /** Given by callers with their own progress display (the panel); otherwise a notification shows progress. */
  readonly onProgress?: (message: string) => void;
  readonly signal?: AbortSignal;
  /** Show the outcome as a notification (default true; the panel shows outcomes itself). */
  readonly notify?: boolean;
  /** Record the call in the history (default true). */
  readonly record?: boolean;
  /** Where the call was started, kept with its history entry. */
  readonly source?: CallSource;
  /** Names the caller already knows (picked in a quick pick or the panel); the rest is read back after a success. */
  readonly names?: CallNames;
}

export type RunLinkCall = (method: LinkMethod, request: LinkRequest, options?: RunOptions) => Promise<LinkOutcome>;

export function createLinkRunner(deps: LinkRunnerDeps): RunLinkCall {
  const run: RunLinkCall = async (method, request, options = {}) => {
    const notify = options.notify !== false;
    const record = options.record !== false;
    const environment = deps.environment(options.environment);
    if (!environment) {
      const unknown = failure(method, 'unknown-environment', `There is no environment named "${options.environment ?? ''}". Add it to omnichannel.environments or .omnichannel/environments.json, or pick one with "Omnichannel: Select Environment…".`);
      return finish(deps, run, method, request, options.environment ?? '?', unknown, notify, false, options);
    }
    const real = environment.kind === 'dataverse';
    if (real) {
      const blocked = realCallBlockedReason(vscode.workspace.isTrusted, environment.name);
      if (blocked) return finish(deps, run, method, request, environment.name, failure(method, 'untrusted-workspace', blocked), notify, record, options);
      if (isProduction(environment)) {
        const go = method === 'linkToConversation' ? 'Link' : 'Unlink';
        const answer = await vscode.window.showWarningMessage(productionConfirmation(method, request, environment.name), { modal: true }, go);
        if (answer !== go) {
          return finish(deps, run, method, request, environment.name, failure(method, 'cancelled', `Cancelled: the call to production environment ${environment.name} was not confirmed.`), false, false, options);
        }
      }
    }
    const outcome = options.onProgress
      ? await call(deps, environment.name, method, request, options.onProgress, options.signal)
      : await vscode.window.withProgress(
        // Real calls can wait (throttling) and be cancelled: a notification. The simulator answers at once: the status bar.
        { location: real ? vscode.ProgressLocation.Notification : vscode.ProgressLocation.Window, title: `${method === 'linkToConversation' ? 'Linking' : 'Unlinking'} ${request.entityLogicalName} in ${environment.name}`, cancellable: real },
        (progress, token) => {
          const controller = new AbortController();
          const cancel = token.onCancellationRequested(() => controller.abort());
          // Combined rather than a listener on the caller's signal: nothing stays attached to it afterwards,
          // and a signal that is already aborted cancels at once.
          const signal = options.signal ? AbortSignal.any([options.signal, controller.signal]) : controller.signal;
          return call(deps, environment.name, method, request, message => progress.report({ message }), signal).finally(() => cancel.dispose());
        },
      );
    return finish(deps, run, method, request, environment.name, outcome, notify, record, options);
  };
  return run;
}

async function call(deps: LinkRunnerDeps, environmentName: string, method: LinkMethod, request: LinkRequest, onProgress: (message: string) => void, signal: AbortSignal | undefined): Promise<LinkOutcome> {
  try {
    const backend = await deps.backend(environmentName);
    const options = { onProgress, ...(signal ? { signal } : {}) };
    return method === 'linkToConversation' ? await backend.link(request, options) : await backend.unlink(request, options);
  } catch (error) {
    return toFailure(method, error, signal);
  }
}

async function finish(deps: LinkRunnerDeps, run: RunLinkCall, method: LinkMethod, request: LinkRequest, environmentName: string, outcome: LinkOutcome, notify: boolean, record: boolean, options: RunOptions): Promise<LinkOutcome> {
  const line = logLine(method, request, environmentName, outcome);
  if (outcome.status === 'success') deps.log.info(line);
  else deps.log.warn(line);
  const names = await callNames(deps, environmentName, method, outcome, options.names);
  if (record) {
    const entry: HistoryEntry = {
      id: randomUUID(), at: new Date().toISOString(), environment: environmentName, method, request: plainRequest(request), outcome,
      ...(names ? { names } : {}),
      ...(options.source ? { source: options.source } : {}),
    };
    try {
      await deps.history.add(entry);
      deps.didRun(entry);
    } catch (error) {
      deps.log.error(`Could not save the call history: ${String(error)}`);
    }
  }
  if (notify) showOutcome(deps, run, method, request, environmentName, outcome, names);
  return outcome;
}

/**
 * The caller's names, completed after a success from the conversation as it now is (one read): its
 * title and customer, and for a link the record's name from the slot it now fills. Best effort: a read
 * that fails leaves ids in the sentence, never fails the call.
 */
async function callNames(deps: LinkRunnerDeps, environmentName: string, method: LinkMethod, outcome: LinkOutcome, known: CallNames | undefined): Promise<CallNames | undefined> {
  if (outcome.status !== 'success' || (known?.record && known.conversationTitle)) return known;
  try {
    const backend = await deps.backend(environmentName);
    const conversation = await backend.getConversation(outcome.conversationId);
    const linked = [conversation.customer, conversation.case].find(r => r?.id === outcome.recordId && r.entityLogicalName === outcome.entityLogicalName);
    const record = known?.record ?? (method === 'linkToConversation' ? linked?.name : undefined);
    return { ...conversationNames(conversation), ...known, ...(record ? { record } : {}) };
  } catch (error) {
    deps.log.debug(`Could not read the names of conversation ${outcome.conversationId}: ${String(error)}`);
    return known;
  }
}

/** Copies only the request's fields, so a caller's extra properties never reach storage. */
function plainRequest(request: LinkRequest): LinkRequest {
  return {
    entityLogicalName: request.entityLogicalName,
    recordId: request.recordId,
    ...(request.conversationId === undefined ? {} : { conversationId: request.conversationId }),
  };
}

/**
 * Not awaited: the caller gets the outcome at once, the notification stays until dismissed. A success
 * offers Undo (the inverse call), Show in Panel and Copy as Code; a failure offers what helps, from the
 * failure table (Sign In, Open Settings, Retry), and the log.
 */
function showOutcome(deps: LinkRunnerDeps, run: RunLinkCall, method: LinkMethod, request: LinkRequest, environmentName: string, outcome: LinkOutcome, names: CallNames | undefined): void {
  const text = outcomeMessage(method, outcome, environmentName, request, names);
  const again = { environment: environmentName, source: 'notification' as const, ...(names ? { names } : {}) };
  if (outcome.status === 'success') {
    void vscode.window.showInformationMessage(text, ...successActions()).then(answer => {
      if (answer === UNDO_ACTION) {
        const undo = undoRequest(request, outcome);
        if (undo) void run(inverseMethod(method), undo, again);
      }
      if (answer === SHOW_IN_PANEL_ACTION) void vscode.commands.executeCommand('omnichannel.openPanel');
      if (answer === COPY_AS_CODE_ACTION) {
        void vscode.env.clipboard.writeText(callAsCode(method, request, deps.refreshCall())).then(() => {
          vscode.window.setStatusBarMessage('$(check) Copied the call as code to the clipboard', 4000);
        });
      }
    });
  } else if (outcome.code !== 'cancelled') {
    void vscode.window.showErrorMessage(text, ...failureActions(outcome)).then(answer => {
      if (answer === SHOW_LOG_ACTION) deps.log.show(true);
      if (answer === SIGN_IN_ACTION) void vscode.commands.executeCommand('omnichannel.signIn', environmentName);
      if (answer === RETRY_ACTION) void run(method, request, again);
      if (answer === OPEN_SETTINGS_ACTION) {
        const remedy = remedyFor(outcome.code);
        void vscode.commands.executeCommand('workbench.action.openSettings', remedy.kind === 'openSettings' ? remedy.setting : 'omnichannel');
      }
    });
  }
}
