/**
 * Sign-in per environment: turns an environment's `authentication` into a `TokenProvider` using VS Code's
 * `microsoft` account provider, a service principal whose secret lives only in SecretStorage, the Azure
 * CLI, or the user's own token command. Failures are never silent: each says why and what to do.
 */
import * as vscode from 'vscode';
import type { TokenProvider } from '../../sign-in/types';
import type { EnvironmentDefinition, EnvironmentEntry } from '../../environments/types';
// The pure policy module only: the token providers (MSAL among others) still load on first use.
import { checkTokenHost } from '../../sign-in/host-policy';
import type { SignInState } from '../environments/selection';
import { authorityHostFor, microsoftScopes, secretKey } from '../environments/auth-scopes';
import { signInModule } from '../lazy';

/** Raised when a person declines to sign in; its message says how to sign in later. */
class SignInDeclined extends Error {}

/** Raised by a call that needs a sign-in nobody has done yet; never a dialog in the middle of a call. */
class SignInRequired extends Error {}

const SIGN_IN_HINT = 'Click "Sign in" in the status bar or run "Omnichannel: Sign In to Environment".';

export class SignInManager implements vscode.Disposable {
  private readonly providers = new Map<string, TokenProvider>();
  private readonly states = new Map<string, SignInState>();
  /** Environments signed out of in this session: the next Microsoft sign-in may pick another account. */
  private readonly clearPreference = new Set<string>();
  /** The Microsoft access token last given to each environment's backend. */
  private readonly microsoftTokens = new Map<string, string>();
  private readonly changed = new vscode.EventEmitter<string>();
  /** Fires with an environment name when its sign-in state changes. */
  readonly onDidChange = this.changed.event;

  constructor(
    private readonly secrets: vscode.SecretStorage,
    private readonly log: vscode.LogOutputChannel,
    /** The user's `omnichannel.trustedHosts`, read when a sign-in starts. */
    private readonly trustedHosts: () => readonly string[],
  ) {}

  /** How the last token request for it went; the simulator needs no sign-in, so it is never known. */
  state(environment: EnvironmentEntry): SignInState {
    return environment.kind === 'dataverse' ? this.states.get(environment.name) ?? 'unknown' : 'unknown';
  }

  /** The token provider a Dataverse backend uses; prompts only when a call needs it. */
  tokenProvider(environment: EnvironmentDefinition): TokenProvider {
    const existing = this.providers.get(environment.name);
    if (existing) return existing;
    const inner = this.createProvider(environment);
    const provider: TokenProvider = forceRefresh => this.track(environment, inner(forceRefresh));
    this.providers.set(environment.name, provider);
    return provider;
  }

  /** Records how a token request ended in the environment's sign-in state (and the log when it failed). */
  private async track(environment: EnvironmentDefinition, token: Promise<string>): Promise<string> {
    try {
      const value = await token;
      this.setState(environment.name, 'signed-in');
      return value;
    } catch (error) {
      this.setState(environment.name, 'signed-out');
      this.log.warn(`Sign-in to ${environment.name} failed: ${errorText(error)}`);
      throw error;
    }
  }

  /**
   * `omnichannel.signIn`: gets a token now and shows how it went. A service principal is always asked for
   * its secret again (the way to replace a wrong or expired one).
   */
  async signIn(environment: EnvironmentDefinition): Promise<boolean> {
    try {
      // As for a call: no token (nor a secret prompt) for a host the token could never be sent to.
      const host = checkTokenHost(environment.url, this.trustedHosts());
      if (!host.ok) throw new Error(host.reason);
      const auth = environment.authentication;
      if (auth.type === 'servicePrincipal') {
        await this.askSecret(environment);
        // Skip MSAL's cache: the secret just entered is checked now, not on the next call.
        await this.tokenProvider(environment)(true);
      } else if (auth.type === 'microsoft') {
        await this.track(environment, this.newMicrosoftSession(environment, auth.tenant));
      } else {
        await this.tokenProvider(environment)(false);
      }
      void vscode.window.showInformationMessage(`Signed in to ${environment.name}.`);
      return true;
    } catch (error) {
      void vscode.window.showErrorMessage(`Could not sign in to ${environment.name}: ${errorText(error)}`, 'Show Log').then(answer => {
        if (answer === 'Show Log') this.log.show(true);
      });
      return false;
    }
  }

  /** `omnichannel.signOut`: forgets the stored secret or the account choice. */
  async signOut(environment: EnvironmentDefinition): Promise<void> {
    const auth = environment.authentication;
    this.providers.delete(environment.name);
    if (auth.type === 'servicePrincipal') {
      await this.secrets.delete(secretKey(environment.name, environment.url));
      void vscode.window.showInformationMessage(`Signed out of ${environment.name}: its client secret was removed from VS Code's secret storage.`);
    } else if (auth.type === 'microsoft') {
      this.clearPreference.add(environment.name);
      void vscode.window.showInformationMessage(`Signed out of ${environment.name}: the next call asks which account to use. To remove the account from VS Code itself, use the Accounts menu.`);
    } else {
      void vscode.window.showInformationMessage(`${environment.name} gets its tokens from ${auth.type === 'azureCli' ? 'the Azure CLI (run `az logout` to sign out there)' : 'your token command'}; nothing is stored by this extension.`);
    }
    this.setState(environment.name, 'signed-out');
  }

  /** Drops cached providers (environment definitions changed). */
  reset(): void {
    this.providers.clear();
  }

  dispose(): void {
    this.changed.dispose();
  }

  private createProvider(environment: EnvironmentDefinition): TokenProvider {
    const auth = environment.authentication;
    switch (auth.type) {
      case 'microsoft':
        return forceRefresh => this.microsoftToken(environment, auth.tenant, forceRefresh);
      case 'servicePrincipal':
        return lazyProvider(module => module.servicePrincipalTokenProvider({
          tenant: auth.tenant,
          clientId: auth.clientId,
          url: environment.url,
          authorityHost: authorityHostFor(environment.url),
          secret: () => this.secret(environment),
          // Entra refused it: forget it, so the next call (or Sign In) asks for it instead of reusing it.
          onSecretRejected: async () => { await this.secrets.delete(secretKey(environment.name, environment.url)); },
        }));
      case 'azureCli':
        return lazyProvider(module => module.azureCliTokenProvider({ url: environment.url }));
      case 'command':
        // Runs in the home folder (the provider's default), not the workspace: see commandTokenProvider.
        return lazyProvider(module => module.commandTokenProvider({ command: auth.command }));
    }
  }

  private async microsoftToken(environment: EnvironmentDefinition, tenant: string | undefined, forceRefresh: boolean): Promise<string> {
    const scopes = microsoftScopes(environment.url, tenant);
    if (forceRefresh) {
      // Dataverse refused the token. A newer one VS Code holds is worth one more try; a sign-in dialog in
      // the middle of a call is not: the failure offers Sign In instead.
      const session = await vscode.authentication.getSession('microsoft', scopes, { silent: true });
      if (session && session.accessToken !== this.microsoftTokens.get(environment.name)) return this.remember(environment, session);
      throw new Error(`${environment.name} did not accept the current Microsoft sign-in (HTTP 401) and VS Code has no newer token for it.`);
    }
    // Never a sign-in dialog from here: this runs for every call, also the panel's listing right after a
    // switch. Without a session VS Code puts a sign-in request on its Accounts menu, and the status bar
    // offers "Sign in"; a call the user started signs in first (ensureSignedIn).
    const session = this.clearPreference.has(environment.name) ? undefined : await vscode.authentication.getSession('microsoft', scopes, { silent: true });
    if (!session) {
      void Promise.resolve(vscode.authentication.getSession('microsoft', scopes, {})).catch(() => undefined);
      throw new SignInRequired(`Not signed in to ${environment.name}. ${SIGN_IN_HINT}`);
    }
    return this.remember(environment, session);
  }

  /**
   * Before a call the user started (a link from the palette or the panel, seeding the simulator): signs in
   * now if needed, with VS Code's dialog or the secret prompt, so the call itself never prompts. False when
   * the person declined (already told how to sign in later).
   */
  async ensureSignedIn(environment: EnvironmentDefinition): Promise<boolean> {
    const auth = environment.authentication;
    try {
      if (auth.type === 'microsoft') {
        const scopes = microsoftScopes(environment.url, auth.tenant);
        const clearSessionPreference = this.clearPreference.delete(environment.name);
        let session = clearSessionPreference ? undefined : await vscode.authentication.getSession('microsoft', scopes, { silent: true });
        session ??= await vscode.authentication.getSession('microsoft', scopes, { createIfNone: true, clearSessionPreference });
        this.remember(environment, session);
        this.setState(environment.name, 'signed-in');
      } else if (auth.type === 'servicePrincipal') {
        if (!(await this.secrets.get(secretKey(environment.name, environment.url)))) await this.askSecret(environment);
      }
      return true;
    } catch (error) {
      this.setState(environment.name, 'signed-out');
      const message = error instanceof SignInDeclined ? error.message : `Could not sign in to ${environment.name}: ${errorText(error)}`;
      void vscode.window.showWarningMessage(message);
      return false;
    }
  }

  /**
   * Looks, without any prompt, whether a Microsoft sign-in for the environment is already there, so the
   * status bar can say "Sign in" before the first call. Other sign-ins are known only once used.
   */
  async probe(environment: EnvironmentEntry): Promise<void> {
    if (environment.kind !== 'dataverse' || environment.definition.authentication.type !== 'microsoft') return;
    if (this.states.has(environment.name)) return;
    const scopes = microsoftScopes(environment.definition.url, environment.definition.authentication.tenant);
    const session = await vscode.authentication.getSession('microsoft', scopes, { silent: true }).then(s => s, () => undefined);
    if (!this.states.has(environment.name)) this.setState(environment.name, session ? 'signed-in' : 'signed-out');
  }

  /** `omnichannel.signIn` for a Microsoft account: a new session, not the cached one Dataverse may have refused. */
  private async newMicrosoftSession(environment: EnvironmentDefinition, tenant: string | undefined): Promise<string> {
    const scopes = microsoftScopes(environment.url, tenant);
    const clearSessionPreference = this.clearPreference.delete(environment.name);
    const existing = await vscode.authentication.getSession('microsoft', scopes, { silent: true });
    const session = existing
      ? await vscode.authentication.getSession('microsoft', scopes, { forceNewSession: { detail: `Sign in to ${environment.name} again.` }, clearSessionPreference })
      : await vscode.authentication.getSession('microsoft', scopes, { createIfNone: true, clearSessionPreference });
    return this.remember(environment, session);
  }

  /** Keeps the token last handed out, so a refresh after a 401 can tell a newer token from the refused one. */
  private remember(environment: EnvironmentDefinition, session: vscode.AuthenticationSession): string {
    this.microsoftTokens.set(environment.name, session.accessToken);
    return session.accessToken;
  }

  /** The service principal's secret: from SecretStorage, else asked once (password box) and stored there. */
  private async secret(environment: EnvironmentDefinition): Promise<string> {
    const stored = await this.secrets.get(secretKey(environment.name, environment.url));
    if (stored) return stored;
    throw new SignInRequired(`No client secret is stored for ${environment.name}. ${SIGN_IN_HINT}`);
  }

  /** Asks for the secret in a password box and stores it, replacing any stored one. */
  private async askSecret(environment: EnvironmentDefinition): Promise<string> {
    const secret = await vscode.window.showInputBox({
      title: `Client secret for ${environment.name}`,
      prompt: 'The secret of the app registration. It is kept only in VS Code\'s secret storage.',
      password: true,
      ignoreFocusOut: true,
      validateInput: value => (value.trim() === '' ? 'Enter the client secret (Certificates & secrets in the app registration).' : undefined),
    });
    if (!secret) throw new SignInDeclined(`No client secret was entered for ${environment.name}. Run "Omnichannel: Sign In to Environment" to enter it.`);
    await this.secrets.store(secretKey(environment.name, environment.url), secret.trim());
    return secret.trim();
  }

  private setState(name: string, state: SignInState): void {
    if (this.states.get(name) === state) return;
    this.states.set(name, state);
    this.changed.fire(name);
  }
}

type AuthModule = ReturnType<typeof signInModule>;

/** A provider whose module (MSAL among others) loads on the first token request, not at activation. */
function lazyProvider(create: (auth: AuthModule) => TokenProvider): TokenProvider {
  let inner: Promise<TokenProvider> | undefined;
  return async forceRefresh => {
    inner ??= Promise.resolve().then(signInModule).then(create);
    return (await inner)(forceRefresh);
  };
}

function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
