/**
 * The language server's start through V8's code cache (dist/server-main.js): the first start writes the
 * cache, a later one uses it without rewriting it, and a truncated or foreign cache is never used but
 * rebuilt. Every run is a real server process serving a real LSP session.
 */
import * as assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { lspSession } from '../support/lsp-session';

const dist = path.resolve(__dirname, '../../../dist');
const TEXT = 'Microsoft.Omnichannel.linkToConversation("case", id);\n';

describe('the language server through the V8 code cache', function () {
  this.timeout(60_000);
  let dir: string;
  let cacheDir: string;

  beforeEach(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'omnichannel-cache-'));
    cacheDir = path.join(dir, 'code-cache');
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  /** One session; returns the rule codes it published, to show the server really served. */
  async function serve(): Promise<string[]> {
    const diagnostics = await lspSession({
      command: process.execPath,
      args: [path.join(dist, 'server-main.js'), '--stdio'],
      cwd: dir,
      env: { ...process.env, OMNICHANNEL_CODE_CACHE_DIR: cacheDir },
      file: path.join(dir, 'form.js'),
      text: TEXT,
    });
    return diagnostics.map(d => String(d.code)).sort();
  }

  const cacheFiles = () => readdirSync(cacheDir).filter(f => f.endsWith('.v8cache'));

  it('writes the cache on the first start, then uses it without rewriting it', async () => {
    assert.ok((await serve()).includes('invalid-entity-name'));
    const [file] = cacheFiles();
    assert.ok(file, 'no cache was written');
    const first = readFileSync(path.join(cacheDir, file));
    assert.ok(first.length > 100_000, `a cache of ${first.length} bytes holds little compiled code`);
    const stamp = statSync(path.join(cacheDir, file)).mtimeMs;
    assert.ok((await serve()).includes('invalid-entity-name'));
    assert.deepEqual(cacheFiles(), [file]);
    assert.equal(statSync(path.join(cacheDir, file)).mtimeMs, stamp, 'an accepted cache is not written again');
  });

  it('never uses a truncated cache: the server still serves and the cache is rebuilt whole', async () => {
    await serve();
    const [file] = cacheFiles();
    const full = path.join(cacheDir, file!);
    const size = statSync(full).size;
    writeFileSync(full, readFileSync(full).subarray(0, 1000));
    assert.ok((await serve()).includes('invalid-entity-name'));
    assert.ok(statSync(full).size > size / 2, 'the truncated cache was not rebuilt');
  });

  it('never uses a cache written for another bundle or Node, and removes stale ones', async () => {
    await serve();
    const [file] = cacheFiles();
    const full = path.join(cacheDir, file!);
    writeFileSync(full, Buffer.alloc(statSync(full).size, 7));
    writeFileSync(path.join(cacheDir, 'server-0000stale0000.v8cache'), 'old');
    assert.ok((await serve()).includes('invalid-entity-name'));
    assert.deepEqual(cacheFiles(), [file]);
    assert.notEqual(readFileSync(full)[0], 7, 'the foreign cache was kept');
  });
});
