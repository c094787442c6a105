/**
 * The `omnichannel` settings of each document, pulled from the client with `workspace/configuration`
 * (so folder settings apply), cached per document and dropped when the configuration changes.
 * Invalid values fall back to defaults; each problem is shown to the user once, naming the setting.
 */
import { MessageType, type Connection } from 'vscode-languageserver/node';
import { resolveSettings } from '@omnichannel-tools/core';
import type { AnalyzerSettings } from '@omnichannel-tools/core';

export interface DocumentSettings {
  readonly analyzer: AnalyzerSettings;
  readonly codeLensEnabled: boolean;
  /** `omnichannel.diagnostics.workspace`: analyse the unopened files of the workspace too (default off). */
  readonly workspaceDiagnostics: boolean;
}

export class SettingsStore {
  private readonly cache = new Map<string, Promise<DocumentSettings>>();
  private readonly shownProblems = new Set<string>();
  /** Settings pushed with `didChangeConfiguration`, for clients without `workspace/configuration`. */
  private pushed: unknown;
  canPull = false;

  constructor(private readonly connection: Connection) {}

  get(uri: string): Promise<DocumentSettings> {
    let settings = this.cache.get(uri);
    if (!settings) {
      settings = this.load(uri);
      this.cache.set(uri, settings);
    }
    return settings;
  }

  /** After a configuration change: forget every cached value; problems may be shown again. */
  reset(pushed: unknown): void {
    this.cache.clear();
    this.shownProblems.clear();
    if (pushed && typeof pushed === 'object' && 'omnichannel' in pushed) this.pushed = (pushed as { omnichannel: unknown }).omnichannel;
  }

  /**
   * The `omnichannel` section for the whole server (no document's folder), for the settings of the process
   * itself; undefined if the client cannot say.
   */
  global(): Promise<unknown> {
    return this.section();
  }

  /** The `omnichannel` section, for a document's folder when `uri` is given: pulled when the client can be asked. */
  private async section(uri?: string): Promise<unknown> {
    if (!this.canPull) return this.pushed;
    try {
      return await this.connection.workspace.getConfiguration({ ...(uri ? { scopeUri: uri } : {}), section: 'omnichannel' });
    } catch (error) {
      this.connection.console.warn(`Could not read the omnichannel settings${uri ? ` for ${uri}` : ''}; using the defaults. ${String(error)}`);
      return undefined;
    }
  }

  /** Shows a problem with a setting once (again after a configuration change). */
  report(problems: readonly string[]): void {
    const fresh = problems.filter(p => !this.shownProblems.has(p));
    if (fresh.length === 0) return;
    for (const p of fresh) this.shownProblems.add(p);
    void this.connection.sendNotification('window/showMessage', {
      type: MessageType.Warning,
      message: `Invalid Omnichannel settings: ${fresh.join(' ')}`,
    });
  }

  forget(uri: string): void {
    this.cache.delete(uri);
  }

  private async load(uri: string): Promise<DocumentSettings> {
    const raw = await this.section(uri);
    const { settings, problems } = resolveSettings(raw);
    this.report(problems);
    return { analyzer: settings, codeLensEnabled: codeLensEnabled(raw), workspaceDiagnostics: workspaceDiagnostics(raw) };
  }
}

function codeLensEnabled(raw: unknown): boolean {
  if (!raw || typeof raw !== 'object') return true;
  const lens = (raw as Record<string, unknown>)['codeLens'];
  // VS Code hands dotted settings as nested objects; other clients may send the flat key.
  const value = lens && typeof lens === 'object' ? (lens as Record<string, unknown>)['enabled'] : (raw as Record<string, unknown>)['codeLens.enabled'];
  return value !== false;
}

function workspaceDiagnostics(raw: unknown): boolean {
  if (!raw || typeof raw !== 'object') return false;
  const section = (raw as Record<string, unknown>)['diagnostics'];
  const value = section && typeof section === 'object' ? (section as Record<string, unknown>)['workspace'] : (raw as Record<string, unknown>)['diagnostics.workspace'];
  return value === true;
}
