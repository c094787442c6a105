/** Drives the bundled language server over stdio, as an editor would, and times its answers. */
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import {
  createProtocolConnection, StreamMessageReader, StreamMessageWriter, type ProtocolConnection,
  InitializeRequest, InitializedNotification, DidOpenTextDocumentNotification, DidChangeTextDocumentNotification,
  PublishDiagnosticsNotification, CompletionRequest, ConfigurationRequest, RegistrationRequest,
  WorkDoneProgressCreateRequest, ShutdownRequest, ExitNotification, LogMessageNotification, type PublishDiagnosticsParams,
} from 'vscode-languageserver-protocol/node';
import { SERVER_EXEC_ARGV, serverEnv } from '@omnichannel-tools/language-server';

const now = (): number => Number(process.hrtime.bigint()) / 1e6;

export class LspBench {
  private readonly waiters = new Map<string, (p: PublishDiagnosticsParams) => void>();
  private version = 1;

  private readonly logged: string[] = [];
  private logWaiter: (() => void) | undefined;

  private constructor(private readonly child: ChildProcess, private readonly connection: ProtocolConnection, settings: unknown) {
    connection.onNotification(PublishDiagnosticsNotification.type, params => {
      const key = `${params.uri}#${params.version ?? ''}`;
      const waiter = this.waiters.get(key) ?? this.waiters.get(`${params.uri}#`);
      if (waiter) waiter(params);
    });
    // The `omnichannel` section the bench was given, as VS Code answers `workspace/configuration`.
    connection.onRequest(ConfigurationRequest.type, params => params.items.map(item => (item.section === 'omnichannel' ? settings ?? null : null)));
    connection.onNotification(LogMessageNotification.type, params => {
      this.logged.push(params.message);
      this.logWaiter?.();
    });
    connection.onRequest(RegistrationRequest.type, () => undefined);
    connection.onRequest(WorkDoneProgressCreateRequest.type, () => undefined);
  }

  /**
   * Starts the server: `dist/server.js`, or another entry of `dist/` (`server-main.js`) with extra
   * environment, or from a startup snapshot (`execArgv: ['--snapshot-blob', file]`); `dist` names another
   * build's directory; `settings`, the `omnichannel` section the client answers.
   */
  static async start(options: { entry?: string; env?: NodeJS.ProcessEnv; execArgv?: readonly string[]; dist?: string; settings?: unknown } = {}): Promise<LspBench> {
    const server = path.join(options.dist ?? path.join(__dirname, '..', '..', 'dist'), options.entry ?? 'server.js');
    const env = { ...serverEnv(process.env), ...options.env };
    const child = spawn(process.execPath, [...SERVER_EXEC_ARGV, ...(options.execArgv ?? []), server, '--stdio'], { stdio: ['pipe', 'pipe', 'inherit'], env });
    const connection = createProtocolConnection(new StreamMessageReader(child.stdout!), new StreamMessageWriter(child.stdin!));
    connection.listen();
    const bench = new LspBench(child, connection, options.settings);
    await connection.sendRequest(InitializeRequest.type, {
      processId: process.pid, rootUri: null, workspaceFolders: null,
      capabilities: { workspace: { configuration: true }, textDocument: { publishDiagnostics: { versionSupport: true } } },
    });
    await connection.sendNotification(InitializedNotification.type, {});
    return bench;
  }

  private diagnosticsFor(uri: string, version: number): Promise<PublishDiagnosticsParams> {
    return new Promise(resolve => {
      const key = `${uri}#${version}`;
      this.waiters.set(key, p => { this.waiters.delete(key); resolve(p); });
    });
  }

  /** Opens a document and resolves when its first diagnostics arrive; returns the time taken in ms. */
  async openAndWait(text: string, uri: string): Promise<number> {
    const version = this.version++;
    const start = now();
    const done = this.diagnosticsFor(uri, version);
    await this.connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId: 'javascript', version, text } });
    await done;
    return now() - start;
  }

  /** Types and deletes one character mid-file `count` times; each sample is didChange → publishDiagnostics. */
  async editLatencies(text: string, count: number): Promise<{ open: number; samples: number[] }> {
    const uri = 'file:///bench/ten.js';
    const open = await this.openAndWait(text, uri);
    return { open, samples: await this.moreEdits(text, uri, count) };
  }

  /** `count` more one-character edits (typed, then deleted) of the open document `uri` whose text was `text`; sorted latencies. */
  async moreEdits(text: string, uri: string, count: number): Promise<number[]> {
    const line = text.slice(0, text.indexOf('function computeSla', text.length / 2)).split('\n').length - 1;
    const samples: number[] = [];
    for (let i = 0; i < count; i++) {
      const version = this.version++;
      const typed = i % 2 === 0;
      const range = { start: { line, character: 2 }, end: { line, character: typed ? 2 : 3 } };
      const start = now();
      const done = this.diagnosticsFor(uri, version);
      await this.connection.sendNotification(DidChangeTextDocumentNotification.type, {
        textDocument: { uri, version }, contentChanges: [{ range, text: typed ? 'x' : '' }],
      });
      await done;
      samples.push(now() - start);
    }
    return samples.sort((a, b) => a - b);
  }

  /** Completion requests right after `marker` occurrences; sorted latencies in ms. */
  async completionLatencies(text: string, marker: string, count: number): Promise<number[]> {
    const uri = 'file:///bench/completion.js';
    await this.openAndWait(text, uri);
    const lines = text.split('\n');
    const positions: { line: number; character: number }[] = [];
    lines.forEach((l, line) => { const c = l.indexOf(marker); if (c >= 0) positions.push({ line, character: c + marker.length }); });
    const samples: number[] = [];
    for (let i = 0; i < count; i++) {
      const start = now();
      await this.connection.sendRequest(CompletionRequest.type, { textDocument: { uri }, position: positions[i % positions.length]! });
      samples.push(now() - start);
    }
    return samples.sort((a, b) => a - b);
  }

  /** Resolves once the server has logged a message matching `pattern`. */
  async logs(pattern: RegExp): Promise<void> {
    while (!this.logged.some(m => pattern.test(m))) await new Promise<void>(resolve => { this.logWaiter = resolve; });
  }

  /** CPU time (user + system) the server process has used so far, in ms. */
  cpuMs(): number {
    const fields = readFileSync(`/proc/${this.child.pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
    return (Number(fields[11]) + Number(fields[12])) * 10;
  }

  /** The server process's peak resident memory so far (VmHWM), in MB. */
  peakMemoryMb(): number {
    const status = readFileSync(`/proc/${this.child.pid}/status`, 'utf8');
    const kb = Number(/VmHWM:\s+(\d+)/.exec(status)?.[1] ?? NaN);
    return kb / 1024;
  }

  async stop(): Promise<void> {
    const exited = new Promise(resolve => this.child.once('exit', resolve));
    try {
      await this.connection.sendRequest(ShutdownRequest.type);
      await this.connection.sendNotification(ExitNotification.type);
    } catch { this.child.kill(); }
    await exited;
    this.connection.dispose();
  }
}
