/**
 * The environments a call can run against: the built-in Simulator, the user's `omnichannel.environments`
 * and the workspace's `.omnichannel/environments.json` (ignored in an untrusted workspace). Reloads when
 * either changes, keeps whatever is valid, and remembers the active one per workspace.
 */
import * as vscode from 'vscode';
import { workspaceLabel } from '../workspace-files';
// Only the types module is imported up front: the validators (ajv) load with the first reload, after activation.
import { ENVIRONMENTS_FILE, SIMULATOR_ENTRY, type EnvironmentDefinition, type EnvironmentEntry } from '../../environments/types';
import type { ConfigProblem } from '@omnichannel-tools/testing/json';
import type { Config } from '../config';
import { chooseActive } from './selection';
import { showProblems } from './problems';
import { environmentsModule } from '../lazy';

const ACTIVE_KEY = 'omnichannel.activeEnvironment';

export type EnvironmentChange = 'definitions' | 'active';

export class EnvironmentManager implements vscode.Disposable {
  private environments: readonly EnvironmentEntry[] = [SIMULATOR_ENTRY];
  private readonly changed = new vscode.EventEmitter<EnvironmentChange>();
  private readonly disposables: vscode.Disposable[] = [this.changed];
  private loading: Promise<void> | undefined;
  /** What was last reported, so a reload for another reason does not repeat the same warnings. */
  private reported = '';
  /** Fires when the list (`definitions`) or only the active environment (`active`) changed. */
  readonly onDidChange = this.changed.event;

  constructor(private readonly state: vscode.Memento, private readonly config: Config, private readonly log: vscode.LogOutputChannel) {
    const watcher = vscode.workspace.createFileSystemWatcher(`**/${ENVIRONMENTS_FILE}`);
    this.disposables.push(
      watcher,
      watcher.onDidCreate(() => void this.reload()),
      watcher.onDidChange(() => void this.reload()),
      watcher.onDidDelete(() => void this.reload()),
      vscode.workspace.onDidChangeConfiguration(e => {
        if (e.affectsConfiguration('omnichannel.environments')) void this.reload();
      }),
      vscode.workspace.onDidGrantWorkspaceTrust(() => void this.reload()),
      vscode.workspace.onDidChangeWorkspaceFolders(() => void this.reload()),
    );
  }

  list(): readonly EnvironmentEntry[] {
    return this.environments;
  }

  active(): EnvironmentEntry {
    return chooseActive(this.environments, this.state.get<string>(ACTIVE_KEY)) ?? SIMULATOR_ENTRY;
  }

  find(name: string | undefined): EnvironmentEntry | undefined {
    return name === undefined ? this.active() : this.environments.find(e => e.name === name);
  }

  async setActive(name: string): Promise<void> {
    await this.state.update(ACTIVE_KEY, name);
    this.changed.fire('active');
  }

  /** Resolves once the current definitions are loaded (the first load starts at activation). */
  ready(): Promise<void> {
    return this.loading ?? this.reload();
  }

  /** Loads the definitions again; loads run one after another so an older one never overwrites a newer one. */
  reload(): Promise<void> {
    const run = (this.loading ?? Promise.resolve())
      .then(() => this.load())
      .catch(error => this.log.error(`Could not load the environments: ${String(error)}`));
    this.loading = run;
    return run;
  }

  dispose(): void {
    for (const d of this.disposables.splice(0)) d.dispose();
  }

  private async load(): Promise<void> {
    const { loadWorkspaceEnvironments, mergeEnvironments, validateSettingsEnvironments } = environmentsModule();
    const settings = validateSettingsEnvironments(this.config.environments);
    const fromFiles: EnvironmentDefinition[] = [];
    const problems: ConfigProblem[] = [...settings.errors];
    const files = new Map<string, vscode.Uri>();
    if (vscode.workspace.isTrusted) {
      for (const folder of vscode.workspace.workspaceFolders ?? []) {
        const uri = vscode.Uri.joinPath(folder.uri, ENVIRONMENTS_FILE);
        const text = await readText(uri);
        if (text === undefined) continue;
        const label = workspaceLabel(uri);
        files.set(label, uri);
        const loaded = loadWorkspaceEnvironments(text, label);
        fromFiles.push(...loaded.environments);
        problems.push(...loaded.errors);
      }
    } else if ((vscode.workspace.workspaceFolders ?? []).length > 0) {
      this.log.info(`${ENVIRONMENTS_FILE} is ignored: the workspace is not trusted.`);
    }
    const merged = mergeEnvironments(settings.environments, fromFiles);
    this.environments = merged.environments;
    this.log.info(`Environments: ${this.environments.map(e => e.name).join(', ')}`);
    const report = JSON.stringify([problems.map(p => p.text), merged.messages]);
    if (report !== this.reported) {
      this.reported = report;
      for (const message of merged.messages) {
        this.log.warn(message);
        void vscode.window.showWarningMessage(message);
      }
      showProblems(problems, this.log, file => files.get(file), 'The other environments still work.');
    }
    this.changed.fire('definitions');
  }
}

async function readText(uri: vscode.Uri): Promise<string | undefined> {
  try {
    return new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
  } catch {
    return undefined;
  }
}
