/**
 * Adding environments: the picker's "Add Environment…" (a commented template in the workspace file, or
 * the user's settings.json, each opened with the cursor on the URL) and "Import from pac CLI…" (the
 * Power Platform CLI's sign-ins, added with `microsoft` sign-in and their tenant). Writes keep every
 * existing entry and comment: the edits are computed on the text (see environments/writer.ts).
 */
import * as os from 'node:os';
import * as vscode from 'vscode';
import { ENVIRONMENTS_FILE, ENVIRONMENTS_SETTING, type EnvironmentDefinition } from '../../environments/types';
import type { PacProfileOffer } from '../../environments';
import type { Context } from '../ctx';
import { environmentsModule } from '../lazy';
import { exists } from '../workspace-files';

export type Destination = 'workspace' | 'settings';

/** What the import command does without prompts (tests, keybindings). */
export interface ImportArguments {
  /** Where to add them; asked when absent. */
  readonly destination?: Destination;
  /** Profiles to add by their 1-based index in pac's list, or `all` importable ones; asked when absent. */
  readonly profiles?: 'all' | readonly number[];
}

export interface ImportResult {
  readonly added: readonly string[];
  readonly destination?: Destination;
  /** Why nothing was added, when nothing was. */
  readonly problem?: string;
}

/** The "Add Environment…" choice: where a new environment goes. */
export async function addEnvironment(ctx: Context): Promise<void> {
  const folder = workspaceFolder();
  type Choice = vscode.QuickPickItem & { readonly action: 'file' | 'settings' | 'pac' };
  const items: Choice[] = [
    {
      action: 'file',
      label: `$(new-file) Add to ${ENVIRONMENTS_FILE}`,
      description: folder ? 'shared with the team, in the repository' : 'open a folder first',
      detail: 'Opens the file (created from a commented template if missing) with the cursor on the URL.',
    },
    { action: 'settings', label: '$(settings-gear) Add to user settings', description: ENVIRONMENTS_SETTING, detail: 'Only for you, in every workspace. Opens settings.json with the cursor on the URL.' },
    { action: 'pac', label: '$(cloud-download) Import from pac CLI…', description: 'Power Platform CLI sign-ins', detail: 'Adds the environments of your "pac auth create" profiles; no token is read from pac.' },
  ];
  const picked = await vscode.window.showQuickPick(items, { title: 'Add Environment', placeHolder: 'Where should the new environment go?' });
  if (!picked) return;
  if (picked.action === 'pac') {
    await importFromPac(ctx, {});
  } else if (picked.action === 'file') {
    await openTemplateInWorkspaceFile(ctx);
  } else {
    await openTemplateInSettings(ctx);
  }
}

/** Opens `.omnichannel/environments.json` (created from the template when missing) with a new entry's URL selected. */
export async function openTemplateInWorkspaceFile(ctx: Context): Promise<vscode.Uri | undefined> {
  const folder = workspaceFolder();
  if (!folder) {
    void vscode.window.showInformationMessage(`Open a folder first: ${ENVIRONMENTS_FILE} lives in the workspace. Or add the environment to your user settings.`);
    return undefined;
  }
  const { addEnvironments, environmentsFileTemplate, uniqueName, TEMPLATE_ENVIRONMENT } = environmentsModule();
  const uri = vscode.Uri.joinPath(folder.uri, ENVIRONMENTS_FILE);
  if (!(await exists(uri))) {
    await vscode.workspace.fs.createDirectory(vscode.Uri.joinPath(folder.uri, '.omnichannel'));
    await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(environmentsFileTemplate()));
    const document = await vscode.workspace.openTextDocument(uri);
    const url = document.getText().indexOf(TEMPLATE_ENVIRONMENT.url);
    await showSelected(document, url, TEMPLATE_ENVIRONMENT.url.length);
    ctx.log.info(`Created ${ENVIRONMENTS_FILE} from the template.`);
    return uri;
  }
  const document = await vscode.workspace.openTextDocument(uri);
  const name = uniqueName(TEMPLATE_ENVIRONMENT.name, ctx.environments.list().map(e => e.name));
  const added = addEnvironments(document.getText(), vscode.workspace.asRelativePath(uri), 'workspace-file', [{ ...TEMPLATE_ENVIRONMENT, name }]);
  await replaceText(document, added.text);
  const range = added.urlRanges[0];
  await showSelected(document, range?.offset ?? 0, range?.length ?? 0);
  return uri;
}

/** Opens the user's settings.json with a new `omnichannel.environments` entry's URL selected (not saved yet). */
export async function openTemplateInSettings(ctx: Context): Promise<void> {
  await vscode.commands.executeCommand('workbench.action.openSettingsJson');
  const editor = vscode.window.activeTextEditor;
  if (!editor || !/settings\.json$/i.test(editor.document.uri.path)) {
    await vscode.commands.executeCommand('workbench.action.openSettings', ENVIRONMENTS_SETTING);
    return;
  }
  const { addEnvironments, uniqueName, TEMPLATE_ENVIRONMENT } = environmentsModule();
  const name = uniqueName(TEMPLATE_ENVIRONMENT.name, ctx.environments.list().map(e => e.name));
  try {
    const added = addEnvironments(editor.document.getText(), 'settings.json', 'settings', [{ ...TEMPLATE_ENVIRONMENT, name }]);
    await replaceText(editor.document, added.text);
    const range = added.urlRanges[0];
    await showSelected(editor.document, range?.offset ?? 0, range?.length ?? 0);
  } catch (error) {
    void vscode.window.showErrorMessage(`Omnichannel: ${error instanceof Error ? error.message : String(error)}`);
  }
}

/** "Import from pac CLI…": reads pac's sign-ins, lets the user pick, and adds them where they choose. */
export async function importFromPac(ctx: Context, args: ImportArguments): Promise<ImportResult> {
  const environments = environmentsModule();
  await ctx.environments.ready();
  const read = await environments.readPacProfiles({ platform: process.platform, env: process.env, home: os.homedir(), override: ctx.config.pacProfilesPath });
  if (!read.ok) {
    ctx.log.warn(`pac CLI import: ${read.reason}`);
    void vscode.window.showErrorMessage(`Omnichannel: ${read.reason}`, 'Set Path…').then(answer => {
      if (answer) void vscode.commands.executeCommand('workbench.action.openSettings', 'omnichannel.pac.authProfilesPath');
    });
    return { added: [], problem: read.reason };
  }
  ctx.log.info(`pac CLI import: ${read.profiles.length} profile(s) in ${read.file}${read.legacy ? ' (the older file name)' : ''}.`);
  const known = new Map<string, string>();
  for (const environment of ctx.environments.list()) if (environment.kind === 'dataverse') known.set(environment.definition.url, environment.name);
  const offers = read.profiles.map(profile => ({ profile, already: profile.importable.ok ? known.get(profile.importable.url) : undefined }));
  const candidates = offers.filter(o => o.profile.importable.ok && o.already === undefined).map(o => o.profile);
  if (candidates.length === 0) {
    const why = offers.map(o => `${profileTitle(o.profile)}: ${o.already ? `already added as "${o.already}"` : o.profile.importable.ok ? '' : o.profile.importable.reason}`).join(' ');
    const problem = read.profiles.length === 0
      ? `${read.file} lists no profiles. Sign in with "pac auth create --environment <url>" first.`
      : `None of the ${read.profiles.length} pac profile(s) in ${read.file} can be added. ${why}`;
    void vscode.window.showWarningMessage(`Omnichannel: ${problem}`);
    return { added: [], problem };
  }
  const chosen = args.profiles === undefined ? await pickProfiles(offers, read.file) : candidates.filter(p => args.profiles === 'all' || args.profiles?.includes(p.index));
  if (!chosen || chosen.length === 0) return { added: [] };
  const destination = args.destination ?? await pickDestination();
  if (!destination) return { added: [] };
  if (destination === 'workspace' && !vscode.workspace.isTrusted) {
    const problem = `${ENVIRONMENTS_FILE} is ignored in an untrusted workspace: add the environments to your user settings, or trust the workspace first.`;
    void vscode.window.showWarningMessage(`Omnichannel: ${problem}`);
    return { added: [], destination, problem };
  }
  const taken = ctx.environments.list().map(e => e.name);
  const definitions: EnvironmentDefinition[] = [];
  const urls = new Set<string>();
  for (const profile of chosen) {
    if (!profile.importable.ok || urls.has(profile.importable.url)) continue;
    urls.add(profile.importable.url);
    const name = environments.uniqueName(suggestedName(profile), [...taken, ...definitions.map(d => d.name)]);
    definitions.push({ name, url: profile.importable.url, authentication: { type: 'microsoft', ...(profile.tenant ? { tenant: profile.tenant } : {}) } });
  }
  try {
    if (destination === 'workspace') await addToWorkspaceFile(definitions);
    else await addToSettings(definitions);
  } catch (error) {
    const problem = error instanceof Error ? error.message : String(error);
    void vscode.window.showErrorMessage(`Omnichannel: ${problem}`);
    return { added: [], destination, problem };
  }
  await ctx.environments.reload();
  const names = definitions.map(d => `"${d.name}"`).join(', ');
  const where = destination === 'workspace' ? ENVIRONMENTS_FILE : `your user settings (${ENVIRONMENTS_SETTING})`;
  ctx.log.info(`pac CLI import: added ${names} to ${where}.`);
  void vscode.window.showInformationMessage(`Added ${names} to ${where}. Pick one in the status bar; you sign in on the first call or with "Sign in".`, 'Select Environment').then(answer => {
    if (answer) void vscode.commands.executeCommand('omnichannel.selectEnvironment');
  });
  return { added: definitions.map(d => d.name), destination };
}

async function pickProfiles(offers: ReadonlyArray<{ profile: PacProfileOffer; already: string | undefined }>, file: string): Promise<PacProfileOffer[] | undefined> {
  type Item = vscode.QuickPickItem & { readonly profile?: PacProfileOffer };
  const importable: Item[] = [];
  const other: Item[] = [];
  for (const { profile, already } of offers) {
    const facts = [profile.profileName ? `profile "${profile.profileName}"` : `profile ${profile.index}`, profile.user, profile.tenant ? `tenant ${profile.tenant}` : undefined, profile.active ? 'pac\'s active profile' : undefined].filter(Boolean).join(' · ');
    if (profile.importable.ok && already === undefined) {
      importable.push({ profile, label: suggestedName(profile), description: profile.importable.url, detail: facts, picked: true });
    } else {
      const reason = already !== undefined ? `Already added as "${already}".` : profile.importable.ok ? '' : profile.importable.reason;
      other.push({ label: `$(circle-slash) ${profileTitle(profile)}`, description: profile.rawUrl ?? '', detail: `Not importable: ${reason} (${facts})` });
    }
  }
  const items: Item[] = other.length > 0 ? [...importable, { label: 'Not importable', kind: vscode.QuickPickItemKind.Separator }, ...other] : importable;
  const picked = await vscode.window.showQuickPick(items, {
    title: 'Import from pac CLI',
    placeHolder: `Environments of your pac sign-ins (${file}). They are added with Microsoft sign-in; pac's tokens are never read.`,
    canPickMany: true,
    matchOnDescription: true,
    matchOnDetail: true,
  });
  if (!picked) return undefined;
  const skipped = picked.filter(p => !p.profile);
  if (skipped.length > 0) void vscode.window.showInformationMessage(`Skipped ${skipped.length} profile(s) that cannot be imported: their reasons are shown in the list.`);
  return picked.flatMap(p => (p.profile ? [p.profile] : []));
}

async function pickDestination(): Promise<Destination | undefined> {
  const folder = workspaceFolder();
  const items: Array<vscode.QuickPickItem & { destination: Destination }> = [];
  if (folder && vscode.workspace.isTrusted) {
    items.push({ destination: 'workspace', label: `$(file) ${ENVIRONMENTS_FILE}`, description: 'shared with the team', detail: 'Created if missing; existing entries and comments are kept.' });
  }
  items.push({ destination: 'settings', label: '$(settings-gear) User settings', description: ENVIRONMENTS_SETTING, detail: 'Only for you, in every workspace.' });
  if (items.length === 1) return 'settings';
  return (await vscode.window.showQuickPick(items, { title: 'Import from pac CLI', placeHolder: 'Add the environments where?' }))?.destination;
}

async function addToWorkspaceFile(definitions: readonly EnvironmentDefinition[]): Promise<void> {
  const folder = workspaceFolder();
  if (!folder) throw new Error(`Open a folder first: ${ENVIRONMENTS_FILE} lives in the workspace.`);
  const { addEnvironments } = environmentsModule();
  const uri = vscode.Uri.joinPath(folder.uri, ENVIRONMENTS_FILE);
  const label = vscode.workspace.asRelativePath(uri);
  if (!(await exists(uri))) {
    await vscode.workspace.fs.createDirectory(vscode.Uri.joinPath(folder.uri, '.omnichannel'));
    await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(addEnvironments('', label, 'workspace-file', definitions).text));
    return;
  }
  const document = await vscode.workspace.openTextDocument(uri);
  await replaceText(document, addEnvironments(document.getText(), label, 'workspace-file', definitions).text);
  await document.save();
}

async function addToSettings(definitions: readonly EnvironmentDefinition[]): Promise<void> {
  const section = vscode.workspace.getConfiguration('omnichannel');
  const existing = section.inspect<unknown>('environments')?.globalValue;
  if (existing !== undefined && !Array.isArray(existing)) throw new Error(`${ENVIRONMENTS_SETTING} in your user settings is not a list, so nothing was added. Make it a list ([ … ]) first.`);
  // VS Code's settings writer keeps the rest of settings.json, comments included.
  await section.update('environments', [...((existing as unknown[] | undefined) ?? []), ...definitions.map(d => ({ ...d, authentication: { ...d.authentication } }))], vscode.ConfigurationTarget.Global);
}

function suggestedName(profile: PacProfileOffer): string {
  if (profile.environmentName) return profile.environmentName;
  if (profile.profileName) return profile.profileName;
  if (profile.importable.ok) return new URL(profile.importable.url).hostname.split('.')[0] ?? 'Environment';
  return `pac profile ${profile.index}`;
}

function profileTitle(profile: PacProfileOffer): string {
  return profile.environmentName ?? profile.profileName ?? `Profile ${profile.index}`;
}

function workspaceFolder(): vscode.WorkspaceFolder | undefined {
  return vscode.workspace.workspaceFolders?.[0];
}

async function replaceText(document: vscode.TextDocument, text: string): Promise<void> {
  if (document.getText() === text) return;
  const edit = new vscode.WorkspaceEdit();
  edit.replace(document.uri, new vscode.Range(document.positionAt(0), document.positionAt(document.getText().length)), text);
  await vscode.workspace.applyEdit(edit);
}

async function showSelected(document: vscode.TextDocument, offset: number, length: number): Promise<void> {
  const start = document.positionAt(Math.max(0, offset));
  const end = document.positionAt(Math.max(0, offset) + length);
  const editor = await vscode.window.showTextDocument(document, { selection: new vscode.Range(start, end), preview: false, preserveFocus: false });
  editor.revealRange(new vscode.Range(start, end), vscode.TextEditorRevealType.InCenterIfOutsideViewport);
}
