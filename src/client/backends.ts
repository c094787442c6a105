/**
 * Creates backends lazily, on the first call that needs one: the simulator (seeded from the workspace's
 * `.omnichannel/simulator.json` or the built-in sample, state kept in the extension's storage) and one
 * Dataverse backend per environment. A bad seed file is reported and the last good state is kept.
 */
import * as path from 'node:path';
import * as vscode from 'vscode';
import { workspaceLabel } from './workspace-files';
import type { LinkBackend } from '../backends/types';
// Types only up front: the backends' code (ajv, the HTTP client) loads on first use, after activation.
import type { DataverseBackend, DataverseBackendOptions } from '../backends/dataverse';
import type { Simulator, SimulatorData } from '../backends/simulator';
// The data module only (no code behind it), so the file watcher can name the seed file at activation.
// The light module (the path and types only): the simulator's index brings ajv into the entry bundle.
import { SEED_FILE } from '@omnichannel-tools/testing/simulator/types';
import type { Config } from './config';
import type { SignInManager } from './auth/sign-in';
import type { DataverseEntry, EnvironmentEntry } from '../environments/types';
import { showProblems } from './environments/problems';
import { realCallBlockedReason } from './link/outcome-text';
import { dataverseModule, simulatorModule } from './lazy';

export class BackendManager implements vscode.Disposable {
  private simulatorInstance: Simulator | undefined;
  private simulatorSeed: SimulatorData | undefined;
  private creating: Promise<Simulator> | undefined;
  private readonly dataverse = new Map<string, DataverseBackend>();
  private readonly changed = new vscode.EventEmitter<void>();
  private readonly disposables: vscode.Disposable[] = [this.changed];
  private unsubscribe: (() => void) | undefined;
  /** Fires when the simulator's state changes or a backend is replaced (settings, seed file). */
  readonly onDidChange = this.changed.event;

  constructor(
    private readonly storage: vscode.Uri,
    private readonly config: Config,
    private readonly signIn: SignInManager,
    private readonly log: vscode.LogOutputChannel,
  ) {
    const watcher = vscode.workspace.createFileSystemWatcher(`**/${SEED_FILE}`);
    const reseed = (): void => void this.reseed();
    this.disposables.push(
      watcher,
      watcher.onDidCreate(reseed),
      watcher.onDidChange(reseed),
      watcher.onDidDelete(reseed),
      vscode.workspace.onDidChangeConfiguration(e => {
        if (e.affectsConfiguration('omnichannel.simulator.linkableStatus')) this.simulatorInstance?.setLinkableStatus(this.config.linkableStatus);
        // The linkable-status rule is shared: real environments check it before writing too.
        if (['trustedHosts', 'dataverse', 'conversations.scope', 'environments', 'simulator.linkableStatus'].some(key => e.affectsConfiguration(`omnichannel.${key}`))) this.dropDataverse();
      }),
    );
  }

  /** The backend for an environment (creating it on first use); no real one in an untrusted workspace. */
  async get(environment: EnvironmentEntry): Promise<LinkBackend> {
    if (environment.kind === 'simulator') return this.simulator();
    const blocked = realCallBlockedReason(vscode.workspace.isTrusted, environment.name);
    if (blocked) throw new Error(blocked);
    return await this.dataverseFor(environment);
  }

  simulator(): Promise<Simulator> {
    if (this.simulatorInstance) return this.simulatorInstance.ready.then(() => this.simulatorInstance as Simulator);
    this.creating ??= this.createSimulator().finally(() => { this.creating = undefined; });
    return this.creating;
  }

  /** The simulator's state (tests read it through the API). */
  async simulatorState(): Promise<SimulatorData> {
    return (await this.simulator()).getState();
  }

  async resetSimulator(): Promise<void> {
    await (await this.simulator()).reset();
  }

  /** Environment definitions changed: rebuild Dataverse backends on next use. */
  dropDataverse(): void {
    for (const backend of this.dataverse.values()) (backend as LinkBackend).dispose?.();
    this.dataverse.clear();
  }

  dispose(): void {
    this.unsubscribe?.();
    this.simulatorInstance?.dispose();
    this.dropDataverse();
    for (const d of this.disposables.splice(0)) d.dispose();
  }

  private async dataverseFor(environment: DataverseEntry): Promise<DataverseBackend> {
    const existing = this.dataverse.get(environment.name);
    if (existing) return existing;
    const { DataverseBackend } = dataverseModule();
    const raced = this.dataverse.get(environment.name);
    if (raced) return raced;
    const backend = new DataverseBackend({ ...this.dataverseOptions(environment), linkableStatus: this.config.linkableStatus });
    this.dataverse.set(environment.name, backend);
    return backend;
  }

  /** What every Dataverse request of an environment runs with: its token, the user's hosts, the limits and scope. */
  dataverseOptions(environment: DataverseEntry): DataverseBackendOptions {
    const trusted = this.config.trustedHosts;
    for (const warning of trusted.warnings) this.log.warn(warning);
    return {
      name: environment.name,
      url: environment.definition.url,
      tokenProvider: this.signIn.tokenProvider(environment.definition),
      trustedHosts: [...trusted.hosts],
      timeoutMs: this.config.timeoutMs,
      maxRetryAfterMs: this.config.maxRetryAfterMs,
      maxResponseBytes: this.config.maxResponseBytes,
      conversationScope: this.config.conversationScope,
      log: (line: string) => this.log.debug(`${environment.name}: ${line}`),
    };
  }

  /** Creates the simulator from the workspace seed (or the sample), its state restored from storage. */
  private async createSimulator(): Promise<Simulator> {
    const { Simulator, FileSimulatorStore } = simulatorModule();
    const { seed } = await this.readSeed();
    await vscode.workspace.fs.createDirectory(this.storage);
    const simulator = new Simulator({
      seed,
      store: new FileSimulatorStore(path.join(this.storage.fsPath, 'simulator-state.json')),
      linkableStatus: this.config.linkableStatus,
    });
    this.simulatorInstance = simulator;
    const changes = simulator.onDidChange(() => this.changed.fire());
    const failures = simulator.onDidFailToSave(message => {
      this.log.warn(message);
      void vscode.window.showWarningMessage(`The simulator's state could not be saved: ${message}`);
    });
    this.unsubscribe = () => { changes.dispose(); failures.dispose(); };
    const report = await simulator.ready;
    this.log.info(`Simulator started from its ${report.source === 'saved' ? 'saved state' : 'seed'}.`);
    if (report.message) {
      this.log.warn(report.message);
      void vscode.window.showInformationMessage(report.message);
    }
    return simulator;
  }

  /** The seed file changed: a good new seed restarts the simulator from it, a bad one is reported and ignored. */
  private async reseed(): Promise<void> {
    const simulator = this.simulatorInstance;
    if (!simulator) return; // read on first use anyway
    const { seed, good } = await this.readSeed();
    if (good && await simulator.setSeed(seed)) {
      this.log.info('The seed changed: the simulator restarted from it.');
      void vscode.window.showInformationMessage('The simulator seed changed: the simulator restarted from it.');
    }
  }

  private async readSeed(): Promise<{ seed: SimulatorData; good: boolean }> {
    const { loadSimulatorSeed, SAMPLE_DATA } = simulatorModule();
    for (const folder of vscode.workspace.workspaceFolders ?? []) {
      const uri = vscode.Uri.joinPath(folder.uri, SEED_FILE);
      let text: string;
      try {
        text = new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
      } catch {
        continue;
      }
      const label = workspaceLabel(uri);
      const loaded = loadSimulatorSeed(text, label);
      if (loaded.seed) {
        this.simulatorSeed = loaded.seed;
        this.log.info(`Simulator seeded from ${label}.`);
        return { seed: loaded.seed, good: true };
      }
      const fallback = this.simulatorSeed ? 'The simulator keeps its last good seed.' : 'The simulator uses its built-in sample data until the file is fixed.';
      showProblems(loaded.errors, this.log, file => (file === label ? uri : undefined), fallback);
      return { seed: this.simulatorSeed ?? SAMPLE_DATA, good: false };
    }
    this.simulatorSeed = SAMPLE_DATA;
    return { seed: SAMPLE_DATA, good: true };
  }
}
