/**
 * The host side of the panel without the editor: it answers each webview message (validated first) using
 * the services the client supplies. Kept free of `vscode` so tests drive the real handler with a real
 * backend in a browser, and so the provider stays a thin adapter.
 */
import type { LinkBackend } from '../../backends/types';
import { isLinkError } from '../../protocol/link';
import type { CallNames, CallSource, ConversationSummary, HistoryEntry, LinkMethod, LinkOutcome, LinkRequest } from '../../protocol/link';
import type { HistoryItem, HostToWebview, PanelEnvironment, PanelRemedy, StateMessage, WebviewToHost } from '../../protocol/webview';
import { remedyFor, toFailure } from '../../client/link/failure';
import { conversationNames, entrySentence, inverseMethod, SOURCE_WORDS, undoRequest } from '../../client/link/words';
import type { HistoryStore } from './history';
import { callAsCode } from './code';
import { validateWebviewMessage } from './validate';
import { WebResourceSection, isWebResourceSectionMessage, type WebResourceSectionServices } from './webresources';

/** How a run reports progress and learns it was cancelled. */
export interface RunOptions {
  /** A sentence about what the call waits for, e.g. a throttling wait. */
  readonly onProgress: (message: string) => void;
  /** Aborted when the user presses Cancel (or the panel goes away). */
  readonly signal: AbortSignal;
  /** Where the call was started (the panel), kept with its history entry. */
  readonly source: CallSource;
  /** The record and conversation names the panel knows (from its lists and searches). */
  readonly names: CallNames;
}

/** What the panel needs from the extension; the client implements it (see `LinkPanelProvider`). */
export interface PanelServices {
  /** The active environment. */
  environment(): PanelEnvironment;
  /** The active environment's backend; may sign in first. A rejection's message is shown in the panel. */
  getBackend(): LinkBackend | Promise<LinkBackend>;
  /**
   * Runs one call the way the commands do (production confirmation, untrusted-workspace rule, logging)
   * and records it in `history` before resolving. Resolves with the outcome, a rejection included; a throw
   * is shown as a failure too.
   */
  runLink(method: LinkMethod, request: LinkRequest, options: RunOptions): Promise<LinkOutcome>;
  /** Where finished calls are kept across reloads (`runLink` adds to it; the panel lists and clears it). */
  readonly history: HistoryStore;
  /** The current value of `omnichannel.refreshCall`. */
  refreshCall(): string;
  /**
   * Whether the active environment needs a sign-in before anything can be listed: the panel then shows a
   * Sign In button instead of starting a sign-in nobody asked for.
   */
  signInNeeded(): boolean | PromiseLike<boolean>;
  /** Runs `omnichannel.signIn` for the active environment. */
  signIn(): PromiseLike<unknown>;
  /** Opens the Settings editor at one setting. */
  openSettings(setting: string): PromiseLike<unknown>;
  /** Runs `omnichannel.selectEnvironment`. */
  selectEnvironment(): PromiseLike<unknown>;
  writeClipboard(text: string): PromiseLike<void>;
  /** Inserts text at the cursor of the active (or last active) editor; resolves with its file name, or undefined when no editor is open. */
  insertAtCursor(text: string): PromiseLike<string | undefined>;
  /** One line for the extension's log. */
  log(message: string): void;
  /** The Web resources section's reads and actions (absent: the section stays empty). */
  readonly webResources?: WebResourceSectionServices;
}

export type PostMessage = (message: HostToWebview) => PromiseLike<unknown> | void;

export class PanelController {
  private running: AbortController | undefined;
  /** The conversations last listed, for the names of a call's conversation. */
  private conversations: readonly ConversationSummary[] = [];
  /** Record names the panel has seen (searches, linked records), by id. */
  private readonly recordNames = new Map<string, string>();
  /** The remedy last offered for the conversations (Open Settings needs to know which setting). */
  private remedy: PanelRemedy | undefined;

  private readonly webResources: WebResourceSection | undefined;

  constructor(private readonly services: PanelServices, private readonly post: PostMessage) {
    this.webResources = services.webResources ? new WebResourceSection(services.webResources, message => this.send(message)) : undefined;
  }

  /** Handles one raw message from the webview. Never throws: problems go back to the webview and the log. */
  async handle(raw: unknown): Promise<void> {
    const checked = validateWebviewMessage(raw);
    if (!checked.ok) {
      this.services.log(`Rejected a panel message: ${checked.error}`);
      await this.send({ type: 'error', message: checked.error });
      return;
    }
    try {
      await this.dispatch(checked.message);
    } catch (error) {
      const message = `The panel could not handle "${checked.message.type}": ${errorText(error)}`;
      this.services.log(message);
      await this.send({ type: 'error', message });
    }
  }

  /** Lists the conversations again and sends the whole state (environment switch, refresh, reload). */
  async sendState(): Promise<void> {
    await this.send(await this.state());
    await this.sendWebResources();
  }

  /** Sends the Web resources section alone (its mapping file, the active editor or an outcome changed). */
  async sendWebResources(): Promise<void> {
    try {
      await this.webResources?.sendState();
    } catch (error) {
      this.services.log(`The panel could not list the web resources: ${errorText(error)}`);
    }
  }

  /** Cancels a running call (the view is going away). */
  dispose(): void {
    this.running?.abort();
  }

  private async dispatch(message: WebviewToHost): Promise<void> {
    if (isWebResourceSectionMessage(message)) return this.webResources?.handle(message);
    switch (message.type) {
      case 'ready':
      case 'refreshConversations':
        return this.sendState();
      case 'searchRecords':
        return this.search(message.requestId, message.entityLogicalName, message.text);
      case 'run':
        return this.run(message.method, message.request);
      case 'rerun': {
        const entry = this.entry(message.entryId);
        return entry ? this.run(entry.method, entry.request, entry.names) : this.gone('run it again');
      }
      case 'undo': {
        const entry = this.entry(message.entryId);
        const undo = entry && undoRequest(entry.request, entry.outcome);
        if (!entry) return this.gone('undo it');
        if (!undo) return this.send({ type: 'error', message: 'Only a successful call can be undone: this one changed nothing.' });
        return this.run(inverseMethod(entry.method), undo, entry.names);
      }
      case 'insertAtCursor':
        return this.insert(message.entryId);
      case 'signIn':
        await this.services.signIn();
        return this.sendState();
      case 'openSettings':
        await this.services.openSettings(this.remedy?.kind === 'openSettings' ? this.remedy.setting : 'omnichannel');
        return;
      case 'cancel':
        this.running?.abort();
        return;
      case 'clearHistory':
        await this.services.history.clear();
        return this.sendState();
      case 'copyAsCode':
        return this.copy(message.entryId);
      case 'selectEnvironment':
        await this.services.selectEnvironment();
        return;
    }
  }

  private async state(): Promise<StateMessage> {
    const environment = this.services.environment();
    const base = {
      type: 'state' as const,
      environment,
      history: this.services.history.list().map(historyItem),
      refreshCall: this.services.refreshCall(),
      running: this.running !== undefined,
    };
    this.remedy = undefined;
    if (await this.services.signInNeeded()) {
      this.remedy = { kind: 'signIn' };
      this.conversations = [];
      return { ...base, conversations: [], conversationsError: `Sign in to ${environment.name} to list its conversations and run calls.`, conversationsRemedy: this.remedy };
    }
    try {
      const backend = await this.services.getBackend();
      this.conversations = await backend.listConversations();
      for (const c of this.conversations) {
        for (const record of [c.customer, c.case]) if (record?.name) this.recordNames.set(record.id, record.name);
      }
      return { ...base, conversations: this.conversations };
    } catch (error) {
      // A rejection the backends classified gets the remedy of its code; anything else (a backend that
      // could not be created) keeps its own sentence and offers Retry.
      const classified = isLinkError(error) || isFailureShaped(error);
      const failure = classified ? toFailure('linkToConversation', error) : undefined;
      const conversationsError = `Could not list the conversations: ${failure?.message ?? errorText(error)}`;
      this.services.log(conversationsError);
      this.remedy = failure ? remedyFor(failure.code) : { kind: 'retry' };
      this.conversations = [];
      return { ...base, conversations: [], conversationsError, conversationsRemedy: this.remedy };
    }
  }

  private async search(requestId: number, entity: Parameters<LinkBackend['findRecords']>[0], text: string): Promise<void> {
    try {
      const backend = await this.services.getBackend();
      const records = await backend.findRecords(entity, text);
      for (const record of records) if (record.name) this.recordNames.set(record.id, record.name);
      await this.send({ type: 'records', requestId, records });
    } catch (error) {
      await this.send({ type: 'records', requestId, records: [], error: `Search failed: ${errorText(error)}` });
    }
  }

  private async run(method: LinkMethod, request: LinkRequest, known?: CallNames): Promise<void> {
    if (this.running) {
      await this.send({ type: 'error', message: 'A call is already running: wait for it or press Cancel.' });
      return;
    }
    const controller = new AbortController();
    this.running = controller;
    let outcome: LinkOutcome;
    try {
      outcome = await this.services.runLink(method, request, {
        signal: controller.signal,
        onProgress: message => void this.send({ type: 'progress', message }),
        source: 'panel',
        names: known ?? this.namesFor(request),
      });
    } catch (error) {
      outcome = failureFrom(method, error, controller.signal.aborted);
    } finally {
      this.running = undefined;
    }
    await this.send({ type: 'outcome', method, request, outcome });
    // The link changed the conversations, and the runner added a history entry.
    await this.sendState();
  }

  /** The names of a request's record and conversation, from what the panel has listed and searched. */
  private namesFor(request: LinkRequest): CallNames {
    const conversation = this.conversations.find(c => (request.conversationId === undefined ? c.focused === true : c.id === request.conversationId));
    const record = this.recordNames.get(request.recordId);
    return { ...(conversation ? conversationNames(conversation) : {}), ...(record ? { record } : {}) };
  }

  private entry(entryId: string): HistoryEntry | undefined {
    return this.services.history.list().find(e => e.id === entryId);
  }

  private gone(what: string): Promise<void> {
    return this.send({ type: 'error', message: `That call is no longer in the history; run it from the form to ${what}.` });
  }

  private async copy(entryId: string): Promise<void> {
    const entry = this.entry(entryId);
    if (!entry) return this.gone('copy it');
    const code = callAsCode(entry.method, entry.request, this.services.refreshCall());
    await this.services.writeClipboard(code);
    await this.send({ type: 'copied', entryId, code });
  }

  private async insert(entryId: string): Promise<void> {
    const entry = this.entry(entryId);
    if (!entry) return this.gone('insert it');
    const fileName = await this.services.insertAtCursor(callAsCode(entry.method, entry.request, this.services.refreshCall()));
    if (fileName === undefined) {
      await this.send({ type: 'error', message: 'No editor is open to insert the call into: open a JavaScript or TypeScript file, put the cursor where the call goes, and choose Insert at Cursor again.' });
      return;
    }
    await this.send({ type: 'inserted', entryId, fileName });
  }

  private async send(message: HostToWebview): Promise<void> {
    try {
      await this.post(message);
    } catch (error) {
      // The view may have been disposed between the call and its answer; the log keeps the trace.
      this.services.log(`Could not post "${message.type}" to the panel: ${errorText(error)}`);
    }
  }
}

/** A history entry with the words the panel shows for it. */
export function historyItem(entry: HistoryEntry): HistoryItem {
  return {
    ...entry,
    summary: entrySentence(entry),
    ...(entry.source && SOURCE_WORDS[entry.source] ? { sourceLabel: SOURCE_WORDS[entry.source] } : {}),
    undoable: entry.outcome.status === 'success',
  };
}

function failureFrom(method: LinkMethod, error: unknown, cancelled: boolean): LinkOutcome {
  if (isLinkError(error)) return error.toFailure();
  if (cancelled) return { status: 'failure', functionName: method, code: 'cancelled', message: 'The call was cancelled.' };
  return { status: 'failure', functionName: method, code: 'server-error', message: errorText(error) };
}

function isFailureShaped(error: unknown): boolean {
  return typeof error === 'object' && error !== null && (error as { status?: unknown }).status === 'failure' && typeof (error as { code?: unknown }).code === 'string';
}

function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
