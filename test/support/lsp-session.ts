/**
 * One short LSP session with a server process, as an editor would hold it: initialize, open one document,
 * wait for its diagnostics, then shutdown and exit, and wait for the process to end.
 */
import { spawn } from 'node:child_process';
import { pathToFileURL } from 'node:url';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter, type Diagnostic, type PublishDiagnosticsParams } from 'vscode-languageserver-protocol/node';

export interface SessionOptions {
  readonly command: string;
  readonly args: readonly string[];
  readonly cwd: string;
  readonly env?: NodeJS.ProcessEnv;
  /** The document: its file (for the URI) and text. */
  readonly file: string;
  readonly text: string;
}

export async function lspSession(options: SessionOptions): Promise<Diagnostic[]> {
  const child = spawn(options.command, [...options.args], { cwd: options.cwd, env: options.env ?? process.env, stdio: ['pipe', 'pipe', 'inherit'] });
  const closed = new Promise<number | null>(resolve => child.once('close', code => resolve(code)));
  const connection = createMessageConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin));
  try {
    const uri = pathToFileURL(options.file).href;
    const published = new Promise<PublishDiagnosticsParams>(resolve => {
      connection.onNotification('textDocument/publishDiagnostics', (params: PublishDiagnosticsParams) => {
        if (params.uri === uri) resolve(params);
      });
    });
    connection.onRequest('workspace/configuration', (params: { items: unknown[] }) => params.items.map(() => null));
    connection.listen();
    await connection.sendRequest('initialize', { processId: process.pid, rootUri: pathToFileURL(options.cwd).href, capabilities: {} });
    await connection.sendNotification('initialized', {});
    await connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'javascript', version: 1, text: options.text } });
    const { diagnostics } = await published;
    await connection.sendRequest('shutdown');
    await connection.sendNotification('exit');
    await closed;
    return diagnostics;
  } finally {
    connection.dispose();
    child.kill();
  }
}
