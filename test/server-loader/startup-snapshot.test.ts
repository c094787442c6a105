/**
 * The language server started from its V8 startup snapshot: built and verified by this runtime, it serves
 * a real LSP session with the same findings as a plain start; a truncated snapshot is never used but built
 * again; a runtime that refuses snapshots is remembered and left to the code cache.
 */
import * as assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readdirSync, rmSync, statSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { SERVER_EXEC_ARGV } from '@omnichannel-tools/language-server';
import { buildSnapshot, snapshotState, type SnapshotOptions } from '../../src/server-loader/startup-snapshot';
import { lspSession } from '../support/lsp-session';

const dist = path.resolve(__dirname, '../../../dist');
const TEXT = [
  'function onLoad(ctx) {',
  '  Microsoft.Omnichannel.linkToConversation("case", "{6F9619FF-8B86-D011-B42D-00C04FC964FF}");',
  '}',
  '',
].join('\n');

describe('the language server from a V8 startup snapshot', function () {
  this.timeout(120_000);
  let dir: string;
  let options: SnapshotOptions;

  beforeEach(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'omnichannel-snapshot-'));
    options = { builder: path.join(dist, 'server.js'), dir: path.join(dir, 'snapshots'), execArgv: SERVER_EXEC_ARGV };
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  /** One real session; the findings it published, as `code line:character`. */
  async function serve(execArgv: readonly string[], entry = 'server-main.js'): Promise<string[]> {
    const diagnostics = await lspSession({
      command: process.execPath,
      args: [...SERVER_EXEC_ARGV, ...execArgv, path.join(dist, entry), '--stdio'],
      cwd: dir,
      file: path.join(dir, 'form.js'),
      text: TEXT,
    });
    return diagnostics.map(d => `${String(d.code)} ${d.range.start.line}:${d.range.start.character}`).sort();
  }

  it('builds and verifies a snapshot, and a server started from it reports what a plain start reports', async () => {
    assert.equal(snapshotState(options).kind, 'missing');
    const built = await buildSnapshot(options, false);
    assert.equal(built.kind, 'built', JSON.stringify(built));
    const state = snapshotState(options);
    assert.equal(state.kind, 'ready');
    const fromSnapshot = await serve(state.kind === 'ready' ? state.execArgv : []);
    assert.ok(fromSnapshot.some(f => f.startsWith('invalid-entity-name')), fromSnapshot.join('\n'));
    assert.deepEqual(fromSnapshot, await serve([], 'server.js'));
  });

  it('never uses a truncated snapshot: it is deleted, and the next build replaces it', async () => {
    await buildSnapshot(options, false);
    const state = snapshotState(options);
    assert.equal(state.kind, 'ready');
    const file = state.kind === 'ready' ? state.file : '';
    truncateSync(file, statSync(file).size - 4096);
    const after = snapshotState(options);
    assert.equal(after.kind, 'missing');
    assert.ok(!existsSync(file), 'the truncated snapshot was kept');
    assert.equal((await buildSnapshot(options, false)).kind, 'built');
    const rebuilt = snapshotState(options);
    assert.equal(rebuilt.kind, 'ready');
    assert.ok((await serve(rebuilt.kind === 'ready' ? rebuilt.execArgv : [])).some(f => f.startsWith('invalid-entity-name')));
  });

  it('removes the snapshots of other bundles and runtimes when it builds', async () => {
    await buildSnapshot(options, false);
    writeFileSync(path.join(options.dir, 'server-0000stale0000.blob'), 'old');
    writeFileSync(path.join(options.dir, 'server-0000stale0000.json'), '{"size":3}');
    writeFileSync(path.join(options.dir, 'server-0000stale0000.blob.123.tmp'), 'half');
    await buildSnapshot(options, false);
    assert.deepEqual(readdirSync(options.dir).filter(f => f.includes('stale')), []);
    assert.equal(snapshotState(options).kind, 'ready');
  });

  it('remembers a runtime that cannot build a snapshot, says why, and does not try again', async () => {
    const refusing = { ...options, execArgv: [...SERVER_EXEC_ARGV, '--no-such-v8-flag-here'] };
    const outcome = await buildSnapshot(refusing, false);
    assert.equal(outcome.kind, 'unsupported');
    assert.match(outcome.kind === 'unsupported' ? outcome.reason : '', /exit 9.*bad option/);
    const state = snapshotState(refusing);
    assert.equal(state.kind, 'unsupported');
    assert.deepEqual(readdirSync(options.dir).filter(f => f.endsWith('.blob') || f.endsWith('.tmp')), []);
    // The runtime that can still gets its own.
    assert.equal(snapshotState(options).kind, 'missing');
  });
});
