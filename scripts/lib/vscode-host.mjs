// Starts and stops the pinned VS Code (code-server) in a throwaway profile. One implementation shared by
// `npm start` and the end-to-end test harness, so the product runs the same way in both.
import { spawn, execFile } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync, readFileSync } from 'node:fs';
import { createServer, request } from 'node:http';
import { tmpdir } from 'node:os';
import { join, resolve, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

const execFileAsync = promisify(execFile);

export const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const HOST_DIR = join(REPO_ROOT, 'tools', 'vscode-host');
export const CODE_SERVER_VERSION = '4.100.3';
const CODE_SERVER_PACKAGE = join(HOST_DIR, 'node_modules', 'code-server');
export const CODE_SERVER_BIN = join(CODE_SERVER_PACKAGE, 'out', 'node', 'entry.js');

/** Settings that keep a scratch profile quiet, offline and deterministic. */
export const PROFILE_SETTINGS = {
  'workbench.startupEditor': 'none',
  'workbench.tips.enabled': false,
  'workbench.enableExperiments': false,
  'telemetry.telemetryLevel': 'off',
  'update.mode': 'none',
  'extensions.autoUpdate': false,
  'extensions.autoCheckUpdates': false,
  'extensions.ignoreRecommendations': true,
  'typescript.disableAutomaticTypeAcquisition': true,
  'security.workspace.trust.enabled': false,
  'git.enabled': false,
  'window.restoreWindows': 'none',
};

/**
 * Whether the pinned code-server is fully installed: its package, the bundled VS Code and the native
 * terminal module its postinstall builds (a half-finished install lacks the last).
 */
export function codeServerInstalled() {
  const manifest = join(CODE_SERVER_PACKAGE, 'package.json');
  if (!existsSync(manifest) || !existsSync(CODE_SERVER_BIN)) return false;
  const { version } = JSON.parse(readFileSync(manifest, 'utf8'));
  const vscodeModules = join(CODE_SERVER_PACKAGE, 'lib', 'vscode', 'node_modules');
  return version === CODE_SERVER_VERSION
    && existsSync(join(vscodeModules, 'node-pty', 'build', 'Release', 'pty.node'))
    && existsSync(join(vscodeModules, '@vscode', 'ripgrep', 'bin', 'rg'));
}

/**
 * A fresh profile under one scratch folder: user data, extensions and the XDG/TMP folders code-server
 * would otherwise write into the home folder. `remove()` deletes all of it.
 */
export function createProfile({ prefix = 'omnichannel-vscode-', settings = {} } = {}) {
  const root = mkdtempSync(join(tmpdir(), prefix));
  const dirs = {
    root,
    userDataDir: join(root, 'user-data'),
    extensionsDir: join(root, 'extensions'),
    config: join(root, 'xdg', 'config'),
    data: join(root, 'xdg', 'data'),
    cache: join(root, 'xdg', 'cache'),
    tmp: join(root, 'tmp'),
  };
  for (const dir of Object.values(dirs)) mkdirSync(dir, { recursive: true });
  mkdirSync(join(dirs.userDataDir, 'User'), { recursive: true });
  writeFileSync(join(dirs.userDataDir, 'User', 'settings.json'),
    JSON.stringify({ ...PROFILE_SETTINGS, ...settings }, null, 2));
  const env = {
    ...process.env,
    XDG_CONFIG_HOME: dirs.config,
    XDG_DATA_HOME: dirs.data,
    XDG_CACHE_HOME: dirs.cache,
    TMPDIR: dirs.tmp,
  };
  // An inherited test runner's variables would confuse the extension host (it is not under test here).
  delete env.ELECTRON_RUN_AS_NODE;
  return {
    ...dirs,
    env,
    remove() { rmSync(root, { recursive: true, force: true }); },
  };
}

/** A port the OS says is free on 127.0.0.1 right now. */
export function freePort() {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolvePort(port));
    });
  });
}

/**
 * `workspaceTrust: true` leaves VS Code's workspace trust on (the default is off, so every folder opens
 * trusted); the profile's settings then decide how an unknown folder opens.
 */
function codeServerArgs(profile, extensionsDir = profile.extensionsDir, { workspaceTrust = false } = {}) {
  return [
    CODE_SERVER_BIN,
    '--auth', 'none',
    '--user-data-dir', profile.userDataDir,
    '--extensions-dir', extensionsDir,
    '--disable-telemetry',
    '--disable-update-check',
    ...(workspaceTrust ? [] : ['--disable-workspace-trust']),
    '--disable-getting-started-override',
  ];
}

/** Installs a VSIX offline into the profile (or into `extensionsDir`); rejects with code-server's output. */
export async function installExtension(profile, vsixPath, extensionsDir = profile.extensionsDir) {
  if (!existsSync(vsixPath)) throw new Error(`No VSIX at ${vsixPath}: run "npm run package" first.`);
  const args = [...codeServerArgs(profile, extensionsDir), '--install-extension', vsixPath, '--force'];
  try {
    const { stdout } = await execFileAsync(process.execPath, args, { env: profile.env, timeout: 60_000 });
    return stdout;
  } catch (error) {
    throw new Error(`code-server could not install ${vsixPath}:\n${error.stdout ?? ''}${error.stderr ?? ''}`);
  }
}

function getStatus(url) {
  return new Promise((resolveStatus, reject) => {
    const req = request(url, { method: 'GET' }, res => {
      res.resume();
      res.once('end', () => resolveStatus(res.statusCode ?? 0));
    });
    req.once('error', reject);
    req.end();
  });
}

/**
 * Starts code-server in its own process group (a new session, like setsid) on a free 127.0.0.1 port.
 * Resolves once it says it listens and `/healthz` answers; `stop()` kills the whole group and waits.
 */
export async function startCodeServer(profile, { port, readyTimeoutMs = 60_000, workspaceTrust = false } = {}) {
  const chosenPort = port ?? await freePort();
  const args = [...codeServerArgs(profile, profile.extensionsDir, { workspaceTrust }), '--bind-addr', `127.0.0.1:${chosenPort}`];
  const child = spawn(process.execPath, args, {
    env: profile.env,
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const exited = new Promise(resolveExit => child.once('exit', (code, signal) => resolveExit({ code, signal })));

  const listening = new Promise((resolveReady, reject) => {
    const timer = setTimeout(() => reject(new Error(`code-server did not start within ${readyTimeoutMs} ms:\n${output}`)), readyTimeoutMs);
    const onData = chunk => {
      output += chunk.toString();
      if (output.includes('HTTP server listening on')) {
        clearTimeout(timer);
        resolveReady();
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.once('error', error => { clearTimeout(timer); reject(error); });
    exited.then(({ code, signal }) => {
      clearTimeout(timer);
      reject(new Error(`code-server exited (${code ?? signal}) before listening:\n${output}`));
    });
  });

  const url = `http://127.0.0.1:${chosenPort}`;
  let stopped;
  const stop = () => {
    stopped ??= (async () => {
      if (child.exitCode === null && child.signalCode === null) {
        try { process.kill(-child.pid, 'SIGTERM'); } catch { /* already gone */ }
        const forced = setTimeout(() => { try { process.kill(-child.pid, 'SIGKILL'); } catch { /* gone */ } }, 5_000);
        await exited;
        clearTimeout(forced);
      }
      // Children that outlived the leader (extension host, terminals) belong to the same group.
      try { process.kill(-child.pid, 'SIGKILL'); } catch { /* none left */ }
    })();
    return stopped;
  };

  try {
    await listening;
    const status = await getStatus(`${url}/healthz`);
    if (status !== 200) throw new Error(`code-server's /healthz answered HTTP ${status}.`);
  } catch (error) {
    await stop();
    throw error;
  }
  return { url, port: chosenPort, pid: child.pid, child, exited, stop, output: () => output };
}

/** The browser URL that opens `folder` (and, with `payload`, loads extensions under development). */
export function workbenchUrl(server, { folder, payload } = {}) {
  const query = new URLSearchParams();
  if (folder) query.set('folder', folder);
  if (payload) query.set('payload', JSON.stringify(payload));
  const text = query.toString();
  return `${server.url}/${text ? `?${text}` : ''}`;
}

/** A `vscode-remote://` URI for a path on this machine, as the workbench's payload expects. */
export function remoteUri(server, absolutePath) {
  return `vscode-remote://127.0.0.1:${server.port}${absolutePath}`;
}

/**
 * Copies samples/ into `workspace` (a scratch folder VS Code opens). The samples' tsconfig names
 * @omnichannel-tools/types, which outside the repository resolves from the copy's node_modules: it gets the
 * package as npm installs it, the files its package.json publishes (the `files` field) and package.json itself.
 */
export function copySamples(workspace) {
  cpSync(join(REPO_ROOT, 'samples'), workspace, { recursive: true });
  const source = join(REPO_ROOT, 'packages', 'types');
  const target = join(workspace, 'node_modules', '@omnichannel-tools', 'types');
  const { files = [] } = JSON.parse(readFileSync(join(source, 'package.json'), 'utf8'));
  for (const file of ['package.json', ...files]) cpSync(join(source, file), join(target, file), { recursive: true });
}
