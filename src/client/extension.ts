/**
 * Entry point of the extension host side: builds the `Context`, registers the commands, starts the
 * language server without waiting for it, and returns a small API (used by tests and other extensions).
 */
import type * as vscode from 'vscode';
import type { LinkMethod, LinkOutcome, LinkRequest } from '../protocol/link';
import type { SimulatorData } from '@omnichannel-tools/testing/simulator';
import { registerCommands } from './commands';
import { Context } from './ctx';

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

let current: Context | undefined;

export function activate(extension: vscode.ExtensionContext): OmnichannelApi {
  const ctx = new Context(extension);
  current = ctx;
  extension.subscriptions.push(...registerCommands(ctx));
  ctx.startLanguageClient();
  return {
    activeEnvironment: () => ctx.activeEnvironment().name,
    environments: async () => {
      await ctx.environments.ready();
      return ctx.environments.list().map(e => e.name);
    },
    getSimulatorState: () => ctx.backends.simulatorState(),
    languageServerStarted: () => ctx.languageServerStarted(),
    languageServerStart: () => ({ from: ctx.serverStartedFrom, snapshotPrepared: ctx.snapshotPrepared }),
    onDidChangeEnvironments: (listener, thisArgs, disposables) => ctx.environments.onDidChange(() => listener.call(thisArgs, undefined), undefined, disposables),
    runLinkCall: (method, request, environment) => ctx.runLinkCall(method, request, { notify: false, ...(environment === undefined ? {} : { environment }) }),
  };
}

export async function deactivate(): Promise<void> {
  const ctx = current;
  current = undefined;
  await ctx?.dispose();
}
