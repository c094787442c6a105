/**
 * The preferred quick fix for missing-ui-refresh, applied through VS Code's code action API, inserts
 * the configured refresh call in the success handler: the diagnostic goes and the file stays valid JS.
 */
import * as assert from 'node:assert/strict';
import * as ts from 'typescript';
import * as vscode from 'vscode';
import { activateExtension, codeOf, describe as list, openDocument, waitForDiagnostics } from './support';

const FILE = 'webresources/case-form.js';
const REFRESH = 'Microsoft.Apm.getFocusedSession().getFocusedTab().refresh()';

function syntaxErrors(fileName: string, text: string): string[] {
  const output = ts.transpileModule(text, { fileName, reportDiagnostics: true, compilerOptions: { allowJs: true } });
  return (output.diagnostics ?? []).map(d => ts.flattenDiagnosticMessageText(d.messageText, '\n'));
}

describe('quick fixes', () => {
  let document: vscode.TextDocument;
  let original: string;

  before(async () => {
    await activateExtension();
    document = await openDocument(FILE);
    original = document.getText();
  });

  after(async () => {
    // Leave the sample as it was for the suites that follow.
    const edit = new vscode.WorkspaceEdit();
    edit.replace(document.uri, new vscode.Range(document.positionAt(0), document.positionAt(document.getText().length)), original);
    await vscode.workspace.applyEdit(edit);
    await document.save();
  });

  it('missing-ui-refresh: the preferred fix inserts the refresh in the success handler and the warning goes', async () => {
    const before = await waitForDiagnostics(document.uri, found => found.some(d => codeOf(d) === 'missing-ui-refresh'));
    const target = before.find(d => codeOf(d) === 'missing-ui-refresh')!;
    const others = before.filter(d => d !== target).map(d => codeOf(d)).sort();

    const actions = await codeActions(document.uri, target.range);
    // VS Code's command does not hand back an action's diagnostics; the range asked for holds only this finding.
    const preferred = actions.filter(a => a.isPreferred && (a.diagnostics?.some(d => codeOf(d) === 'missing-ui-refresh') ?? true));
    assert.equal(preferred.length, 1, `Expected one preferred fix for missing-ui-refresh, got: ${actions.map(a => `${a.title}${a.isPreferred ? ' (preferred)' : ''}`).join(' | ')}`);
    const fix = preferred[0]!;
    assert.ok(fix.edit, `The fix "${fix.title}" carries no edit`);
    assert.ok(await vscode.workspace.applyEdit(fix.edit));
    if (fix.command) await vscode.commands.executeCommand(fix.command.command, ...(fix.command.arguments ?? []));

    const after = await waitForDiagnostics(document.uri, found => !found.some(d => codeOf(d) === 'missing-ui-refresh'));
    assert.deepEqual(after.map(d => codeOf(d)).sort(), others, `Other findings should stay as they were:\n${list(after)}`);

    const text = document.getText();
    assert.equal(text.split(REFRESH).length - original.split(REFRESH).length, 1, 'The refresh call should be inserted exactly once');
    // It lands in the success handler of the call that was reported (before the error handler).
    const handlerStart = text.indexOf('function () {', document.offsetAt(target.range.start));
    const errorHandler = text.indexOf('function (error)', handlerStart);
    const inserted = text.indexOf(REFRESH, handlerStart);
    assert.ok(handlerStart > 0 && inserted > handlerStart && inserted < errorHandler, 'The refresh should be inside the success handler');
    assert.deepEqual(syntaxErrors(FILE, text), [], 'The fixed file must still be valid JavaScript');
  });
});

/**
 * `vscode.executeCodeActionProvider`, asked again when VS Code cancels it: it does so when the document's
 * model changes while the providers run (a save settling), and then the question simply stands again.
 */
async function codeActions(uri: vscode.Uri, range: vscode.Range): Promise<vscode.CodeAction[]> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', uri, range, vscode.CodeActionKind.QuickFix.value);
    } catch (error) {
      if (attempt === 3 || !/Canceled/.test(String(error))) throw error;
    }
  }
}
