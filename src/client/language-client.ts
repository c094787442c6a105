/**
 * Creates the language client for the Omnichannel server (dist/server-main.js over IPC) and rewrites the
 * server's "run this call" code lens titles to name the active environment (see code-lens-titles).
 */
import * as vscode from 'vscode';
import { LanguageClient, TransportKind, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';
import { CodeLensRequest } from 'vscode-languageclient/node';
import { RunCallCommand } from '@omnichannel-tools/language-server';
import { LOOKUP_IDS_OPTION, LookupIdsRequest } from '../protocol/lookup';
import { SERVER_EXEC_ARGV, serverEnv } from '@omnichannel-tools/language-server';
import { buildSnapshot, discardSnapshot, snapshotState, type SnapshotOptions } from '../server-loader/startup-snapshot';
import { CONFIG_SECTION } from './config';
import { runLensCommands, type ActiveEnvironment } from './code-lens-titles';
import { IdLookup, type IdLookupOptions } from './record-lookup/lookup';
import type { EnvironmentEntry } from '../environments/types';

const LANGUAGES = ['javascript', 'javascriptreact', 'typescript', 'typescriptreact'];
/** The URI schemes of documents our server analyses (see `documentSelector`). */
export const DOCUMENT_SCHEMES = ['file', 'untitled', 'vscode-remote', 'vscode-vfs'];

export interface LanguageClientHooks {
  /** The environment a code lens would run in. */
  activeEnvironment(): ActiveEnvironment;
  readonly outputChannel: vscode.LogOutputChannel;
  /** Hears how the server is being started. */
  onStart?(from: 'startup snapshot' | 'code cache'): void;
  /** Where records and conversations for completion and hover of ids come from (see record-lookup). */
  readonly idLookup?: IdLookupOptions<EnvironmentEntry> & { readonly onDidChange: vscode.Event<unknown>[] };
}

export function createLanguageClient(context: vscode.ExtensionContext, hooks: LanguageClientHooks): LanguageClient {
  // server-main.js runs server.js through V8's code cache, kept in the extension's global storage and
  // keyed by the bundle and Node version, so every start after the first compiles far less. Once a
  // startup snapshot is built for this runtime, the server starts from it instead (server-main.js is then
  // only the process's name: the snapshot holds the server).
  const module = vscode.Uri.joinPath(context.extensionUri, 'dist', 'server-main.js').fsPath;
  const env = { ...serverEnv(process.env), OMNICHANNEL_CODE_CACHE_DIR: vscode.Uri.joinPath(context.globalStorageUri, 'code-cache').fsPath };
  const snapshot = startupSnapshot(context);
  const fromSnapshot = snapshot.kind === 'ready' ? snapshot.execArgv : [];
  hooks.onStart?.(snapshot.kind === 'ready' ? 'startup snapshot' : 'code cache');
  hooks.outputChannel.info(`Language server: ${snapshot.kind === 'ready' ? 'starting from its startup snapshot' : `starting through the code cache (startup snapshot ${snapshot.kind}: ${snapshot.reason})`}.`);
  const serverOptions: ServerOptions = {
    run: { module, transport: TransportKind.ipc, options: { execArgv: [...SERVER_EXEC_ARGV, ...fromSnapshot], env } },
    // Debugging loads server.js directly: breakpoints and source maps need the file, not the cache.
    debug: { module: vscode.Uri.joinPath(context.extensionUri, 'dist', 'server.js').fsPath, transport: TransportKind.ipc, options: { execArgv: [...SERVER_EXEC_ARGV, '--nolazy', '--inspect=6019'] } },
  };
  const clientOptions: LanguageClientOptions = {
    // The schemes of documents a person edits: files on disk (`file`; code-server opens workspace files
    // as `file` too, and a remote window as `vscode-remote`), new unsaved ones (`untitled`) and virtual
    // workspaces (`vscode-vfs`). Read-only copies shown beside them, such as the environment's copy of a web
    // resource in a publish diff (`omnichannel-webresource`), are left out: their findings are not the
    // person's to fix and would crowd the Problems panel. The server uses the URI only as a name.
    documentSelector: LANGUAGES.flatMap(language => DOCUMENT_SCHEMES.map(scheme => ({ language, scheme }))),
    // File events let whole-workspace diagnostics (omnichannel.diagnostics.workspace) follow unopened files.
    synchronize: { configurationSection: CONFIG_SECTION, fileEvents: vscode.workspace.createFileSystemWatcher('**/*.{js,jsx,ts,tsx,mjs,cjs}') },
    outputChannel: hooks.outputChannel,
    initializationOptions: {
      // Read once, when the server starts: how long a call being typed stays free of diagnostics.
      typingPauseMs: vscode.workspace.getConfiguration(CONFIG_SECTION).get<number>('diagnostics.typingPauseMs'),
      // Tells the server this client answers omnichannel/lookupIds; other editors never get asked.
      ...(hooks.idLookup ? { [LOOKUP_IDS_OPTION]: true } : {}),
    },
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
  const client = new LanguageClient('omnichannel', 'Omnichannel Language Server', serverOptions, clientOptions);
  if (hooks.idLookup) answerLookups(context, client, hooks.idLookup);
  return client;
}

/** Answers the server's `omnichannel/lookupIds`; the server's cancellation aborts the environment's request. */
function answerLookups(context: vscode.ExtensionContext, client: LanguageClient, options: NonNullable<LanguageClientHooks['idLookup']>): void {
  const lookup = new IdLookup(options);
  for (const event of options.onDidChange) context.subscriptions.push(event(() => lookup.clear()));
  client.onRequest(LookupIdsRequest, async (params: unknown, token: vscode.CancellationToken) => {
    const controller = new AbortController();
    const cancelled = token.onCancellationRequested(() => controller.abort());
    try {
      return await lookup.lookup(params, controller.signal);
    } finally {
      cancelled.dispose();
    }
  });
}

function snapshotOptions(context: vscode.ExtensionContext): SnapshotOptions {
  return {
    builder: vscode.Uri.joinPath(context.extensionUri, 'dist', 'server.js').fsPath,
    dir: vscode.Uri.joinPath(context.globalStorageUri, 'startup-snapshot').fsPath,
    execArgv: SERVER_EXEC_ARGV,
  };
}

type StartupSnapshot = ReturnType<typeof snapshotState> | { readonly kind: 'off'; readonly reason: string };

function startupSnapshot(context: vscode.ExtensionContext): StartupSnapshot {
  if (!vscode.workspace.getConfiguration(CONFIG_SECTION).get<boolean>('languageServer.startupSnapshot', true)) {
    return { kind: 'off', reason: 'omnichannel.languageServer.startupSnapshot is off' };
  }
  try {
    return snapshotState(snapshotOptions(context));
  } catch (error) {
    return { kind: 'missing', reason: error instanceof Error ? error.message : String(error) };
  }
}

/**
 * Forgets the startup snapshot after a server started from it failed: the next start (Restart Language
 * Server, or the next window) uses the code cache, and a new snapshot is built after it.
 */
export function discardStartupSnapshot(context: vscode.ExtensionContext): void {
  const state = startupSnapshot(context);
  if (state.kind === 'ready') discardSnapshot(state.file);
}

/**
 * Builds the startup snapshot in the background when there is none for this runtime yet, at low priority,
 * after the server has started; the next start uses it. Never throws: without it the code cache serves.
 */
export async function prepareStartupSnapshot(context: vscode.ExtensionContext, log: vscode.LogOutputChannel): Promise<void> {
  if (startupSnapshot(context).kind !== 'missing') return;
  try {
    const outcome = await buildSnapshot(snapshotOptions(context));
    if (outcome.kind === 'built') log.info('Language server: built its startup snapshot; the next start uses it.');
    else log.info(`Language server: this runtime cannot start from a snapshot (${outcome.reason}); it keeps using the code cache.`);
  } catch (error) {
    log.warn(`Language server: the startup snapshot was not built: ${error instanceof Error ? error.message : String(error)}`);
  }
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
