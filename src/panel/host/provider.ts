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
import { WebResourceSource, type WebResourceSourceDeps } from './webresource-source';

/** What the client supplies; clipboard and the environment picker are the provider's own business. */
export interface LinkPanelDeps extends Omit<PanelServices, 'selectEnvironment' | 'writeClipboard' | 'signIn' | 'openSettings' | 'insertAtCursor' | 'webResources'> {
  readonly extensionUri: vscode.Uri;
  /** Fires when the active environment (or its sign-in) changes; the panel re-lists conversations. */
  readonly onDidChangeEnvironment: vscode.Event<unknown>;
  /** What the Web resources section reads beyond VS Code's own API. */
  readonly webResources: WebResourceSourceDeps;
}

/**
 * Inserts text at the cursor of the active text editor, or of the editor that was active before the
 * panel took the focus (the first visible one), as its own line; resolves with the file name.
 */
async function insertAtCursor(text: string): Promise<string | undefined> {
  const editor = vscode.window.activeTextEditor ?? vscode.window.visibleTextEditors[0];
  if (!editor) return undefined;
  const position = editor.selection.active;
  const line = editor.document.lineAt(position.line);
  const indent = line.text.slice(0, line.firstNonWhitespaceCharacterIndex);
  const indented = text.split('\n').map((l, i) => (i === 0 ? l : indent + l)).join('\n');
  // On an empty line the call goes right there; otherwise on a new line below the cursor's.
  const edit = line.isEmptyOrWhitespace
    ? { at: line.range.end, value: indented }
    : { at: line.range.end, value: `\n${indent}${indented}` };
  const done = await editor.edit(builder => builder.insert(edit.at, edit.value));
  if (!done) return undefined;
  await vscode.window.showTextDocument(editor.document, editor.viewColumn);
  return editor.document.uri.path.split('/').pop() ?? editor.document.uri.path;
}

export class LinkPanelProvider implements vscode.WebviewViewProvider, vscode.Disposable {
  /** The view id declared in package.json. */
  static readonly viewType = 'omnichannel.panel';

  private view: vscode.WebviewView | undefined;
  private readonly controller: PanelController;
  private readonly disposables: vscode.Disposable[] = [];

  constructor(private readonly deps: LinkPanelDeps) {
    const webResources = new WebResourceSource(deps.webResources, () => deps.environment(), () => deps.signInNeeded());
    this.controller = new PanelController(
      {
        // Wrapped rather than spread: the client may pass a class instance whose methods live on its prototype.
        history: deps.history,
        environment: () => deps.environment(),
        getBackend: () => deps.getBackend(),
        runLink: (method, request, options) => deps.runLink(method, request, options),
        refreshCall: () => deps.refreshCall(),
        log: message => deps.log(message),
        signInNeeded: () => deps.signInNeeded(),
        signIn: () => vscode.commands.executeCommand('omnichannel.signIn'),
        openSettings: setting => vscode.commands.executeCommand('workbench.action.openSettings', setting),
        selectEnvironment: () => vscode.commands.executeCommand('omnichannel.selectEnvironment'),
        writeClipboard: text => vscode.env.clipboard.writeText(text),
        insertAtCursor: text => insertAtCursor(text),
        webResources,
      },
      message => this.view?.webview.postMessage(message),
    );
    this.disposables.push(
      webResources,
      webResources.onDidChange(() => void this.controller.sendWebResources()),
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
