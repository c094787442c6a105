#!/usr/bin/env node
// Installs the pinned VS Code (code-server) into tools/vscode-host from its lockfile. A plain install
// fails four ways on a fresh Debian machine; each workaround is applied here so one command suffices:
//   1. as root, code-server's postinstall needs npm_config_unsafe_perm=true;
//   2. its kerberos module compiles against libkrb5-dev (install-prereqs.sh installs it);
//   3. @vscode/ripgrep downloads from GitHub unless a tarball already sits in its cache under TMPDIR:
//      we put the system's `rg` there;
//   4. node-pty runs `npx node-gyp`, which must not stop to ask (npm_config_yes) and must find Node's
//      headers locally (npm_config_nodedir).
// Skips everything when the pinned version is already installed.
import { execFileSync, spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CODE_SERVER_VERSION, HOST_DIR, REPO_ROOT, codeServerInstalled } from './lib/vscode-host.mjs';

// The ripgrep package code-server 4.100.3 bundles, and the prebuilt it looks for in its cache.
const RIPGREP_PACKAGE_VERSION = '1.15.11';
const RIPGREP_ASSET = 'ripgrep-v13.0.0-10-x86_64-unknown-linux-musl.tar.gz';

function which(command) {
  const found = spawnSync('sh', ['-c', `command -v ${command}`], { encoding: 'utf8' });
  return found.status === 0 ? found.stdout.trim() : undefined;
}

function haveKerberosHeaders() {
  return existsSync('/usr/include/gssapi/gssapi.h') || existsSync('/usr/include/krb5.h');
}

function ensureSystemPackages() {
  if (which('rg') && haveKerberosHeaders() && which('make') && which('g++')) return;
  console.log('install-vscode-host: system packages missing; running scripts/install-prereqs.sh');
  const result = spawnSync('bash', [join(REPO_ROOT, 'scripts', 'install-prereqs.sh')], { stdio: 'inherit' });
  if (result.status !== 0) {
    throw new Error('scripts/install-prereqs.sh failed: install chromium, libkrb5-dev, ripgrep, make and g++, then retry.');
  }
}

function seedRipgrepCache(scratchTmp) {
  const rg = which('rg');
  if (!rg) throw new Error('ripgrep (`rg`) is not on PATH: install the Debian package "ripgrep".');
  const cache = join(scratchTmp, `vscode-ripgrep-cache-${RIPGREP_PACKAGE_VERSION}`);
  const staging = join(scratchTmp, 'rg-staging');
  mkdirSync(cache, { recursive: true });
  mkdirSync(staging, { recursive: true });
  copyFileSync(rg, join(staging, 'rg'));
  execFileSync('tar', ['-czf', join(cache, RIPGREP_ASSET), '-C', staging, 'rg']);
}

function main() {
  if (codeServerInstalled() && !process.argv.includes('--force')) {
    console.log(`install-vscode-host: code-server ${CODE_SERVER_VERSION} is already installed.`);
    return;
  }
  const [major] = process.versions.node.split('.').map(Number);
  if (major !== 20) {
    throw new Error(`code-server ${CODE_SERVER_VERSION} needs Node 20; this is Node ${process.versions.node}.`);
  }
  ensureSystemPackages();

  const scratchTmp = mkdtempSync(join(tmpdir(), 'omnichannel-vscode-host-install-'));
  try {
    seedRipgrepCache(scratchTmp);
    const env = {
      ...process.env,
      TMPDIR: scratchTmp,
      npm_config_unsafe_perm: 'true',
      npm_config_yes: 'true',
      npm_config_audit: 'false',
      npm_config_fund: 'false',
    };
    // Node's own headers, where Debian/NodeSource put them, spare node-gyp a download.
    if (existsSync('/usr/include/node/node.h')) env.npm_config_nodedir = '/usr';
    console.log(`install-vscode-host: installing code-server ${CODE_SERVER_VERSION} (300 MB; about 40 s on an idle machine, minutes on a busy one: it compiles native modules)…`);
    const started = Date.now();
    const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
    const result = spawnSync(npm, ['ci', '--no-audit', '--no-fund'], { cwd: HOST_DIR, env, stdio: 'inherit' });
    if (result.status !== 0) throw new Error(`npm ci in tools/vscode-host failed (exit ${result.status}).`);
    if (!codeServerInstalled()) {
      throw new Error('npm ci finished but code-server is incomplete (its postinstall did not build node-pty or ripgrep). '
        + 'Check that npm allows the install scripts listed under "allowScripts" in tools/vscode-host/package.json.');
    }
    console.log(`install-vscode-host: done in ${Math.round((Date.now() - started) / 1000)} s.`);
  } finally {
    rmSync(scratchTmp, { recursive: true, force: true });
  }
}

try {
  main();
} catch (error) {
  console.error(`install-vscode-host: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
}
