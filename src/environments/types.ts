/**
 * What an environment is: a name, a Dataverse URL and how to sign in, and the entry the picker lists.
 * No secrets ever appear here; a service principal's secret lives in the editor's secret storage.
 */

export type EnvironmentAuthentication =
  /** Interactive sign-in through the editor's Microsoft account provider. */
  | { readonly type: 'microsoft'; readonly tenant?: string }
  /** Client-credentials flow; the secret is kept in secret storage, keyed by environment. */
  | { readonly type: 'servicePrincipal'; readonly tenant: string; readonly clientId: string }
  /** The account signed in to the Azure CLI. */
  | { readonly type: 'azureCli' }
  /** A command that prints a token. User settings only: a workspace must not choose what runs. */
  | { readonly type: 'command'; readonly command: string };

export interface EnvironmentDefinition {
  readonly name: string;
  /** Base URL without a trailing slash, e.g. `https://contoso.crm.dynamics.com`. */
  readonly url: string;
  /** Link calls against a production environment ask for confirmation first. */
  readonly production?: boolean;
  readonly authentication: EnvironmentAuthentication;
}

/** Where an environment came from; user settings win over the workspace file on a name clash. */
export type EnvironmentSource = 'settings' | 'workspace';

/**
 * An environment calls can run against, as the picker lists them (the simulator first). The one
 * environment type of the extension: what the status bar, the picker, the code lens, the call runner and
 * the panel show of an environment is this, or a projection of it.
 */
export type EnvironmentEntry =
  | { readonly kind: 'simulator'; readonly name: typeof SIMULATOR_NAME; readonly source: 'builtin' }
  | { readonly kind: 'dataverse'; readonly name: string; readonly source: EnvironmentSource; readonly definition: EnvironmentDefinition };

/** A real Dataverse environment (its calls write real data). */
export type DataverseEntry = Extract<EnvironmentEntry, { kind: 'dataverse' }>;

/** The name reserved for the built-in simulator (compared case-insensitively). */
export const SIMULATOR_NAME = 'Simulator';

export const SIMULATOR_ENTRY: EnvironmentEntry = { kind: 'simulator', name: SIMULATOR_NAME, source: 'builtin' };

/** Production environments ask before every call and are marked wherever they are shown. */
export function isProduction(environment: EnvironmentEntry): boolean {
  return environment.kind === 'dataverse' && environment.definition.production === true;
}

/** The workspace file teams share, relative to the workspace folder. */
export const ENVIRONMENTS_FILE = '.omnichannel/environments.json';

/** The user setting. */
export const ENVIRONMENTS_SETTING = 'omnichannel.environments';
