/**
 * The samples type-check against the published declarations (`@omnichannel-tools/types` in their
 * tsconfig), with no typings of their own: a change to the declarations that breaks a customer's
 * TypeScript web resource fails here.
 */
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';

const REPO_ROOT = join(__dirname, '..', '..', '..');
const SAMPLES = join(REPO_ROOT, 'samples');

describe('samples: TypeScript', () => {
  it('tsc --noEmit -p samples passes with @omnichannel-tools/types and no hand-written globals', function () {
    this.timeout(60_000);
    const tsc = spawnSync(process.execPath, [require.resolve('typescript/bin/tsc'), '--noEmit', '--listFiles', '-p', SAMPLES], { encoding: 'utf8' });
    assert.equal(tsc.status, 0, `tsc -p samples reported errors:\n${tsc.stdout}${tsc.stderr}`);
    const files = tsc.stdout.split('\n').filter(Boolean);
    assert.ok(files.some(f => f.endsWith('packages/types/index.d.ts')), `the declarations come from @omnichannel-tools/types:\n${files.join('\n')}`);
    assert.equal(existsSync(join(SAMPLES, 'types', 'globals.d.ts')), false, 'no hand-written globals');
  });
});
