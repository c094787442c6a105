/**
 * Entry point of the extension host side, and all that activation loads: it registers the commands and
 * returns a small API (used by tests and other extensions), and nothing else. The rest (the `Context`, the
 * language server, the commands' bodies) is dist/client.js, started on the next turn of the event loop, so
 * VS Code's activation time is this file's. A command or API call that comes before that start does it
 * first, synchronously, so it never finds the extension half started.
 */
import * as vscode from 'vscode';
import type { LinkMethod, LinkOutcome, LinkRequest } from '../protocol/link';
import type { SimulatorData } from '@omnichannel-tools/testing/simulator';
import { COMMAND_IDS } from './command-ids';
import type { Context } from './ctx';
import { clientModule } from './lazy';

export interface OmnichannelApi {
  /** The active environment's name (`Simulator` by default). */
  activeEnvironment(): string;
  /** All environment names, the Simulator first (after the definitions have loaded). */
  environments(): Promise<string[]>;
  /** The simulator's current conversations and records. */
  getSimulatorState(): Promise<SimulatorData>;
  /** Fires after the environment list was reloaded (settings or workspace file changed) or the active one switched. */
  readonly onDidChangeEnvironments: vscode.Event<void>;
  /** Settles once the language server has started (tests wait on it instead of sleeping). */
  languageServerStarted(): Promise<void>;
  /**
   * How the running language server was started, and a promise that settles once the startup snapshot
   * for the next start is ready (or known impossible).
   */
  languageServerStart(): { from: 'startup snapshot' | 'code cache' | undefined; snapshotPrepared: Promise<void> };
  /** Runs a call without any prompt or notification except a production confirmation. */
  runLinkCall(method: LinkMethod, request: LinkRequest, environment?: string): Promise<LinkOutcome>;
}

interface Running { readonly ctx: Context; readonly run: ReturnType<typeof clientModule>['runCommand'] }

let started: Running | { readonly error: Error } | undefined;
let pendingStart: ReturnType<typeof setImmediate> | undefined;

/** The running extension, started on first need; a start that failed is shown once and fails every later use. */
function running(extension: vscode.ExtensionContext): Running {
  if (pendingStart !== undefined) clearImmediate(pendingStart);
  pendingStart = undefined;
  started ??= start(extension);
  if ('error' in started) throw started.error;
  return started;
}

function start(extension: vscode.ExtensionContext): Running | { readonly error: Error } {
  try {
    const client = clientModule();
    return { ctx: client.startExtension(extension), run: client.runCommand };
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    // No output channel yet (creating it is part of what failed): the extension host log keeps the stack.
    console.error('Omnichannel: the extension did not start.', error);
    void vscode.window.showErrorMessage(`Omnichannel: the extension did not start (${reason}). Reload the window; if it persists, reinstall the extension.`);
    return { error: new Error(`The Omnichannel extension did not start: ${reason}`) };
  }
}

export function activate(extension: vscode.ExtensionContext): OmnichannelApi {
  const ctx = (): Context => running(extension).ctx;
  for (const id of COMMAND_IDS) {
    extension.subscriptions.push(vscode.commands.registerCommand(id, (...args: unknown[]) => {
      const { ctx: context, run } = running(extension);
      return run(context, id, args);
    }));
  }
  // The rest starts once VS Code has taken the activation as done (its timer stops when this returns).
  pendingStart = setImmediate(() => {
    pendingStart = undefined;
    try {
      running(extension);
    } catch {
      // Shown and logged by start().
    }
  });
  return {
    activeEnvironment: () => ctx().activeEnvironment().name,
    environments: async () => {
      await ctx().environments.ready();
      return ctx().environments.list().map(e => e.name);
    },
    getSimulatorState: () => ctx().backends.simulatorState(),
    languageServerStarted: () => ctx().languageServerStarted(),
    languageServerStart: () => ({ from: ctx().serverStartedFrom, snapshotPrepared: ctx().snapshotPrepared }),
    onDidChangeEnvironments: (listener, thisArgs, disposables) => ctx().environments.onDidChange(() => listener.call(thisArgs, undefined), undefined, disposables),
    runLinkCall: (method, request, environment) => ctx().runLinkCall(method, request, { notify: false, ...(environment === undefined ? {} : { environment }) }),
  };
}

export async function deactivate(): Promise<void> {
  if (pendingStart !== undefined) clearImmediate(pendingStart);
  pendingStart = undefined;
  const current = started;
  started = undefined;
  if (current && 'ctx' in current) await current.ctx.dispose();
}
