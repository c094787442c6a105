/**
 * With CI=true a missing end-to-end prerequisite is a failure that names the fix, never a silent
 * install or a skip. Runs the check in a child process with Chromium pointed at a missing path.
 */
import * as assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { join } from 'node:path';

function runCheck(env: NodeJS.ProcessEnv): Promise<{ code: number | null; output: string }> {
  const support = join(__dirname, 'support', 'prerequisites.js');
  const script = `require(${JSON.stringify(support)}).ensurePrerequisites().then(() => process.exit(0), e => { console.error(e.message); process.exit(3); });`;
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['-e', script], { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => { output += chunk.toString(); });
    child.stderr.on('data', (chunk: Buffer) => { output += chunk.toString(); });
    child.once('error', reject);
    child.once('exit', code => resolve({ code, output }));
  });
}

describe('e2e: prerequisites', () => {
  it('with CI=true, a missing Chromium fails with the script that installs it (nothing is installed)', async () => {
    const { code, output } = await runCheck({ CI: 'true', CHROMIUM_PATH: '/nonexistent/chromium' });
    assert.equal(code, 3, output);
    assert.match(output, /prerequisites missing \(CI=true/);
    assert.match(output, /Chromium \(\/nonexistent\/chromium\): run scripts\/install-prereqs\.sh/);
    assert.doesNotMatch(output, /install-prereqs: installing/);
  });
});
