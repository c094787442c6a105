import * as assert from 'node:assert/strict';
import { promises as fs } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { FileSimulatorStore, SAMPLE_DATA, Simulator, type SimulatorData } from '../../../src/backends/simulator';
import { IDS } from './fixtures';

describe('simulator persistence', () => {
  let dir: string;
  let file: string;

  beforeEach(async () => {
    dir = await fs.mkdtemp(path.join(os.tmpdir(), 'omnichannel-sim-'));
    file = path.join(dir, 'state', 'simulator-state.json');
  });

  afterEach(async () => {
    await fs.rm(dir, { recursive: true, force: true });
  });

  const open = (seed: SimulatorData = SAMPLE_DATA) => new Simulator({ seed, store: new FileSimulatorStore(file), now: () => new Date('2025-03-10T10:00:00Z') });

  it('starts from the seed without a message when nothing was saved', async () => {
    const sim = open();
    assert.deepEqual(await sim.ready, { source: 'seed' });
    assert.deepEqual(sim.getState(), SAMPLE_DATA);
  });

  it('a new instance continues from the saved state', async () => {
    const first = open();
    await first.link({ entityLogicalName: 'account', recordId: IDS.contoso });
    await first.setFocusedConversation(IDS.secondActive);

    const second = open();
    assert.deepEqual(await second.ready, { source: 'saved' });
    assert.equal(second.getState().focusedConversationId, IDS.secondActive);
    assert.equal((await second.getConversation(IDS.focused)).customer?.id, IDS.contoso);
    const saved = JSON.parse(await fs.readFile(file, 'utf8')) as { savedAt: string };
    assert.equal(saved.savedAt, '2025-03-10T10:00:00.000Z');
  });

  it('reset is saved too', async () => {
    const first = open();
    await first.link({ entityLogicalName: 'account', recordId: IDS.contoso });
    await first.reset();
    const second = open();
    await second.ready;
    assert.deepEqual(second.getState(), SAMPLE_DATA);
  });

  it('a crash mid-write (stray, truncated temporary file) leaves the previous state intact', async () => {
    const first = open();
    await first.link({ entityLogicalName: 'account', recordId: IDS.contoso });
    const before = await fs.readFile(file, 'utf8');
    // What a crash between "write temp" and "rename" leaves behind.
    await fs.writeFile(`${file}.4242.1.tmp`, before.slice(0, before.length / 2));

    const second = open();
    assert.deepEqual(await second.ready, { source: 'saved' });
    assert.equal((await second.getConversation(IDS.focused)).customer?.id, IDS.contoso);
    assert.equal(await fs.readFile(file, 'utf8'), before);
  });

  it('a failed save is reported, keeps the change in memory and leaves no temporary file', async () => {
    // A directory where the state file should be makes the final rename fail.
    await fs.mkdir(path.join(file, 'occupied'), { recursive: true });
    const sim = new Simulator({ seed: SAMPLE_DATA, store: new FileSimulatorStore(file) });
    const report = await sim.ready;
    assert.equal(report.source, 'seed');
    assert.match(report.message ?? '', /^The simulator's saved state could not be read \(.*\): starting from the seed\.$/);
    const failure = new Promise<string>(resolve => sim.onDidFailToSave(resolve));
    const result = await sim.link({ entityLogicalName: 'account', recordId: IDS.contoso });
    assert.equal(result.status, 'success');
    assert.match(await failure, /^The simulator's state could not be saved \(.+\): changes are kept until the window closes\.$/);
    assert.equal((await sim.getConversation(IDS.focused)).customer?.id, IDS.contoso);
    const leftovers = (await fs.readdir(path.dirname(file))).filter(f => f.endsWith('.tmp'));
    assert.deepEqual(leftovers, []);
  });

  it('concurrent saves do not interleave: the last one wins and the file is always whole', async () => {
    const store = new FileSimulatorStore(file);
    const texts = Array.from({ length: 25 }, (_, i) => JSON.stringify({ n: i, pad: 'x'.repeat(5000 + i) }));
    await Promise.all(texts.map(t => store.save(t)));
    assert.equal(await store.load(), texts[texts.length - 1]);
    const leftovers = (await fs.readdir(path.dirname(file))).filter(f => f.endsWith('.tmp'));
    assert.deepEqual(leftovers, []);
  });

  it('many links in a row all reach the disk', async () => {
    const sim = open();
    await Promise.all([
      sim.link({ entityLogicalName: 'incident', recordId: IDS.printerJam }),
      sim.link({ entityLogicalName: 'account', recordId: IDS.contoso, conversationId: IDS.secondActive }),
      sim.unlink({ entityLogicalName: 'contact', recordId: IDS.mariaCampbell }),
    ]);
    const reopened = open();
    await reopened.ready;
    assert.deepEqual(reopened.getState(), sim.getState());
  });

  it('a corrupt state file falls back to the seed with a message', async () => {
    await fs.mkdir(path.dirname(file), { recursive: true });
    await fs.writeFile(file, '{"version":1,"seedHash":"abc","state":{"conversa');
    const sim = open();
    assert.deepEqual(await sim.ready, { source: 'seed', message: "The simulator's saved state is damaged (not valid JSON): starting from the seed." });
    assert.deepEqual(sim.getState(), SAMPLE_DATA);
    // The next change replaces the damaged file.
    await sim.link({ entityLogicalName: 'account', recordId: IDS.contoso });
    assert.equal((await open().ready).source, 'saved');
  });

  it('a state file with an invalid state names the field', async () => {
    const first = open();
    await first.link({ entityLogicalName: 'account', recordId: IDS.contoso });
    const saved = JSON.parse(await fs.readFile(file, 'utf8')) as { state: { conversations: { statuscode: unknown }[] } };
    saved.state.conversations[0].statuscode = 9;
    await fs.writeFile(file, JSON.stringify(saved));
    const report = await open().ready;
    assert.equal(report.source, 'seed');
    assert.match(report.message ?? '', /damaged \(conversations\[0\]\.statuscode must be an integer from 1 to 7 \(got 9\)\.\)/);
  });

  it('a changed seed starts over from the new seed and says so', async () => {
    const first = open();
    await first.link({ entityLogicalName: 'account', recordId: IDS.contoso });
    const newSeed: SimulatorData = { ...SAMPLE_DATA, focusedConversationId: IDS.secondActive };
    const second = open(newSeed);
    assert.deepEqual(await second.ready, { source: 'seed', message: 'The simulator seed changed since the state was saved: starting from the new seed.' });
    assert.equal(second.getState().focusedConversationId, IDS.secondActive);
    assert.equal((await second.getConversation(IDS.focused)).customer?.id, IDS.mariaCampbell);
  });

  it('setSeed with a different seed replaces the state; with the same seed keeps it', async () => {
    const sim = open();
    await sim.link({ entityLogicalName: 'account', recordId: IDS.contoso });
    assert.equal(await sim.setSeed(SAMPLE_DATA), false);
    assert.equal((await sim.getConversation(IDS.focused)).customer?.id, IDS.contoso);
    const changed = new Promise<string>(resolve => sim.onDidChange(c => resolve(c.reason)));
    assert.equal(await sim.setSeed({ ...SAMPLE_DATA, focusedConversationId: null }), true);
    assert.equal(await changed, 'seed');
    assert.equal(sim.getState().focusedConversationId, null);
    const reopened = open({ ...SAMPLE_DATA, focusedConversationId: null });
    assert.equal((await reopened.ready).source, 'saved');
  });

  it('a saved state nested thousands deep starts the simulator from the seed with a message, and calls still work', async () => {
    const first = open();
    await first.link({ entityLogicalName: 'account', recordId: IDS.contoso });
    const saved = JSON.parse(await fs.readFile(file, 'utf8')) as { savedAt: unknown };
    saved.savedAt = '@';
    const text = JSON.stringify(saved, null, 2).replace('"@"', `${'['.repeat(10_000)}${']'.repeat(10_000)}`);
    await fs.writeFile(file, text);
    const line = text.split('\n').findIndex(l => l.includes('[[[')) + 1;
    const sim = open();
    const report = await sim.ready;
    assert.equal(report.source, 'seed');
    assert.equal(report.message, `The simulator's saved state is damaged (nested too deeply (more than 64 levels) at line ${line}, column 77: a few levels are all it needs, so check the brackets opened before that point): starting from the seed.`);
    assert.deepEqual(sim.getState(), SAMPLE_DATA);
    assert.equal((await sim.link({ entityLogicalName: 'account', recordId: IDS.contoso })).status, 'success');
    assert.equal((await open().ready).source, 'saved');
  });
});
