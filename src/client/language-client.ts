/**
 * Creates the language client for the Omnichannel server (dist/server-main.js over IPC) and rewrites the
 * server's "run this call" code lens titles to name the active environment (see code-lens-titles).
 */
import * as vscode from 'vscode';
import { LanguageClient, TransportKind, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';
import { CodeLensRequest } from 'vscode-languageclient/node';
import { RunCallCommand } from '@omnichannel-tools/language-server';
import { SERVER_EXEC_ARGV } from '@omnichannel-tools/language-server';
import { CONFIG_SECTION } from './config';
import { runLensCommands, type ActiveEnvironment } from './code-lens-titles';

const LANGUAGES = ['javascript', 'javascriptreact', 'typescript', 'typescriptreact'];

export interface LanguageClientHooks {
  /** The environment a code lens would run in. */
  activeEnvironment(): ActiveEnvironment;
  readonly outputChannel: vscode.LogOutputChannel;
}

export function createLanguageClient(context: vscode.ExtensionContext, hooks: LanguageClientHooks): LanguageClient {
  // server-main.js runs server.js through V8's code cache, kept in the extension's global storage and
  // keyed by the bundle and Node version, so every start after the first compiles far less.
  const module = vscode.Uri.joinPath(context.extensionUri, 'dist', 'server-main.js').fsPath;
  const env = { ...process.env, OMNICHANNEL_CODE_CACHE_DIR: vscode.Uri.joinPath(context.globalStorageUri, 'code-cache').fsPath };
  const serverOptions: ServerOptions = {
    run: { module, transport: TransportKind.ipc, options: { execArgv: [...SERVER_EXEC_ARGV], env } },
    // Debugging loads server.js directly: breakpoints and source maps need the file, not the cache.
    debug: { module: vscode.Uri.joinPath(context.extensionUri, 'dist', 'server.js').fsPath, transport: TransportKind.ipc, options: { execArgv: [...SERVER_EXEC_ARGV, '--nolazy', '--inspect=6019'] } },
  };
  const clientOptions: LanguageClientOptions = {
    // Any scheme (file, untitled, virtual workspaces such as vscode-vfs): the server gets the text over LSP
    // and uses the URI only as a name, never to read a file.
    documentSelector: LANGUAGES.map(language => ({ language })),
    synchronize: { configurationSection: CONFIG_SECTION },
    // Read once, when the server starts: how long a call being typed stays free of diagnostics.
    initializationOptions: { typingPauseMs: vscode.workspace.getConfiguration(CONFIG_SECTION).get<number>('diagnostics.typingPauseMs') },
    outputChannel: hooks.outputChannel,
    middleware: {
      provideCodeLenses: async (document, token, next) => {
        const lenses = await next(document, token);
        const active = hooks.activeEnvironment();
        return lenses?.flatMap(lens => withEnvironment(lens, active));
      },
      resolveCodeLens: async (lens, token, next) => {
        const resolved = await next(lens, token);
        // A lens that already names its environment (the simulator one) keeps its title.
        if (!resolved?.command || resolved.command.command !== RunCallCommand || (resolved.command.arguments?.length ?? 0) > 1) return resolved;
        resolved.command = runLensCommands(resolved.command, hooks.activeEnvironment())[0];
        return resolved;
      },
    },
  };
  return new LanguageClient('omnichannel', 'Omnichannel Language Server', serverOptions, clientOptions);
}

/** The server's run lens as the client shows it: named after the active environment, plus the simulator's. */
function withEnvironment(lens: vscode.CodeLens, active: ActiveEnvironment): vscode.CodeLens[] {
  if (lens.command?.command !== RunCallCommand) return [lens];
  return runLensCommands(lens.command, active).map(command => new vscode.CodeLens(lens.range, command));
}

/** Asks VS Code to fetch code lenses again (their titles name the active environment). */
export function refreshCodeLenses(client: LanguageClient): void {
  if (!client.isRunning()) return;
  const feature = client.getFeature(CodeLensRequest.method);
  for (const editor of vscode.window.visibleTextEditors) {
    feature.getProvider(editor.document)?.onDidChangeCodeLensEmitter.fire();
  }
}
