/**
 * Which environment is active and how environments are shown (status bar, quick pick, panel). Pure, so
 * the rules (Simulator fallback, production warning, sign-in state wording) are unit tested without VS Code.
 */
import { SIMULATOR_NAME, isProduction, type EnvironmentAuthentication, type EnvironmentEntry } from '../../environments/types';
import type { PanelEnvironment } from '../../protocol/webview';

export { SIMULATOR_NAME };

/** Sign-in state shown next to a real environment. */
export type SignInState = 'signed-in' | 'signed-out' | 'unknown';

/** The remembered environment if it still exists, else the first one (the Simulator). */
export function chooseActive<T extends { readonly name: string }>(environments: readonly T[], remembered: string | undefined): T | undefined {
  return environments.find(e => e.name === remembered) ?? environments[0];
}

/** What the webview may know of the active environment: no sign-in settings (it renders untrusted data). */
export function panelEnvironment(environment: EnvironmentEntry): PanelEnvironment {
  if (environment.kind === 'simulator') return { name: environment.name, kind: 'simulator' };
  return { name: environment.name, kind: 'dataverse', url: environment.definition.url, production: isProduction(environment) };
}

const AUTH_LABELS: Record<EnvironmentAuthentication['type'], string> = {
  microsoft: 'Microsoft account',
  servicePrincipal: 'service principal',
  azureCli: 'Azure CLI',
  command: 'token command',
};

function authLabel(environment: EnvironmentEntry): string {
  if (environment.kind === 'simulator') return 'no sign-in';
  return AUTH_LABELS[environment.definition.authentication.type];
}

export interface StatusBarView {
  readonly text: string;
  readonly tooltip: string;
  /** Production environments get the warning background so writes there are never a surprise. */
  readonly warning: boolean;
}

export function statusBarView(environment: EnvironmentEntry, signIn: SignInState): StatusBarView {
  if (environment.kind === 'simulator') {
    return { text: `$(plug) ${SIMULATOR_NAME}`, tooltip: 'Link calls run against the built-in simulator. Click to switch environment.', warning: false };
  }
  const production = isProduction(environment);
  const lines = [
    `Link calls run against ${environment.name}${production ? ' (production)' : ''}`,
    environment.definition.url,
    `Sign-in: ${authLabel(environment)}, ${signInWords(signIn)}`,
    'Click to switch environment.',
  ];
  return { text: `$(plug) ${environment.name}${production ? ' $(warning)' : ''}`, tooltip: lines.join('\n'), warning: production };
}

/**
 * The "Sign in" status bar item of a real environment that needs one, or undefined (the simulator, a
 * sign-in that worked, or one that needs no person: Azure CLI, a token command).
 */
export function signInStatusView(environment: EnvironmentEntry, signIn: SignInState): { readonly text: string; readonly tooltip: string } | undefined {
  if (environment.kind === 'simulator' || signIn === 'signed-in') return undefined;
  const type = environment.definition.authentication.type;
  if (type !== 'microsoft' && type !== 'servicePrincipal') return undefined;
  const how = type === 'microsoft' ? 'with your Microsoft account' : 'with the service principal\'s client secret';
  return {
    text: '$(account) Sign in',
    tooltip: `Not signed in to ${environment.name}. Click to sign in ${how}; a call you start also signs in first.`,
  };
}

export interface EnvironmentPickItem {
  readonly name: string;
  readonly label: string;
  readonly description: string;
  readonly detail: string;
}

/** Quick-pick rows: name (with a check on the active one), url, auth type and sign-in state. */
export function environmentPickItems(
  environments: readonly EnvironmentEntry[],
  activeName: string | undefined,
  signIn: (environment: EnvironmentEntry) => SignInState,
): EnvironmentPickItem[] {
  return environments.map(environment => {
    const active = environment.name === activeName;
    const label = `${active ? '$(check) ' : ''}${environment.name}`;
    if (environment.kind === 'simulator') {
      return { name: environment.name, label, description: 'built-in', detail: 'Simulated conversations and records; no account needed.' };
    }
    const production = isProduction(environment) ? ' · production' : '';
    return {
      name: environment.name,
      label,
      description: `${environment.definition.url}${production}`,
      detail: `${authLabel(environment)} · ${signInWords(signIn(environment))}`,
    };
  });
}

function signInWords(state: SignInState): string {
  switch (state) {
    case 'signed-in': return 'signed in';
    case 'signed-out': return 'not signed in';
    case 'unknown': return 'sign-in not checked yet';
  }
}
