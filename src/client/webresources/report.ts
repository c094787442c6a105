/**
 * The latest outcome of each file's publish or pull in this window, wherever it was started (the palette, a
 * menu, the panel): the panel's Web resources section shows them, also for publishes made before it was
 * first opened. Kept by the extension's context; cleared when the window reloads.
 */
import * as vscode from 'vscode';
import type { WebResourceOutcomeItem } from '../../protocol/webview';

export interface WebResourceReport {
  /** The environment's URL: the same file published to two environments has two outcomes. */
  readonly environmentUrl: string;
  readonly items: readonly { readonly fileUri: vscode.Uri; readonly outcome: WebResourceOutcomeItem }[];
}

export class WebResourceOutcomes implements vscode.Disposable {
  private readonly latest = new Map<string, WebResourceOutcomeItem>();
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChange = this.changed.event;

  record(report: WebResourceReport): void {
    for (const item of report.items) this.latest.set(key(report.environmentUrl, item.fileUri), item.outcome);
    this.changed.fire();
  }

  get(environmentUrl: string, fileUri: vscode.Uri): WebResourceOutcomeItem | undefined {
    return this.latest.get(key(environmentUrl, fileUri));
  }

  dispose(): void {
    this.changed.dispose();
  }
}

function key(environmentUrl: string, fileUri: vscode.Uri): string {
  return `${environmentUrl}|${fileUri.toString()}`;
}
