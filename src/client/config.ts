/**
 * One typed view of the `omnichannel.*` settings, a getter per setting, read fresh on every access so a
 * change applies without a reload. The only place the client reads configuration.
 */
import * as vscode from 'vscode';
import { DEFAULT_REFRESH_CALL } from '../catalogue';
import { readTrustedHosts, type TrustedHostsReading } from './trusted-hosts';

export const CONFIG_SECTION = 'omnichannel';

export class Config {
  private get section(): vscode.WorkspaceConfiguration {
    return vscode.workspace.getConfiguration(CONFIG_SECTION);
  }

  /** The raw `omnichannel.environments` value; validated by the environment manager. */
  get environments(): unknown {
    // Application scope: only the user's value counts, whatever a workspace says.
    return this.section.inspect<unknown>('environments')?.globalValue ?? [];
  }

  /** Only the user's own value, never the workspace's: it decides where a token may go. */
  get trustedHosts(): TrustedHostsReading {
    return readTrustedHosts(this.section.inspect<unknown>('trustedHosts'));
  }

  get linkableStatus(): 'active' | 'open' {
    return this.section.get<string>('simulator.linkableStatus') === 'open' ? 'open' : 'active';
  }

  get conversationScope(): 'mine' | 'all' {
    return this.section.get<string>('conversations.scope') === 'all' ? 'all' : 'mine';
  }

  get refreshCall(): string {
    const value = this.section.get<string>('refreshCall');
    return typeof value === 'string' && value.trim() !== '' ? value : DEFAULT_REFRESH_CALL;
  }

  get timeoutMs(): number {
    return positiveSeconds(this.section.get<number>('dataverse.timeoutSeconds'), 30, 1) * 1000;
  }

  get maxRetryAfterMs(): number {
    return positiveSeconds(this.section.get<number>('dataverse.maxRetryAfterSeconds'), 60, 0) * 1000;
  }

  get codeLensEnabled(): boolean {
    return this.section.get<boolean>('codeLens.enabled') !== false;
  }

  /** Whether a configuration change touches one of our settings (optionally one key). */
  static affects(event: vscode.ConfigurationChangeEvent, key?: string): boolean {
    return event.affectsConfiguration(key === undefined ? CONFIG_SECTION : `${CONFIG_SECTION}.${key}`);
  }
}

function positiveSeconds(value: number | undefined, fallback: number, minimum: number): number {
  return typeof value === 'number' && Number.isFinite(value) && value >= minimum ? value : fallback;
}
