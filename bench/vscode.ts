/** The extension in a real VS Code (code-server + Chromium): activation, open-to-diagnostics, VSIX size. */
export interface VsCodeFigures {
  readonly workbenchMs: number;
  readonly activationMs: number;
  readonly openToDiagnosticsMs: number;
  readonly vsixBytes: number;
}

export async function measureVsCode(): Promise<VsCodeFigures> {
  throw new Error('not wired yet');
}
