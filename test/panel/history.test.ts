/** The host's call history: newest first, capped, clearable, and robust to damaged stored data. */
import * as assert from 'node:assert/strict';
import { createMementoHistory, HISTORY_KEY } from '../../src/panel/host/history';
import type { HistoryEntry } from '../../src/protocol/link';

function memento(initial?: unknown) {
  const values = new Map<string, unknown>(initial === undefined ? [] : [[HISTORY_KEY, initial]]);
  return { values, get: <T>(key: string) => values.get(key) as T | undefined, update: async (key: string, value: unknown) => { values.set(key, value); } };
}

function entry(n: number): HistoryEntry {
  return {
    id: `call-${n}`,
    at: new Date(Date.UTC(2025, 0, 1, 0, n)).toISOString(),
    environment: 'Simulator',
    method: 'linkToConversation',
    request: { entityLogicalName: 'incident', recordId: '5a2a6a28-9f8e-4c38-9a4f-1a0b3c2d4e5f' },
    outcome: { status: 'failure', functionName: 'linkToConversation', code: 'conversation-not-active', message: 'Closed.' },
  };
}

describe('panel history', function () {
  it('lists newest first and keeps at most the cap', async function () {
    const store = createMementoHistory(memento(), HISTORY_KEY, 3);
    for (let n = 1; n <= 5; n++) await store.add(entry(n));
    assert.deepEqual(store.list().map(e => e.id), ['call-5', 'call-4', 'call-3']);
  });

  it('survives a new store over the same memento (a reload) and clears', async function () {
    const shared = memento();
    await createMementoHistory(shared).add(entry(1));
    const reloaded = createMementoHistory(shared);
    assert.deepEqual(reloaded.list().map(e => e.id), ['call-1']);
    await reloaded.clear();
    assert.deepEqual(createMementoHistory(shared).list(), []);
  });

  it('ignores damaged stored data instead of failing', function () {
    assert.deepEqual(createMementoHistory(memento('not a list')).list(), []);
    assert.deepEqual(createMementoHistory(memento([null, 3, { id: 'x' }, entry(2)])).list().map(e => e.id), ['call-2']);
  });
});
