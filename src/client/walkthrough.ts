/**
 * The Get Started walkthrough's buttons that need more than an existing command: each opens a short,
 * unsaved JavaScript example (so it works in any workspace, and nothing is written to disk) with the
 * cursor where the feature shows, then shows it (the suggestion list, the quick fixes).
 */
import * as vscode from 'vscode';
import { COMPLETION_EXAMPLE, QUICK_FIX_EXAMPLE } from './walkthrough-examples';

/** Opens an unsaved example with the cursor at its marker. */
async function openExample(example: string): Promise<vscode.TextEditor> {
  const offset = example.indexOf('|');
  const document = await vscode.workspace.openTextDocument({ language: 'javascript', content: example.slice(0, offset) + example.slice(offset + 1) });
  const editor = await vscode.window.showTextDocument(document, { preview: false });
  const position = document.positionAt(offset);
  editor.selection = new vscode.Selection(position, position);
  editor.revealRange(new vscode.Range(position, position));
  return editor;
}

export async function tryCompletion(): Promise<void> {
  await openExample(COMPLETION_EXAMPLE);
  await vscode.commands.executeCommand('editor.action.triggerSuggest');
}

export async function tryQuickFix(): Promise<void> {
  const editor = await openExample(QUICK_FIX_EXAMPLE);
  const uri = editor.document.uri.toString();
  // The quick fixes exist once the server has analysed the new document; give up waiting after a while.
  await new Promise<void>(resolve => {
    const has = (): boolean => vscode.languages.getDiagnostics(editor.document.uri).some(d => d.source === 'omnichannel');
    if (has()) return resolve();
    const timer = setTimeout(done, 10_000);
    const listener = vscode.languages.onDidChangeDiagnostics(e => { if (e.uris.some(u => u.toString() === uri) && has()) done(); });
    function done(): void {
      clearTimeout(timer);
      listener.dispose();
      resolve();
    }
  });
  await vscode.commands.executeCommand('editor.action.quickFix');
}
