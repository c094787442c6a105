/**
 * Test helpers for the CLI: a fresh temp folder per test, the CLI run in-process on it (fast, and the real
 * code), the compiled bin run as a child process where only a process can tell (a FIFO that must not
 * block, another user's permissions), and a guard for tools the machine must have.
 */
import { spawnSync, type SpawnSyncOptions } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { run } from '../src/cli';

export const BAD = [
  'function link(conversationId) {',
  '  Microsoft.Omnichannel.linkToConversation("case", "5a2a6a28-9f8e-4c38-9a4f-1a0b3c2d4e5f", conversationId)',
  '    .then(() => Microsoft.Apm.refreshTab("t"), e => console.error(e));',
  '}',
  '',
].join('\n');
export const WARNS = 'Microsoft.Omnichannel.linkToConversation("incident", "5a2a6a28-9f8e-4c38-9a4f-1a0b3c2d4e5f").catch(e => e);\n';
export const CLEAN = 'export const x = 1;\n';

/**
 * A file with one problem of each kind the formatters place differently: an account link replaced by a
 * contact link in the same function (an info on line 4), then `lastLine` at line 8.
 */
export function afterTwoCustomerLinks(lastLine: string): string {
  return [
    'async function f(c) {',
    '  try {',
    '    await Microsoft.Omnichannel.linkToConversation("account", "5a2a6a28-9f8e-4c38-9a4f-1a0b3c2d4e5f", c);',
    '    await Microsoft.Omnichannel.linkToConversation("contact", "6a2a6a28-9f8e-4c38-9a4f-1a0b3c2d4e5f", c);',
    '    Microsoft.Apm.getFocusedSession().getFocusedTab().refresh();',
    '  } catch (e) { console.error(e); }',
    '}',
    lastLine,
    '',
  ].join('\n');
}

export interface Result {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** A temp folder made before each test and removed after it; `dir()` is its path. */
export function useTempDir(): { dir(): string; write(rel: string, text: string | Buffer): string; cli(...args: string[]): Result } {
  let current = '';
  beforeEach(() => {
    current = mkdtempSync(path.join(tmpdir(), 'omnichannel-cli-'));
  });
  afterEach(() => {
    // A test may have taken a permission away to make something unreadable: give it back to clean up.
    spawnSync('chmod', ['-R', 'u+rwx', current]);
    rmSync(current, { recursive: true, force: true });
  });
  return {
    dir: () => current,
    write(rel, text) {
      const file = path.join(current, rel);
      mkdirSync(path.dirname(file), { recursive: true });
      writeFileSync(file, text);
      return file;
    },
    cli: (...args) => runInProcess(current, args),
  };
}

export function runInProcess(cwd: string, args: readonly string[]): Result {
  let stdout = '';
  let stderr = '';
  const code = run(args, cwd, s => (stdout += s), s => (stderr += s));
  return { code, stdout, stderr };
}

/** The package's own bin (compiled by tsc), as `npx omnichannel-lint` runs it; readable by any user. */
export function builtCli(): string {
  const bin = path.join(__dirname, '..', 'src', 'bin.js');
  if (!existsSync(bin)) throw new Error(`${bin} was not built: run \`npm run compile\` to see why.`);
  return bin;
}

/** Runs the bundle in `cwd`; `as` runs it as another user through setpriv. Times out rather than hangs. */
export function runBundle(cwd: string, args: readonly string[], as?: 'nobody'): Result {
  const command = as ? 'setpriv' : process.execPath;
  const prefix = as ? ['--reuid=nobody', '--regid=nogroup', '--clear-groups', process.execPath] : [];
  const options: SpawnSyncOptions = { cwd, encoding: 'utf8', timeout: 30_000 };
  const r = spawnSync(command, [...prefix, builtCli(), ...args], options);
  if (r.error) throw r.error;
  if (r.signal) throw new Error(`the CLI was killed by ${r.signal} (after the 30 s guard, it hung)`);
  return { code: r.status, stdout: String(r.stdout), stderr: String(r.stderr) };
}

/**
 * Whether a tool this test needs is installed. Outside CI a missing one skips the test; in CI (CI=true)
 * it fails it, so a machine without the tool can never pass by skipping.
 */
export function requireTool(context: Mocha.Context, tool: string): void {
  if (spawnSync('sh', ['-c', `command -v ${tool}`]).status === 0) return;
  if (process.env.CI === 'true') throw new Error(`${tool} is required for this test and is not installed`);
  context.skip();
}

/** One-line JSON parse with the text in the failure, so a broken report is shown, not just "Unexpected token". */
export function parseJson<T>(text: string): T {
  try {
    return JSON.parse(text) as T;
  } catch (error) {
    throw new Error(`not JSON (${String(error)}):\n${text}`);
  }
}
