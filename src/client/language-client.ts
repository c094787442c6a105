/**
 * Creates the language client for the Omnichannel server (dist/server.js over IPC) and rewrites the
 * server's "run this call" code lens titles to name the active environment.
 */
import * as vscode from 'vscode';
import { LanguageClient, TransportKind, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';
import { CodeLensRequest } from 'vscode-languageclient/node';
import { RunCallCommand } from '../protocol/lsp';
import { SERVER_EXEC_ARGV } from '../protocol/server-process';
import { CONFIG_SECTION } from './config';

const LANGUAGES = ['javascript', 'javascriptreact', 'typescript', 'typescriptreact'];

export interface LanguageClientHooks {
  /** Name of the environment a code lens would run in. */
  activeEnvironmentName(): string;
  readonly outputChannel: vscode.LogOutputChannel;
}

export function createLanguageClient(context: vscode.ExtensionContext, hooks: LanguageClientHooks): LanguageClient {
  const module = vscode.Uri.joinPath(context.extensionUri, 'dist', 'server.js').fsPath;
  const serverOptions: ServerOptions = {
    run: { module, transport: TransportKind.ipc, options: { execArgv: [...SERVER_EXEC_ARGV] } },
    debug: { module, transport: TransportKind.ipc, options: { execArgv: [...SERVER_EXEC_ARGV, '--nolazy', '--inspect=6019'] } },
  };
  const clientOptions: LanguageClientOptions = {
    // Any scheme (file, untitled, virtual workspaces such as vscode-vfs): the server gets the text over LSP
    // and uses the URI only as a name, never to read a file.
    documentSelector: LANGUAGES.map(language => ({ language })),
    synchronize: { configurationSection: CONFIG_SECTION },
    outputChannel: hooks.outputChannel,
    middleware: {
      provideCodeLenses: async (document, token, next) => {
        const lenses = await next(document, token);
        return lenses?.map(lens => retitle(lens, hooks.activeEnvironmentName()));
      },
      resolveCodeLens: async (lens, token, next) => {
        const resolved = await next(lens, token);
        return resolved ? retitle(resolved, hooks.activeEnvironmentName()) : resolved;
      },
    },
  };
  return new LanguageClient('omnichannel', 'Omnichannel Language Server', serverOptions, clientOptions);
}

function retitle(lens: vscode.CodeLens, environmentName: string): vscode.CodeLens {
  if (lens.command?.command === RunCallCommand) {
    lens.command = { ...lens.command, title: `▶ Run in ${environmentName}`, tooltip: `Run this call against ${environmentName}` };
  }
  return lens;
}

/** Asks VS Code to fetch code lenses again (their titles name the active environment). */
export function refreshCodeLenses(client: LanguageClient): void {
  if (!client.isRunning()) return;
  const feature = client.getFeature(CodeLensRequest.method);
  for (const editor of vscode.window.visibleTextEditors) {
    feature.getProvider(editor.document)?.onDidChangeCodeLensEmitter.fire();
  }
}
