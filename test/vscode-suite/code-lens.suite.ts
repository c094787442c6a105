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
});
