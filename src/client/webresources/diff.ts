/**
 * Read-only documents holding a web resource's content as the environment (or the last pull) has it, so
 * `vscode.diff` can show it beside the local file. Registered once, on first use.
 */
import * as vscode from 'vscode';

export const WEB_RESOURCE_SCHEME = 'omnichannel-webresource';

class ContentProvider implements vscode.TextDocumentContentProvider {
  private readonly contents = new Map<string, string>();
  private readonly changed = new vscode.EventEmitter<vscode.Uri>();
  readonly onDidChange = this.changed.event;

  provideTextDocumentContent(uri: vscode.Uri): string {
    return this.contents.get(uri.toString()) ?? '';
  }

  put(uri: vscode.Uri, content: Uint8Array): void {
    this.contents.set(uri.toString(), new TextDecoder().decode(content));
    this.changed.fire(uri);
  }
}

let provider: ContentProvider | undefined;

/** Registers the provider the first time; the registration is disposed with the extension. */
function ensureProvider(subscriptions: vscode.Disposable[]): ContentProvider {
  if (!provider) {
    const created = new ContentProvider();
    provider = created;
    subscriptions.push(vscode.workspace.registerTextDocumentContentProvider(WEB_RESOURCE_SCHEME, created), {
      dispose: () => { if (provider === created) provider = undefined; },
    });
  }
  return provider;
}

/** A read-only document named like `Contoso Dev/new_/scripts/case-form.js` holding `content`. */
export function contentUri(subscriptions: vscode.Disposable[], label: string, webResourceName: string, content: Uint8Array): vscode.Uri {
  const path = `/${encodeURIComponent(label)}/${webResourceName.split('/').map(encodeURIComponent).join('/')}`;
  const uri = vscode.Uri.from({ scheme: WEB_RESOURCE_SCHEME, path });
  ensureProvider(subscriptions).put(uri, content);
  return uri;
}

/** Opens the diff editor: `left` against `right`, titled `title`. */
export async function showDiff(left: vscode.Uri, right: vscode.Uri, title: string): Promise<void> {
  await vscode.commands.executeCommand('vscode.diff', left, right, title, { preview: true });
}
