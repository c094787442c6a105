/**
 * Reads the Power Platform CLI's list of sign-ins ("pac auth create" profiles) so their environments can be
 * added here without typing URLs. Only the profile list is read: pac's token cache is never opened, and
 * tokens always come from this extension's own sign-in. No `vscode` import: the location inputs (platform,
 * environment variables, home folder, the user's override) are passed in, so tests run it on real files.
 *
 * Where pac keeps the list: .NET's "local application data" folder plus `Microsoft/PowerAppsCli`, i.e.
 * `%LOCALAPPDATA%\Microsoft\PowerAppsCli` on Windows, `$XDG_DATA_HOME` or `~/.local/share` on Linux, and
 * `~/Library/Application Support` (.NET 8 and later) or `~/.local/share` (before) on macOS. The file is
 * `authprofiles_v2.json`: `{ "Profiles": [ { "Kind", "Name", "User", "TenantId", "Resource", … } ],
 * "Current": { "<kind>": <profile> } }` (the shape other public readers of the file rely on too).
 * Releases before it wrote `authprofiles.json`, whose layout no public documentation or code we could find
 * describes: it is read as a fallback as if it had the v2 layout (also accepting the URL under `Url` or
 * `EnvironmentUrl`, the column names of "pac auth list"), and a file of any other shape is refused with a
 * message that says which shape was expected.
 */
import { readFile } from 'node:fs/promises';
import * as path from 'node:path';
import { parseJsonFile } from '@omnichannel-tools/testing/json';
import { parseEnvironmentUrl } from '../environments/environment-url';

/** The file names pac has used, newest first. */
export const PAC_PROFILE_FILES = ['authprofiles_v2.json', 'authprofiles.json'] as const;

/** What decides where pac's files are: the machine, not the workspace. */
export interface PacLocationInput {
  readonly platform: NodeJS.Platform;
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly home: string;
  /** `omnichannel.pac.authProfilesPath`: a profile file, or the folder holding one. Empty: pac's own place. */
  readonly override?: string;
}

/** The host pac records when a profile has no environment selected (an admin or tenant-only sign-in). */
const NO_ENVIRONMENT_HOSTS = new Set(['service.powerapps.com', 'api.powerapps.com']);

/** One profile as the import offers it. */
export interface PacProfileOffer {
  /** 1-based, as "pac auth list" numbers them. */
  readonly index: number;
  readonly profileName?: string;
  /** The environment's display name (pac's `FriendlyName`) when pac recorded one. */
  readonly environmentName?: string;
  readonly user?: string;
  readonly tenant?: string;
  readonly kind?: string;
  /** The URL as written in the file. */
  readonly rawUrl?: string;
  /** pac's active profile. */
  readonly active: boolean;
  /** The origin when importable, else why not (in a sentence). */
  readonly importable: { readonly ok: true; readonly url: string } | { readonly ok: false; readonly reason: string };
}

export type PacProfilesResult =
  | { readonly ok: true; readonly file: string; readonly legacy: boolean; readonly profiles: readonly PacProfileOffer[] }
  | { readonly ok: false; readonly searched: readonly string[]; readonly reason: string };

/** The folders pac may keep its files in on this machine, most likely first. */
export function pacFolders(input: PacLocationInput): string[] {
  const p = input.platform === 'win32' ? path.win32 : path.posix;
  const folders: string[] = [];
  const add = (base: string | undefined) => {
    if (!base) return;
    for (const name of input.platform === 'win32' ? ['PowerAppsCli'] : ['PowerAppsCli', 'PowerAppsCLI']) {
      const folder = p.join(base, 'Microsoft', name);
      if (!folders.includes(folder)) folders.push(folder);
    }
  };
  if (input.platform === 'win32') {
    add(input.env['LOCALAPPDATA'] || p.join(input.home, 'AppData', 'Local'));
  } else if (input.platform === 'darwin') {
    add(p.join(input.home, 'Library', 'Application Support'));
    add(p.join(input.home, '.local', 'share'));
  } else {
    const xdg = input.env['XDG_DATA_HOME'];
    add(xdg && p.isAbsolute(xdg) ? xdg : undefined);
    add(p.join(input.home, '.local', 'share'));
  }
  return folders;
}

/** Every file looked at, in order: the override alone when set, else pac's folders × file names. */
export function pacProfileCandidates(input: PacLocationInput): string[] {
  const override = input.override?.trim();
  const p = input.platform === 'win32' ? path.win32 : path.posix;
  if (override) {
    const expanded = override.startsWith('~') ? p.join(input.home, override.slice(1)) : override;
    return /\.json$/i.test(expanded) ? [expanded] : PAC_PROFILE_FILES.map(name => p.join(expanded, name));
  }
  return pacFolders(input).flatMap(folder => PAC_PROFILE_FILES.map(name => p.join(folder, name)));
}

type Read = (file: string) => Promise<string>;

/** Finds and reads pac's profile list; every failure names the files looked for and what was wrong. */
export async function readPacProfiles(input: PacLocationInput, read: Read = file => readFile(file, 'utf8')): Promise<PacProfilesResult> {
  const searched = pacProfileCandidates(input);
  for (const file of searched) {
    let text: string;
    try {
      text = await read(file);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'ENOENT' || code === 'ENOTDIR') continue;
      return { ok: false, searched: [file], reason: `${file} could not be read (${code ?? String(error)}). Check its permissions, or set omnichannel.pac.authProfilesPath to a copy you can read.` };
    }
    return parseProfiles(text.replace(/^\uFEFF/, ''), file, PAC_PROFILE_FILES.indexOf(path.basename(file.replace(/\\/g, '/')) as (typeof PAC_PROFILE_FILES)[number]) === 1);
  }
  const where = input.override?.trim() ? 'The setting omnichannel.pac.authProfilesPath points at nothing' : 'No Power Platform CLI sign-in was found';
  return {
    ok: false,
    searched,
    reason: `${where}: looked for ${searched.join(', ')}. Sign in with "pac auth create --environment <url>" first, or set omnichannel.pac.authProfilesPath to the file.`,
  };
}

/** Reads the text of one profile file (exported for the tests of each shape). */
export function parseProfiles(text: string, file: string, legacy = false): PacProfilesResult {
  const parsed = parseJsonFile(text, file);
  if (parsed.syntaxErrors.length > 0) {
    return { ok: false, searched: [file], reason: `${parsed.syntaxErrors[0]!.text} It is not a profile list pac wrote; run "pac auth list" to check pac can read it.` };
  }
  const root = parsed.value;
  if (!isObject(root)) return { ok: false, searched: [file], reason: `${file} does not hold a JSON object with a "Profiles" list (it is ${describe(root)}). ${expectedShape(legacy)}` };
  const list = field(root, 'Profiles');
  if (!Array.isArray(list)) {
    return { ok: false, searched: [file], reason: `${file} has no "Profiles" list${list === undefined ? '' : ` (it is ${describe(list)})`}. ${expectedShape(legacy)}` };
  }
  const current = field(root, 'Current');
  const actives = isObject(current) ? Object.values(current).filter(isObject) : [];
  const profiles = list.map((item, i) => offer(item, i + 1, actives));
  return { ok: true, file, legacy, profiles };
}

/** What a file of an unrecognised shape was expected to hold, and what to do instead. */
function expectedShape(legacy: boolean): string {
  const older = legacy ? ' The older authprofiles.json is read as if it had that shape: its own layout is not documented.' : '';
  return `Expected pac's authprofiles_v2.json shape: { "Profiles": [ { "Name", "User", "TenantId", "Resource": "<environment URL>" }, … ] }.${older} Run "pac auth list" to check pac reads it, or add the environment by hand.`;
}

function offer(item: unknown, index: number, actives: readonly Record<string, unknown>[]): PacProfileOffer {
  if (!isObject(item)) return { index, active: false, importable: { ok: false, reason: `Profile ${index} is ${describe(item)}, not a profile.` } };
  const profileName = text(field(item, 'Name'));
  const user = text(field(item, 'User')) ?? text(field(item, 'UserDisplayName'));
  const tenant = text(field(item, 'TenantId'));
  const kind = text(field(item, 'Kind'));
  const environmentName = text(field(item, 'FriendlyName')) ?? text(field(item, 'OrganizationUniqueName'));
  const rawUrl = text(field(item, 'Resource')) ?? text(field(item, 'Url')) ?? text(field(item, 'EnvironmentUrl'));
  const active = actives.some(a => same(a, item));
  const base = { index, active, ...optional({ profileName, user, tenant, kind, environmentName, rawUrl }) };
  if (rawUrl === undefined) return { ...base, importable: { ok: false, reason: 'No environment URL: the profile signs in to the tenant only. Select one with "pac env select", or add the environment by hand.' } };
  const url = parseEnvironmentUrl(rawUrl);
  if (!url.ok) return { ...base, importable: { ok: false, reason: url.reason } };
  if (NO_ENVIRONMENT_HOSTS.has(url.host)) {
    return { ...base, importable: { ok: false, reason: `No environment selected (${url.host} is the Power Platform service, not an environment). Select one with "pac env select".` } };
  }
  return { ...base, importable: { ok: true, url: url.origin } };
}

/** pac's `Current` holds copies of the active profiles: the same name, user and URL is the same profile. */
function same(a: Record<string, unknown>, b: Record<string, unknown>): boolean {
  return ['Name', 'User', 'Resource', 'TenantId'].every(key => field(a, key) === field(b, key));
}

/** A property by name, any case (.NET writes PascalCase; a hand-made copy may not). */
function field(object: Record<string, unknown>, name: string): unknown {
  if (Object.hasOwn(object, name)) return object[name];
  const key = Object.keys(object).find(k => k.toLowerCase() === name.toLowerCase());
  return key === undefined ? undefined : object[key];
}

function text(value: unknown): string | undefined {
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  return typeof value === 'object' ? 'an object' : `a ${typeof value}`;
}

function optional<T extends Record<string, string | undefined>>(values: T): Partial<Record<keyof T, string>> {
  return Object.fromEntries(Object.entries(values).filter(([, v]) => v !== undefined)) as Partial<Record<keyof T, string>>;
}
