/**
 * Where things are: the repository root (found from the compiled file's location, which differs from
 * the source's) and the pinned VS Code host's shared launcher in scripts/lib.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';

type HostModule = typeof import('../../../scripts/lib/vscode-host.mjs', { with: { 'resolution-mode': 'import' } });

export type Host = HostModule;
export type Profile = import('../../../scripts/lib/vscode-host.mjs', { with: { 'resolution-mode': 'import' } }).Profile;
export type CodeServer = import('../../../scripts/lib/vscode-host.mjs', { with: { 'resolution-mode': 'import' } }).CodeServer;

function findRepoRoot(start: string): string {
  for (let dir = start; dir !== dirname(dir); dir = dirname(dir)) {
    const manifest = join(dir, 'package.json');
    if (existsSync(manifest) && (JSON.parse(readFileSync(manifest, 'utf8')) as { name?: string }).name === 'omnichannel-tools') {
      return dir;
    }
  }
  throw new Error(`No omnichannel-tools package.json above ${start}.`);
}

export const REPO_ROOT = findRepoRoot(__dirname);
export const RESULTS_DIR = join(REPO_ROOT, 'test-results');
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

let host: Promise<Host> | undefined;

/** The launcher shared with `npm start` (an ES module, so it is imported, not required). */
export function loadHost(): Promise<Host> {
  host ??= import(pathToFileURL(join(REPO_ROOT, 'scripts', 'lib', 'vscode-host.mjs')).href) as Promise<Host>;
  return host;
}

export function packageVersion(): { name: string; version: string } {
  return JSON.parse(readFileSync(join(REPO_ROOT, 'package.json'), 'utf8')) as { name: string; version: string };
}
