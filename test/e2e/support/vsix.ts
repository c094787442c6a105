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
  packaged ??= (async () => {
    if (process.env.OMNICHANNEL_VSIX) {
      if (existsSync(process.env.OMNICHANNEL_VSIX)) return process.env.OMNICHANNEL_VSIX;
      throw new Error(`OMNICHANNEL_VSIX names ${process.env.OMNICHANNEL_VSIX}, which does not exist.`);
    }
    const { name, version } = packageVersion();
    return packageInto('omnichannel-vsix-', `${name}-${version}.vsix`, 'the VSIX', REPO_ROOT, path => [join(REPO_ROOT, 'scripts', 'package.mjs'), '--out', path]);
  })();
  return packaged;
}

let baseline: Promise<string> | undefined;

/**
 * The benchmark's baseline extension (bench/baseline-extension: activated by the same events as ours,
 * `activate` does nothing), packaged once per process.
 */
export function ensureBaselineVsix(): Promise<string> {
  const vsce = join(REPO_ROOT, 'node_modules', '@vscode', 'vsce', 'vsce');
  baseline ??= packageInto('omnichannel-baseline-vsix-', 'activation-baseline.vsix', 'bench/baseline-extension', join(REPO_ROOT, 'bench', 'baseline-extension'),
    path => [vsce, 'package', '--no-dependencies', '--allow-missing-repository', '--skip-license', '--out', path]);
  return baseline;
}

/**
 * Runs a packaging script with Node into a folder of this process's own (so a test run never installs a
 * VSIX another run is rewriting), removed when the process exits; resolves with the VSIX path.
 */
function packageInto(prefix: string, file: string, what: string, cwd: string, args: (path: string) => string[]): Promise<string> {
  const folder = mkdtempSync(join(tmpdir(), prefix));
  process.once('exit', () => rmSync(folder, { recursive: true, force: true }));
  const path = join(folder, file);
  return new Promise<string>((resolve, reject) => {
    let output = '';
    const child = spawn(process.execPath, args(path), { cwd, stdio: ['ignore', 'pipe', 'pipe'] });
    child.stdout.on('data', (chunk: Buffer) => { output += chunk.toString(); });
    child.stderr.on('data', (chunk: Buffer) => { output += chunk.toString(); });
    child.once('error', reject);
    child.once('exit', code => {
      if (code === 0 && existsSync(path)) resolve(path);
      else reject(new Error(`Packaging ${what} failed (exit ${code}):\n${output}`));
    });
  });
}
