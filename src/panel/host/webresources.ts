/**
 * The panel's Web resources section, host side, without the editor: it answers the section's messages by
 * running the same commands as the palette (through `WebResourceSectionServices`), one at a time, and
 * sends what the section shows before and after each. No `vscode` import, so tests drive it directly.
 */
import type { WebResourcesMessage, WebviewToHost } from '../../protocol/webview';

/** The section's messages from the webview. */
export type WebResourceSectionMessage = Extract<WebviewToHost, { type: 'publishWebResource' | 'pullWebResource' | 'publishAllWebResources' | 'mapWebResource' | 'openMappingProblem' | 'manageTrust' | 'openFolder' | 'addEnvironment' }>;

const SECTION_TYPES: ReadonlySet<WebviewToHost['type']> = new Set<WebResourceSectionMessage['type']>([
  'publishWebResource', 'pullWebResource', 'publishAllWebResources', 'mapWebResource', 'openMappingProblem', 'manageTrust', 'openFolder', 'addEnvironment',
]);

export function isWebResourceSectionMessage(message: WebviewToHost): message is WebResourceSectionMessage {
  return SECTION_TYPES.has(message.type);
}

/** What the section needs from the extension; the client implements it with VS Code (see `webresource-source.ts`). */
export interface WebResourceSectionServices {
  /** What the section shows now: mapped files with their state and latest outcome, problems, what blocks it. */
  snapshot(): Promise<Omit<WebResourcesMessage, 'type' | 'running'>>;
  /** Runs Publish Web Resource on one listed file (rejects a file it did not list). */
  publish(file: string): PromiseLike<unknown>;
  /** Runs Pull Web Resource on one listed file. */
  pull(file: string): PromiseLike<unknown>;
  /** Runs Publish All Mapped Web Resources. */
  publishAll(): PromiseLike<unknown>;
  /** Maps the active editor's unmapped script (as the section named it) to a web resource the person picks. */
  map(file: string): PromiseLike<unknown>;
  /** Opens the mapping file at the problem the section listed with this index. */
  openProblem(index: number): PromiseLike<unknown>;
  /** Opens VS Code's workspace trust editor. */
  manageTrust(): PromiseLike<unknown>;
  /** Asks for a folder to open (no folder is open). */
  openFolder(): PromiseLike<unknown>;
  /** Runs Add Environment… (only the Simulator is set up). */
  addEnvironment(): PromiseLike<unknown>;
  /** The publish, pull or mapping running in the window, wherever it started (see `WebResourceRun`). */
  running(): string | undefined;
}

/** The refusal of a second run while `running` ("Publishing every mapped file…") goes on. */
export function stillRunning(running: string): string {
  return `${running.replace(/…$/, '')} is still running: wait for it to finish.`;
}

export class WebResourceSection {
  private running: string | undefined;

  constructor(
    private readonly services: WebResourceSectionServices,
    private readonly post: (message: WebResourcesMessage | { type: 'error'; message: string }) => Promise<void>,
  ) {}

  async sendState(): Promise<void> {
    const snapshot = await this.services.snapshot();
    const running = this.running ?? this.services.running();
    await this.post({ type: 'webResources', ...snapshot, ...(running ? { running } : {}) });
  }

  async handle(message: WebResourceSectionMessage): Promise<void> {
    switch (message.type) {
      case 'openMappingProblem':
        await this.services.openProblem(message.index);
        return;
      case 'manageTrust':
        await this.services.manageTrust();
        return;
      case 'openFolder':
        await this.services.openFolder();
        return;
      case 'addEnvironment':
        await this.services.addEnvironment();
        return;
      case 'publishWebResource':
        return this.run(`Publishing ${message.file}…`, () => this.services.publish(message.file));
      case 'pullWebResource':
        return this.run(`Pulling ${message.file}…`, () => this.services.pull(message.file));
      case 'publishAllWebResources':
        return this.run('Publishing every mapped file…', () => this.services.publishAll());
      case 'mapWebResource':
        return this.run(`Mapping ${message.file}…`, () => this.services.map(message.file));
    }
  }

  /**
   * One action at a time, in the window too: a second one (or one while the palette's runs) is refused with
   * a sentence, as a second link call is. The command run holds the window's run as well; this covers the
   * moment between the click and the command's start.
   */
  private async run(what: string, action: () => PromiseLike<unknown>): Promise<void> {
    const busy = this.running ?? this.services.running();
    if (busy) {
      await this.post({ type: 'error', message: stillRunning(busy) });
      return;
    }
    this.running = what;
    await this.sendState();
    try {
      await action();
    } finally {
      this.running = undefined;
      await this.sendState();
    }
  }
}
