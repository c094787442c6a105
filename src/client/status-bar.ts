/**
 * The status bar items: the active environment (a click switches environment) and, for a real environment
 * not signed in yet, "Sign in" (a click signs in). Switching never signs in by itself: a dialog appears
 * only when the user clicks here or starts a call. The `omnichannel.signInState` context key carries
 * the same state for menus and views (`signed-in`, `signed-out`, `unknown`, `none` for the simulator).
 */
import * as vscode from 'vscode';
import type { EnvironmentEntry } from '../environments/types';
import { signInStatusView, statusBarView, type SignInState } from './environments/selection';

export class EnvironmentStatusBar implements vscode.Disposable {
  private readonly item = vscode.window.createStatusBarItem('omnichannel.environment', vscode.StatusBarAlignment.Left, 0);
  private readonly signInItem = vscode.window.createStatusBarItem('omnichannel.signIn', vscode.StatusBarAlignment.Left, -1);
  private lastContext: string | undefined;

  constructor() {
    this.item.name = 'Omnichannel Environment';
    this.item.command = 'omnichannel.selectEnvironment';
    this.signInItem.name = 'Omnichannel Sign-in';
  }

  update(environment: EnvironmentEntry, signIn: SignInState): void {
    const view = statusBarView(environment, signIn);
    this.item.text = view.text;
    this.item.tooltip = view.tooltip;
    this.item.backgroundColor = view.warning ? new vscode.ThemeColor('statusBarItem.warningBackground') : undefined;
    this.item.show();
    const signInView = signInStatusView(environment, signIn);
    if (signInView) {
      this.signInItem.text = signInView.text;
      this.signInItem.tooltip = signInView.tooltip;
      this.signInItem.command = { title: 'Sign In', command: 'omnichannel.signIn', arguments: [environment.name] };
      this.signInItem.show();
    } else {
      this.signInItem.hide();
    }
    const context = environment.kind === 'simulator' ? 'none' : signIn;
    if (context !== this.lastContext) {
      this.lastContext = context;
      void vscode.commands.executeCommand('setContext', 'omnichannel.signInState', context);
    }
  }

  dispose(): void {
    this.item.dispose();
    this.signInItem.dispose();
  }
}
