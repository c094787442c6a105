import * as vscode from 'vscode';

/** Whether a file or folder exists at `uri`, through VS Code's file system (so remote and virtual workspaces work too). */
export async function exists(uri: vscode.Uri): Promise<boolean> {
  try {
    await vscode.workspace.fs.stat(uri);
    return true;
  } catch {
    return false;
  }
}

/** A file's name as messages and the panel show it: relative to its folder, the folder's name first in a multi-root workspace. */
export function workspaceLabel(uri: vscode.Uri): string {
  return vscode.workspace.asRelativePath(uri, (vscode.workspace.workspaceFolders?.length ?? 0) > 1);
}
