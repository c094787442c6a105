/**
 * Which environment is active and how environments are shown (status bar, quick pick). Pure, so the
 * rules (Simulator fallback, production warning, sign-in state wording) are unit tested without VS Code.
 */
import { SIMULATOR_NAME } from '../../environments/types';

export { SIMULATOR_NAME };

/** What this module needs to know of an environment (an `EnvironmentDefinition` fits it). */
export interface EnvironmentView {
  readonly name: string;
  readonly url?: string;
  readonly production?: boolean;
  readonly authentication?: { readonly type: string };
}

/** Sign-in state shown next to a real environment. */
export type SignInState = 'signed-in' | 'signed-out' | 'unknown';

/** The remembered environment if it still exists, else the first one (the Simulator). */
export function chooseActive<T extends EnvironmentView>(environments: readonly T[], remembered: string | undefined): T | undefined {
  return environments.find(e => e.name === remembered) ?? environments[0];
}

export function isSimulator(environment: EnvironmentView): boolean {
  return environment.name === SIMULATOR_NAME && environment.url === undefined;
}

const AUTH_LABELS: Record<string, string> = {
  microsoft: 'Microsoft account',
  servicePrincipal: 'service principal',
  azureCli: 'Azure CLI',
  command: 'token command',
};

export function authLabel(environment: EnvironmentView): string {
  const type = environment.authentication?.type;
  return type === undefined ? 'no sign-in' : AUTH_LABELS[type] ?? type;
}

export interface StatusBarView {
  readonly text: string;
  readonly tooltip: string;
  /** Production environments get the warning background so writes there are never a surprise. */
  readonly warning: boolean;
}

export function statusBarView(environment: EnvironmentView, signIn: SignInState): StatusBarView {
  if (isSimulator(environment)) {
    return { text: `$(plug) ${SIMULATOR_NAME}`, tooltip: 'Link calls run against the built-in simulator. Click to switch environment.', warning: false };
  }
  const production = environment.production === true;
  const lines = [
    `Link calls run against ${environment.name}${production ? ' (production)' : ''}`,
    environment.url ?? '',
    `Sign-in: ${authLabel(environment)}, ${signInWords(signIn)}`,
    'Click to switch environment.',
  ].filter(line => line !== '');
  return { text: `$(plug) ${environment.name}${production ? ' $(warning)' : ''}`, tooltip: lines.join('\n'), warning: production };
}

export interface EnvironmentPickItem {
  readonly name: string;
  readonly label: string;
  readonly description: string;
  readonly detail: string;
}

/** Quick-pick rows: name (with a check on the active one), url, auth type and sign-in state. */
export function environmentPickItems(
  environments: readonly EnvironmentView[],
  activeName: string | undefined,
  signIn: (environment: EnvironmentView) => SignInState,
): EnvironmentPickItem[] {
  return environments.map(environment => {
    const active = environment.name === activeName;
    const label = `${active ? '$(check) ' : ''}${environment.name}`;
    if (isSimulator(environment)) {
      return { name: environment.name, label, description: 'built-in', detail: 'Simulated conversations and records; no account needed.' };
    }
    const production = environment.production === true ? ' · production' : '';
    return {
      name: environment.name,
      label,
      description: `${environment.url ?? ''}${production}`,
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
