import * as assert from 'node:assert/strict';
import { runLensCommands } from '../../src/client/code-lens-titles';

const info = { method: 'linkToConversation', entityLogicalName: 'incident', recordId: 'r1' };
const serverLens = { title: '▶ Run', command: 'omnichannel.runCall', arguments: [info] };

describe('client: run code lens titles', () => {
  it('over the simulator: one lens naming it', () => {
    const lenses = runLensCommands(serverLens, { name: 'Simulator', kind: 'simulator' });
    assert.deepEqual(lenses.map(l => l.title), ['▶ Run in Simulator']);
    assert.deepEqual(lenses[0].arguments, [info]);
  });

  it('over a real environment: its lens, and one that runs the same call in the simulator', () => {
    const lenses = runLensCommands(serverLens, { name: 'Contoso Dev', kind: 'dataverse' });
    assert.deepEqual(lenses.map(l => l.title), ['▶ Run in Contoso Dev', '▶ Run in Simulator']);
    assert.deepEqual(lenses[0].arguments, [info], 'the first runs in the active environment');
    assert.deepEqual(lenses[1].arguments, [info, 'Simulator'], 'the second names the simulator');
    assert.ok(lenses.every(l => l.command === 'omnichannel.runCall'));
    assert.match(lenses[1].tooltip ?? '', /nothing is written to Contoso Dev/);
  });
});
