/**
 * "Create Simulator Data from Environment": asks first (what is read, where it is written, whether names
 * are kept), signs in if needed, reads through the Dataverse client with cancellable progress, and writes
 * `.omnichannel/simulator.json`. An existing file is replaced only after a confirmation, and is kept
 * beside it as `simulator.<time>.backup.json` first, so it is never lost.
 */
import * as vscode from 'vscode';
// The light module (the path and types only): the simulator's index brings ajv into the entry bundle.
import { SEED_FILE } from '@omnichannel-tools/testing/simulator/types';
import type { DataverseEntry } from '../../environments/types';
import type { Context } from '../ctx';
import { realCallBlockedReason } from '../link/outcome-text';
import { seedingModule } from '../lazy';
import { exists } from '../workspace-files';

/** The command's optional argument, for tests and keybindings: answers the questions in advance. */
export interface SeedArguments {
  readonly environment?: string;
  /** Skip the first question. */
  readonly confirmed?: boolean;
  readonly keepNames?: boolean;
  /** Replace an existing file (after backing it up) without asking. */
  readonly replace?: boolean;
}

export interface SeedOutcome {
  readonly written?: string;
  readonly backup?: string;
  readonly conversations?: number;
  readonly problem?: string;
}

export async function createSimulatorData(ctx: Context, arg: unknown): Promise<SeedOutcome> {
  const args = readArguments(arg);
  await ctx.environments.ready();
  const folder = vscode.workspace.workspaceFolders?.[0];
  if (!folder) return tell(`Open a folder first: the simulator data is written to ${SEED_FILE} in the workspace.`);
  const environment = await chooseEnvironment(ctx, args.environment);
  if (!environment) return {};
  const blocked = realCallBlockedReason(vscode.workspace.isTrusted, environment.name);
  if (blocked) return tell(blocked);

  const { SAMPLE_SIZE, MAX_CONVERSATIONS, seedFromEnvironment } = seedingModule();
  const target = vscode.Uri.joinPath(folder.uri, SEED_FILE);
  const existing = await exists(target);
  const scope = ctx.config.conversationScope;
  let keepNames = args.keepNames === true;
  if (!args.confirmed) {
    const placeholders = 'Create';
    const real = 'Create with Real Names';
    const answer = await vscode.window.showInformationMessage(
      `Create simulator data from ${environment.name}?`,
      {
        modal: true,
        detail: [
          `Reads (nothing is changed in ${environment.name}): up to ${MAX_CONVERSATIONS} open conversations (${scope === 'mine' ? 'yours' : 'all you can read'}, per omnichannel.conversations.scope), the accounts, contacts and cases they link, and ${SAMPLE_SIZE} records of each of those tables.`,
          `Writes ${SEED_FILE}${existing ? ' (it exists: you are asked before it is replaced, and it is backed up first)' : ''}.`,
          'Conversation data is personal data: account and contact names and conversation titles are replaced with placeholders unless you choose real names.',
        ].join('\n\n'),
      },
      placeholders,
      real,
    );
    if (answer === undefined) return {};
    keepNames = answer === real;
  }
  if (existing && !args.replace) {
    const replace = 'Back Up and Replace';
    const answer = await vscode.window.showWarningMessage(`${SEED_FILE} exists. Replace it?`, { modal: true, detail: 'The current file is first copied next to it as simulator.<date-time>.backup.json.' }, replace);
    if (answer !== replace) return {};
  }
  if (!(await ctx.signIn.ensureSignedIn(environment.definition))) return { problem: 'not signed in' };

  let result;
  try {
    result = await vscode.window.withProgress(
      { location: vscode.ProgressLocation.Notification, title: `Reading ${environment.name}`, cancellable: true },
      (progress, token) => {
        const controller = new AbortController();
        token.onCancellationRequested(() => controller.abort());
        return seedFromEnvironment(
          { ...ctx.backends.dataverseOptions(environment), conversationScope: scope, keepNames },
          { signal: controller.signal, onProgress: message => progress.report({ message }) },
        );
      },
    );
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    ctx.log.warn(`Create Simulator Data from ${environment.name}: ${message}`);
    void vscode.window.showErrorMessage(`Omnichannel: could not create simulator data: ${message}`, 'Show Log').then(answer => { if (answer) ctx.log.show(true); });
    return { problem: message };
  }

  let backup: vscode.Uri | undefined;
  if (await exists(target)) {
    backup = vscode.Uri.joinPath(folder.uri, '.omnichannel', `simulator.${stamp()}.backup.json`);
    await vscode.workspace.fs.copy(target, backup, { overwrite: false });
  }
  await vscode.workspace.fs.createDirectory(vscode.Uri.joinPath(folder.uri, '.omnichannel'));
  await vscode.workspace.fs.writeFile(target, new TextEncoder().encode(result.text));
  for (const note of result.notes) ctx.log.info(note);
  const count = result.data.conversations.length;
  const summary = `Wrote ${SEED_FILE} from ${environment.name}: ${count} conversation${count === 1 ? '' : 's'}, ${Object.values(result.data.records).reduce((n, list) => n + list.length, 0)} records${keepNames ? '' : ', names replaced with placeholders'}${backup ? `; the previous file is ${vscode.workspace.asRelativePath(backup)}` : ''}.`;
  ctx.log.info(summary);
  void vscode.window.showInformationMessage(summary, 'Open File', 'Use Simulator').then(async answer => {
    if (answer === 'Open File') await vscode.window.showTextDocument(target);
    if (answer === 'Use Simulator') await ctx.environments.setActive('Simulator');
  });
  return { written: target.fsPath, ...(backup ? { backup: backup.fsPath } : {}), conversations: count };
}

async function chooseEnvironment(ctx: Context, name: string | undefined): Promise<DataverseEntry | undefined> {
  const real = ctx.environments.list().filter((e): e is DataverseEntry => e.kind === 'dataverse');
  if (name !== undefined) {
    const found = real.find(e => e.name === name);
    if (!found) void vscode.window.showErrorMessage(`Omnichannel: there is no Dataverse environment named "${name}".`);
    return found;
  }
  const active = ctx.activeEnvironment();
  if (active.kind === 'dataverse') return active;
  if (real.length === 0) {
    const add = 'Add Environment…';
    const answer = await vscode.window.showInformationMessage('There is no Dataverse environment to read from yet. Add one first.', add);
    if (answer === add) await vscode.commands.executeCommand('omnichannel.addEnvironment');
    return undefined;
  }
  if (real.length === 1) return real[0];
  const picked = await vscode.window.showQuickPick(real.map(e => ({ label: e.name, description: e.definition.url, environment: e })), { title: 'Create Simulator Data from which environment?' });
  return picked?.environment;
}

function readArguments(arg: unknown): SeedArguments {
  if (typeof arg !== 'object' || arg === null) return {};
  const a = arg as Record<string, unknown>;
  return {
    ...(typeof a['environment'] === 'string' ? { environment: a['environment'] } : {}),
    ...(a['confirmed'] === true ? { confirmed: true } : {}),
    ...(a['keepNames'] === true ? { keepNames: true } : {}),
    ...(a['replace'] === true ? { replace: true } : {}),
  };
}

function tell(message: string): SeedOutcome {
  void vscode.window.showInformationMessage(message);
  return { problem: message };
}

function stamp(): string {
  return new Date().toISOString().replace(/[-:]/g, '').replace(/\..*$/, '').replace('T', '-');
}

