/**
 * The "Link Calls" webview view: a thin adapter between VS Code's webview and the `PanelController`.
 *
 * The client's `LazyPanel` registers the view at activation and constructs this provider with
 * `LinkPanelDeps` when the view is first shown; `omnichannel.openPanel` calls `reveal()`, and after a
 * call ran elsewhere or the simulator was reset the client calls `refresh()`.
 * Security: strict CSP with a script nonce, resources only from `dist/` and `media/`, every message from the
 * webview validated before it reaches a backend, backend output sent as data (never put into HTML).
 */
import * as vscode from 'vscode';
import { PanelController } from './controller';
import type { PanelServices } from './controller';
import { createNonce, renderPanelHtml } from './html';

/** What the client supplies; clipboard and the environment picker are the provider's own business. */
export interface LinkPanelDeps extends Omit<PanelServices, 'selectEnvironment' | 'writeClipboard'> {
  readonly extensionUri: vscode.Uri;
  /** Fires when the active environment (or its sign-in) changes; the panel re-lists conversations. */
  readonly onDidChangeEnvironment: vscode.Event<unknown>;
}

export class LinkPanelProvider implements vscode.WebviewViewProvider, vscode.Disposable {
  /** The view id declared in package.json. */
  static readonly viewType = 'omnichannel.panel';

  private view: vscode.WebviewView | undefined;
  private readonly controller: PanelController;
  private readonly disposables: vscode.Disposable[] = [];

  constructor(private readonly deps: LinkPanelDeps) {
    this.controller = new PanelController(
      {
        // Wrapped rather than spread: the client may pass a class instance whose methods live on its prototype.
        history: deps.history,
        environment: () => deps.environment(),
        getBackend: () => deps.getBackend(),
        runLink: (method, request, options) => deps.runLink(method, request, options),
        refreshCall: () => deps.refreshCall(),
        log: message => deps.log(message),
        selectEnvironment: () => vscode.commands.executeCommand('omnichannel.selectEnvironment'),
        writeClipboard: text => vscode.env.clipboard.writeText(text),
      },
      message => this.view?.webview.postMessage(message),
    );
    this.disposables.push(
      deps.onDidChangeEnvironment(() => this.refresh()),
      vscode.workspace.onDidChangeConfiguration(e => {
        if (e.affectsConfiguration('omnichannel.refreshCall')) this.refresh();
      }),
    );
  }

  resolveWebviewView(view: vscode.WebviewView): void {
    this.view = view;
    const dist = vscode.Uri.joinPath(this.deps.extensionUri, 'dist');
    const media = vscode.Uri.joinPath(this.deps.extensionUri, 'media');
    const webview = view.webview;
    webview.options = { enableScripts: true, localResourceRoots: [dist, media] };
    webview.html = renderPanelHtml({
      cspSource: webview.cspSource,
      nonce: createNonce(),
      scriptUri: webview.asWebviewUri(vscode.Uri.joinPath(dist, 'webview.js')).toString(),
      styleUri: webview.asWebviewUri(vscode.Uri.joinPath(media, 'panel.css')).toString(),
      codiconsUri: webview.asWebviewUri(vscode.Uri.joinPath(dist, 'codicons', 'codicon.css')).toString(),
    });
    const subscription = webview.onDidReceiveMessage(message => this.controller.handle(message));
    view.onDidDispose(() => {
      subscription.dispose();
      this.controller.dispose();
      if (this.view === view) this.view = undefined;
    });
  }

  /** Shows the panel (command `omnichannel.openPanel`). */
  async reveal(): Promise<void> {
    if (this.view) this.view.show(false);
    else await vscode.commands.executeCommand(`${LinkPanelProvider.viewType}.focus`);
  }

  /** Re-lists the conversations and re-reads the history: call it after a call ran elsewhere (a command) or the simulator was reset. */
  refresh(): void {
    void this.controller.sendState();
  }

  dispose(): void {
    this.controller.dispose();
    for (const d of this.disposables.splice(0)) d.dispose();
  }
}
