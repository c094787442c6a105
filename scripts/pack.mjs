#!/usr/bin/env node
// `npm run pack`: every artifact the product ships, in artifacts/: the VSIX and one npm tarball per package
// under packages/ (compiled first). `--no-vsix` packs only the npm packages (the install tests use it).
import { spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { REPO_ROOT } from './lib/vscode-host.mjs';

const outIndex = process.argv.indexOf('--out');
const out = outIndex > 0 && process.argv[outIndex + 1] ? resolve(process.argv[outIndex + 1]) : join(REPO_ROOT, 'artifacts');
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';

function run(command, args) {
  const result = spawnSync(command, args, { cwd: REPO_ROOT, stdio: ['ignore', 'inherit', 'inherit'] });
  if (result.status !== 0) {
    console.error(`pack: "${[command, ...args].join(' ')}" failed (exit ${result.status ?? result.signal}).`);
    process.exit(1);
  }
}

rmSync(out, { recursive: true, force: true });
mkdirSync(out, { recursive: true });
run(process.execPath, [join(REPO_ROOT, 'node_modules', 'typescript', 'bin', 'tsc'), '-b']);
const packages = readdirSync(join(REPO_ROOT, 'packages')).sort();
run(npm, ['pack', '--silent', '--pack-destination', out, ...packages.map(p => `--workspace=packages/${p}`)]);
if (!process.argv.includes('--no-vsix')) run(process.execPath, [join(REPO_ROOT, 'scripts', 'package.mjs'), '--out', join(out, 'omnichannel-tools.vsix')]);
console.log(`pack: ${readdirSync(out).join(', ')} in ${out}`);
