#!/usr/bin/env node
// Builds production bundles and packages them as omnichannel-tools-<version>.vsix in the repository root.
// The bundles import the workspace packages through their compiled `out/` (their package.json `exports`),
// so those are compiled first: a fresh clone after `npm ci` has none.
// The bundles carry every runtime dependency, so vsce runs with --no-dependencies and .vscodeignore is an
// allow-list of the shipped files.
import { spawnSync } from 'node:child_process';
import { readFileSync, statSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { REPO_ROOT } from './lib/vscode-host.mjs';

function run(command, args) {
  const result = spawnSync(command, args, { cwd: REPO_ROOT, stdio: 'inherit' });
  if (result.status !== 0) {
    console.error(`package: "${[command, ...args].join(' ')}" failed (exit ${result.status ?? result.signal}).`);
    process.exit(1);
  }
}

const { name, version, dependencies } = JSON.parse(readFileSync(join(REPO_ROOT, 'package.json'), 'utf8'));
// The workspace packages the bundles import are the extension's @omnichannel-tools/* dependencies.
const bundledPackages = Object.keys(dependencies).filter(d => d.startsWith('@omnichannel-tools/')).map(d => join(REPO_ROOT, 'packages', d.slice('@omnichannel-tools/'.length)));
// --out <path> writes the VSIX elsewhere (the tests package into a folder of their own).
const outIndex = process.argv.indexOf('--out');
const vsix = outIndex > 0 && process.argv[outIndex + 1] ? resolve(process.argv[outIndex + 1]) : join(REPO_ROOT, `${name}-${version}.vsix`);

run(process.execPath, [join(REPO_ROOT, 'node_modules', 'typescript', 'bin', 'tsc'), '-b', ...bundledPackages]);
run(process.execPath, [join(REPO_ROOT, 'scripts', 'build.mjs'), '--production']);
run(process.execPath, [join(REPO_ROOT, 'node_modules', '@vscode', 'vsce', 'vsce'), 'package', '--no-dependencies', '--out', vsix]);

const bytes = statSync(vsix).size;
console.log(`package: ${basename(vsix)} is ${(bytes / 1024).toFixed(1)} KiB (${bytes} bytes).`);
