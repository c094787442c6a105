/**
 * One isolated VS Code for one test file: a scratch profile, a copy of the samples workspace (tests
 * edit files and the simulator writes state; the repository's samples must stay untouched), the VSIX
 * installed, code-server running. `dispose()` stops every process it started and deletes the profile.
 */
import { mkdirSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { loadHost, type CodeServer, type Profile } from './repo';
import { ensurePrerequisites } from './prerequisites';
import { ensureVsix } from './vsix';

export interface SessionOptions {
  /** Extra user settings. */
  readonly settings?: Record<string, unknown>;
  /** Install the VSIX into the profile (true) or leave the profile empty for a development run. */
  readonly installVsix?: boolean;
  /** Extra environment variables for code-server and its extension host. */
  readonly env?: Record<string, string>;
  /**
   * Open the workspace untrusted (Restricted Mode): workspace trust stays on and the folder, which was
   * never trusted in this fresh profile, opens without the trust question. Default: trusted.
   */
  readonly untrustedWorkspace?: boolean;
  /** More VSIX files to install beside ours (the benchmark's baseline extension). */
  readonly alsoInstall?: readonly string[];
}

/** User settings that make a never-seen folder open in Restricted Mode without a modal question. */
const RESTRICTED_MODE_SETTINGS = {
  'security.workspace.trust.enabled': true,
  'security.workspace.trust.startupPrompt': 'never',
  'security.workspace.trust.banner': 'never',
  'security.workspace.trust.untrustedFiles': 'open',
  'security.workspace.trust.emptyWindow': false,
};

export interface Session {
  readonly profile: Profile;
  readonly server: CodeServer;
  /** The scratch copy of samples/. */
  readonly workspace: string;
  readonly vsix: string;
  dispose(): Promise<void>;
}

/**
 * code-server runs in a session of its own (so it can be killed as a group), which also means Ctrl+C on
 * the test run does not reach it: whatever is still running when this process exits is killed here.
 */
const live = new Set<{ pid: number; profile: Profile }>();
let exitHookInstalled = false;

function killLeftovers(): void {
  for (const entry of live) {
    try { process.kill(-entry.pid, 'SIGKILL'); } catch { /* already gone */ }
    entry.profile.remove();
  }
  live.clear();
}

function installExitHook(): void {
  if (exitHookInstalled) return;
  exitHookInstalled = true;
  process.once('exit', killLeftovers);
  // Ctrl+C, a closed terminal or a CI timeout would otherwise end the run without an 'exit' event.
  for (const [signal, code] of [['SIGINT', 130], ['SIGTERM', 143], ['SIGHUP', 129]] as const) {
    process.once(signal, () => { killLeftovers(); process.exit(code); });
  }
}

export async function startSession(options: SessionOptions = {}): Promise<Session> {
  await ensurePrerequisites();
  const host = await loadHost();
  const vsix = await ensureVsix();
  const untrusted = options.untrustedWorkspace ?? false;
  const settings = { ...(untrusted ? RESTRICTED_MODE_SETTINGS : {}), ...options.settings };
  const profile = host.createProfile({ prefix: 'omnichannel-e2e-', settings });
  try {
    Object.assign(profile.env, options.env ?? {});
    const workspace = join(profile.root, 'workspace');
    mkdirSync(workspace);
    // As in `npm start`: the samples, and the types package their tsconfig names, so VS Code's own TypeScript
    // reports no missing type library in the Problems counts the tests read.
    host.copySamples(workspace);
    if (options.installVsix ?? true) await host.installExtension(profile, vsix);
    for (const other of options.alsoInstall ?? []) await host.installExtension(profile, other);
    const server = await host.startCodeServer(profile, { workspaceTrust: untrusted });
    installExitHook();
    const entry = { pid: server.pid, profile };
    live.add(entry);
    return {
      profile,
      server,
      workspace,
      vsix,
      async dispose() {
        try { await server.stop(); } finally { profile.remove(); live.delete(entry); }
      },
    };
  } catch (error) {
    profile.remove();
    throw error;
  }
}

/** Installs the VSIX into a folder of its own and returns the unpacked extension's folder in it. */
export async function unpackVsix(session: Pick<Session, 'profile' | 'vsix'>): Promise<string> {
  const host = await loadHost();
  const target = join(session.profile.root, 'unpacked');
  mkdirSync(target, { recursive: true });
  await host.installExtension(session.profile, session.vsix, target);
  const folder = readdirSync(target, { withFileTypes: true }).find(entry => entry.isDirectory() && !entry.name.startsWith('.'));
  if (!folder) throw new Error(`Installing ${session.vsix} into ${target} left no extension folder.`);
  return join(target, folder.name);
}
