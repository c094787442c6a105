/**
 * The prerequisite scripts are idempotent: on a machine that already has everything (as CI has after
 * .ci/run installed it) they say so and change nothing.
 */
import * as assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { REPO_ROOT } from './support/repo';
import { ensurePrerequisites } from './support/prerequisites';

function run(command: string, args: string[]): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd: REPO_ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => { output += chunk.toString(); });
    child.stderr.on('data', (chunk: Buffer) => { output += chunk.toString(); });
    child.once('error', reject);
    child.once('exit', code => resolve({ code, output }));
  });
}

describe('e2e: install scripts', function () {
  this.timeout(180_000);

  before(async () => {
    await ensurePrerequisites();
  });

  it('scripts/install-prereqs.sh finds everything present and installs nothing', async () => {
    const { code, output } = await run('bash', [join(REPO_ROOT, 'scripts', 'install-prereqs.sh')]);
    assert.equal(code, 0, output);
    assert.match(output, /are present/);
    assert.doesNotMatch(output, /installing/);
  });

  it('scripts/install-vscode-host.mjs skips an installed code-server', async () => {
    const { code, output } = await run(process.execPath, [join(REPO_ROOT, 'scripts', 'install-vscode-host.mjs')]);
    assert.equal(code, 0, output);
    assert.match(output, /code-server 4\.100\.3 is already installed/);
  });
});
