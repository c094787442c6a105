/**
 * One typed view of the `omnichannel.*` settings, a getter per setting, read fresh on every access so a
 * change applies without a reload. The only place the client reads configuration. Pure: it reads
 * through a `SettingsSection` (VS Code's `WorkspaceConfiguration` fits), so it is unit tested.
 * A value it cannot use falls back to the default, and the problem is reported (never silently).
 */
import { DEFAULT_REFRESH_CALL } from '@omnichannel-tools/core/catalogue';
import { LINKABLE_STATUSES, type LinkableStatus } from '@omnichannel-tools/testing/call-rules';
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
  'dataverse.maxResponseMegabytes',
  'pac.authProfilesPath',
  'webResources.publishXml',
] as const;

type SettingKey = (typeof SETTING_KEYS)[number];

/** Receives one sentence per unusable setting value, on every read (see `onceEach`). */
export type ConfigProblemSink = (problem: string) => void;

export class Config {
  constructor(private readonly section: () => SettingsSection, private readonly report: ConfigProblemSink = () => undefined) {}

  /** The raw `omnichannel.environments` value; validated by the environment manager. */
  get environments(): unknown {
    // Application scope: only the user's value counts, whatever a workspace says.
    return this.inspect('environments')?.globalValue ?? [];
  }

  /** Only the user's own value, never the workspace's: it decides where a token may go. */
  get trustedHosts(): TrustedHostsReading {
    return readTrustedHosts(this.inspect('trustedHosts'));
  }

  /** Where pac's profile list is, when not in pac's own place; only the user's value (it names a file on this machine). */
  get pacProfilesPath(): string {
    const value = this.inspect('pac.authProfilesPath')?.globalValue;
    if (value === undefined || value === '') return '';
    if (typeof value === 'string') return value.trim();
    this.problem('pac.authProfilesPath', value, 'is not a file path', 'pac\'s own location');
    return '';
  }

  get linkableStatus(): LinkableStatus {
    return this.oneOf('simulator.linkableStatus', LINKABLE_STATUSES);
  }

  get conversationScope(): 'mine' | 'all' {
    return this.oneOf('conversations.scope', ['mine', 'all']);
  }

  get refreshCall(): string {
    const value = this.get<unknown>('refreshCall');
    if (typeof value === 'string' && value.trim() !== '') return value;
    if (value !== undefined) this.problem('refreshCall', value, 'is not a call', DEFAULT_REFRESH_CALL);
    return DEFAULT_REFRESH_CALL;
  }

  get timeoutMs(): number {
    return this.seconds('dataverse.timeoutSeconds', 30, 1) * 1000;
  }

  get maxRetryAfterMs(): number {
    return this.seconds('dataverse.maxRetryAfterSeconds', 60, 0) * 1000;
  }

  get maxResponseBytes(): number {
    return this.number('dataverse.maxResponseMegabytes', 16, 1, 'megabytes') * 1024 * 1024;
  }

  /** One PublishXml for a batch of web resources (`batch`) or one per file (`perFile`). */
  get webResourcesPublishXml(): 'batch' | 'perFile' {
    return this.oneOf('webResources.publishXml', ['batch', 'perFile']);
  }

  /** Reads every checked setting once, so unusable values are reported now rather than at the next call. */
  check(): void {
    void [this.linkableStatus, this.conversationScope, this.refreshCall, this.timeoutMs, this.maxRetryAfterMs, this.maxResponseBytes, this.webResourcesPublishXml];
  }

  /** The value when it is one of `allowed`, else the first of them (the default), reported. */
  private oneOf<T extends string>(key: SettingKey, allowed: readonly [T, ...T[]]): T {
    const value = this.get<unknown>(key);
    if ((allowed as readonly unknown[]).includes(value)) return value as T;
    if (value !== undefined) this.problem(key, value, `is not ${allowed.map(a => `"${a}"`).join(' or ')}`, `"${allowed[0]}"`);
    return allowed[0];
  }

  private seconds(key: SettingKey, fallback: number, minimum: number): number {
    return this.number(key, fallback, minimum, 'seconds');
  }

  /** A number (of `unit`), or the default when the value is missing, not a number or below the minimum. */
  private number(key: SettingKey, fallback: number, minimum: number, unit: string): number {
    const value = this.get<unknown>(key);
    if (typeof value === 'number' && Number.isFinite(value) && value >= minimum) return value;
    if (value === undefined) return fallback;
    const why = typeof value === 'number' && Number.isFinite(value) ? `is below the minimum of ${minimum}` : `is not a number of ${unit}`;
    this.problem(key, value, why, String(fallback));
    return fallback;
  }

  private problem(key: SettingKey, value: unknown, why: string, using: string): void {
    this.report(`${CONFIG_SECTION}.${key}: ${JSON.stringify(value) ?? String(value)} ${why}; using ${using}.`);
  }

  private get<T>(key: SettingKey): T | undefined {
    return this.section().get<T>(key);
  }

  private inspect(key: SettingKey): InspectedSetting | undefined {
    return this.section().inspect(key);
  }
}

/** Wraps a sink so each distinct problem reaches it once (settings are read on every call). */
export function onceEach(sink: ConfigProblemSink): ConfigProblemSink {
  const seen = new Set<string>();
  return problem => {
    if (seen.has(problem)) return;
    seen.add(problem);
    sink(problem);
  };
}
