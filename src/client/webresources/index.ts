/**
 * The web resource commands in VS Code: Publish Web Resource (one file, several, a folder), Publish All
 * Mapped Web Resources, Pull Web Resource and the panel's Map…. Loaded on first use (see lazy.ts). The
 * decisions live in `src/webresources/publish.ts`; the files acted on are resolved in targets.ts, the
 * questions asked in prompts.ts, the outcomes told in notify.ts. One runs at a time in the window (run.ts).
 */
import * as vscode from 'vscode';
import { workspaceLabel } from '../workspace-files';
import type { Context } from '../ctx';
import { isProduction, type DataverseEntry } from '../../environments/types';
import { WEBRESOURCES_FILE, type WebResourceMapping } from '../../webresources/mapping';
import { publishWebResources, pullWebResource, rememberPulled, type PublishResult } from '../../webresources/publish';
import { WorkspaceVersionMemory } from './memory';
import { contentUri, showDiff } from './diff';
import { realEnvironment, storage, webResourceApi } from './environment';
import { mappingFor, readBytes, readMappings } from './mappings';
import { report, showFailure, tell } from './notify';
import { PUBLISH, modifiedDetail, vscodePrompts } from './prompts';
import { expandFolders, isFolder, resolveTargets, selectedUris, type Resolution } from './targets';

/** `omnichannel.publishWebResource`: (uri, uris) from the explorer, (uri) from the editor, nothing from the palette. */
export async function publishCommand(ctx: Context, uri: unknown, uris: unknown): Promise<PublishResult[] | undefined> {
  const selected = selectedUris(uri, uris);
  if (selected.length === 0) {
    void vscode.window.showInformationMessage('Open a mapped JavaScript file, or right-click one (or a folder) in the explorer, to publish it as a web resource.');
    return undefined;
  }
  const what = selected.length === 1 ? workspaceLabel(selected[0]) : `${selected.length} files`;
  return ctx.webResourceRun.exclusive(`Publishing ${what}…`, () => publishFiles(ctx, selected));
}

async function publishFiles(ctx: Context, selected: readonly vscode.Uri[]): Promise<PublishResult[] | undefined> {
  const environment = await realEnvironment(ctx, 'publish');
  if (!environment) return undefined;
  const expanded = await expandFolders(selected);
  const single = expanded.length === 1 && !(await isFolder(selected[0]));
  const resolved = await resolveTargets(ctx, environment, expanded, single);
  if (!resolved) return undefined;
  return runPublish(ctx, environment, resolved, single);
}

/** `omnichannel.publishAllWebResources`: every mapped file of every workspace folder, as one batch. */
export function publishAllCommand(ctx: Context): Promise<PublishResult[] | undefined> {
  return ctx.webResourceRun.exclusive('Publishing every mapped file…', () => publishAll(ctx));
}

async function publishAll(ctx: Context): Promise<PublishResult[] | undefined> {
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
export function mapCommand(ctx: Context, uri: vscode.Uri): Promise<WebResourceMapping | undefined> {
  return ctx.webResourceRun.exclusive(`Mapping ${workspaceLabel(uri)}…`, async () => (await environmentAndMapping(ctx, uri, 'publish'))?.found.mapping);
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
  return ctx.webResourceRun.exclusive(`Pulling ${workspaceLabel(selected)}…`, () => pull(ctx, selected));
}

async function pull(ctx: Context, selected: vscode.Uri): Promise<string | undefined> {
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

function withSignal<T>(token: vscode.CancellationToken, run: (signal: AbortSignal) => Promise<T>): Promise<T> {
  const controller = new AbortController();
  const subscription = token.onCancellationRequested(() => controller.abort());
  return run(controller.signal).finally(() => subscription.dispose());
}
