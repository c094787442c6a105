/**
 * The versions last pulled or published, per environment and web resource, in the extension's workspace
 * state (never in the repository); the content of each version goes to the extension's storage folder,
 * so a conflict can show what changed since.
 */
import * as vscode from 'vscode';
import type { KnownVersion, VersionMemory } from '../../webresources/publish';

const KEY = 'omnichannel.webResources.versions';

type Stored = Record<string, KnownVersion>;

export class WorkspaceVersionMemory implements VersionMemory {
  constructor(
    private readonly state: vscode.Memento,
    private readonly storage: vscode.Uri,
    /** The environment's URL: the same web resource name in two environments is two things. */
    private readonly environmentUrl: string,
  ) {}

  get(name: string): KnownVersion | undefined {
    return this.all()[this.key(name)];
  }

  async content(name: string): Promise<Uint8Array | undefined> {
    const version = this.get(name);
    if (!version) return undefined;
    try {
      return await vscode.workspace.fs.readFile(this.contentUri(version.sha256));
    } catch {
      return undefined;
    }
  }

  async remember(name: string, version: KnownVersion, content: Uint8Array): Promise<void> {
    const folder = vscode.Uri.joinPath(this.storage, 'webresources');
    try {
      await vscode.workspace.fs.createDirectory(folder);
      await vscode.workspace.fs.writeFile(this.contentUri(version.sha256), content);
    } catch {
      // Without the copy a conflict still shows the environment against the local file.
    }
    await this.state.update(KEY, { ...this.all(), [this.key(name)]: version });
  }

  private all(): Stored {
    const value = this.state.get<unknown>(KEY);
    return value && typeof value === 'object' ? (value as Stored) : {};
  }

  private key(name: string): string {
    return `${this.environmentUrl}|${name.toLowerCase()}`;
  }

  private contentUri(sha: string): vscode.Uri {
    return vscode.Uri.joinPath(this.storage, 'webresources', `${sha}.js`);
  }
}
