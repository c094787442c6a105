/**
 * The "Run" code lens over a call whose arguments are literals runs it against the simulator: the
 * literal ids in samples/webresources/link-helpers.js match samples/.omnichannel/simulator.json.
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { LinkOutcome } from '../../src/protocol/link';
import { activateExtension, codeOf, openDocument, waitForDiagnostics } from './support';

const FOCUSED = '7c1f4e2a-3b5d-4c6e-8f90-a1b2c3d4e5f6';
const PRINTER_CASE = 'c0ffee00-1234-4abc-9def-00112233aabb';
const VAT_CASE = 'd1e2f3a4-b5c6-4d7e-8f90-a1b2c3d4e5f6';
const RUN_CALL = 'omnichannel.runCall';
const REFRESH = 'Microsoft.Apm.getFocusedSession().getFocusedTab().refresh();';
const RETURN = 'return ';

interface Api { getSimulatorState(): Promise<{ conversations: { id: string; case: { id: string } | null }[] }> }

/** The lenses VS Code shows on the line of `text`. */
async function lensesOn(document: vscode.TextDocument, text: string): Promise<vscode.CodeLens[]> {
  const line = document.getText().split('\n').findIndex(l => l.includes(text));
  assert.ok(line >= 0, `no line holds ${text}`);
  const lenses = await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', document.uri, 10);
  return lenses.filter(lens => lens.range.start.line === line);
}

describe('code lens', () => {
  it('runs linkDemoCase\'s literal call in the simulator from its "Run" lens', async () => {
    const api = (await activateExtension()).exports as Api;
    assert.equal(await vscode.commands.executeCommand('omnichannel.resetSimulator', { confirmed: true }), true);
    const document = await openDocument('webresources/link-helpers.js');
    const lenses = await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', document.uri, 10);
    const runnable = lenses.filter(lens => lens.command?.title.includes('Run'));
    assert.equal(runnable.length, 1, `Expected one Run lens (linkDemoCase), got: ${lenses.map(l => `${l.range.start.line + 1}: ${l.command?.title}`).join(', ')}`);
    const lens = runnable[0]!;
    assert.match(document.lineAt(lens.range.start.line).text, /linkToConversation\("incident", "c0ffee00/);
    assert.match(lens.command!.title, /Simulator/, 'The lens names the environment it runs in');

    const before = (await api.getSimulatorState()).conversations.find(c => c.id === FOCUSED);
    assert.equal(before?.case, null);
    const outcome = await vscode.commands.executeCommand<LinkOutcome>(lens.command!.command, ...(lens.command!.arguments ?? []));
    assert.equal(outcome?.status, 'success', JSON.stringify(outcome));
    const after = (await api.getSimulatorState()).conversations.find(c => c.id === FOCUSED);
    assert.deepEqual(after?.case, { id: PRINTER_CASE });
  });

  it('runs nothing with the old arguments while the call is edited, and the new ones once typing pauses', async () => {
    const api = (await activateExtension()).exports as Api;
    assert.equal(await vscode.commands.executeCommand('omnichannel.resetSimulator', { confirmed: true }), true);
    const document = await openDocument('webresources/link-helpers.js');
    const [printerLens] = await lensesOn(document, PRINTER_CASE);
    assert.equal(printerLens?.command?.command, RUN_CALL);
    const original = document.getText();
    try {
      // The record id of linkDemoCase's call becomes another case's, as a person would paste it. Its `return` and
      // its refresh go too, so the call has a finding (no refresh) held back while it is edited, shown once typing pauses.
      const start = original.indexOf(PRINTER_CASE);
      const returned = original.lastIndexOf(RETURN, start);
      const refresh = original.indexOf(REFRESH, start);
      const range = (offset: number, length: number) => new vscode.Range(document.positionAt(offset), document.positionAt(offset + length));
      const edit = new vscode.WorkspaceEdit();
      edit.delete(document.uri, range(returned, RETURN.length));
      edit.replace(document.uri, range(start, PRINTER_CASE.length), VAT_CASE);
      edit.delete(document.uri, range(refresh, REFRESH.length));
      assert.ok(await vscode.workspace.applyEdit(edit));
      const during = await lensesOn(document, VAT_CASE);
      assert.ok(during.length > 0, 'the lens stays over the call being edited');
      assert.deepEqual(during.map(lens => lens.command?.command), during.map(() => ''), 'while the call is edited its lens runs nothing');
      assert.match(during[0]!.command!.title, /waits for this edit/);

      // The pause has ended once the held-back finding is published.
      const line = document.getText().split('\n').findIndex(l => l.includes(VAT_CASE));
      await waitForDiagnostics(document.uri, diagnostics => diagnostics.some(d => codeOf(d) === 'missing-ui-refresh' && d.range.start.line === line));
      const after = (await lensesOn(document, VAT_CASE)).find(lens => lens.command?.command === RUN_CALL);
      assert.ok(after, 'once typing pauses the lens runs the call again');
      assert.equal((after.command!.arguments?.[0] as { recordId?: string }).recordId, VAT_CASE);
      const outcome = await vscode.commands.executeCommand<LinkOutcome>(after.command!.command, ...(after.command!.arguments ?? []));
      assert.equal(outcome?.status, 'success', JSON.stringify(outcome));
      const linked = (await api.getSimulatorState()).conversations.find(c => c.id === FOCUSED);
      assert.deepEqual(linked?.case, { id: VAT_CASE }, 'the call runs with the record id it has now');
    } finally {
      // The later suites read the sample as it is on disk.
      const restore = new vscode.WorkspaceEdit();
      restore.replace(document.uri, new vscode.Range(document.positionAt(0), document.positionAt(document.getText().length)), original);
      await vscode.workspace.applyEdit(restore);
      await document.save();
    }
  });
});
