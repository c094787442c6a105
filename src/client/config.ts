/**
 * One typed view of the `omnichannel.*` settings, a getter per setting, read fresh on every access so a
 * change applies without a reload. The only place the client reads configuration. Pure: it reads
 * through a `SettingsSection` (VS Code's `WorkspaceConfiguration` fits), so it is unit tested.
 */
import { DEFAULT_REFRESH_CALL } from '../catalogue';
import { readTrustedHosts, type InspectedSetting, type TrustedHostsReading } from './trusted-hosts';

export const CONFIG_SECTION = 'omnichannel';

/** The part of `vscode.WorkspaceConfiguration` used here. */
export interface SettingsSection {
  get<T>(key: string): T | undefined;
  inspect(key: string): InspectedSetting | undefined;
}

/** Every key read below (without the `omnichannel.` prefix); a test checks each is declared in package.json. */
export const SETTING_KEYS = [
  'environments',
  'trustedHosts',
  'simulator.linkableStatus',
  'conversations.scope',
  'refreshCall',
  'dataverse.timeoutSeconds',
  'dataverse.maxRetryAfterSeconds',
  'codeLens.enabled',
] as const;

type SettingKey = (typeof SETTING_KEYS)[number];

export class Config {
  constructor(private readonly section: () => SettingsSection) {}

  /** The raw `omnichannel.environments` value; validated by the environment manager. */
  get environments(): unknown {
    // Application scope: only the user's value counts, whatever a workspace says.
    return this.inspect('environments')?.globalValue ?? [];
  }

  /** Only the user's own value, never the workspace's: it decides where a token may go. */
  get trustedHosts(): TrustedHostsReading {
    return readTrustedHosts(this.inspect('trustedHosts'));
  }

  get linkableStatus(): 'active' | 'open' {
    return this.get<string>('simulator.linkableStatus') === 'open' ? 'open' : 'active';
  }

  get conversationScope(): 'mine' | 'all' {
    return this.get<string>('conversations.scope') === 'all' ? 'all' : 'mine';
  }

  get refreshCall(): string {
    const value = this.get<unknown>('refreshCall');
    return typeof value === 'string' && value.trim() !== '' ? value : DEFAULT_REFRESH_CALL;
  }

  get timeoutMs(): number {
    return seconds(this.get<unknown>('dataverse.timeoutSeconds'), 30, 1) * 1000;
  }

  get maxRetryAfterMs(): number {
    return seconds(this.get<unknown>('dataverse.maxRetryAfterSeconds'), 60, 0) * 1000;
  }

  get codeLensEnabled(): boolean {
    return this.get<unknown>('codeLens.enabled') !== false;
  }

  private get<T>(key: SettingKey): T | undefined {
    return this.section().get<T>(key);
  }

  private inspect(key: SettingKey): InspectedSetting | undefined {
    return this.section().inspect(key);
  }
}

/** A number of seconds, or the default when the value is missing, not a number or below the minimum. */
function seconds(value: unknown, fallback: number, minimum: number): number {
  return typeof value === 'number' && Number.isFinite(value) && value >= minimum ? value : fallback;
}
