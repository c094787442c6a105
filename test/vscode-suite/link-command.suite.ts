/**
 * `omnichannel.linkRecord` with an argument runs against the simulator (the default environment) and
 * changes its state as the API documents: one customer and one case per conversation (a new link
 * replaces the old one in its slot), links only to active conversations, the focused one by default.
 * Ids are those of samples/.omnichannel/simulator.json.
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { LinkOutcome } from '../../src/protocol/link';
import { activateExtension } from './support';

const FOCUSED = '7c1f4e2a-3b5d-4c6e-8f90-a1b2c3d4e5f6'; // Active; contact Nancy Anderson linked
const VOICE = '9d8e7f60-1a2b-4c3d-9e8f-0a1b2c3d4e5f'; // Active; nothing linked
const WAITING = '2b3c4d5e-6f70-4812-93a4-b5c6d7e8f901'; // Waiting (statuscode 3)
const CLOSED = '5e6f7081-92a3-4b4c-8d5e-6f708192a3b4'; // Closed (statuscode 4)
const NANCY = '3f2504e0-4f89-41d3-9a0c-0305e82c3301';
const YVONNE = '4e3615f1-5a9a-42e4-8b1d-1416f93d4412';
const FOURTH_COFFEE = 'a1c2e3f4-5b6d-4e7f-8a9b-0c1d2e3f4a5b';
const PRINTER_CASE = 'c0ffee00-1234-4abc-9def-00112233aabb';

interface SimulatorState {
  conversations: { id: string; customer: { entity: string; id: string } | null; case: { id: string } | null }[];
}
interface Api { getSimulatorState(): Promise<SimulatorState> }

function link(entityLogicalName: string, recordId: string, conversationId?: string): Thenable<LinkOutcome> {
  return vscode.commands.executeCommand<LinkOutcome>('omnichannel.linkRecord', {
    entityLogicalName, recordId, ...(conversationId === undefined ? {} : { conversationId }),
  });
}

function success(outcome: LinkOutcome): Extract<LinkOutcome, { status: 'success' }> {
  assert.equal(outcome?.status, 'success', `Expected success, got ${JSON.stringify(outcome)}`);
  return outcome as Extract<LinkOutcome, { status: 'success' }>;
}

describe('omnichannel.linkRecord against the simulator', () => {
  let api: Api;

  before(async () => {
    api = (await activateExtension()).exports as Api;
    assert.ok(typeof api?.getSimulatorState === 'function', 'The extension API has no getSimulatorState()');
    // Start from the seed whatever ran before; { confirmed: true } skips the question.
    assert.equal(await vscode.commands.executeCommand('omnichannel.resetSimulator', { confirmed: true }), true);
  });

  async function conversation(id: string): Promise<SimulatorState['conversations'][number]> {
    const found = (await api.getSimulatorState()).conversations.find(c => c.id === id);
    assert.ok(found, `Conversation ${id} is not in the simulator`);
    return found;
  }

  it('links to the focused conversation when no conversation id is given, replacing its contact', async () => {
    assert.deepEqual((await conversation(FOCUSED)).customer, { entity: 'contact', id: NANCY });
    const outcome = success(await link('contact', YVONNE));
    assert.equal(outcome.conversationId, FOCUSED);
    assert.equal(outcome.replaced?.id, NANCY);
    assert.deepEqual((await conversation(FOCUSED)).customer, { entity: 'contact', id: YVONNE });
  });

  it('an account replaces the contact: one customer per conversation', async () => {
    const outcome = success(await link('account', FOURTH_COFFEE, FOCUSED));
    assert.equal(outcome.replaced?.entityLogicalName, 'contact');
    assert.deepEqual((await conversation(FOCUSED)).customer, { entity: 'account', id: FOURTH_COFFEE });
  });

  it('a case fills the case slot and leaves the customer alone', async () => {
    success(await link('incident', PRINTER_CASE, VOICE));
    const voice = await conversation(VOICE);
    assert.deepEqual(voice.case, { id: PRINTER_CASE });
    assert.equal(voice.customer, null);
  });

  it('rejects links to conversations that are not active (closed, waiting) and changes nothing', async () => {
    for (const id of [CLOSED, WAITING]) {
      const before = await conversation(id);
      const outcome = await link('incident', PRINTER_CASE, id);
      assert.equal(outcome.status, 'failure', `Linking to ${id} should fail`);
      assert.equal(outcome.status === 'failure' && outcome.code, 'conversation-not-active');
      assert.deepEqual(await conversation(id), before);
    }
  });

  it('rejects a wrong entity name the way the API does', async () => {
    const outcome = await link('Incident', PRINTER_CASE, VOICE);
    assert.equal(outcome.status === 'failure' && outcome.code, 'invalid-entity-name');
  });
});
