/**
 * `npm run package` (and so `npm start`) in a fresh clone: after `npm ci`, before anything was compiled, the
 * workspace packages have no `out/`, and the bundles import them through it. The clone is the repository's
 * tracked files in a temporary folder; its node_modules links every installed dependency as `npm ci` would
 * lay it out, with the workspace packages pointing at the clone's own (uncompiled) packages.
 */
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { REPO_ROOT } from '../e2e/support/repo';

const SCOPE = '@omnichannel-tools';

/** A copy of the tracked files, with node_modules as `npm ci` leaves it in a fresh clone. */
function freshClone(): string {
  const clone = mkdtempSync(join(tmpdir(), 'omnichannel-fresh-clone-'));
  const tracked = spawnSync('git', ['ls-files', '-z'], { cwd: REPO_ROOT, encoding: 'utf8' });
  assert.equal(tracked.status, 0, `git ls-files failed: ${tracked.stderr}`);
  for (const file of tracked.stdout.split('\0').filter(Boolean)) {
    if (!existsSync(join(REPO_ROOT, file))) continue; // deleted in the working tree, not yet committed
    mkdirSync(dirname(join(clone, file)), { recursive: true });
    copyFileSync(join(REPO_ROOT, file), join(clone, file));
  }
  mkdirSync(join(clone, 'node_modules', SCOPE), { recursive: true });
  for (const entry of readdirSync(join(REPO_ROOT, 'node_modules'))) {
    if (entry !== SCOPE) symlinkSync(join(REPO_ROOT, 'node_modules', entry), join(clone, 'node_modules', entry));
  }
  for (const workspace of readdirSync(join(REPO_ROOT, 'node_modules', SCOPE))) {
    symlinkSync(join('..', '..', 'packages', workspace), join(clone, 'node_modules', SCOPE, workspace));
  }
  return clone;
}

describe('package: npm run package in a fresh clone', function () {
  this.timeout(600_000);
  let clone: string | undefined;
  after(() => { if (clone) rmSync(clone, { recursive: true, force: true }); });

  it('builds the VSIX although no workspace package was compiled yet', () => {
    clone = freshClone();
    assert.ok(!existsSync(join(clone, 'packages', 'core', 'out')), 'the clone starts without compiled packages');
    const vsix = join(clone, 'fresh.vsix');
    const result = spawnSync(process.execPath, [join(clone, 'scripts', 'package.mjs'), '--out', vsix], { cwd: clone, encoding: 'utf8' });
    assert.equal(result.status, 0, `npm run package failed in a fresh clone:\n${result.stdout}\n${result.stderr}`);
    assert.ok(existsSync(vsix), `no VSIX at ${vsix}`);
  });
});
