#!/usr/bin/env node
// `npm start`: the product as a user gets it. Packages the VSIX, installs it into a fresh throwaway
// VS Code profile, opens a copy of the samples workspace in code-server (VS Code in the browser) on
// 127.0.0.1, with the samples' README in front, and prints the address. The copy lives in the profile,
// so quick fixes tried there never edit the repository's samples. Ctrl+C stops every process it started
// and deletes the profile with the copy.
//   <folder>       open this folder instead of the samples: in place, never copied, never deleted
//   --port <n>     listen on this port instead of a free one
//   --no-package   reuse the VSIX already in the repository root
//   --vsix <path>  install this VSIX (no packaging)
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import {
  REPO_ROOT, codeServerInstalled, copySamples, createProfile, installExtension, startCodeServer, workbenchUrl,
} from './lib/vscode-host.mjs';

function fail(message) {
  console.error(`start: ${message}`);
  process.exit(1);
}

function parseArgs(argv) {
  const options = { port: undefined, package: true, vsix: undefined, folder: undefined };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--no-package') options.package = false;
    else if (arg === '--vsix') {
      options.vsix = argv[++i];
      options.package = false;
      if (!options.vsix) fail('--vsix needs the path of a .vsix file.');
    }
    else if (arg === '--port') {
      const port = Number(argv[++i]);
      if (!Number.isInteger(port) || port < 1 || port > 65535) fail(`--port needs a port number from 1 to 65535, got "${argv[i] ?? ''}".`);
      options.port = port;
    } else if (!arg.startsWith('-') && options.folder === undefined) {
      options.folder = resolve(arg);
      let stat;
      try { stat = statSync(options.folder); } catch { stat = undefined; }
      if (!stat?.isDirectory()) fail(`"${arg}" is not a folder. Give the folder of your web resources, e.g. npm start -- ./webresources.`);
    } else fail(`unknown option "${arg}". Usage: npm start [-- [<folder>] [--port <n>] [--no-package] [--vsix <path>]].`);
  }
  return options;
}

function runStep(title, args) {
  console.log(`start: ${title}…`);
  const result = spawnSync(process.execPath, args, { cwd: REPO_ROOT, stdio: 'inherit' });
  if (result.status !== 0) fail(`${title} failed (exit ${result.status ?? result.signal}).`);
}

const options = parseArgs(process.argv.slice(2));
const { name, version } = JSON.parse(readFileSync(join(REPO_ROOT, 'package.json'), 'utf8'));
const vsix = options.vsix ? resolve(options.vsix) : join(REPO_ROOT, `${name}-${version}.vsix`);

if (options.package) runStep('packaging the extension', [join(REPO_ROOT, 'scripts', 'package.mjs')]);
else if (!existsSync(vsix)) fail(`${vsix} does not exist: run "npm run package" (or start without --no-package / --vsix).`);
if (!codeServerInstalled()) runStep('installing VS Code (code-server)', [join(REPO_ROOT, 'scripts', 'install-vscode-host.mjs')]);

// The samples open with their README in front; your own folder opens as VS Code would open it.
const profile = createProfile({ prefix: 'omnichannel-start-', settings: options.folder ? {} : { 'workbench.startupEditor': 'readme' } });
const workspace = options.folder ?? join(profile.root, 'samples');
let server;
let stopping = false;

async function shutdown(code) {
  if (stopping) return;
  stopping = true;
  console.log('\nstart: stopping VS Code and removing the scratch profile…');
  try {
    await server?.stop();
  } finally {
    profile.remove();
  }
  process.exit(code);
}

process.once('SIGINT', () => void shutdown(0));
process.once('SIGTERM', () => void shutdown(0));
process.once('SIGHUP', () => void shutdown(0));

try {
  if (!options.folder) {
    copySamples(workspace);
  }
  console.log('start: installing the VSIX into a fresh profile…');
  await installExtension(profile, vsix);
  server = await startCodeServer(profile, options.port === undefined ? {} : { port: options.port });
} catch (error) {
  console.error(`start: ${error instanceof Error ? error.message : String(error)}`);
  await shutdown(1);
}

server.exited.then(({ code, signal }) => {
  if (stopping) return;
  console.error(`start: code-server exited unexpectedly (${code ?? signal}). Its output:\n${server.output()}`);
  void shutdown(1);
});

console.log(`
  Omnichannel Tools is running in VS Code (code-server ${server.url.replace('http://', '')}).

    Open:  ${workbenchUrl(server, { folder: workspace })}

  ${options.folder
    ? `Your folder ${workspace} is open in place: edits are saved to it, and it is never deleted.`
    : 'A copy of the samples workspace is open: edit it freely, the repository\'s samples stay as they are;\n  the copy and your edits in it are deleted when you stop.'}
  Link calls run against the built-in Simulator (no account needed).
  Profile: ${profile.root} (deleted on exit). Press Ctrl+C to stop.
`);
