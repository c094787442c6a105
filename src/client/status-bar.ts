/** The status bar item naming the active environment; a click switches environment. */
import * as vscode from 'vscode';
import type { EnvironmentEntry } from '../environments/types';
import { statusBarView, type SignInState } from './environments/selection';

export class EnvironmentStatusBar implements vscode.Disposable {
  private readonly item = vscode.window.createStatusBarItem('omnichannel.environment', vscode.StatusBarAlignment.Left, 0);

  constructor() {
    this.item.name = 'Omnichannel Environment';
    this.item.command = 'omnichannel.selectEnvironment';
  }

  update(environment: EnvironmentEntry, signIn: SignInState): void {
    const view = statusBarView(environment, signIn);
    this.item.text = view.text;
    this.item.tooltip = view.tooltip;
    this.item.backgroundColor = view.warning ? new vscode.ThemeColor('statusBarItem.warningBackground') : undefined;
    this.item.show();
  }

  dispose(): void {
    this.item.dispose();
  }
}
