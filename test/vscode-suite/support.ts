/**
 * Helpers for the tests that run inside the extension host: open a workspace file, wait for the
 * extension's diagnostics on it (an event, never a sleep), and find the extension itself.
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';

export const EXTENSION_ID = 'omnichannel-tools.omnichannel-tools';
export const SOURCE = 'omnichannel';

export function workspaceUri(relativePath: string): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder, 'The test run has no workspace folder open (the runner opens the samples copy).');
  return vscode.Uri.joinPath(folder.uri, relativePath);
}

export async function activateExtension(): Promise<vscode.Extension<unknown>> {
  const extension = vscode.extensions.getExtension(EXTENSION_ID);
  assert.ok(extension, `${EXTENSION_ID} is not installed in this extension host.`);
  await extension.activate();
  return extension;
}

export function ourDiagnostics(uri: vscode.Uri): vscode.Diagnostic[] {
  return vscode.languages.getDiagnostics(uri).filter(d => d.source === SOURCE);
}

/**
 * Resolves with the extension's diagnostics for `uri` once `accept` holds for them, waiting on
 * onDidChangeDiagnostics; rejects after `timeoutMs` listing what was there.
 */
export function waitForDiagnostics(
  uri: vscode.Uri,
  accept: (diagnostics: vscode.Diagnostic[]) => boolean,
  timeoutMs = 30_000,
): Promise<vscode.Diagnostic[]> {
  return new Promise((resolve, reject) => {
    const check = (): boolean => {
      const current = ourDiagnostics(uri);
      if (!accept(current)) return false;
      subscription.dispose();
      clearTimeout(timer);
      resolve(current);
      return true;
    };
    const subscription = vscode.languages.onDidChangeDiagnostics(event => {
      if (event.uris.some(changed => changed.toString() === uri.toString())) check();
    });
    const timer = setTimeout(() => {
      subscription.dispose();
      reject(new Error(`Diagnostics for ${uri.path} never matched; last seen:\n${describe(ourDiagnostics(uri))}`));
    }, timeoutMs);
    check();
  });
}

export function describe(diagnostics: readonly vscode.Diagnostic[]): string {
  return diagnostics.map(d => `  ${d.range.start.line + 1}:${d.range.start.character + 1} ${codeOf(d)} ${vscode.DiagnosticSeverity[d.severity]} ${d.message}`).join('\n') || '  (none)';
}

export function codeOf(diagnostic: vscode.Diagnostic): string {
  const { code } = diagnostic;
  if (code === undefined) return '';
  return typeof code === 'object' ? String(code.value) : String(code);
}

export async function openDocument(relativePath: string): Promise<vscode.TextDocument> {
  const document = await vscode.workspace.openTextDocument(workspaceUri(relativePath));
  await vscode.window.showTextDocument(document);
  return document;
}
