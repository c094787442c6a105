/** The extension in a real VS Code (code-server + Chromium): activation, open-to-diagnostics, VSIX size. */
import { measureActivation } from '../test/e2e/support/activation';

export interface VsCodeFigures {
  /** How many fresh VS Code sessions the medians come from. */
  readonly runs: number;
  /** From navigation to a ready workbench: the baseline the other times are set against. */
  readonly workbenchMs: number;
  /** The client's activation time, as VS Code reports it ("Show Running Extensions"). */
  readonly activationMs: number;
  /** Each run's activation time, to show the spread. */
  readonly activationSamples: readonly number[];
  /**
   * The do-nothing baseline extension's activation time in the same sessions (median): what the extension
   * host charges any extension that the same event activates, mostly the built-in TypeScript extension's
   * code loading, which runs first.
   */
  readonly baselineMs: number;
  readonly baselineSamples: readonly number[];
  /** Ours minus the baseline, per session (median): the part our own code costs. */
  readonly ownMs: number;
  /** From opening a sample file to its diagnostics in the Problems count. */
  readonly openToDiagnosticsMs: number;
  readonly vsixBytes: number;
}

const median = (values: readonly number[]): number => [...values].sort((a, b) => a - b)[values.length >> 1]!;

/** Medians over a few fresh sessions: one session's figures swing with whatever else the machine does. */
export async function measureVsCode(runs = 5): Promise<VsCodeFigures> {
  const all = [];
  for (let i = 0; i < runs; i++) all.push(await measureActivation({ baseline: true }));
  const baselines = all.map(m => m.baselineActivationMs ?? NaN);
  return {
    runs,
    workbenchMs: median(all.map(m => m.workbenchMs)),
    activationMs: median(all.map(m => m.activationMs)),
    activationSamples: all.map(m => m.activationMs),
    baselineMs: median(baselines),
    baselineSamples: baselines,
    ownMs: median(all.map((m, i) => m.activationMs - baselines[i]!)),
    openToDiagnosticsMs: median(all.map(m => m.openToDiagnosticsMs)),
    vsixBytes: all[0]!.vsixBytes,
  };
}
