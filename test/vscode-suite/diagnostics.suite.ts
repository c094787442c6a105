/**
 * Each sample file's diagnostics reach VS Code with the rule id as code, the right severity and the
 * right range; the correct sample has none. Expectations are the samples' deliberate mistakes.
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { activateExtension, codeOf, describe as list, openDocument, ourDiagnostics, waitForDiagnostics, workspaceUri } from './support';

interface Expected {
  readonly code: string;
  readonly severity: vscode.DiagnosticSeverity;
  /** 1-based line and column, as the editor shows them. */
  readonly line: number;
  readonly column: number;
  /** The text the range covers. */
  readonly text: string;
}

const { Error: E, Warning: W, Information: I } = vscode.DiagnosticSeverity;

const EXPECTED: Record<string, readonly Expected[]> = {
  'webresources/case-form.js': [
    { code: 'invalid-record-id', severity: W, line: 17, column: 62, text: 'formContext.data.entity.getId()' },
    { code: 'missing-ui-refresh', severity: W, line: 34, column: 31, text: 'linkToConversation' },
    { code: 'invalid-entity-name', severity: E, line: 47, column: 50, text: '"Incident"' },
    { code: 'unhandled-rejection', severity: W, line: 59, column: 31, text: 'linkToConversation' },
  ],
  // The workspace's settings name refreshFocusedTab as a refresh helper (omnichannel.refreshFunctions).
  'webresources/conversation-panel.ts': [
    { code: 'unknown-api-member', severity: E, line: 19, column: 33, text: 'linkToConverstion' },
    { code: 'invalid-entity-name', severity: E, line: 30, column: 52, text: '"case"' },
    { code: 'invalid-record-id', severity: E, line: 41, column: 64, text: '"{C0FFEE00-1234-4ABC-9DEF-00112233AABB}"' },
    { code: 'link-overridden', severity: I, line: 53, column: 33, text: 'linkToConversation' },
  ],
};

function actual(document: vscode.TextDocument, diagnostics: readonly vscode.Diagnostic[]): Expected[] {
  return diagnostics
    .map(d => ({ code: codeOf(d), severity: d.severity, line: d.range.start.line + 1, column: d.range.start.character + 1, text: document.getText(d.range) }))
    .sort((a, b) => a.line - b.line || a.column - b.column);
}

describe('diagnostics of the samples', () => {
  before(async () => {
    await activateExtension();
  });

  for (const [file, expected] of Object.entries(EXPECTED)) {
    it(`${file}: ${expected.map(e => e.code).join(', ')}`, async () => {
      const document = await openDocument(file);
      const diagnostics = await waitForDiagnostics(document.uri, found => found.length >= expected.length);
      assert.deepEqual(actual(document, diagnostics), expected, `Diagnostics of ${file}:\n${list(diagnostics)}`);
      for (const d of diagnostics) assert.equal(d.source, 'omnichannel');
    });
  }

  it('webresources/link-helpers.js: none (and a new mistake in it is reported, then cleared when undone)', async () => {
    const document = await openDocument('webresources/link-helpers.js');
    const original = document.getText();
    const uri = workspaceUri('webresources/link-helpers.js');
    // Proves the file is being analysed: a mistake typed into it shows up...
    const mistake = '\nMicrosoft.Omnichannel.linkToConversation("accounts", "a1c2e3f4-5b6d-4e7f-8a9b-0c1d2e3f4a5b").catch(console.error);\n';
    const edit = new vscode.WorkspaceEdit();
    edit.insert(uri, document.positionAt(original.length), mistake);
    assert.ok(await vscode.workspace.applyEdit(edit));
    const withMistake = await waitForDiagnostics(uri, found => found.some(d => codeOf(d) === 'invalid-entity-name'));
    assert.ok(withMistake.every(d => d.range.start.line >= document.positionAt(original.length).line), `Only the added line should be reported:\n${list(withMistake)}`);
    // ...and undoing it leaves the correct file with no findings at all.
    const undo = new vscode.WorkspaceEdit();
    undo.replace(uri, new vscode.Range(document.positionAt(0), document.positionAt(document.getText().length)), original);
    assert.ok(await vscode.workspace.applyEdit(undo));
    await waitForDiagnostics(uri, found => found.length === 0);
    assert.deepEqual(ourDiagnostics(uri), []);
    await document.save();
  });
});
