/**
 * Which files a publish acts on: the explorer's selection or the active editor, folders expanded to their
 * scripts, each resolved to its mapping and content (a compiled file that does not exist yet, a file with
 * unsaved changes and an unmapped file in a batch become problems reported with the results).
 */
import * as vscode from 'vscode';
import type { Context } from '../ctx';
import type { DataverseEntry } from '../../environments/types';
import { WEBRESOURCES_FILE } from '../../webresources/mapping';
import type { PublishTarget } from '../../webresources/publish';
import { mappingFor, readBytes } from './mappings';
import { tell } from './notify';

export interface ResolvedTarget extends PublishTarget {
  /** The file whose diagnostics are reported after publishing (the .ts source when published from it). */
  readonly lintUri: vscode.Uri;
  /** The deployed file. */
  readonly fileUri: vscode.Uri;
}

/** A file that could not be published, with why (reported with the results). */
export interface Problem {
  readonly fileUri?: vscode.Uri;
  readonly message: string;
}

export interface Resolution {
  readonly targets: ResolvedTarget[];
  readonly problems: Problem[];
}

/** The explorer passes the clicked file and the whole selection; the selection counts only when it holds the clicked file. */
export function selectedUris(uri: unknown, uris: unknown): vscode.Uri[] {
  if (uri instanceof vscode.Uri) {
    const selection = Array.isArray(uris) && uris.every(u => u instanceof vscode.Uri) ? (uris as vscode.Uri[]) : [];
    return selection.some(u => u.toString() === uri.toString()) ? selection : [uri];
  }
  const active = vscode.window.activeTextEditor?.document.uri;
  return active && active.scheme === 'file' ? [active] : [];
}

export async function isFolder(uri: vscode.Uri): Promise<boolean> {
  try {
    return ((await vscode.workspace.fs.stat(uri)).type & vscode.FileType.Directory) !== 0;
  } catch {
    return false;
  }
}

/** Folders become the .js and .ts files below them (node_modules left out). */
export async function expandFolders(uris: readonly vscode.Uri[]): Promise<vscode.Uri[]> {
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

export async function resolveTargets(ctx: Context, environment: DataverseEntry, uris: readonly vscode.Uri[], single: boolean): Promise<Resolution | undefined> {
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
