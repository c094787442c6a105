/**
 * The server bundle's TypeScript: the core's `import * as ts` gets the module itself, not a copy of its
 * exports as getters, both through tsc's helper (the core as compiled) and in the shipped bundle.
 */
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import ts = require('../../src/server-loader/typescript-namespace');
import * as plain from 'typescript';

describe('TypeScript as the server bundle hands it to the core', () => {
  it('is the TypeScript module itself, marked so that import * returns it without copying', () => {
    assert.equal((ts as unknown as { __esModule?: unknown }).__esModule, true);
    assert.equal(ts.createSourceFile, plain.createSourceFile);
    // What `import * as ts from 'typescript'` compiles to in the core: tsc's helper, applied to the module.
    const helper = (mod: unknown): unknown => ((mod as { __esModule?: boolean }).__esModule ? mod : { ...(mod as object) });
    assert.equal(helper(ts), ts);
  });

  it('is what the shipped bundle loads: TypeScript\'s exports are not copied into each file that imports them', () => {
    // The bundle started plainly with --verify-snapshot analyses a form script and prints ok. The preload
    // counts the getters defined for TypeScript's createSourceFile meanwhile: TypeScript's own export and
    // the module's (2); every file importing it with a copy added one (9 before).
    const dir = mkdtempSync(path.join(tmpdir(), 'omnichannel-ts-namespace-'));
    try {
      const preload = path.join(dir, 'count.js');
      writeFileSync(preload, [
        'const define = Object.defineProperty; let getters = 0;',
        "Object.defineProperty = function (o, k, d) { if (k === 'createSourceFile' && d && d.get) getters++; return define.call(this, o, k, d); };",
        "process.on('exit', () => process.stderr.write(`getters ${getters}\\n`));",
      ].join('\n'));
      const bundle = path.resolve(__dirname, '../../../dist/server.js');
      const run = spawnSync(process.execPath, ['-r', preload, bundle, '--verify-snapshot'], { encoding: 'utf8' });
      assert.equal(run.stdout.trim(), 'ok', run.stderr);
      const getters = Number(/getters (\d+)/.exec(run.stderr)?.[1]);
      assert.ok(getters >= 1 && getters <= 2, `TypeScript's createSourceFile got ${getters} getters: its namespace is copied again`);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
