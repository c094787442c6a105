/**
 * What the panel's Web resources section shows, read from VS Code: the mapped files of every workspace
 * folder (`.omnichannel/webresources.json`, checked by the one mapping reader), the version last pulled or
 * published here, the latest outcome reported by any publish or pull, and what blocks publishing. Its
 * actions run the palette's own commands on the files it listed, and only on those: a path from the
 * webview is a key into that list, never opened as given.
 */
import * as vscode from 'vscode';
import type { PanelEnvironment, WebResourceFileItem, WebResourceMappingProblem, WebResourcesMessage } from '../../protocol/webview';
import { WEBRESOURCES_FILE, findMapping, loadWebResourceMappings } from '../../webresources/mapping';
import { WorkspaceVersionMemory } from '../../client/webresources/memory';
import type { WebResourceOutcomes } from '../../client/webresources/report';
import type { WebResourceRun } from '../../client/webresources/run';
import { workspaceLabel } from '../../client/workspace-files';
import type { WebResourceSectionServices } from './webresources';

/** What the client supplies for the section. */
export interface WebResourceSourceDeps {
  readonly workspaceState: vscode.Memento;
  /** The extension's storage folder (where remembered versions keep their content). */
  readonly storage: vscode.Uri;
  /** How each file's latest publish or pull ended. */
  readonly outcomes: Pick<WebResourceOutcomes, 'get' | 'onDidChange'>;
  /** The window's one publish, pull or mapping run, wherever it started. */
  readonly run: Pick<WebResourceRun, 'running' | 'onDidChange'>;
  /** Whether a Dataverse environment is set up (only the Simulator: the section offers Add Environment…). */
  hasDataverseEnvironment(): boolean;
  /** Maps an unmapped script: the same pick a publish of it starts. */
  map(uri: vscode.Uri): PromiseLike<unknown>;
}

interface Listed {
  readonly files: Map<string, vscode.Uri>;
  readonly problems: { readonly uri: vscode.Uri; readonly line: number; readonly column: number }[];
  readonly unmapped?: { readonly key: string; readonly uri: vscode.Uri };
}

export class WebResourceSource implements WebResourceSectionServices, vscode.Disposable {
  private listed: Listed = { files: new Map(), problems: [] };
  private readonly changed = new vscode.EventEmitter<void>();
  /** Fires when what the section shows may have changed (an outcome, a run, the mapping file, the active editor, trust). */
  readonly onDidChange = this.changed.event;
  private readonly disposables: vscode.Disposable[] = [this.changed];

  constructor(
    private readonly deps: WebResourceSourceDeps,
    private readonly environment: () => PanelEnvironment,
    private readonly signInNeeded: () => boolean | PromiseLike<boolean>,
  ) {
    const watcher = vscode.workspace.createFileSystemWatcher(`**/${WEBRESOURCES_FILE}`);
    const fire = () => this.changed.fire();
    this.disposables.push(
      watcher, watcher.onDidCreate(fire), watcher.onDidChange(fire), watcher.onDidDelete(fire),
      vscode.window.onDidChangeActiveTextEditor(editor => { if (editor) fire(); }),
      vscode.workspace.onDidGrantWorkspaceTrust(fire),
      vscode.workspace.onDidChangeWorkspaceFolders(fire),
      deps.outcomes.onDidChange(fire),
      deps.run.onDidChange(fire),
    );
  }

  async snapshot(): Promise<Omit<WebResourcesMessage, 'type' | 'running'>> {
    const environment = this.environment();
    const blocked = await this.blocked(environment);
    const folders = vscode.workspace.workspaceFolders ?? [];
    if (folders.length === 0) {
      this.listed = { files: new Map(), problems: [] };
      return { files: [], problems: [], ...(blocked ? { blocked } : {}) };
    }
    const memory = environment.url ? new WorkspaceVersionMemory(this.deps.workspaceState, this.deps.storage, environment.url) : undefined;
    const active = vscode.window.activeTextEditor?.document.uri;
    const files: WebResourceFileItem[] = [];
    const problems: WebResourceMappingProblem[] = [];
    const listed: Listed = { files: new Map(), problems: [] };
    let mappingFiles = 0;
    let activeMapped = false;
    for (const folder of folders) {
      const mappingUri = vscode.Uri.joinPath(folder.uri, WEBRESOURCES_FILE);
      const text = await readText(mappingUri);
      if (text === undefined) continue;
      mappingFiles++;
      const label = folders.length > 1 ? `${folder.name}/${WEBRESOURCES_FILE}` : WEBRESOURCES_FILE;
      const { mappings, errors } = loadWebResourceMappings(text, label);
      for (const error of errors) {
        problems.push({ text: `${error.text} Entries with a problem are left out until it is fixed.`, index: listed.problems.length });
        listed.problems.push({ uri: mappingUri, line: error.line ?? 1, column: error.column ?? 1 });
      }
      const relativeActive = active && vscode.workspace.getWorkspaceFolder(active)?.uri.toString() === folder.uri.toString()
        ? vscode.workspace.asRelativePath(active, false)
        : undefined;
      const activeMapping = relativeActive === undefined ? undefined : findMapping(mappings, relativeActive)?.mapping;
      if (activeMapping) activeMapped = true;
      for (const mapping of mappings) {
        const key = folders.length > 1 ? `${folder.name}/${mapping.file}` : mapping.file;
        const fileUri = vscode.Uri.joinPath(folder.uri, mapping.file);
        listed.files.set(key, fileUri);
        const known = memory?.get(mapping.name);
        const outcome = environment.url ? this.deps.outcomes.get(environment.url, fileUri) : undefined;
        files.push({
          file: key,
          name: mapping.name,
          ...(mapping.source ? { source: mapping.source } : {}),
          ...(known ? { last: { action: known.action, at: known.at } } : {}),
          ...(outcome ? { outcome } : {}),
          ...(activeMapping === mapping ? { active: true } : {}),
        });
      }
    }
    // The active editor's script with no entry: offered with Map… (a .ts needs its compiled .js mapped instead).
    let unmapped: Listed['unmapped'];
    if (active && active.scheme === 'file' && !activeMapped && /\.js$/i.test(active.path)) {
      const folder = vscode.workspace.getWorkspaceFolder(active);
      if (folder) unmapped = { key: workspaceLabel(active), uri: active };
    }
    this.listed = { ...listed, ...(unmapped ? { unmapped } : {}) };
    const notice = mappingFiles === 0
      ? `No ${WEBRESOURCES_FILE} yet: map a script (open it and choose Map…, or publish it from the explorer) and the file is written for you.`
      : files.length === 0 && problems.length === 0 ? `${WEBRESOURCES_FILE} maps no file yet: add entries to its "webResources" list, or map a script with Map….` : undefined;
    return {
      files,
      problems,
      ...(blocked ? { blocked } : {}),
      ...(notice ? { notice } : {}),
      ...(unmapped ? { unmapped: unmapped.key } : {}),
    };
  }

  running(): string | undefined {
    return this.deps.run.running;
  }

  publish(file: string): PromiseLike<unknown> {
    return vscode.commands.executeCommand('omnichannel.publishWebResource', this.listedFile(file));
  }

  pull(file: string): PromiseLike<unknown> {
    return vscode.commands.executeCommand('omnichannel.pullWebResource', this.listedFile(file));
  }

  publishAll(): PromiseLike<unknown> {
    return vscode.commands.executeCommand('omnichannel.publishAllWebResources');
  }

  map(file: string): PromiseLike<unknown> {
    const unmapped = this.listed.unmapped;
    if (!unmapped || unmapped.key !== file) throw new Error(`${file} is no longer the open script without a mapping: open it again and choose Map….`);
    return this.deps.map(unmapped.uri);
  }

  async openProblem(index: number): Promise<unknown> {
    const problem = this.listed.problems[index];
    if (!problem) throw new Error(`${WEBRESOURCES_FILE} has changed since its problems were listed: look again.`);
    const position = new vscode.Position(Math.max(0, problem.line - 1), Math.max(0, problem.column - 1));
    return vscode.window.showTextDocument(problem.uri, { selection: new vscode.Range(position, position) });
  }

  manageTrust(): PromiseLike<unknown> {
    return vscode.commands.executeCommand('workbench.trust.manage');
  }

  openFolder(): PromiseLike<unknown> {
    // With no folder given, VS Code asks for one (its own Open Folder dialog).
    return vscode.commands.executeCommand('vscode.openFolder');
  }

  addEnvironment(): PromiseLike<unknown> {
    return vscode.commands.executeCommand('omnichannel.addEnvironment');
  }

  dispose(): void {
    for (const d of this.disposables.splice(0)) d.dispose();
  }

  /** The URI of a file the section listed; anything else is refused. */
  private listedFile(file: string): vscode.Uri {
    const uri = this.listed.files.get(file);
    if (!uri) throw new Error(`${file} is not a mapped file of this workspace (any more): check ${WEBRESOURCES_FILE}.`);
    return uri;
  }

  /** Why nothing can be published or pulled now, in the order a person would fix it, with the next step. */
  private async blocked(environment: PanelEnvironment): Promise<WebResourcesMessage['blocked']> {
    if ((vscode.workspace.workspaceFolders ?? []).length === 0) {
      return { reason: 'No folder is open: open the folder that holds your form scripts to publish them as web resources.', remedy: 'openFolder' };
    }
    if (environment.kind === 'simulator') {
      return this.deps.hasDataverseEnvironment()
        ? { reason: 'The Simulator has no web resources: switch to a Dataverse environment to publish or pull.', remedy: 'selectEnvironment' }
        : { reason: 'Only the Simulator is set up, and it has no web resources: add your Dataverse environment to publish or pull.', remedy: 'addEnvironment' };
    }
    // The same rule as the commands: a workspace nobody trusted does not reach a real environment.
    if (!vscode.workspace.isTrusted) {
      return { reason: `This workspace is not trusted, so nothing is published to or pulled from ${environment.name}. Trust it to publish web resources.`, remedy: 'manageTrust' };
    }
    if (await this.signInNeeded()) return { reason: `Sign in to ${environment.name} to publish or pull web resources.`, remedy: 'signIn' };
    return undefined;
  }
}

async function readText(uri: vscode.Uri): Promise<string | undefined> {
  try {
    return new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
  } catch {
    return undefined;
  }
}
