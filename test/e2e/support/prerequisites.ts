/**
 * Makes sure Chromium and the pinned code-server exist before an end-to-end test starts. Locally a
 * missing one is installed by the repository's scripts; with CI=true it is a failure, because the CI
 * script must have installed it and a silent install would hide that it did not.
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { CHROMIUM_PATH, REPO_ROOT, loadHost } from './repo';

const isCI = process.env.CI === 'true';

function runScript(command: string, args: string[]): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd: REPO_ROOT, stdio: 'inherit' });
    child.once('error', reject);
    child.once('exit', code => code === 0 ? resolve() : reject(new Error(`${args.join(' ')} failed (exit ${code}).`)));
  });
}

let ensured: Promise<void> | undefined;

/** Resolves when Chromium and code-server are present; rejects saying which one is missing and the fix. */
export function ensurePrerequisites(): Promise<void> {
  ensured ??= (async () => {
    const host = await loadHost();
    const missing: string[] = [];
    if (!existsSync(CHROMIUM_PATH)) missing.push(`Chromium (${CHROMIUM_PATH}): run scripts/install-prereqs.sh`);
    if (!host.codeServerInstalled()) missing.push(`code-server ${host.CODE_SERVER_VERSION}: run "node scripts/install-vscode-host.mjs"`);
    if (missing.length === 0) return;
    if (isCI) throw new Error(`End-to-end prerequisites missing (CI=true, so they are not installed here):\n- ${missing.join('\n- ')}`);
    if (!existsSync(CHROMIUM_PATH)) await runScript('bash', [join(REPO_ROOT, 'scripts', 'install-prereqs.sh')]);
    if (!host.codeServerInstalled()) await runScript(process.execPath, [join(REPO_ROOT, 'scripts', 'install-vscode-host.mjs')]);
  })();
  return ensured;
}
