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
import { SettingsStore } from './settings';
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
  capabilities: {},
  lookupIds: false,
  workspaceFolders: [],
};

// A bug must not take the server down with the user's editor features; log it and keep serving.
process.on('uncaughtException', error => ctx.log.error(`Unexpected error: ${describeError(error)}`));
process.on('unhandledRejection', error => ctx.log.error(`Unexpected rejection: ${describeError(error)}`));

connection.onInitialize((params): InitializeResult => {
  ctx.capabilities = params.capabilities;
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

ctx.documents.listen(connection, (what, error) => ctx.log.error(`${what} failed: ${describeError(error)}`), sentence => ctx.log.error(sentence));
const diagnostics = registerDiagnostics(ctx);
registerCodeActions(ctx);
registerCompletion(ctx);
registerHover(ctx);
registerSignatureHelp(ctx);
registerCodeLens(ctx);
registerCallAtPosition(ctx);
const workspaceDiagnostics = registerWorkspaceDiagnostics(ctx);
connection.onInitialized(() => workspaceDiagnostics.rescan());

// No dynamic registration for configuration changes: the VS Code client synchronizes the `omnichannel`
// section itself, and other editors send the notification unasked; registering would double it.
connection.onDidChangeConfiguration(change => {
  try {
    ctx.settings.reset(change.settings);
    diagnostics.revalidateAll();
    refreshCodeLenses(ctx);
    workspaceDiagnostics.rescan();
  } catch (error) {
    ctx.log.error(`Configuration change failed: ${describeError(error)}`);
  }
});

connection.listen();
