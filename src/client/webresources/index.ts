/**
 * The web resource commands in VS Code: Publish Web Resource (one file, several, a folder), Publish All
 * Mapped Web Resources, and Pull Web Resource. Loaded on first use (see lazy.ts). The decisions live in
 * `src/webresources/publish.ts`; this module resolves files to mappings, asks the questions (diffs,
 * notifications, modal confirmations), shows progress and outcomes, and writes pulled content.
 */
import * as vscode from 'vscode';
import type { Context } from '../ctx';
import type { DataverseBackend } from '../../backends/dataverse';
import type { WebResourceApi, WebResourceRow } from '../../backends/dataverse/webresources';
import { isProduction, type DataverseEntry } from '../../environments/types';
import { realCallBlockedReason } from '../link/outcome-text';
import { showProblems } from '../environments/problems';
import { WEBRESOURCES_FILE, addMappingText, findMapping, isTypeScript, loadWebResourceMappings, normalisePath, type WebResourceMapping } from '../../webresources/mapping';
import { lintSuffix, publishWebResources, pullWebResource, rememberPulled, type ConflictSituation, type PublishResult, type PublishTarget, type WebResourcePrompts } from '../../webresources/publish';
import { WorkspaceVersionMemory } from './memory';
import { contentUri, showDiff } from './diff';
import type { WebResourceOutcomeStatus } from '../../protocol/webview';

const DIAGNOSTIC_SOURCE = 'omnichannel';
const PUBLISH = 'Publish';
const SHOW_LOG = 'Show Log';

/** `omnichannel.publishWebResource`: (uri, uris) from the explorer, (uri) from the editor, nothing from the palette. */
export async function publishCommand(ctx: Context, uri: unknown, uris: unknown): Promise<PublishResult[] | undefined> {
  const selected = selectedUris(uri, uris);
  if (selected.length === 0) {
    void vscode.window.showInformationMessage('Open a mapped JavaScript file, or right-click one (or a folder) in the explorer, to publish it as a web resource.');
    return undefined;
  }
  const environment = await realEnvironment(ctx, 'publish');
  if (!environment) return undefined;
  const expanded = await expandFolders(selected);
  const single = expanded.length === 1 && !(await isFolder(selected[0]));
  const resolved = await resolveTargets(ctx, environment, expanded, single);
  if (!resolved) return undefined;
  return runPublish(ctx, environment, resolved, single);
}

/** `omnichannel.publishAllWebResources`: every mapped file of every workspace folder, as one batch. */
export async function publishAllCommand(ctx: Context): Promise<PublishResult[] | undefined> {
  const environment = await realEnvironment(ctx, 'publish');
  if (!environment) return undefined;
  const files: vscode.Uri[] = [];
  for (const folder of vscode.workspace.workspaceFolders ?? []) {
    const mappings = await readMappings(ctx, folder);
    for (const mapping of mappings ?? []) files.push(vscode.Uri.joinPath(folder.uri, mapping.file));
  }
  if (files.length === 0) {
    void vscode.window.showInformationMessage(`No file is mapped to a web resource yet: add entries to ${WEBRESOURCES_FILE}, or publish a file and pick its web resource.`);
    return undefined;
  }
  const resolved = await resolveTargets(ctx, environment, files, false);
  return resolved ? runPublish(ctx, environment, resolved, false) : undefined;
}

/**
 * Map a file with no entry to a web resource picked from the active environment (the panel's Map…), the
 * same pick a publish of an unmapped file starts; nothing is published. Resolves with the mapping written.
 */
export async function mapCommand(ctx: Context, uri: vscode.Uri): Promise<WebResourceMapping | undefined> {
  return (await environmentAndMapping(ctx, uri, 'publish'))?.found.mapping;
}

/** The real environment and the file's mapping (picked when there is none); undefined after saying why not. */
async function environmentAndMapping(ctx: Context, uri: vscode.Uri, action: 'publish' | 'pull'): Promise<{ environment: DataverseEntry; found: { mapping: WebResourceMapping; folder: vscode.WorkspaceFolder } } | undefined> {
  const environment = await realEnvironment(ctx, action);
  if (!environment) return undefined;
  const found = await mappingFor(ctx, environment, uri, true);
  if (found === undefined) return undefined;
  if (typeof found === 'string') {
    void vscode.window.showWarningMessage(found);
    return undefined;
  }
  return { environment, found };
}

/** `omnichannel.pullWebResource`: the environment's copy into the file (or its open editor), after a diff. */
export async function pullCommand(ctx: Context, uri: unknown): Promise<string | undefined> {
  const [selected] = selectedUris(uri, undefined);
  if (!selected) {
    void vscode.window.showInformationMessage('Open a mapped JavaScript file, or right-click one in the explorer, to pull its web resource.');
    return undefined;
  }
  const resolved = await environmentAndMapping(ctx, selected, 'pull');
  if (!resolved) return undefined;
  const { environment, found: { mapping, folder } } = resolved;
  const fileUri = vscode.Uri.joinPath(folder.uri, mapping.file);
  const open = vscode.workspace.textDocuments.find(d => d.uri.toString() === fileUri.toString());
  const local = open ? Buffer.from(open.getText(), 'utf8') : await readBytes(fileUri);
  const api = await webResourceApi(ctx, environment);
  const memory = new WorkspaceVersionMemory(ctx.extension.workspaceState, storage(ctx), environment.definition.url);
  const deps = { endpoint: api, memory };
  const result = await vscode.window.withProgress(
    { location: vscode.ProgressLocation.Notification, title: `Pulling ${mapping.name} from ${environment.name}`, cancellable: true },
    (progress, token) => withSignal(token, signal => pullWebResource(deps, mapping, local, {
      confirmPull: async row => {
        const left = contentUri(ctx.extension.subscriptions, environment.name, mapping.name, row.content);
        await showDiff(left, fileUri, `${mapping.name} (${environment.name}) ↔ ${mapping.file}`);
        const dirty = open?.isDirty === true;
        const question = dirty
          ? `Replace the unsaved text of ${mapping.file} with ${mapping.name} from ${environment.name}? Your unsaved changes are replaced in the editor (Undo brings them back).`
          : `Replace ${mapping.file} with ${mapping.name} from ${environment.name}?`;
        const answer = await vscode.window.showWarningMessage(question, { modal: true, detail: modifiedDetail(row) }, 'Replace');
        return answer === 'Replace';
      },
    }, { signal, onProgress: message => progress.report({ message }) })),
  );
  if (result.status === 'pulled') {
    await writePulled(fileUri, result.content);
    await rememberPulled(deps, mapping, result.row);
  }
  ctx.log.info(`Pull ${mapping.name} from ${environment.name}: ${result.status}: ${result.message}`);
  tell(ctx, environment, [{ fileUri, status: result.status, message: result.message }]);
  if (result.status === 'failed') void showFailure(ctx, result.message);
  else if (result.status !== 'skipped') void vscode.window.showInformationMessage(result.message);
  return result.status;
}

// ---------------------------------------------------------------------------------------------------

interface ResolvedTarget extends PublishTarget {
  /** The file whose diagnostics are reported after publishing (the .ts source when published from it). */
  readonly lintUri: vscode.Uri;
  /** The deployed file. */
  readonly fileUri: vscode.Uri;
}

/** A file that could not be published, with why (reported with the results). */
interface Problem {
  readonly fileUri?: vscode.Uri;
  readonly message: string;
}

interface Resolution {
  readonly targets: ResolvedTarget[];
  readonly problems: Problem[];
}

async function runPublish(ctx: Context, environment: DataverseEntry, resolved: Resolution, single: boolean): Promise<PublishResult[] | undefined> {
  const { targets, problems } = resolved;
  if (targets.length === 0) {
    if (problems.length > 0) void showFailure(ctx, problems.map(p => p.message).join(' '));
    tell(ctx, environment, problems.flatMap(p => (p.fileUri ? [{ fileUri: p.fileUri, status: 'failed' as const, message: p.message }] : [])));
    return [];
  }
  if (!single) {
    const list = targets.map(t => t.mapping.name).join(', ');
    const go = await vscode.window.showInformationMessage(
      `Publish ${targets.length} web resource${targets.length > 1 ? 's' : ''} to ${environment.name}?`,
      { modal: true, detail: `${list}\n\nEach file is compared with the environment first: one changed there since your last pull or publish is not overwritten without asking.` },
      PUBLISH,
    );
    if (go !== PUBLISH) return [];
  }
  const api = await webResourceApi(ctx, environment);
  const memory = new WorkspaceVersionMemory(ctx.extension.workspaceState, storage(ctx), environment.definition.url);
  const prompts = vscodePrompts(ctx);
  const results = await vscode.window.withProgress(
    { location: vscode.ProgressLocation.Notification, title: `Publishing to ${environment.name}`, cancellable: true },
    (progress, token) => withSignal(token, signal => publishWebResources({ endpoint: api, prompts, memory, log: line => ctx.log.info(line) }, targets, {
      production: isProduction(environment),
      confirmEach: single,
      publishPerFile: ctx.config.webResourcesPublishXml === 'perFile',
      signal,
      onProgress: message => progress.report({ message }),
      onFile: (target, index, total) => progress.report({ message: `${target.mapping.name}${total > 1 ? ` (${index + 1} of ${total})` : ''}`, increment: total > 1 ? 100 / total : 0 }),
    })),
  );
  await report(ctx, environment, results, targets, problems);
  return results;
}

/** The outcome: one notification (a single file: its sentence with the lints left; a batch: a summary), every line in the log. */
async function report(ctx: Context, environment: DataverseEntry, results: readonly PublishResult[], targets: readonly ResolvedTarget[], problems: readonly Problem[]): Promise<void> {
  for (const problem of problems) ctx.log.warn(problem.message);
  tell(ctx, environment, [
    ...results.flatMap(r => {
      const target = targets.find(t => t === r.target);
      return target ? [{ fileUri: target.fileUri, status: outcomeStatus(r), message: r.message }] : [];
    }),
    ...problems.flatMap(p => (p.fileUri ? [{ fileUri: p.fileUri, status: 'failed' as const, message: p.message }] : [])),
  ]);
  const published = results.filter(r => r.status === 'published');
  const failed = results.filter(r => r.status === 'failed');
  const lints = new Map<PublishResult, string>();
  for (const result of published) {
    const target = targets.find(t => t === result.target);
    if (target) lints.set(result, lintSuffix(await findingsOf(target.lintUri)));
  }
  if (results.length === 1 && problems.length === 0) {
    const result = results[0];
    if (result.status === 'published') {
      const suffix = lints.get(result) ?? '';
      // "Published new_/scripts/case-form.js in Contoso Dev with 1 warning: missing-ui-refresh."
      const text = suffix ? `${result.message.replace(/ \(read back:.*\)\.$/, '')}${suffix}.` : result.message;
      if (suffix) void vscode.window.showWarningMessage(text, 'Show Problems').then(a => { if (a) void vscode.commands.executeCommand('workbench.actions.view.problems'); });
      else void vscode.window.showInformationMessage(text);
    } else if (result.status === 'failed') {
      void showFailure(ctx, result.message);
    } else {
      void vscode.window.showInformationMessage(result.message);
    }
    return;
  }
  ctx.log.info(`Publish to ${environment.name}: ${published.length} published, ${results.filter(r => r.status === 'unchanged').length} unchanged, ${results.filter(r => r.status === 'skipped').length} skipped, ${failed.length + problems.length} failed.`);
  for (const [result, suffix] of lints) if (suffix) ctx.log.warn(`${result.target.mapping.name} was published${suffix}.`);
  const parts = [`${published.length} published`];
  const unchanged = results.filter(r => r.status === 'unchanged').length;
  const skipped = results.filter(r => r.status === 'skipped').length;
  if (unchanged) parts.push(`${unchanged} unchanged`);
  if (skipped) parts.push(`${skipped} skipped`);
  if (failed.length + problems.length) parts.push(`${failed.length + problems.length} failed`);
  const linted = [...lints.values()].filter(Boolean).length;
  const lintText = linted ? ` ${linted} published file${linted > 1 ? 's have' : ' has'} warnings left (see the log).` : '';
  const firstFailure = failed[0]?.message ?? problems[0]?.message;
  const text = `Web resources in ${environment.name}: ${parts.join(', ')}.${lintText}${firstFailure ? ` First failure: ${firstFailure}` : ''}`;
  const show = failed.length + problems.length > 0 ? vscode.window.showErrorMessage : vscode.window.showInformationMessage;
  void show(text, SHOW_LOG).then(answer => { if (answer === SHOW_LOG) ctx.log.show(true); });
}

/** Tells the panel (through the context) how each file's publish or pull ended. */
function tell(ctx: Context, environment: DataverseEntry, items: readonly { fileUri: vscode.Uri; status: WebResourceOutcomeStatus; message: string }[]): void {
  if (items.length === 0) return;
  const at = new Date().toISOString();
  ctx.webResourceOutcomes.record({
    environmentUrl: environment.definition.url,
    items: items.map(({ fileUri, status, message }) => ({ fileUri, outcome: { status, message, at } })),
  });
}

function outcomeStatus(result: PublishResult): WebResourceOutcomeStatus {
  if (result.status === 'failed') return result.code === 'conflict' ? 'conflict' : 'failed';
  if (result.status === 'skipped' && result.conflict) return 'conflict';
  return result.status;
}

function showFailure(ctx: Context, message: string): Thenable<void> {
  const signIn = /Sign in again/.test(message);
  return vscode.window.showErrorMessage(message, ...(signIn ? ['Sign In', SHOW_LOG] : [SHOW_LOG])).then(answer => {
    if (answer === SHOW_LOG) ctx.log.show(true);
    if (answer === 'Sign In') void vscode.commands.executeCommand('omnichannel.signIn');
  });
}

function vscodePrompts(ctx: Context): WebResourcePrompts {
  const subscriptions = ctx.extension.subscriptions;
  return {
    async confirmProduction(question) {
      // The same modal question link calls ask before writing to production.
      return (await vscode.window.showWarningMessage(question, { modal: true }, PUBLISH)) === PUBLISH;
    },
    async confirmCreate(target, env, solution) {
      const create = 'Create and Publish';
      const where = solution ? `in solution ${solution}` : 'in the default solution (set "solution" in .omnichannel/webresources.json to choose one)';
      const answer = await vscode.window.showWarningMessage(
        `${target.mapping.name} does not exist in ${env}. Create it as a JavaScript web resource ${where} and publish ${target.label}?`,
        { modal: true },
        create,
      );
      return answer === create;
    },
    async confirmChanges(target, row, env) {
      const left = contentUri(subscriptions, env, target.mapping.name, row.content);
      // The file itself on the right (it was saved before publishing), so it can still be read and edited there.
      const right = (target as Partial<ResolvedTarget>).fileUri ?? contentUri(subscriptions, 'local', target.mapping.name, target.content);
      await showDiff(left, right, `${target.mapping.name} (${env}) ↔ ${target.label}`);
      const answer = await vscode.window.showInformationMessage(`Publish ${target.label} to ${target.mapping.name} in ${env}? The diff shows ${env}'s copy on the left and yours on the right.`, PUBLISH, 'Cancel');
      return answer === PUBLISH;
    },
    async resolveConflict(situation: ConflictSituation) {
      const name = situation.target.mapping.name;
      const env = situation.environmentName;
      const environmentUri = contentUri(subscriptions, env, name, situation.current.content);
      const localUri = contentUri(subscriptions, 'local', name, situation.target.content);
      const baseUri = situation.base ? contentUri(subscriptions, `last ${situation.known.action}`, name, situation.base) : undefined;
      if (baseUri) await showDiff(baseUri, environmentUri, `${name}: what changed in ${env} since you last ${situation.known.action} it`);
      else await showDiff(environmentUri, localUri, `${name} (${env}) ↔ ${situation.target.label}`);
      for (;;) {
        const compare = baseUri ? 'Compare with Mine' : undefined;
        const answer = await vscode.window.showWarningMessage(
          `${situation.message} Overwrite their change with ${situation.target.label}?`,
          { modal: true, detail: 'Pull it first to merge their change into yours, or overwrite it.' },
          'Overwrite', ...(compare ? [compare] : []),
        );
        if (answer === 'Overwrite') return 'overwrite';
        if (answer !== undefined && answer === compare) {
          await showDiff(environmentUri, localUri, `${name} (${env}) ↔ ${situation.target.label}`);
          continue;
        }
        return 'skip';
      }
    },
  };
}

/** The active environment when it is a real one the workspace may call; otherwise explains (and offers to pick one). */
async function realEnvironment(ctx: Context, action: 'publish' | 'pull'): Promise<DataverseEntry | undefined> {
  await ctx.environments.ready();
  let environment = ctx.activeEnvironment();
  if (environment.kind === 'simulator') {
    const pick = 'Select Environment…';
    const answer = await vscode.window.showInformationMessage(
      `The Simulator has no web resources: ${action === 'publish' ? 'publishing' : 'pulling'} needs a real Dataverse environment. Pick one (add it to .omnichannel/environments.json or omnichannel.environments first).`,
      pick,
    );
    if (answer !== pick) return undefined;
    await vscode.commands.executeCommand('omnichannel.selectEnvironment');
    environment = ctx.activeEnvironment();
    if (environment.kind === 'simulator') return undefined;
  }
  // The same rule as link calls: a workspace nobody trusted does not reach a real environment.
  if (realCallBlockedReason(vscode.workspace.isTrusted, environment.name)) {
    const verb = action === 'publish' ? 'published to' : 'pulled from';
    void vscode.window.showWarningMessage(`This workspace is not trusted, so nothing is ${verb} ${environment.name}. Trust the workspace (Manage Workspace Trust) to ${action} web resources.`);
    return undefined;
  }
  return environment;
}

async function webResourceApi(ctx: Context, environment: DataverseEntry): Promise<WebResourceApi> {
  const backend = await ctx.backends.get(environment);
  return (backend as DataverseBackend).webResources();
}

function storage(ctx: Context): vscode.Uri {
  return ctx.extension.storageUri ?? ctx.extension.globalStorageUri;
}

/** The explorer passes the clicked file and the whole selection; the selection counts only when it holds the clicked file. */
function selectedUris(uri: unknown, uris: unknown): vscode.Uri[] {
  if (uri instanceof vscode.Uri) {
    const selection = Array.isArray(uris) && uris.every(u => u instanceof vscode.Uri) ? (uris as vscode.Uri[]) : [];
    return selection.some(u => u.toString() === uri.toString()) ? selection : [uri];
  }
  const active = vscode.window.activeTextEditor?.document.uri;
  return active && active.scheme === 'file' ? [active] : [];
}

async function isFolder(uri: vscode.Uri): Promise<boolean> {
  try {
    return ((await vscode.workspace.fs.stat(uri)).type & vscode.FileType.Directory) !== 0;
  } catch {
    return false;
  }
}

/** Folders become the .js and .ts files below them (node_modules left out). */
async function expandFolders(uris: readonly vscode.Uri[]): Promise<vscode.Uri[]> {
  const files: vscode.Uri[] = [];
  for (const uri of uris) {
    if (!(await isFolder(uri))) {
      files.push(uri);
      continue;
    }
    const found = await vscode.workspace.findFiles(new vscode.RelativePattern(uri, '**/*.{js,ts}'), '**/node_modules/**');
    files.push(...found.sort((a, b) => a.path.localeCompare(b.path)));
  }
  return files;
}

async function readMappings(ctx: Context, folder: vscode.WorkspaceFolder): Promise<WebResourceMapping[] | undefined> {
  const uri = vscode.Uri.joinPath(folder.uri, WEBRESOURCES_FILE);
  const bytes = await readBytes(uri);
  if (bytes === undefined) return undefined;
  const label = vscode.workspace.asRelativePath(uri, (vscode.workspace.workspaceFolders?.length ?? 0) > 1);
  const { mappings, errors } = loadWebResourceMappings(new TextDecoder().decode(bytes), label);
  showProblems(errors, ctx.log, file => (file === label ? uri : undefined), 'The other mappings still work.');
  return mappings;
}

async function mappingFor(ctx: Context, environment: DataverseEntry, uri: vscode.Uri, ask: boolean): Promise<{ mapping: WebResourceMapping; folder: vscode.WorkspaceFolder; fromSource: boolean } | string | undefined> {
  const folder = vscode.workspace.getWorkspaceFolder(uri);
  const name = uri.path.split('/').pop() ?? uri.path;
  if (!folder) return `${name} is not in a workspace folder, so it has no mapping in ${WEBRESOURCES_FILE}.`;
  const relative = normalisePath(vscode.workspace.asRelativePath(uri, false));
  const mappings = (await readMappings(ctx, folder)) ?? [];
  const found = findMapping(mappings, relative);
  if (found) return { ...found, folder };
  if (isTypeScript(relative)) {
    return `${relative} is TypeScript, which does not run in the browser: map its compiled .js file in ${WEBRESOURCES_FILE} and set that entry's "source" to ${relative}, then publish from either.`;
  }
  if (!ask) return `${relative} is not mapped to a web resource in ${WEBRESOURCES_FILE}.`;
  const mapping = await pickMapping(ctx, environment, folder, relative);
  return mapping ? { mapping, folder, fromSource: false } : undefined;
}

async function resolveTargets(ctx: Context, environment: DataverseEntry, uris: readonly vscode.Uri[], single: boolean): Promise<Resolution | undefined> {
  const targets: ResolvedTarget[] = [];
  const problems: Problem[] = [];
  const seen = new Set<string>();
  for (const uri of uris) {
    const found = await mappingFor(ctx, environment, uri, single);
    if (found === undefined) return undefined; // the person backed out of the mapping pick
    if (typeof found === 'string') {
      // A folder holds files that are not web resources: only name those explicitly selected.
      if (single || !/is not mapped/.test(found)) problems.push({ fileUri: uri, message: found });
      continue;
    }
    const { mapping, folder, fromSource } = found;
    if (seen.has(mapping.name.toLowerCase())) continue;
    seen.add(mapping.name.toLowerCase());
    const fileUri = vscode.Uri.joinPath(folder.uri, mapping.file);
    const open = vscode.workspace.textDocuments.find(d => d.uri.toString() === fileUri.toString());
    if (open?.isDirty) {
      if (!single) {
        problems.push({ fileUri, message: `${mapping.file} has unsaved changes: save it and publish again.` });
        continue;
      }
      const save = 'Save and Publish';
      const answer = await vscode.window.showWarningMessage(`${mapping.file} has unsaved changes. Save it and publish?`, { modal: true }, save);
      if (answer !== save || !(await open.save())) return undefined;
    }
    const content = await readBytes(fileUri);
    if (content === undefined) {
      problems.push({
        fileUri,
        message: fromSource || mapping.source !== undefined
          ? `${mapping.file} (compiled from ${mapping.source ?? 'its TypeScript source'}) does not exist: compile first, then publish.`
          : `${mapping.file} does not exist: fix its "file" in ${WEBRESOURCES_FILE}.`,
      });
      continue;
    }
    targets.push({ label: mapping.file, mapping, content, lintUri: fromSource ? uri : fileUri, fileUri });
  }
  if (single && targets.length === 0 && problems.length > 0) {
    void vscode.window.showWarningMessage(problems[0].message);
    tell(ctx, environment, problems.flatMap(p => (p.fileUri ? [{ fileUri: p.fileUri, status: 'failed' as const, message: p.message }] : [])));
    return undefined;
  }
  return { targets, problems };
}

interface WebResourceItem extends vscode.QuickPickItem { readonly name: string }

/**
 * No mapping yet: search the environment's JavaScript web resources by name (or take a new name), then
 * write the mapping into .omnichannel/webresources.json, keeping its comments.
 */
async function pickMapping(ctx: Context, environment: DataverseEntry, folder: vscode.WorkspaceFolder, relative: string): Promise<WebResourceMapping | undefined> {
  const api = await webResourceApi(ctx, environment);
  const base = relative.split('/').pop() ?? relative;
  const quickPick = vscode.window.createQuickPick<WebResourceItem>();
  quickPick.title = `Which web resource in ${environment.name} is ${relative}?`;
  quickPick.placeholder = 'Type part of the web resource name, or a new unique name such as new_/scripts/my-form.js';
  quickPick.matchOnDescription = true;
  quickPick.ignoreFocusOut = true;
  quickPick.value = base.replace(/\.js$/i, '');
  let generation = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const search = (text: string): void => {
    const mine = ++generation;
    quickPick.busy = true;
    api.searchJavaScript(text).then(rows => {
      if (mine !== generation) return;
      const items: WebResourceItem[] = rows.map(r => ({ name: r.name, label: r.name, description: r.displayName }));
      if (/^[A-Za-z0-9]+_.+\.js$/i.test(text) && !rows.some(r => r.name.toLowerCase() === text.toLowerCase())) {
        items.push({ name: text, label: `$(add) ${text}`, description: 'a new web resource, created on publish' });
      }
      quickPick.items = items;
      quickPick.busy = false;
    }, (error: unknown) => {
      if (mine !== generation) return;
      quickPick.busy = false;
      quickPick.items = [];
      ctx.log.warn(`Web resource search in ${environment.name}: ${error instanceof Error ? error.message : String(error)}`);
      void vscode.window.showErrorMessage(error instanceof Error ? error.message : String(error));
    });
  };
  const picked = await new Promise<WebResourceItem | undefined>(resolve => {
    quickPick.onDidChangeValue(value => {
      if (timer) clearTimeout(timer);
      timer = setTimeout(() => search(value.trim()), 250);
    });
    quickPick.onDidAccept(() => { resolve(quickPick.selectedItems[0]); quickPick.hide(); });
    quickPick.onDidHide(() => resolve(undefined));
    quickPick.show();
    search(quickPick.value);
  });
  if (timer) clearTimeout(timer);
  quickPick.dispose();
  if (!picked) return undefined;
  const mapping: WebResourceMapping = { file: relative, name: picked.name };
  const fileUri = vscode.Uri.joinPath(folder.uri, WEBRESOURCES_FILE);
  const open = vscode.workspace.textDocuments.find(d => d.uri.toString() === fileUri.toString());
  const before = open ? open.getText() : (await readBytes(fileUri).then(b => (b ? new TextDecoder().decode(b) : undefined)));
  const after = addMappingText(before, mapping);
  if (open) {
    const edit = new vscode.WorkspaceEdit();
    edit.replace(fileUri, new vscode.Range(open.positionAt(0), open.positionAt(open.getText().length)), after);
    await vscode.workspace.applyEdit(edit);
    await open.save();
  } else {
    await vscode.workspace.fs.writeFile(fileUri, new TextEncoder().encode(after));
  }
  ctx.log.info(`${relative} is mapped to ${picked.name} in ${WEBRESOURCES_FILE}.`);
  // The file's default solution applies to the new entry too.
  const reread = findMapping((await readMappings(ctx, folder)) ?? [], relative);
  return reread?.mapping ?? mapping;
}

/** The omnichannel diagnostics of a file: opened for the language server if needed, waited for briefly. */
async function findingsOf(uri: vscode.Uri): Promise<{ code: string; severity: 'error' | 'warning' | 'info' }[]> {
  const read = () => vscode.languages.getDiagnostics(uri).filter(d => d.source === DIAGNOSTIC_SOURCE);
  const open = vscode.workspace.textDocuments.some(d => d.uri.toString() === uri.toString());
  if (!open) {
    const changed = new Promise<void>(resolve => {
      const timer = setTimeout(() => { subscription.dispose(); resolve(); }, 5000);
      const subscription = vscode.languages.onDidChangeDiagnostics(event => {
        if (!event.uris.some(u => u.toString() === uri.toString())) return;
        clearTimeout(timer);
        subscription.dispose();
        resolve();
      });
    });
    await vscode.workspace.openTextDocument(uri).then(() => changed, () => undefined);
  }
  return read().map(d => ({
    code: typeof d.code === 'object' ? String(d.code.value) : String(d.code ?? ''),
    severity: d.severity === vscode.DiagnosticSeverity.Error ? 'error' : d.severity === vscode.DiagnosticSeverity.Warning ? 'warning' : 'info',
  }));
}

async function readBytes(uri: vscode.Uri): Promise<Uint8Array | undefined> {
  try {
    return await vscode.workspace.fs.readFile(uri);
  } catch {
    return undefined;
  }
}

/** Into the open editor when there is one (undo works, unsaved text was confirmed), else the file. */
async function writePulled(uri: vscode.Uri, content: Uint8Array): Promise<void> {
  const text = new TextDecoder().decode(content);
  const open = vscode.workspace.textDocuments.find(d => d.uri.toString() === uri.toString());
  if (!open) {
    await vscode.workspace.fs.writeFile(uri, content);
    return;
  }
  const wasDirty = open.isDirty;
  const edit = new vscode.WorkspaceEdit();
  edit.replace(uri, new vscode.Range(open.positionAt(0), open.positionAt(open.getText().length)), text);
  await vscode.workspace.applyEdit(edit);
  if (!wasDirty) await open.save();
}

function modifiedDetail(row: WebResourceRow): string {
  return `Last changed${row.modifiedBy ? ` by ${row.modifiedBy}` : ''}${row.modifiedOn ? ` on ${row.modifiedOn}` : ''}. The diff shows the environment's copy on the left.`;
}

function withSignal<T>(token: vscode.CancellationToken, run: (signal: AbortSignal) => Promise<T>): Promise<T> {
  const controller = new AbortController();
  const subscription = token.onCancellationRequested(() => controller.abort());
  return run(controller.signal).finally(() => subscription.dispose());
}
