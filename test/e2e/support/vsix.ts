/**
 * The packaged extension the end-to-end tests install. Packaged once per test run from the current
 * sources (so the tests exercise exactly what would ship); OMNICHANNEL_VSIX points at a prebuilt one.
 */
import { spawn } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { REPO_ROOT, packageVersion } from './repo';

export function vsixPath(): string {
  const { name, version } = packageVersion();
  return process.env.OMNICHANNEL_VSIX ?? join(REPO_ROOT, `${name}-${version}.vsix`);
}

let packaged: Promise<string> | undefined;

/** Resolves with the VSIX path after `npm run package` succeeded (once per process). */
export function ensureVsix(): Promise<string> {
  packaged ??= new Promise<string>((resolve, reject) => {
    if (process.env.OMNICHANNEL_VSIX) {
      if (existsSync(process.env.OMNICHANNEL_VSIX)) resolve(process.env.OMNICHANNEL_VSIX);
      else reject(new Error(`OMNICHANNEL_VSIX names ${process.env.OMNICHANNEL_VSIX}, which does not exist.`));
      return;
    }
    let output = '';
    const child = spawn(process.execPath, [join(REPO_ROOT, 'scripts', 'package.mjs')], { cwd: REPO_ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    child.stdout.on('data', (chunk: Buffer) => { output += chunk.toString(); });
    child.stderr.on('data', (chunk: Buffer) => { output += chunk.toString(); });
    child.once('error', reject);
    child.once('exit', code => {
      const path = vsixPath();
      if (code === 0 && existsSync(path)) resolve(path);
      else reject(new Error(`Packaging the VSIX failed (exit ${code}):\n${output}`));
    });
  });
  return packaged;
}

export function vsixSize(path: string): number {
  return statSync(path).size;
}
