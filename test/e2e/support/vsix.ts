/**
 * The packaged extension the end-to-end tests install. Packaged once per test run from the current
 * sources (so the tests exercise exactly what would ship), into a temporary folder removed when the run
 * ends; OMNICHANNEL_VSIX points at a prebuilt one instead.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { REPO_ROOT, packageVersion } from './repo';

let packaged: Promise<string> | undefined;

/** Resolves with the VSIX path after `npm run package` succeeded (once per process). */
export function ensureVsix(): Promise<string> {
  packaged ??= new Promise<string>((resolve, reject) => {
    if (process.env.OMNICHANNEL_VSIX) {
      if (existsSync(process.env.OMNICHANNEL_VSIX)) resolve(process.env.OMNICHANNEL_VSIX);
      else reject(new Error(`OMNICHANNEL_VSIX names ${process.env.OMNICHANNEL_VSIX}, which does not exist.`));
      return;
    }
    // A folder of this process's own, so a test run never installs a VSIX another run is rewriting.
    const folder = mkdtempSync(join(tmpdir(), 'omnichannel-vsix-'));
    process.once('exit', () => rmSync(folder, { recursive: true, force: true }));
    const { name, version } = packageVersion();
    const path = join(folder, `${name}-${version}.vsix`);
    let output = '';
    const child = spawn(process.execPath, [join(REPO_ROOT, 'scripts', 'package.mjs'), '--out', path], { cwd: REPO_ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    child.stdout.on('data', (chunk: Buffer) => { output += chunk.toString(); });
    child.stderr.on('data', (chunk: Buffer) => { output += chunk.toString(); });
    child.once('error', reject);
    child.once('exit', code => {
      if (code === 0 && existsSync(path)) resolve(path);
      else reject(new Error(`Packaging the VSIX failed (exit ${code}):\n${output}`));
    });
  });
  return packaged;
}

let baseline: Promise<string> | undefined;

/**
 * The benchmark's baseline extension (bench/baseline-extension: activated by the same events as ours,
 * `activate` does nothing), packaged once per process.
 */
export function ensureBaselineVsix(): Promise<string> {
  baseline ??= new Promise<string>((resolve, reject) => {
    const folder = mkdtempSync(join(tmpdir(), 'omnichannel-baseline-vsix-'));
    process.once('exit', () => rmSync(folder, { recursive: true, force: true }));
    const path = join(folder, 'activation-baseline.vsix');
    const vsce = join(REPO_ROOT, 'node_modules', '@vscode', 'vsce', 'vsce');
    let output = '';
    const child = spawn(process.execPath, [vsce, 'package', '--no-dependencies', '--allow-missing-repository', '--skip-license', '--out', path], {
      cwd: join(REPO_ROOT, 'bench', 'baseline-extension'),
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    child.stdout.on('data', (chunk: Buffer) => { output += chunk.toString(); });
    child.stderr.on('data', (chunk: Buffer) => { output += chunk.toString(); });
    child.once('error', reject);
    child.once('exit', code => {
      if (code === 0 && existsSync(path)) resolve(path);
      else reject(new Error(`Packaging bench/baseline-extension failed (exit ${code}):\n${output}`));
    });
  });
  return baseline;
}
