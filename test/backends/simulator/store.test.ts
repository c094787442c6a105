/**
 * The file store on a real folder: on first load it removes the temporary files that writes killed
 * mid-way left behind (its own name pattern, its own folder, writer gone or file old), and nothing else.
 */
import * as assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { promises as fs } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { FileSimulatorStore } from '../../../src/backends/simulator';

/** The pid of a process that has exited: what a window killed mid-write leaves in its file names. */
async function deadPid(): Promise<number> {
  const child = spawn(process.execPath, ['-e', '']);
  await new Promise(resolve => child.once('exit', resolve));
  return child.pid!;
}

describe('simulator file store', () => {
  let dir: string;

  beforeEach(async () => {
    dir = await fs.mkdtemp(path.join(os.tmpdir(), 'omnichannel-store-'));
  });

  afterEach(async () => {
    await fs.rm(dir, { recursive: true, force: true });
  });

  it('removes the temporary files of writers that died, and keeps the state and everything not its own', async () => {
    const state = path.join(dir, 'simulator-state.json');
    await fs.writeFile(state, '{"saved":true}');
    const dead = await deadPid();
    const leftovers = Array.from({ length: 140 }, (_, i) => `simulator-state.json.${dead}.${i + 1}.tmp`);
    for (const name of leftovers) await fs.writeFile(path.join(dir, name), 'x'.repeat(1000));
    const notOurs = [
      'simulator-state.json.tmp',
      `simulator-state.json.${dead}.1.tmp.bak`,
      `other-state.json.${dead}.1.tmp`,
      `simulator-state.json.${dead}.x.tmp`,
      'notes.txt',
    ];
    for (const name of notOurs) await fs.writeFile(path.join(dir, name), 'keep');
    await fs.mkdir(path.join(dir, `simulator-state.json.${dead}.999.tmp`)); // a folder, whatever its name
    const elsewhere = path.join(dir, 'other-folder');
    await fs.mkdir(elsewhere);
    await fs.writeFile(path.join(elsewhere, `simulator-state.json.${dead}.1.tmp`), 'keep');

    assert.equal(await new FileSimulatorStore(state).load(), '{"saved":true}');
    assert.deepEqual((await fs.readdir(dir)).sort(), [...notOurs, 'other-folder', 'simulator-state.json', `simulator-state.json.${dead}.999.tmp`].sort());
    assert.deepEqual(await fs.readdir(elsewhere), [`simulator-state.json.${dead}.1.tmp`]);
  });

  it('keeps a recent temporary file of a running writer, and removes one too old to be a write in progress', async () => {
    const state = path.join(dir, 'simulator-state.json');
    const writing = path.join(dir, `simulator-state.json.${process.pid}.1.tmp`);
    const old = path.join(dir, `simulator-state.json.${process.pid}.2.tmp`);
    await fs.writeFile(writing, 'half');
    await fs.writeFile(old, 'half');
    const anHourAgo = new Date(Date.now() - 60 * 60 * 1000);
    await fs.utimes(old, anHourAgo, anHourAgo);

    assert.equal(await new FileSimulatorStore(state).load(), undefined);
    assert.deepEqual(await fs.readdir(dir), [path.basename(writing)]);
  });

  it('starts in a folder that does not exist yet', async () => {
    const store = new FileSimulatorStore(path.join(dir, 'not', 'yet', 'simulator-state.json'));
    assert.equal(await store.load(), undefined);
    await store.save('{}');
    assert.equal(await store.load(), '{}');
  });
});
