/**
 * The Omnichannel language server. Runs in its own process over stdio (`node dist/server.js --stdio`,
 * for any LSP editor) or node-ipc (the VS Code client). It translates the editor-agnostic core into
 * LSP; each feature lives in `features/`.
 */
import {
  ProposedFeatures,
  TextDocumentSyncKind,
  createConnection,
  type InitializeResult,
} from 'vscode-languageserver/node';
import { AnalysisCache } from './analysis';
import type { ServerContext } from './context';
import { DocumentStore } from './documents';
import { describeError } from './guard';
import { MemoryControl, readMemoryMode } from './memory';
import { SettingsStore } from './settings';
import { EditTracker } from './typing';
import { registerCallAtPosition } from './features/call-at-position';
import { FIX_ALL_KIND, registerCodeActions } from './features/code-actions';
import { refreshCodeLenses, registerCodeLens } from './features/code-lens';
import { COMPLETION_TRIGGERS, registerCompletion } from './features/completion';
import { registerDiagnostics } from './features/diagnostics';
import { registerHover } from './features/hover';
import { clientAnswersLookups } from './features/id-lookup';
import { SIGNATURE_TRIGGERS, registerSignatureHelp } from './features/signature-help';
import { registerWorkspaceDiagnostics } from './features/workspace-diagnostics';

const connection = createConnection(ProposedFeatures.all);
const ctx: ServerContext = {
  connection,
  documents: new DocumentStore(),
  settings: new SettingsStore(connection),
  analyses: new AnalysisCache((ruleId, error) => connection.console.error(`Rule ${ruleId} failed: ${describeError(error)}`)),
  log: connection.console,
  typing: new EditTracker(),
  capabilities: {},
  lookupIds: false,
  workspaceFolders: [],
};

// A bug must not take the server down with the user's editor features; log it and keep serving.
process.on('uncaughtException', error => ctx.log.error(`Unexpected error: ${describeError(error)}`));
process.on('unhandledRejection', error => ctx.log.error(`Unexpected rejection: ${describeError(error)}`));

connection.onInitialize((params): InitializeResult => {
  ctx.capabilities = params.capabilities;
  // How long typing in a call pauses before its findings show; 0 shows them on every keystroke.
  const pause = (params.initializationOptions as { typingPauseMs?: unknown } | null | undefined)?.typingPauseMs;
  if (typeof pause === 'number' && Number.isFinite(pause) && pause >= 0 && pause <= 10_000) ctx.typing.pauseMs = pause;
  else if (pause !== undefined) ctx.log.warn(`Ignored initializationOptions.typingPauseMs (${JSON.stringify(pause)}): expected a number of milliseconds from 0 to 10000. Using ${ctx.typing.pauseMs}.`);
  ctx.lookupIds = clientAnswersLookups(params.initializationOptions);
  ctx.workspaceFolders = params.workspaceFolders?.map(f => f.uri) ?? (params.rootUri ? [params.rootUri] : []);
  ctx.settings.canPull = params.capabilities.workspace?.configuration === true;
  return {
    capabilities: {
      textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental },
      completionProvider: { triggerCharacters: COMPLETION_TRIGGERS, resolveProvider: false },
      hoverProvider: true,
      signatureHelpProvider: { triggerCharacters: SIGNATURE_TRIGGERS, retriggerCharacters: [','] },
      codeActionProvider: { codeActionKinds: ['quickfix', FIX_ALL_KIND], resolveProvider: true },
      codeLensProvider: { resolveProvider: false },
    },
    serverInfo: { name: 'omnichannel-language-server', version: '0.1.0' },
  };
});

ctx.documents.onDidEdit((entry, changes) => ctx.typing.record(entry.uri, changes));
ctx.documents.listen(connection, (what, error) => ctx.log.error(`${what} failed: ${describeError(error)}`), sentence => ctx.log.error(sentence));
const diagnostics = registerDiagnostics(ctx);
registerCodeActions(ctx);
registerCompletion(ctx);
registerHover(ctx);
registerSignatureHelp(ctx);
registerCodeLens(ctx);
registerCallAtPosition(ctx);
const workspaceDiagnostics = registerWorkspaceDiagnostics(ctx);
const memory = new MemoryControl();
/** `omnichannel.languageServer.memory`, read at start and after each configuration change. */
async function applyMemorySetting(): Promise<void> {
  const { mode, problem } = readMemoryMode(await ctx.settings.global());
  if (problem) ctx.settings.report([problem]);
  if (memory.apply(mode)) {
    ctx.log.info(mode === 'low'
      ? 'Memory: low (omnichannel.languageServer.memory): garbage is collected sooner, at some CPU per keystroke on very large files.'
      : 'Memory: default (omnichannel.languageServer.memory): V8 decides when to collect garbage.');
  }
}
connection.onInitialized(() => {
  workspaceDiagnostics.rescan();
  applyMemorySetting().catch(error => ctx.log.error(`Reading omnichannel.languageServer.memory failed: ${describeError(error)}`));
});

// No dynamic registration for configuration changes: the VS Code client synchronizes the `omnichannel`
// section itself, and other editors send the notification unasked; registering would double it.
connection.onDidChangeConfiguration(change => {
  try {
    ctx.settings.reset(change.settings);
    diagnostics.revalidateAll();
    refreshCodeLenses(ctx);
    workspaceDiagnostics.rescan();
    applyMemorySetting().catch(error => ctx.log.error(`Reading omnichannel.languageServer.memory failed: ${describeError(error)}`));
  } catch (error) {
    ctx.log.error(`Configuration change failed: ${describeError(error)}`);
  }
});

connection.listen();
