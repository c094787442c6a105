/**
 * The "Run" code lens over a call whose arguments are literals runs it against the simulator: the
 * literal ids in samples/webresources/link-helpers.js match samples/.omnichannel/simulator.json.
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { LinkOutcome } from '../../src/protocol/link';
import { activateExtension, openDocument } from './support';

const FOCUSED = '7c1f4e2a-3b5d-4c6e-8f90-a1b2c3d4e5f6';
const PRINTER_CASE = 'c0ffee00-1234-4abc-9def-00112233aabb';
const VAT_CASE = 'd1e2f3a4-b5c6-4d7e-8f90-a1b2c3d4e5f6';
const RUN_CALL = 'omnichannel.runCall';

/** The lenses VS Code shows on the line of `text`. */
async function lensesOn(document: vscode.TextDocument, text: string): Promise<vscode.CodeLens[]> {
  const line = document.getText().split('\n').findIndex(l => l.includes(text));
  assert.ok(line >= 0, `no line holds ${text}`);
  const lenses = await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', document.uri, 10);
  return lenses.filter(lens => lens.range.start.line === line);
}

/** The runnable lenses on the line of `text` once the server publishes after the typing pause (an event, not a timer). */
function runnableLensesAfterPause(document: vscode.TextDocument, text: string, timeoutMs = 30_000): Promise<vscode.CodeLens[]> {
  return new Promise((resolve, reject) => {
    let done = false;
    const finish = (error: Error | undefined, lenses?: vscode.CodeLens[]): void => {
      if (done) return;
      done = true;
      subscription.dispose();
      clearTimeout(timer);
      if (error) reject(error);
      else resolve(lenses!);
    };
    const check = (): void => {
      void lensesOn(document, text).then(lenses => {
        const runnable = lenses.filter(lens => lens.command?.command === RUN_CALL);
        if (runnable.length > 0) finish(undefined, runnable);
      }, (error: unknown) => finish(error instanceof Error ? error : new Error(String(error))));
    };
    // The server publishes the call's diagnostics when the pause ends, and asks for the lenses again then.
    const subscription = vscode.languages.onDidChangeDiagnostics(event => {
      if (event.uris.some(uri => uri.toString() === document.uri.toString())) check();
    });
    const timer = setTimeout(() => finish(new Error(`No runnable lens over ${text} came back after the typing pause.`)), timeoutMs);
    check();
  });
}

interface Api { getSimulatorState(): Promise<{ conversations: { id: string; case: { id: string } | null }[] }> }

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
    try {
      // The record id of linkDemoCase's call becomes another case's, as a person would paste it.
      const start = document.getText().indexOf(PRINTER_CASE);
      const edit = new vscode.WorkspaceEdit();
      edit.replace(document.uri, new vscode.Range(document.positionAt(start), document.positionAt(start + PRINTER_CASE.length)), VAT_CASE);
      assert.ok(await vscode.workspace.applyEdit(edit));
      const during = await lensesOn(document, VAT_CASE);
      assert.ok(during.length > 0, 'the lens stays over the call being edited');
      assert.deepEqual(during.map(lens => lens.command?.command), during.map(() => ''), 'while the call is edited its lens runs nothing');
      assert.match(during[0]!.command!.title, /waits for this edit/);

      const [after] = await runnableLensesAfterPause(document, VAT_CASE);
      assert.equal((after!.command!.arguments?.[0] as { recordId?: string }).recordId, VAT_CASE);
      const outcome = await vscode.commands.executeCommand<LinkOutcome>(after!.command!.command, ...(after!.command!.arguments ?? []));
      assert.equal(outcome?.status, 'success', JSON.stringify(outcome));
      const linked = (await api.getSimulatorState()).conversations.find(c => c.id === FOCUSED);
      assert.deepEqual(linked?.case, { id: VAT_CASE }, 'the call runs with the record id it has now');
    } finally {
      await vscode.window.showTextDocument(document);
      await vscode.commands.executeCommand('workbench.action.files.revert');
    }
  });
});
