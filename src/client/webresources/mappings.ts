/**
 * A file's web resource, from its workspace folder's `.omnichannel/webresources.json` (read with the one
 * mapping reader, its problems shown with file and line), or, when it has none, picked from the
 * environment's JavaScript web resources and written into that file with its comments kept.
 */
import * as vscode from 'vscode';
import { workspaceLabel } from '../workspace-files';
import type { Context } from '../ctx';
import type { DataverseEntry } from '../../environments/types';
import { showProblems } from '../environments/problems';
import { WEBRESOURCES_FILE, addMappingText, findMapping, isTypeScript, loadWebResourceMappings, normalisePath, type WebResourceMapping } from '../../webresources/mapping';
import { webResourceApi } from './environment';

export async function readMappings(ctx: Context, folder: vscode.WorkspaceFolder): Promise<WebResourceMapping[] | undefined> {
  const uri = vscode.Uri.joinPath(folder.uri, WEBRESOURCES_FILE);
  const bytes = await readBytes(uri);
  if (bytes === undefined) return undefined;
  const label = workspaceLabel(uri);
  const { mappings, errors } = loadWebResourceMappings(new TextDecoder().decode(bytes), label);
  showProblems(errors, ctx.log, file => (file === label ? uri : undefined), 'The other mappings still work.');
  return mappings;
}

export async function mappingFor(ctx: Context, environment: DataverseEntry, uri: vscode.Uri, ask: boolean): Promise<{ mapping: WebResourceMapping; folder: vscode.WorkspaceFolder; fromSource: boolean } | string | undefined> {
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

export async function readBytes(uri: vscode.Uri): Promise<Uint8Array | undefined> {
  try {
    return await vscode.workspace.fs.readFile(uri);
  } catch {
    return undefined;
  }
}
