/**
 * A throwaway npm project outside the repository with the packed tarballs installed, as a user gets them:
 * `npm pack` of every package, then `npm install <tarballs>` (their own dependencies from the registry).
 */
import { spawnSync, type SpawnSyncReturns } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';

const REPO = path.resolve(__dirname, '../../../..');
const NPM = process.platform === 'win32' ? 'npm.cmd' : 'npm';

export class ThrowawayProject {
  private constructor(readonly dir: string, readonly tarballs: readonly string[]) {}

  /** Packs every package (compiled by `tsc -b` first) and installs the tarballs plus `extra` registry packages. */
  static create(extra: readonly string[] = []): ThrowawayProject {
    const dir = realpathSync(mkdtempSync(path.join(tmpdir(), 'omnichannel-user-')));
    const packed = path.join(dir, 'tarballs');
    mkdirSync(packed);
    expectOk(spawnSync(process.execPath, [path.join(REPO, 'scripts', 'pack.mjs'), '--no-vsix', '--out', packed], { cwd: REPO, encoding: 'utf8' }), 'npm run pack');
    const tarballs = readdirSync(packed).filter(f => f.endsWith('.tgz')).map(f => path.join(packed, f));
    const project = path.join(dir, 'project');
    mkdirSync(project);
    writeFileSync(path.join(project, 'package.json'), JSON.stringify({ name: 'contoso-customizations', private: true, version: '1.0.0' }, null, 2));
    expectOk(spawnSync(NPM, ['install', '--no-audit', '--no-fund', '--prefer-offline', ...tarballs, ...extra], { cwd: project, encoding: 'utf8' }), 'npm install');
    return new ThrowawayProject(project, tarballs);
  }

  write(file: string, text: string): string {
    const full = path.join(this.dir, file);
    mkdirSync(path.dirname(full), { recursive: true });
    writeFileSync(full, text);
    return full;
  }

  read(file: string): string {
    return readFileSync(path.join(this.dir, file), 'utf8');
  }

  /** Runs an installed bin (`node_modules/.bin/<name>`) in the project, or in one of its folders. */
  bin(name: string, args: readonly string[], folder = '.'): SpawnSyncReturns<string> {
    return spawnSync(path.join(this.dir, 'node_modules', '.bin', name), args, { cwd: path.join(this.dir, folder), encoding: 'utf8' });
  }

  /** Runs a file of an installed package (`node_modules/<path>`) in the project. */
  module(file: string, args: readonly string[]): SpawnSyncReturns<string> {
    return spawnSync(path.join(this.dir, 'node_modules', file), args, { cwd: this.dir, encoding: 'utf8' });
  }

  /** Runs Node itself in the project (`node --test …`), or in one of its folders. */
  node(args: readonly string[], folder = '.'): SpawnSyncReturns<string> {
    return spawnSync(process.execPath, args, { cwd: path.join(this.dir, folder), encoding: 'utf8' });
  }

  dispose(): void {
    rmSync(path.dirname(this.dir), { recursive: true, force: true });
  }
}

function expectOk(result: SpawnSyncReturns<string>, what: string): void {
  if (result.status !== 0) throw new Error(`${what} failed (exit ${result.status ?? result.signal}):\n${result.stdout}\n${result.stderr}`);
}
