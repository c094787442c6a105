/**
 * What a publish or pull reports when it ends, wherever it was started (the palette, a menu, the panel):
 * the panel's Web resources section shows each file's latest outcome from these. Types only.
 */
import type * as vscode from 'vscode';
import type { WebResourceOutcomeItem } from '../../protocol/webview';

export interface WebResourceReport {
  /** The environment's URL: outcomes are shown for the active environment only. */
  readonly environmentUrl: string;
  readonly items: readonly { readonly fileUri: vscode.Uri; readonly outcome: WebResourceOutcomeItem }[];
}
