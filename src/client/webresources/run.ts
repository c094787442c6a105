/**
 * The window's one web resource run: a publish, pull or mapping started anywhere (the palette, a menu, the
 * panel) holds it until it ends, so two runs never write the same web resources at once. One asked for
 * meanwhile is refused with a sentence naming what runs; the panel shows what runs and disables its
 * buttons. Kept by the extension's context, so it holds before the web resource code is first loaded.
 */
import * as vscode from 'vscode';
import { stillRunning } from '../../panel/host/webresources';

export class WebResourceRun implements vscode.Disposable {
  private current: string | undefined;
  private readonly changed = new vscode.EventEmitter<void>();
  /** Fires when a run starts or ends. */
  readonly onDidChange = this.changed.event;

  /** What runs now, e.g. "Publishing every mapped file…"; undefined when nothing does. */
  get running(): string | undefined {
    return this.current;
  }

  /** Runs `action` as the window's one run; while another runs, says so and resolves undefined without running it. */
  async exclusive<T>(what: string, action: () => Promise<T>): Promise<T | undefined> {
    if (this.current !== undefined) {
      void vscode.window.showWarningMessage(stillRunning(this.current));
      return undefined;
    }
    this.current = what;
    this.changed.fire();
    try {
      return await action();
    } finally {
      this.current = undefined;
      this.changed.fire();
    }
  }

  dispose(): void {
    this.changed.dispose();
  }
}
