/**
 * `npm start` as a user runs it: it prints a 127.0.0.1 address serving VS Code with a copy of the samples
 * (so quick fixes tried there never edit the repository), and Ctrl+C (SIGINT) stops everything it started
 * and deletes its scratch profile with the copy.
 */
import * as assert from 'node:assert/strict';
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { request } from 'node:http';
import { join, relative, isAbsolute } from 'node:path';
import { REPO_ROOT } from './support/repo';
import { ensurePrerequisites } from './support/prerequisites';
import { ensureVsix } from './support/vsix';

function get(url: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request(url, res => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => { body += chunk; });
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.once('error', reject);
    req.end();
  });
}

/** Resolves with the output so far once `pattern` appears in the child's stdout. */
function waitForOutput(child: ChildProcess, pattern: RegExp, output: { text: string }): Promise<RegExpExecArray> {
  return new Promise((resolve, reject) => {
    const check = (): boolean => {
      const match = pattern.exec(output.text);
      if (match) { child.stdout?.off('data', onData); child.off('exit', onExit); resolve(match); }
      return match !== null;
    };
    const onData = (): void => { check(); };
    const onExit = (code: number | null): void => reject(new Error(`npm start exited (${code}) before printing ${pattern}:\n${output.text}`));
    child.stdout?.on('data', onData);
    child.once('exit', onExit);
    check();
  });
}

describe('e2e: npm start', function () {
  this.timeout(120_000);
  let child: ChildProcess | undefined;

  after(() => {
    if (child && child.exitCode === null) child.kill('SIGKILL');
  });

  it('serves VS Code with a copy of the samples on 127.0.0.1 and cleans up on Ctrl+C', async () => {
    await ensurePrerequisites();
    const vsix = await ensureVsix();
    const output = { text: '' };
    child = spawn(process.execPath, [join(REPO_ROOT, 'scripts', 'start.mjs'), '--vsix', vsix], { cwd: REPO_ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    child.stdout?.on('data', (chunk: Buffer) => { output.text += chunk.toString(); });
    child.stderr?.on('data', (chunk: Buffer) => { output.text += chunk.toString(); });
    const exited = new Promise<number | null>(resolve => child!.once('exit', code => resolve(code)));

    const [, url] = await waitForOutput(child, /Open:\s+(http:\/\/127\.0\.0\.1:\d+\/\S*)/, output);
    const [, profile] = await waitForOutput(child, /Profile: (\S+) \(deleted on exit\)/, output);
    assert.ok(url && profile);
    const address = new URL(url);
    const folder = address.searchParams.get('folder') ?? '';
    assert.notEqual(folder, join(REPO_ROOT, 'samples'), "the repository's own samples must not be opened");
    const inProfile = relative(profile, folder);
    assert.ok(inProfile !== '' && !inProfile.startsWith('..') && !isAbsolute(inProfile), `the served folder ${folder} is not inside the scratch profile ${profile}`);
    const sample = join('webresources', 'case-form.js');
    assert.equal(readFileSync(join(folder, sample), 'utf8'), readFileSync(join(REPO_ROOT, 'samples', sample), 'utf8'), 'the served folder is a copy of the samples');
    // The copy type-checks against @omnichannel-tools/types as the repository's samples do.
    const tsc = spawnSync(process.execPath, [require.resolve('typescript/bin/tsc'), '--noEmit', '-p', folder], { encoding: 'utf8' });
    assert.equal(tsc.status, 0, `tsc -p on the served copy of the samples failed:\n${tsc.stdout}${tsc.stderr}`);
    assert.ok(existsSync(profile), 'the scratch profile exists while running');
    const settings = JSON.parse(readFileSync(join(profile, 'user-data', 'User', 'settings.json'), 'utf8')) as Record<string, unknown>;
    assert.equal(settings['workbench.startupEditor'], 'readme', "the samples' README opens in front");
    assert.match(readFileSync(join(folder, 'README.md'), 'utf8'), /deleted when `npm start` stops/, 'the README says the copy is scratch');
    assert.match(output.text, /deleted when you stop/);
    assert.equal((await get(`${address.origin}/healthz`)).status, 200);
    const page = await get(url);
    assert.equal(page.status, 200);
    assert.match(page.body, /workbench/i, 'the address serves the VS Code workbench');

    child.kill('SIGINT');
    assert.equal(await exited, 0, `npm start should exit cleanly on Ctrl+C:\n${output.text}`);
    assert.equal(existsSync(profile), false, 'the scratch profile is deleted');
    assert.equal(existsSync(folder), false, 'the copy of the samples is deleted');
    await assert.rejects(get(`${address.origin}/healthz`), 'code-server still answers after Ctrl+C');
  });

  it('opens a folder given on the command line in place, and leaves it on Ctrl+C', async () => {
    await ensurePrerequisites();
    const vsix = await ensureVsix();
    const own = mkdtempSync(join(tmpdir(), 'omnichannel-own-'));
    writeFileSync(join(own, 'form.js'), 'Microsoft.Omnichannel.linkToConversation("incident", id);\n');
    const output = { text: '' };
    child = spawn(process.execPath, [join(REPO_ROOT, 'scripts', 'start.mjs'), own, '--vsix', vsix], { cwd: REPO_ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    child.stdout?.on('data', (chunk: Buffer) => { output.text += chunk.toString(); });
    child.stderr?.on('data', (chunk: Buffer) => { output.text += chunk.toString(); });
    const exited = new Promise<number | null>(resolve => child!.once('exit', code => resolve(code)));
    try {
      const [, url] = await waitForOutput(child, /Open:\s+(http:\/\/127\.0\.0\.1:\d+\/\S*)/, output);
      assert.equal(new URL(url!).searchParams.get('folder'), own, 'your folder itself is opened, not a copy');
      assert.match(output.text, /open in place: edits are saved to it, and it is never deleted/);
      child.kill('SIGINT');
      assert.equal(await exited, 0, output.text);
      assert.ok(existsSync(join(own, 'form.js')), 'your folder is still there after Ctrl+C');
    } finally {
      rmSync(own, { recursive: true, force: true });
    }
  });

  it('says what is wrong with a folder that does not exist', async () => {
    const result = spawnSync(process.execPath, [join(REPO_ROOT, 'scripts', 'start.mjs'), join(tmpdir(), 'no-such-omnichannel-folder'), '--no-package'], { cwd: REPO_ROOT, encoding: 'utf8' });
    assert.equal(result.status, 1);
    assert.match(result.stderr, /is not a folder\. Give the folder of your web resources/);
  });
});
