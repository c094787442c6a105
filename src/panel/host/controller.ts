/**
 * The host side of the panel without the editor: it answers each webview message (validated first) using
 * the services the client supplies. Kept free of `vscode` so tests drive the real handler with a real
 * backend in a browser, and so the provider stays a thin adapter.
 */
import type { LinkBackend } from '../../backends/types';
import { isLinkError } from '../../protocol/link';
import type { LinkMethod, LinkOutcome, LinkRequest } from '../../protocol/link';
import type { HostToWebview, PanelEnvironment, StateMessage, WebviewToHost } from '../../protocol/webview';
import type { HistoryStore } from './history';
import { callAsCode } from './code';
import { validateWebviewMessage } from './validate';

/** How a run reports progress and learns it was cancelled. */
export interface RunOptions {
  /** A sentence about what the call waits for, e.g. a throttling wait. */
  readonly onProgress: (message: string) => void;
  /** Aborted when the user presses Cancel (or the panel goes away). */
  readonly signal: AbortSignal;
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
  /** Runs `omnichannel.selectEnvironment`. */
  selectEnvironment(): PromiseLike<unknown>;
  writeClipboard(text: string): PromiseLike<void>;
  /** One line for the extension's log. */
  log(message: string): void;
}

export type PostMessage = (message: HostToWebview) => PromiseLike<unknown> | void;

export class PanelController {
  private running: AbortController | undefined;

  constructor(private readonly services: PanelServices, private readonly post: PostMessage) {}

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
  }

  /** Cancels a running call (the view is going away). */
  dispose(): void {
    this.running?.abort();
  }

  private async dispatch(message: WebviewToHost): Promise<void> {
    switch (message.type) {
      case 'ready':
      case 'refreshConversations':
        return this.sendState();
      case 'searchRecords':
        return this.search(message.requestId, message.entityLogicalName, message.text);
      case 'run':
        return this.run(message.method, message.request);
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
    const base = {
      type: 'state' as const,
      environment: this.services.environment(),
      history: this.services.history.list(),
      refreshCall: this.services.refreshCall(),
      running: this.running !== undefined,
    };
    try {
      const backend = await this.services.getBackend();
      return { ...base, conversations: await backend.listConversations() };
    } catch (error) {
      const conversationsError = `Could not list the conversations: ${errorText(error)}`;
      this.services.log(conversationsError);
      return { ...base, conversations: [], conversationsError };
    }
  }

  private async search(requestId: number, entity: Parameters<LinkBackend['findRecords']>[0], text: string): Promise<void> {
    try {
      const backend = await this.services.getBackend();
      const records = await backend.findRecords(entity, text);
      await this.send({ type: 'records', requestId, records });
    } catch (error) {
      await this.send({ type: 'records', requestId, records: [], error: `Search failed: ${errorText(error)}` });
    }
  }

  private async run(method: LinkMethod, request: LinkRequest): Promise<void> {
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

  private async copy(entryId: string): Promise<void> {
    const entry = this.services.history.list().find(e => e.id === entryId);
    if (!entry) {
      await this.send({ type: 'error', message: 'That call is no longer in the history; run it again to copy it.' });
      return;
    }
    const code = callAsCode(entry.method, entry.request, this.services.refreshCall());
    await this.services.writeClipboard(code);
    await this.send({ type: 'copied', entryId, code });
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

function failureFrom(method: LinkMethod, error: unknown, cancelled: boolean): LinkOutcome {
  if (isLinkError(error)) return error.toFailure();
  if (cancelled) return { status: 'failure', functionName: method, code: 'cancelled', message: 'The call was cancelled.' };
  return { status: 'failure', functionName: method, code: 'server-error', message: errorText(error) };
}

function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
