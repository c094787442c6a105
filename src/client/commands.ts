/**
 * Every command the extension contributes, as one table of `(ctx) => handler`; the entry bundle registers
 * the ids (command-ids.ts) and each call comes here.
 * Commands that run a call resolve with its `LinkOutcome`, so keybindings, tasks and tests can use them.
 */
import * as vscode from 'vscode';
import { CallAtPositionRequest, type CallAtPositionParams, type CallAtPositionResult, type RunnableCallInfo } from '@omnichannel-tools/language-server';
import type { LinkMethod, LinkOutcome } from '../protocol/link';
import type { Context } from './ctx';
import { environmentPickItems } from './environments/selection';
import type { EnvironmentEntry } from '../environments/types';
import { askForCall } from './link/link-flow';
import { realCallBlockedReason } from './link/outcome-text';
import { readCallArgument } from './link/call-argument';
import type { CommandId } from './command-ids';
import { tryCompletion, tryQuickFix } from './walkthrough';
import { addEnvironment, importFromPac, type ImportArguments } from './environments/add-environment';
import { createSimulatorData } from './environments/seed-simulator';
import { webResourcesModule } from './lazy';

type Handler = (...args: unknown[]) => unknown;

const COMMANDS: Record<CommandId, (ctx: Context) => Handler> = {
  'omnichannel.linkRecord': ctx => arg => linkOrUnlink(ctx, 'linkToConversation', arg),
  'omnichannel.unlinkRecord': ctx => arg => linkOrUnlink(ctx, 'unlinkFromConversation', arg),
  'omnichannel.runCallAtCursor': ctx => () => runCallAtCursor(ctx),
  'omnichannel.runCall': ctx => (info, environment) => runCodeLensCall(ctx, info, environment),
  'omnichannel.selectEnvironment': ctx => name => selectEnvironment(ctx, name),
  'omnichannel.addEnvironment': ctx => () => addEnvironment(ctx),
  'omnichannel.importPacEnvironments': ctx => arg => importFromPac(ctx, readImportArguments(arg)),
  'omnichannel.createSimulatorData': ctx => arg => createSimulatorData(ctx, arg),
  'omnichannel.signIn': ctx => name => signInOrOut(ctx, name, 'in'),
  'omnichannel.signOut': ctx => name => signInOrOut(ctx, name, 'out'),
  'omnichannel.resetSimulator': ctx => options => resetSimulator(ctx, options),
  'omnichannel.openPanel': ctx => () => ctx.panel.reveal(),
  'omnichannel.showLog': ctx => () => ctx.log.show(),
  'omnichannel.restartServer': ctx => () => ctx.restartLanguageClient(),
  'omnichannel.walkthrough.tryCompletion': () => () => tryCompletion(),
  'omnichannel.walkthrough.tryQuickFix': () => () => tryQuickFix(),
  'omnichannel.publishWebResource': ctx => (uri, uris) => webResourcesModule().publishCommand(ctx, uri, uris),
  'omnichannel.publishAllWebResources': ctx => () => webResourcesModule().publishAllCommand(ctx),
  'omnichannel.pullWebResource': ctx => uri => webResourcesModule().pullCommand(ctx, uri),
};

/** Runs command `id` with VS Code's arguments; a failure is logged and shown, and resolves with `undefined`. */
export async function runCommand(ctx: Context, id: CommandId, args: readonly unknown[]): Promise<unknown> {
  try {
    return await COMMANDS[id](ctx)(...args);
  } catch (error) {
    // A bug must not vanish: say which command failed and keep the details in the log.
    const message = error instanceof Error ? error.message : String(error);
    ctx.log.error(`${id} failed: ${error instanceof Error && error.stack ? error.stack : message}`);
    void vscode.window.showErrorMessage(`Omnichannel: ${message}`);
    return undefined;
  }
}

async function linkOrUnlink(ctx: Context, method: LinkMethod, arg: unknown): Promise<LinkOutcome | undefined> {
  const argument = readCallArgument(arg);
  if (argument.kind === 'call') {
    return ctx.runLinkCall(method, argument.request, { source: 'command', ...(argument.environment === undefined ? {} : { environment: argument.environment }) });
  }
  if (argument.kind === 'invalid') {
    void vscode.window.showErrorMessage(`Omnichannel: ${argument.message}`);
    return undefined;
  }
  await ctx.environments.ready();
  const environment = ctx.activeEnvironment();
  if (!mayCallFromHere(environment)) return undefined;
  // The conversation list below is the first real call: sign in now (a dialog) rather than fail it.
  if (environment.kind === 'dataverse' && ctx.signIn.state(environment) !== 'signed-in' && !(await ctx.signIn.ensureSignedIn(environment.definition))) return undefined;
  const backend = await ctx.backends.get(environment);
  const call = await askForCall(method, backend, { log: ctx.log, linkableStatus: ctx.config.linkableStatus });
  return call ? ctx.runLinkCall(method, call.request, { environment: environment.name, source: 'palette', names: call.names }) : undefined;
}

/** Listing conversations in a real environment is a real call too: refused in an untrusted workspace. */
function mayCallFromHere(environment: EnvironmentEntry): boolean {
  if (environment.kind === 'simulator') return true;
  const blocked = realCallBlockedReason(vscode.workspace.isTrusted, environment.name);
  if (blocked) void vscode.window.showWarningMessage(blocked);
  return blocked === undefined;
}

async function runCallAtCursor(ctx: Context): Promise<LinkOutcome | undefined> {
  const editor = vscode.window.activeTextEditor;
  if (!editor) {
    void vscode.window.showInformationMessage('Open a JavaScript or TypeScript file and put the cursor on a linkToConversation or unlinkFromConversation call.');
    return undefined;
  }
  const client = ctx.client;
  if (!client || !client.isRunning()) {
    void vscode.window.showWarningMessage('The Omnichannel language server is not running yet. Try again in a moment, or run "Omnichannel: Restart Language Server".');
    return undefined;
  }
  const params: CallAtPositionParams = {
    textDocument: { uri: client.code2ProtocolConverter.asUri(editor.document.uri) },
    position: { line: editor.selection.active.line, character: editor.selection.active.character },
  };
  const result = await client.sendRequest<CallAtPositionResult>(CallAtPositionRequest, params);
  if ('problem' in result) {
    void vscode.window.showInformationMessage(result.problem);
    return undefined;
  }
  return runCodeLensCall(ctx, result.call, undefined, 'cursor');
}

/** Runs a code lens's call in the active environment, or in `environment` when the lens names one. */
async function runCodeLensCall(ctx: Context, info: unknown, environment?: unknown, source: 'codeLens' | 'cursor' = 'codeLens'): Promise<LinkOutcome | undefined> {
  if (!isRunnableCall(info)) {
    void vscode.window.showErrorMessage('Omnichannel: this call cannot run: its arguments were not understood. Edit the file and try again.');
    return undefined;
  }
  await ctx.environments.ready();
  const request = {
    entityLogicalName: info.entityLogicalName,
    recordId: info.recordId,
    ...(info.conversationId === undefined ? {} : { conversationId: info.conversationId }),
  };
  return ctx.runLinkCall(info.method, request, { source, ...(typeof environment === 'string' ? { environment } : {}) });
}

function isRunnableCall(value: unknown): value is RunnableCallInfo {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Partial<RunnableCallInfo>;
  return (v.method === 'linkToConversation' || v.method === 'unlinkFromConversation')
    && typeof v.entityLogicalName === 'string' && typeof v.recordId === 'string'
    && (v.conversationId === undefined || typeof v.conversationId === 'string');
}

/** With a name (tests, keybindings): switches without asking. Resolves with the active environment's name. */
async function selectEnvironment(ctx: Context, name: unknown): Promise<string | undefined> {
  await ctx.environments.ready();
  if (typeof name === 'string') {
    if (!ctx.environments.find(name)) {
      void vscode.window.showErrorMessage(`Omnichannel: there is no environment named "${name}".`);
      return undefined;
    }
    await ctx.environments.setActive(name);
    return name;
  }
  const environments = ctx.environments.list();
  const items: Array<vscode.QuickPickItem & { name?: string }> = [
    ...environmentPickItems(environments, ctx.activeEnvironment().name, environment => ctx.signIn.state(environment)),
    { label: '', kind: vscode.QuickPickItemKind.Separator },
    { label: '$(add) Add Environment…', detail: 'To .omnichannel/environments.json, your user settings, or from your pac CLI sign-ins.', alwaysShow: true },
  ];
  const picked = await vscode.window.showQuickPick(items, {
    title: 'Run link calls against which environment?',
    placeHolder: 'Pick an environment; switching does not sign in (the first call or "Sign in" does)',
    matchOnDescription: true,
  });
  if (!picked) return undefined;
  if (picked.name === undefined) {
    await addEnvironment(ctx);
    return undefined;
  }
  await ctx.environments.setActive(picked.name);
  return picked.name;
}

/** The import command's optional argument: `{ destination?: 'workspace' | 'settings', profiles?: 'all' | number[] }`. */
function readImportArguments(arg: unknown): ImportArguments {
  if (typeof arg !== 'object' || arg === null) return {};
  const { destination, profiles } = arg as Record<string, unknown>;
  return {
    ...(destination === 'workspace' || destination === 'settings' ? { destination } : {}),
    ...(profiles === 'all' ? { profiles } : Array.isArray(profiles) && profiles.every(p => Number.isInteger(p)) ? { profiles: profiles as number[] } : {}),
  };
}

async function signInOrOut(ctx: Context, name: unknown, direction: 'in' | 'out'): Promise<boolean> {
  await ctx.environments.ready();
  const environment = typeof name === 'string' ? ctx.environments.find(name) : ctx.activeEnvironment();
  if (!environment) {
    void vscode.window.showErrorMessage(`Omnichannel: there is no environment named "${String(name)}".`);
    return false;
  }
  if (environment.kind === 'simulator') {
    void vscode.window.showInformationMessage('The Simulator needs no sign-in. Pick a Dataverse environment with "Omnichannel: Select Environment…" first.');
    return false;
  }
  if (direction === 'out') {
    await ctx.signIn.signOut(environment.definition);
    return true;
  }
  if (!mayCallFromHere(environment)) return false;
  return ctx.signIn.signIn(environment.definition);
}

/** Asks first (it discards the simulated links); `{ confirmed: true }` skips the question. */
async function resetSimulator(ctx: Context, options: unknown): Promise<boolean> {
  const confirmed = typeof options === 'object' && options !== null && (options as { confirmed?: unknown }).confirmed === true;
  if (!confirmed) {
    const reset = 'Reset';
    const answer = await vscode.window.showWarningMessage('Reset the simulator? Every link made in it is discarded and its conversations return to the seed.', { modal: true }, reset);
    if (answer !== reset) return false;
  }
  await ctx.backends.resetSimulator();
  ctx.log.info('Simulator reset to its seed.');
  ctx.panel.refresh();
  if (!confirmed) void vscode.window.showInformationMessage('The simulator was reset to its seed.');
  return true;
}
