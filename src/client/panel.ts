/**
 * Registers the "Link Calls" view at activation but loads the panel's code (its message validator is
 * compiled on load) only when the view is first shown, so activation stays fast.
 */
import * as vscode from 'vscode';
import type { LinkPanelDeps, LinkPanelProvider } from '../panel/host/provider';
import { panelHostModule } from './lazy';
import type { EnvironmentEntry } from '../environments/types';
import type { SignInState } from './environments/selection';
import { secretKey } from './environments/auth-scopes';

const VIEW_ID = 'omnichannel.panel';

export class LazyPanel implements vscode.WebviewViewProvider, vscode.Disposable {
  private provider: LinkPanelProvider | undefined;
  private loading: Promise<LinkPanelProvider> | undefined;
  private readonly registration: vscode.Disposable;

  constructor(private readonly deps: LinkPanelDeps) {
    this.registration = vscode.window.registerWebviewViewProvider(VIEW_ID, this);
  }

  async resolveWebviewView(view: vscode.WebviewView, context: vscode.WebviewViewResolveContext, token: vscode.CancellationToken): Promise<void> {
    const provider = await this.load();
    provider.resolveWebviewView(view);
    void context; void token; // the panel keeps no state of its own in the view context
  }

  /** `omnichannel.openPanel`. */
  async reveal(): Promise<void> {
    if (this.provider) await this.provider.reveal();
    else await vscode.commands.executeCommand(`${VIEW_ID}.focus`);
  }

  /** Re-reads conversations and history; nothing to do while the panel was never shown. */
  refresh(): void {
    this.provider?.refresh();
  }

  dispose(): void {
    this.registration.dispose();
    this.provider?.dispose();
  }

  private load(): Promise<LinkPanelProvider> {
    // Through lazy.ts, not a static import, so the bundle evaluates the panel's modules only now.
    this.loading ??= Promise.resolve().then(() => {
      const { LinkPanelProvider: Provider } = panelHostModule();
      const provider = new Provider(this.deps);
      this.provider = provider;
      return provider;
    });
    return this.loading;
  }
}

/**
 * Whether the panel should offer Sign In instead of listing: opening the panel must not start a sign-in
 * dialog nobody asked for. Signed in: no. A failed or refused sign-in: yes. Not tried yet: the sign-in
 * manager looks for a Microsoft account without prompting (the same probe the status bar uses), a service
 * principal needs its stored secret; the Azure CLI and token commands sign in without a dialog, so they
 * just list.
 */
export async function signInNeeded(environment: EnvironmentEntry, signIn: SignInProbe, secrets: vscode.SecretStorage): Promise<boolean> {
  if (environment.kind === 'simulator') return false;
  await signIn.probe(environment);
  const state = signIn.state(environment);
  if (state === 'signed-in') return false;
  if (state === 'signed-out') return true;
  const { url, authentication } = environment.definition;
  return authentication.type === 'servicePrincipal' && !(await secrets.get(secretKey(environment.name, url)));
}

/** What `signInNeeded` asks of the sign-in manager. */
export interface SignInProbe {
  probe(environment: EnvironmentEntry): Promise<void>;
  state(environment: EnvironmentEntry): SignInState;
}
