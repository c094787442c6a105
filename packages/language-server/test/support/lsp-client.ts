/**
 * A real LSP client for tests and benchmarks: spawns the built server bundle with `--stdio` and speaks
 * the protocol to it. Everything is awaited on messages (a diagnostics publication for a version, a
 * shown message), never on time.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import * as path from 'node:path';
import {
  StreamMessageReader,
  StreamMessageWriter,
  createProtocolConnection,
  type ProtocolConnection,
} from 'vscode-languageserver-protocol/node';
import type {
  CancellationToken,
  ClientCapabilities,
  CodeAction,
  CodeLens,
  CompletionItem,
  CompletionList,
  Hover,
  LogMessageParams,
  Position,
  PublishDiagnosticsParams,
  Range,
  ShowMessageParams,
  SignatureHelp,
  TextDocumentContentChangeEvent,
} from 'vscode-languageserver-protocol/node';
import type { CallAtPositionResult, LookupIdsParams, LookupIdsResult } from '../../src/protocol';

/** The package's own entry point, as `omnichannel-language-server` runs it (compiled by tsc, not bundled). */
export function serverBin(): string {
  return path.join(__dirname, '..', '..', 'src', 'bin.js');
}

export interface ClientOptions {
  /** The `omnichannel` section answered to `workspace/configuration`; change it, then call `configurationChanged`. */
  settings?: Record<string, unknown>;
  /** Whether the client advertises `workspace/configuration` (pull) support. Default true. */
  pullConfiguration?: boolean;
  /** Whether the client can resolve a code action's edit later (`codeAction/resolve`). Default false. */
  resolveCodeActions?: boolean;
  /** Workspace folder URIs sent with `initialize`. */
  workspaceFolders?: string[];
  /** Sent as `initializationOptions` (e.g. `{ lookupIds: true }` to announce `omnichannel/lookupIds`, `{ typingPauseMs }`). */
  initializationOptions?: Record<string, unknown>;
  /** Answers the server's `omnichannel/lookupIds` requests, as the VS Code client does. */
  onLookupIds?: (params: LookupIdsParams, token: CancellationToken) => LookupIdsResult | null | Promise<LookupIdsResult | null>;
}

export class LspTestClient {
  /** The `omnichannel` section; per-URI overrides win when set. */
  settings: Record<string, unknown>;
  readonly settingsByUri = new Map<string, Record<string, unknown>>();
  readonly shownMessages: ShowMessageParams[] = [];
  readonly logMessages: LogMessageParams[] = [];
  readonly configurationRequests: string[] = [];
  /** Every diagnostics publication, in order of arrival (a held-back call's findings come in a later one). */
  readonly publications: PublishDiagnosticsParams[] = [];
  /** How many times the server asked for the code lenses again (`workspace/codeLens/refresh`). */
  codeLensRefreshes = 0;
  /** Every `omnichannel/lookupIds` request the server sent. */
  readonly lookupRequests: LookupIdsParams[] = [];
  private readonly diagnostics = new Map<string, PublishDiagnosticsParams>();
  private readonly waiters: { test: () => boolean; resolve: () => void }[] = [];
  private readonly versions = new Map<string, number>();
  private readonly texts = new Map<string, string>();
  private exited: Promise<number | null>;

  private constructor(readonly process: ChildProcess, readonly connection: ProtocolConnection, options: ClientOptions) {
    this.settings = options.settings ?? {};
    this.exited = new Promise(resolve => process.once('exit', code => resolve(code)));
    connection.onNotification('textDocument/publishDiagnostics', (p: PublishDiagnosticsParams) => {
      this.diagnostics.set(p.uri, p);
      this.publications.push(p);
      this.wake();
    });
    connection.onNotification('window/showMessage', (p: ShowMessageParams) => {
      this.shownMessages.push(p);
      this.wake();
    });
    connection.onNotification('window/logMessage', (p: LogMessageParams) => {
      this.logMessages.push(p);
      this.wake();
    });
    connection.onRequest('workspace/configuration', (p: { items: { scopeUri?: string; section?: string }[] }) =>
      p.items.map(item => {
        this.configurationRequests.push(item.scopeUri ?? '');
        const forUri = item.scopeUri ? this.settingsByUri.get(item.scopeUri) : undefined;
        return item.section === 'omnichannel' ? (forUri ?? this.settings) : null;
      }));
    connection.onRequest('client/registerCapability', () => null);
    connection.onRequest('workspace/codeLens/refresh', () => {
      this.codeLensRefreshes++;
      this.wake();
      return null;
    });
    connection.onRequest('omnichannel/lookupIds', (params: LookupIdsParams, token: CancellationToken) => {
      this.lookupRequests.push(params);
      return options.onLookupIds ? options.onLookupIds(params, token) : null;
    });
    connection.listen();
  }

  /** Spawns `node dist/server.js --stdio` and completes the initialize handshake. */
  static async start(options: ClientOptions = {}, bundle = serverBin()): Promise<LspTestClient> {
    const child = spawn(process.execPath, [bundle, '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'] });
    child.stderr!.setEncoding('utf8');
    const connection = createProtocolConnection(new StreamMessageReader(child.stdout!), new StreamMessageWriter(child.stdin!));
    const client = new LspTestClient(child, connection, options);
    const resolve = options.resolveCodeActions ? { resolveSupport: { properties: ['edit'] } } : {};
    const capabilities: ClientCapabilities = {
      workspace: {
        configuration: options.pullConfiguration ?? true,
        workspaceEdit: { documentChanges: true },
        codeLens: { refreshSupport: true },
        didChangeConfiguration: { dynamicRegistration: true },
      },
      textDocument: {
        synchronization: { dynamicRegistration: false },
        publishDiagnostics: { versionSupport: true, codeDescriptionSupport: true },
        completion: { completionItem: { snippetSupport: true, documentationFormat: ['markdown'] } },
        hover: { contentFormat: ['markdown'] },
        codeAction: { codeActionLiteralSupport: { codeActionKind: { valueSet: ['quickfix', 'source.fixAll'] } }, isPreferredSupport: true, ...resolve },
      },
      window: { showMessage: {} },
    };
    await connection.sendRequest('initialize', { processId: process.pid, rootUri: null, capabilities, workspaceFolders: options.workspaceFolders?.map(uri => ({ uri, name: uri.slice(uri.lastIndexOf('/') + 1) })) ?? null, initializationOptions: options.initializationOptions ?? null });
    await connection.sendNotification('initialized', {});
    return client;
  }

  /** Resolves once `test` holds, checking after every message from the server. */
  until(test: () => boolean): Promise<void> {
    if (test()) return Promise.resolve();
    return new Promise(resolve => this.waiters.push({ test, resolve }));
  }

  private wake(): void {
    for (const w of [...this.waiters]) {
      if (w.test()) {
        this.waiters.splice(this.waiters.indexOf(w), 1);
        w.resolve();
      }
    }
  }

  /** The diagnostics published for `uri` at `version` (the document's current version when omitted). */
  async diagnosticsFor(uri: string, version = this.versions.get(uri)): Promise<PublishDiagnosticsParams> {
    await this.until(() => this.diagnostics.get(uri)?.version === version);
    return this.diagnostics.get(uri)!;
  }

  /** The latest diagnostics published for `uri`. */
  latest(uri: string): PublishDiagnosticsParams | undefined {
    return this.diagnostics.get(uri);
  }

  /** Resolves once the latest publication for `uri` satisfies `test`. */
  async diagnosticsWhere(uri: string, test: (p: PublishDiagnosticsParams) => boolean): Promise<PublishDiagnosticsParams> {
    await this.until(() => {
      const p = this.diagnostics.get(uri);
      return p !== undefined && test(p);
    });
    return this.diagnostics.get(uri)!;
  }

  /** Resolves with the first shown message (counting those already shown) that matches. */
  async messageMatching(pattern: RegExp): Promise<ShowMessageParams> {
    await this.until(() => this.shownMessages.some(m => pattern.test(m.message)));
    return this.shownMessages.find(m => pattern.test(m.message))!;
  }

  text(uri: string): string {
    return this.texts.get(uri) ?? '';
  }

  async open(uri: string, text: string, languageId = 'javascript'): Promise<PublishDiagnosticsParams> {
    this.versions.set(uri, 1);
    this.texts.set(uri, text);
    await this.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId, version: 1, text } });
    return this.diagnosticsFor(uri, 1);
  }

  /** Sends one didChange without waiting for diagnostics; returns the new version. */
  async sendChange(uri: string, changes: TextDocumentContentChangeEvent[]): Promise<number> {
    const version = (this.versions.get(uri) ?? 0) + 1;
    this.versions.set(uri, version);
    let text = this.text(uri);
    for (const c of changes) text = 'range' in c && c.range ? applyEdits(text, [{ range: c.range, newText: c.text }]) : c.text;
    this.texts.set(uri, text);
    await this.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges: changes });
    return version;
  }

  async change(uri: string, changes: TextDocumentContentChangeEvent[]): Promise<PublishDiagnosticsParams> {
    return this.diagnosticsFor(uri, await this.sendChange(uri, changes));
  }

  async close(uri: string): Promise<void> {
    this.versions.delete(uri);
    await this.connection.sendNotification('textDocument/didClose', { textDocument: { uri } });
  }

  /** Tells the server the configuration changed (VS Code sends no values when the server pulls). */
  async watchedFilesChanged(changes: { uri: string; type: 1 | 2 | 3 }[]): Promise<void> {
    await this.connection.sendNotification('workspace/didChangeWatchedFiles', { changes });
  }

  async configurationChanged(pushed: unknown = null): Promise<void> {
    await this.connection.sendNotification('workspace/didChangeConfiguration', { settings: pushed });
  }

  /** The whole answer, list or array, as the server sent it. */
  completionList(uri: string, position: Position): Promise<CompletionItem[] | CompletionList | null> {
    return this.connection.sendRequest('textDocument/completion', { textDocument: { uri }, position });
  }

  completion(uri: string, position: Position): Promise<CompletionItem[]> {
    return this.connection.sendRequest<CompletionItem[] | CompletionList | null>('textDocument/completion', { textDocument: { uri }, position })
      .then(r => (r === null ? [] : Array.isArray(r) ? r : r.items));
  }

  hover(uri: string, position: Position): Promise<Hover | null> {
    return this.connection.sendRequest('textDocument/hover', { textDocument: { uri }, position });
  }

  signatureHelp(uri: string, position: Position): Promise<SignatureHelp | null> {
    return this.connection.sendRequest('textDocument/signatureHelp', { textDocument: { uri }, position });
  }

  async codeActions(uri: string, range: Range, only?: string[]): Promise<CodeAction[]> {
    const diagnostics = this.diagnostics.get(uri)?.diagnostics ?? [];
    const r = await this.connection.sendRequest<CodeAction[] | null>('textDocument/codeAction', {
      textDocument: { uri },
      range,
      context: { diagnostics, ...(only ? { only } : {}) },
    });
    return r ?? [];
  }

  async codeLenses(uri: string): Promise<CodeLens[]> {
    return (await this.connection.sendRequest<CodeLens[] | null>('textDocument/codeLens', { textDocument: { uri } })) ?? [];
  }

  callAtPosition(uri: string, position: Position): Promise<CallAtPositionResult> {
    return this.connection.sendRequest('omnichannel/callAtPosition', { textDocument: { uri }, position });
  }

  /** Applies a code action's edit the way an editor would: refusing it when its version is stale. */
  async applyAction(uri: string, action: CodeAction): Promise<PublishDiagnosticsParams> {
    const change = action.edit?.documentChanges?.[0];
    if (!change || !('textDocument' in change)) throw new Error(`action "${action.title}" has no versioned document edit`);
    if (change.textDocument.uri !== uri || change.textDocument.version !== this.versions.get(uri)) {
      throw new Error(`action "${action.title}" targets version ${change.textDocument.version}, the document is at ${this.versions.get(uri)}`);
    }
    const before = this.text(uri);
    const after = applyEdits(before, change.edits.map(e => ({ range: e.range, newText: 'newText' in e ? e.newText : e.snippet.value })));
    return this.change(uri, [{ text: after }]);
  }

  /** Shuts the server down politely and waits for the process to exit. */
  async stop(): Promise<number | null> {
    if (this.process.exitCode === null) {
      try {
        await this.connection.sendRequest('shutdown');
        await this.connection.sendNotification('exit');
      } catch {
        this.process.kill();
      }
    }
    const code = await this.exited;
    this.connection.dispose();
    return code;
  }
}

/** Zero-based position of an offset. */
export function positionAt(text: string, offset: number): Position {
  const before = text.slice(0, offset);
  const line = before.split('\n').length - 1;
  return { line, character: offset - (before.lastIndexOf('\n') + 1) };
}

export function offsetAt(text: string, position: Position): number {
  const lines = text.split('\n');
  let offset = 0;
  for (let i = 0; i < position.line && i < lines.length; i++) offset += lines[i]!.length + 1;
  return offset + position.character;
}

/** The position just after the first occurrence of `needle` (plus `delta`). */
export function positionAfter(text: string, needle: string, delta = 0): Position {
  const i = text.indexOf(needle);
  if (i < 0) throw new Error(`"${needle}" not in the text`);
  return positionAt(text, i + needle.length + delta);
}

/** Applies LSP edits (non-overlapping, against the same text) from last to first. */
export function applyEdits(text: string, edits: readonly { range: Range; newText: string }[]): string {
  const sorted = [...edits].sort((a, b) => offsetAt(text, b.range.start) - offsetAt(text, a.range.start));
  let out = text;
  for (const e of sorted) out = out.slice(0, offsetAt(out, e.range.start)) + e.newText + out.slice(offsetAt(out, e.range.end));
  return out;
}
