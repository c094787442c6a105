/** The extension in a real VS Code (code-server + Chromium): activation, open-to-diagnostics, VSIX size. */
import { measureActivation } from '../test/e2e/support/activation';

export interface VsCodeFigures {
  /** From navigation to a ready workbench: the baseline the other times are set against. */
  readonly workbenchMs: number;
  /** The client's activation time, as VS Code reports it ("Show Running Extensions"). */
  readonly activationMs: number;
  /** From opening a sample file to its diagnostics in the Problems count. */
  readonly openToDiagnosticsMs: number;
  readonly vsixBytes: number;
}

export async function measureVsCode(): Promise<VsCodeFigures> {
  const m = await measureActivation({});
  return { workbenchMs: m.workbenchMs, activationMs: m.activationMs, openToDiagnosticsMs: m.openToDiagnosticsMs, vsixBytes: m.vsixBytes };
}
