/**
 * `npm run bench`: the analyzer's speed and memory, each figure next to a baseline measured in the same run
 * (these machines are noisy, so ratios are what compare across runs):
 *  - full analysis vs a bare `ts.createSourceFile` of the same text (1k, 10k, 50k lines);
 *  - a one-character edit in the 10k file: incremental update + analysis in-process, and LSP didChange →
 *    publishDiagnostics through the real server;
 *  - completion latency in-process and over LSP;
 *  - the server's peak memory with the 50k file open, and what its lean nodes save (the tree's heap, and the
 *    analysis with the server's own TypeScript, with and without them);
 *  - the same 10k file through ESLint with `@microsoft/eslint-plugin-power-apps`, the nearest peer;
 *  - CI scale (`ci.ts`): 2,000 files through the `omnichannel-lint` CLI and the ESLint CLI with the power-apps
 *    plugin, and the time our ESLint plugin adds to ESLint's recommended rules on the same files;
 *  - unless `--no-vscode`, the extension in a real VS Code: activation time, open-to-diagnostics, VSIX size.
 */
import * as ts from 'typescript';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { Linter } from 'eslint';
import { generateWebResource } from './generate';
import { OmnichannelDocument, analyze, completions, DEFAULT_SETTINGS, INCREMENTAL } from '@omnichannel-tools/core';
import { SERVER_EXEC_ARGV } from '@omnichannel-tools/language-server';
import { buildSnapshot, snapshotState } from '../src/server-loader/startup-snapshot';
import { LspBench } from './lsp';
import { measureVsCode } from './vscode';
import { measureFirstDiagnostics } from '../test/e2e/support/activation';
import { FILES, cliVersusPowerApps, generateRepository, pluginOverhead } from './ci';
import { bundledCores, type BundledCore } from './parser-only';

/** Speed goals as ratios to a baseline of the same run, so that they hold on any machine. */
const EDIT_GOAL = 0.33;
const DID_CHANGE_GOAL = 0.23;

interface Row { readonly what: string; readonly value: string; readonly baseline: string; readonly ratio: string; readonly goal: string; readonly ok?: boolean }
const rows: Row[] = [];

function time(fn: () => void): number {
  const start = process.hrtime.bigint();
  fn();
  return Number(process.hrtime.bigint() - start) / 1e6;
}

/** Runs `fn` `runs` times after `warmup` runs; returns the sorted samples in ms. */
function sample(fn: () => void, runs: number, warmup = 3): number[] {
  for (let i = 0; i < warmup; i++) fn();
  const out: number[] = [];
  for (let i = 0; i < runs; i++) out.push(time(fn));
  return out.sort((a, b) => a - b);
}

/**
 * Runs two functions alternately, so both see the same machine load (other jobs come and go; timing one
 * block after the other turned load changes into ratio changes); returns both sorted sample lists.
 * Warms both up for at least `warmupMs` first: a server analyses on every keystroke, so the steady state
 * (optimised code) is what counts, and three runs of a small file leave the rules unoptimised.
 */
function samplePair(a: () => void, b: () => void, runs: number, warmup = 3, warmupMs = 500): [number[], number[]] {
  const [as, bs] = sampleInterleaved([a, b], runs, warmup, warmupMs);
  return [as!, bs!];
}

/** `samplePair` for any number of functions, run in turn. */
function sampleInterleaved(fns: readonly (() => void)[], runs: number, warmup = 3, warmupMs = 500): number[][] {
  const until = Date.now() + warmupMs;
  for (let i = 0; i < warmup || Date.now() < until; i++) for (const fn of fns) fn();
  const samples = fns.map((): number[] => []);
  for (let i = 0; i < runs; i++) fns.forEach((fn, k) => samples[k]!.push(time(fn)));
  return samples.map(list => list.sort((x, y) => x - y));
}

export const pct = (sorted: readonly number[], p: number): number =>
  sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
const median = (sorted: readonly number[]): number => pct(sorted, 50);
const ms = (n: number): string => `${n.toFixed(n < 10 ? 2 : 1)} ms`;
const x = (n: number): string => `${n.toFixed(2)}×`;

function parseVsAnalysis(): void {
  for (const lines of [1_000, 10_000, 50_000]) {
    const text = generateWebResource(lines);
    // 21 samples at 50k lines: with 7, one full garbage collection more or less in either list moved the
    // ratio between 1.08× and 1.35×.
    const runs = lines >= 50_000 ? 21 : lines >= 10_000 ? 15 : 200;
    // The baseline is the parse a TypeScript tool does (parent pointers set by the parser). The analysis
    // parses without them and sets them in its own pass, so its ratio to a parse without them is shown too.
    const [parses, fulls, bareParses] = sampleInterleaved([
      () => ts.createSourceFile('bench.js', text, ts.ScriptTarget.Latest, true, ts.ScriptKind.JS),
      () => analyze(new OmnichannelDocument('bench.js', text), DEFAULT_SETTINGS),
      () => ts.createSourceFile('bench.js', text, ts.ScriptTarget.Latest, false, ts.ScriptKind.JS),
    ], runs);
    const parse = median(parses!);
    const full = median(fulls!);
    const bare = median(bareParses!);
    const ratio = full / parse;
    rows.push({ what: `full analysis, ${lines / 1000}k lines${lines >= 50_000 ? ` (median of ${runs})` : ''}`, value: ms(full), baseline: `parse ${ms(parse)}`, ratio: x(ratio), goal: '≤ 1.25× parse', ok: ratio <= 1.25 });
    rows.push({ what: `full analysis, ${lines / 1000}k lines, against a parse without parent pointers`, value: ms(full), baseline: `parse ${ms(bare)}`, ratio: x(full / bare), goal: '', ok: undefined });
  }
}

function incrementalEdit(): void {
  const text = generateWebResource(10_000);
  const doc = new OmnichannelDocument('bench.js', text);
  analyze(doc, DEFAULT_SETTINGS);
  // Type and delete a character in the middle of the file, as a user does.
  const at = text.indexOf('function computeSla', text.length / 2);
  let typed = false;
  // The same edits analysed in full (incremental analysis switched off), on a second document: the lever's before.
  const inFull = new OmnichannelDocument('bench.js', text);
  analyze(inFull, DEFAULT_SETTINGS);
  let typedInFull = false;
  // Edits and full parses taken in turn, so that both see the same load.
  const [samples, parses, fullSamples] = sampleInterleaved([() => {
    doc.update([typed ? { start: at, end: at + 1, newText: '' } : { start: at, end: at, newText: 'x' }]);
    typed = !typed;
    analyze(doc, DEFAULT_SETTINGS);
  }, () => ts.createSourceFile('bench.js', text, ts.ScriptTarget.Latest, true, ts.ScriptKind.JS), () => {
    inFull.update([typedInFull ? { start: at, end: at + 1, newText: '' } : { start: at, end: at, newText: 'x' }]);
    typedInFull = !typedInFull;
    INCREMENTAL.enabled = false;
    try {
      analyze(inFull, DEFAULT_SETTINGS);
    } finally {
      INCREMENTAL.enabled = true;
    }
  }], 60, 20, 0) as [number[], number[], number[]];
  const parse = median(parses);
  const p95 = pct(samples, 95);
  const fullP95 = pct(fullSamples, 95);
  rows.push({ what: 'one-char edit, 10k lines, analysed in full (p95)', value: ms(fullP95), baseline: `full parse ${ms(parse)}`, ratio: x(fullP95 / parse), goal: '', ok: undefined });
  // The goal was 15 ms on a machine where this parse took 42–46 ms: 15 / 46 ≈ 0.33× (see the README's Speed section).
  rows.push({ what: 'one-char edit, 10k lines, in-process (p95)', value: ms(p95), baseline: `full parse ${ms(parse)}`, ratio: x(p95 / parse), goal: '≤ 0.33× full parse', ok: p95 / parse <= EDIT_GOAL });
}

function completionInProcess(): number {
  const text = generateWebResource(10_000);
  const marker = 'Microsoft.Omnichannel.';
  const offsets: number[] = [];
  for (let i = text.indexOf(marker); i >= 0 && offsets.length < 50; i = text.indexOf(marker, i + 1)) offsets.push(i + marker.length);
  const doc = new OmnichannelDocument('bench.js', text);
  let k = 0;
  const samples = sample(() => { completions(doc, offsets[k++ % offsets.length]!); }, 100, 5);
  const p95 = pct(samples, 95);
  const parse = median(sample(() => ts.createSourceFile('bench.js', text, ts.ScriptTarget.Latest, true, ts.ScriptKind.JS), 15));
  rows.push({ what: 'completion, 10k lines, in-process (p95)', value: ms(p95), baseline: `full parse ${ms(parse)}`, ratio: x(p95 / parse), goal: '< 20 ms', ok: p95 < 20 });
  return parse;
}

function eslintPeer(): void {
  // The peer's own recommended rule set, in-process through ESLint's Linter (no file system work on either side).
  const plugin = require('@microsoft/eslint-plugin-power-apps') as { rules: Record<string, unknown>; configs: { paCheckerHosted: { rules: Record<string, unknown>; settings?: Record<string, unknown> } } };
  const linter = new Linter({ configType: 'flat' });
  const preset = plugin.configs.paCheckerHosted;
  const config = [{
    files: ['**/*.js'],
    languageOptions: { ecmaVersion: 'latest' as const, sourceType: 'script' as const },
    plugins: { '@microsoft/power-apps': plugin as never },
    rules: preset.rules as never,
    settings: preset.settings ?? {},
  }];
  const text = generateWebResource(10_000);
  // A parse error would make ESLint stop early and look fast: the run must be a real lint.
  const fatal = linter.verify(text, config, 'bench.js').find(m => m.fatal);
  if (fatal) throw new Error(`ESLint cannot parse the benchmark file: ${fatal.message} (line ${fatal.line})`);
  const [theirSamples, ourSamples] = samplePair(
    () => { linter.verify(text, config, 'bench.js'); },
    () => analyze(new OmnichannelDocument('bench.js', text), DEFAULT_SETTINGS),
    11, 2,
  );
  const theirs = median(theirSamples);
  const ours = median(ourSamples);
  const ratio = theirs / ours;
  rows.push({ what: 'whole file: ESLint + power-apps vs ours, 10k lines', value: `ours ${ms(ours)}`, baseline: `ESLint ${ms(theirs)}`, ratio: `${x(ratio)} faster`, goal: '≥ 20× faster', ok: ratio >= 20 });
  // What a user waits for after a keystroke: ESLint re-lints the whole file; ours re-parses incrementally.
  const doc = new OmnichannelDocument('bench.js', text);
  analyze(doc, DEFAULT_SETTINGS);
  const at = text.indexOf('function computeSla', text.length / 2);
  let typed = false;
  const edit = median(sample(() => {
    doc.update([typed ? { start: at, end: at + 1, newText: '' } : { start: at, end: at, newText: 'x' }]);
    typed = !typed;
    analyze(doc, DEFAULT_SETTINGS);
  }, 30, 20));
  const perEdit = theirs / edit;
  rows.push({ what: 'per keystroke: ESLint re-lint vs our incremental edit', value: `ours ${ms(edit)}`, baseline: `ESLint ${ms(theirs)}`, ratio: `${x(perEdit)} faster`, goal: '≥ 20× faster', ok: perEdit >= 20 });
}

async function overLsp(): Promise<void> {
  const bench = await LspBench.start();
  try {
    const ten = generateWebResource(10_000);
    const change = await bench.editLatencies(ten, 40);
    const p95 = pct(change.samples, 95);
    // The goal was 50 ms in a run whose open → diagnostics took 220.8 ms: 50 / 220.8 ≈ 0.23×.
    rows.push({ what: 'didChange → diagnostics, 10k lines, LSP (p95)', value: ms(p95), baseline: `open → diagnostics ${ms(change.open)}`, ratio: x(p95 / change.open), goal: '≤ 0.23× open', ok: p95 / change.open <= DID_CHANGE_GOAL });
    const completion = await bench.completionLatencies(ten, 'Microsoft.Omnichannel.', 60);
    const cp95 = pct(completion, 95);
    rows.push({ what: 'completion, 10k lines, LSP (p95)', value: ms(cp95), baseline: `open → diagnostics ${ms(change.open)}`, ratio: x(cp95 / change.open), goal: '< 20 ms', ok: cp95 < 20 });
  } finally {
    await bench.stop();
  }
  // Memory on a fresh server, so that only the 50k-line file (and its edits) is in it. Two edits, as before;
  // then 18 more, since every edit leaves garbage and the heap grows until V8 collects it.
  const fresh = await LspBench.start();
  const fifty = generateWebResource(50_000);
  try {
    const idle = fresh.peakMemoryMb();
    await fresh.editLatencies(fifty, 2);
    const peak = fresh.peakMemoryMb();
    rows.push({ what: 'server peak memory, 50k lines open and edited', value: `${peak.toFixed(0)} MB`, baseline: `idle server ${idle.toFixed(0)} MB`, ratio: x(peak / idle), goal: '< 150 MB', ok: peak < 150 });
    const cpu = fresh.cpuMs();
    await fresh.moreEdits(fifty, 'file:///bench/ten.js', 18);
    const session = fresh.peakMemoryMb();
    const editsCpu = fresh.cpuMs() - cpu;
    rows.push({ what: 'server peak memory, 50k lines open and edited 20 times', value: `${session.toFixed(0)} MB`, baseline: `idle server ${idle.toFixed(0)} MB`, ratio: x(session / idle), goal: '< 150 MB', ok: session < 150 });
    // The same session with `omnichannel.languageServer.memory: "low"`, and what it costs in server CPU.
    const low = await LspBench.start({ settings: { languageServer: { memory: 'low' } } });
    try {
      await low.logs(/^Memory: low/);
      await low.editLatencies(fifty, 2);
      const lowCpu = low.cpuMs();
      await low.moreEdits(fifty, 'file:///bench/ten.js', 18);
      const lowSession = low.peakMemoryMb();
      const lowEditsCpu = low.cpuMs() - lowCpu;
      rows.push({ what: 'server peak memory, 50k lines open and edited 20 times, memory setting "low"', value: `${lowSession.toFixed(0)} MB`, baseline: `setting "default" ${session.toFixed(0)} MB`, ratio: x(lowSession / session), goal: '< 150 MB', ok: lowSession < 150 });
      rows.push({ what: 'server CPU for the last 18 of those edits, memory setting "low"', value: `${(lowEditsCpu / 1000).toFixed(2)} s`, baseline: `setting "default" ${(editsCpu / 1000).toFixed(2)} s`, ratio: x(lowEditsCpu / editsCpu), goal: '', ok: undefined });
    } finally {
      await low.stop();
    }
    const cores = await bundledCores();
    try {
      const tree = treeHeapMb(cores.lean);
      rows.push({ what: 'floor: idle server + the 50k-line tree alone (the server\'s TypeScript)', value: `${(idle + tree).toFixed(0)} MB`, baseline: `tree ${tree.toFixed(0)} MB (heap, in-process)`, ratio: x(peak / (idle + tree)), goal: '', ok: undefined });
    } finally {
      cores.remove();
    }
  } finally {
    await fresh.stop();
  }
  // The same from the startup snapshot, as the extension starts the server once the snapshot is built.
  const snapshotDir = mkdtempSync(path.join(tmpdir(), 'omnichannel-bench-snapshot-'));
  try {
    const restored = await LspBench.start({ execArgv: (await readySnapshot(snapshotDir)).execArgv });
    try {
      const idle = restored.peakMemoryMb();
      await restored.editLatencies(fifty, 2);
      const peak = restored.peakMemoryMb();
      rows.push({ what: 'server peak memory, 50k lines open and edited, started from the startup snapshot', value: `${peak.toFixed(0)} MB`, baseline: `idle server ${idle.toFixed(0)} MB`, ratio: x(peak / idle), goal: '< 150 MB', ok: peak < 150 });
    } finally {
      await restored.stop();
    }
  } finally {
    rmSync(snapshotDir, { recursive: true, force: true });
  }
}

const seconds = (n: number): string => `${(n / 1000).toFixed(2)} s`;
const thousands = (n: number): string => n.toLocaleString('en-US');

/** 2,000 files: the CLI against the ESLint CLI with the power-apps plugin, both on every core. */
function ciCli(): void {
  const repo = generateRepository('ci-cli');
  try {
    // An ESLint run of 2,000 files takes minutes on a busy 2-core machine: one, between two of ours (their mean).
    const { ours, theirs } = cliVersusPowerApps(repo, 1);
    const o = ours.samples.reduce((a, b) => a + b, 0) / ours.samples.length;
    const t = median(theirs.samples);
    const ratio = t / o;
    rows.push({
      what: `CI: ${thousands(FILES)} files (${thousands(repo.lines)} lines), omnichannel-lint (${ours.detail}) vs ESLint + power-apps (${theirs.detail})`,
      value: `ours ${seconds(o)}`, baseline: `ESLint ${seconds(t)}`, ratio: `${x(ratio)} faster`, goal: '≥ 50× faster', ok: ratio >= 50,
    });
  } finally {
    repo.remove();
  }
}

/** 2,000 files: ESLint's recommended rules with our plugin against without it, in-process. */
async function ciPlugin(): Promise<void> {
  const repo = generateRepository('ci-plugin');
  try {
    // Minutes per lint of 2,000 files on a busy machine: one with the plugin, between two without (their mean).
    const { bare, withPlugin, findings } = await pluginOverhead(repo, 1);
    const mean = (xs: readonly number[]): number => xs.reduce((a, b) => a + b, 0) / xs.length;
    const b = mean(bare);
    const w = mean(withPlugin);
    const added = (w - b) / b;
    rows.push({
      what: `CI: ${thousands(FILES)} files, ESLint recommended + @omnichannel-tools/eslint-plugin (${thousands(findings)} findings) vs without`,
      value: `with ${seconds(w)}`, baseline: `without ${seconds(b)}`, ratio: `${added >= 0 ? '+' : ''}${(added * 100).toFixed(1)}%`, goal: '< 10% added', ok: added < 0.1,
    });
  } finally {
    repo.remove();
  }
}

/** The shipped server is the minified production bundle; a development bundle needs ~20 MB more at idle. */
function serverBundleKind(): string {
  const bundle = readFileSync(path.join(__dirname, '..', '..', 'dist', 'server.js'), 'utf8');
  // Only the development build links its source map (a library's own text may mention the marker).
  return bundle.trimEnd().slice(-200).includes('//# sourceMappingURL=')
    ? 'development build (not what ships: memory reads high; `npm run bench` builds the production one)'
    : 'production build (as shipped)';
}

/** Builds and verifies the startup snapshot of `<dist>/server.js` in `dir`; the flags that start a server from it. */
async function readySnapshot(dir: string, dist = path.join(__dirname, '..', '..', 'dist')): Promise<{ readonly builder: string; readonly file: string; readonly execArgv: readonly string[] }> {
  const options = { builder: path.join(dist, 'server.js'), dir, execArgv: SERVER_EXEC_ARGV };
  const built = await buildSnapshot(options, false);
  const state = snapshotState(options);
  if (state.kind !== 'ready') throw new Error(`The startup snapshot could not be built: ${built.kind === 'unsupported' ? built.reason : state.reason}`);
  return { builder: options.builder, file: state.file, execArgv: state.execArgv };
}

/**
 * Heap held by one parsed 50k-line document, measured in a fresh process (this one is full of other runs'
 * garbage): with the installed TypeScript, or with a bundled core's.
 */
function treeHeapMb(core?: BundledCore): number {
  const out = execFileSync(process.execPath, ['--expose-gc', path.join(__dirname, 'tree-heap.js'), '50000', ...(core ? [core.file] : [])], { encoding: 'utf8' });
  return (JSON.parse(out) as { treeMb: number }).treeMb;
}

/**
 * The lean nodes of the server's TypeScript (scripts/lib/lean-nodes.mjs) against the same bundle keeping
 * every field: the 50k-line tree's heap, and the full analysis and a one-character edit of a 10k-line file,
 * taken in turn.
 */
async function leanNodes(): Promise<void> {
  const cores = await bundledCores();
  try {
    const lean = treeHeapMb(cores.lean);
    const full = treeHeapMb(cores.full);
    rows.push({ what: 'the 50k-line tree, server\'s TypeScript: lean nodes', value: `${lean.toFixed(1)} MB`, baseline: `every field ${full.toFixed(1)} MB`, ratio: x(lean / full), goal: '', ok: undefined });
    const text = generateWebResource(10_000);
    const [leanFull, fullFull] = sampleInterleaved([cores.lean, cores.full].map(core => () => core.analyze(new core.OmnichannelDocument('bench.js', text), core.DEFAULT_SETTINGS)), 21);
    rows.push({ what: 'full analysis, 10k lines, server\'s TypeScript: lean nodes', value: ms(median(leanFull!)), baseline: `every field ${ms(median(fullFull!))}`, ratio: x(median(leanFull!) / median(fullFull!)), goal: '', ok: undefined });
    const at = text.indexOf('function computeSla', text.length / 2);
    const [leanEdits, fullEdits] = sampleInterleaved([cores.lean, cores.full].map(core => {
      const doc = new core.OmnichannelDocument('bench.js', text);
      core.analyze(doc, core.DEFAULT_SETTINGS);
      let typed = false;
      return () => {
        doc.update([typed ? { start: at, end: at + 1, newText: '' } : { start: at, end: at, newText: 'x' }]);
        typed = !typed;
        core.analyze(doc, core.DEFAULT_SETTINGS);
      };
    }), 60, 20, 0);
    rows.push({ what: 'one-char edit, 10k lines, server\'s TypeScript: lean nodes (p95)', value: ms(pct(leanEdits!, 95)), baseline: `every field ${ms(pct(fullEdits!, 95))}`, ratio: x(pct(leanEdits!, 95) / pct(fullEdits!, 95)), goal: '', ok: undefined });
  } finally {
    cores.remove();
  }
}

function print(): void {
  const head: Row = { what: 'measure', value: 'value', baseline: 'baseline (same run)', ratio: 'ratio', goal: 'goal' };
  const all = [head, ...rows];
  const w = (k: keyof Row) => Math.max(...all.map(r => String(r[k] ?? '').length));
  const line = (r: Row) => `| ${r.what.padEnd(w('what'))} | ${r.value.padEnd(w('value'))} | ${r.baseline.padEnd(w('baseline'))} | ${r.ratio.padEnd(w('ratio'))} | ${r.goal.padEnd(w('goal'))} | ${r === head ? 'met' : r.ok === undefined ? '' : r.ok ? 'yes' : 'NO'} |`;
  console.log(line(head));
  console.log(`|${['what', 'value', 'baseline', 'ratio', 'goal'].map(k => '-'.repeat(w(k as keyof Row) + 2)).join('|')}|-----|`);
  for (const r of rows) console.log(line(r));
}

/**
 * Cold start: spawn → first diagnostics of a 1k-line file, over stdio, for fresh server processes started
 * plainly, through the V8 code cache, and from the V8 startup snapshot (as the extension starts it once
 * the snapshot is built), interleaved with bare `node -e 0` starts (the floor); medians of 10. Also the
 * bundle's and the snapshot's sizes and the idle server's peak memory after `initialize` (from the snapshot).
 * `--against <dir>` measures another build's `dist/` (server.js, server-main.js) in the same loop, each start
 * interleaved with this build's, so two bundles can be compared under the same load.
 */
async function coldStart(): Promise<void> {
  const text = generateWebResource(1_000);
  const storage = mkdtempSync(path.join(tmpdir(), 'omnichannel-bench-cache-'));
  const at = process.argv.indexOf('--against');
  const dists: { label: string; dir: string }[] = [{ label: '', dir: path.join(__dirname, '..', '..', 'dist') }];
  if (at >= 0) {
    const dir = process.argv[at + 1];
    if (!dir || !existsSync(path.join(dir, 'server.js'))) throw new Error(`--against needs a directory holding a built server.js (got ${dir ?? 'nothing'})`);
    dists.push({ label: ` [${path.resolve(dir)}]`, dir: path.resolve(dir) });
  }
  const bareNode = (): number => time(() => execFileSync(process.execPath, ['-e', '0']));
  try {
    const runs = [];
    for (const [i, dist] of dists.entries()) runs.push(await prepareColdStart(dist.dir, path.join(storage, String(i)), text));
    const bare: number[] = [];
    for (let i = 0; i < 10; i++) {
      bare.push(bareNode());
      for (const run of runs) await run.sample();
    }
    const floor = median(bare.sort((a, b) => a - b));
    for (const [i, run] of runs.entries()) {
      const label = dists[i]!.label;
      const row = (what: string, samples: number[], goal = true): void => {
        const value = median(samples.sort((a, b) => a - b));
        rows.push({ what: what + label, value: ms(value), baseline: `node -e 0 ${ms(floor)}`, ratio: x(value / floor), ...(goal ? { goal: '≤ 2.5× node', ok: value / floor <= 2.5 } : { goal: '', ok: undefined }) });
      };
      row('cold start → first diagnostics, 1k lines, stdio (no code cache)', run.plain);
      row('cold start → first diagnostics, 1k lines, stdio (V8 code cache, as the extension starts it at first)', run.warm);
      row('cold start → first diagnostics, 1k lines, stdio (V8 startup snapshot, as the extension starts it once built)', run.snap);
      row('start from the V8 startup snapshot and exit (its verification run: restore, analyse 5 lines)', run.restore, false);
      const mb = (bytes: number): string => `${(bytes / 1024 / 1024).toFixed(2)} MB`;
      rows.push({ what: `server bundle (server.js) and its startup snapshot${label}`, value: mb(run.bundleBytes), baseline: `snapshot ${mb(run.snapshotBytes)}`, ratio: '', goal: '' });
      const idle = median(run.idleMb.sort((a, b) => a - b));
      rows.push({ what: `idle server from the snapshot, peak memory (VmHWM) after initialize${label}`, value: `${idle.toFixed(1)} MB`, baseline: '', ratio: '', goal: '' });
    }
  } finally {
    rmSync(storage, { recursive: true, force: true });
  }
}

/** One build's cold-start measures: its code cache written and its snapshot built; `sample()` takes one of each. */
async function prepareColdStart(dist: string, storage: string, text: string) {
  const cached = { dist, entry: 'server-main.js', env: { OMNICHANNEL_CODE_CACHE_DIR: path.join(storage, 'code-cache') } };
  const idleMb: number[] = [];
  const firstDiagnostics = async (options: Parameters<typeof LspBench.start>[0], idle?: number[]): Promise<number> => {
    const start = Number(process.hrtime.bigint()) / 1e6;
    const bench = await LspBench.start(options);
    idle?.push(bench.peakMemoryMb());
    await bench.openAndWait(text, 'file:///bench/one.js');
    const elapsed = Number(process.hrtime.bigint()) / 1e6 - start;
    await bench.stop();
    return elapsed;
  };
  await firstDiagnostics(cached); // writes the cache (at the server's exit), as the first start after an install does
  const snapshot = await readySnapshot(path.join(storage, 'startup-snapshot'), dist);
  const fromSnapshot = { ...cached, execArgv: snapshot.execArgv };
  const plain: number[] = [];
  const warm: number[] = [];
  const snap: number[] = [];
  // What restoring the snapshot alone costs: the builder's verification run (restore, analyse a few lines, exit).
  const restore: number[] = [];
  const restoreOnly = (): number => time(() => execFileSync(process.execPath, [...SERVER_EXEC_ARGV, ...snapshot.execArgv, snapshot.builder, '--verify-snapshot']));
  return {
    plain, warm, snap, restore, idleMb,
    bundleBytes: statSync(snapshot.builder).size,
    snapshotBytes: statSync(snapshot.file).size,
    async sample(): Promise<void> {
      plain.push(await firstDiagnostics({ dist }));
      warm.push(await firstDiagnostics(cached));
      snap.push(await firstDiagnostics(fromSnapshot, idleMb));
      restore.push(restoreOnly());
    },
  };
}

/**
 * In the real VS Code: a fresh session opens a TypeScript sample (with one type error added, so both have a
 * finding); our first diagnostics against the built-in TypeScript's, from the same Enter. Median of 3.
 */
async function firstDiagnosticsInVsCode(): Promise<void> {
  const runs = [];
  for (let i = 0; i < 3; i++) runs.push(await measureFirstDiagnostics());
  const ours = median(runs.map(r => r.oursMs).sort((a, b) => a - b));
  const theirs = median(runs.map(r => r.typeScriptMs).sort((a, b) => a - b));
  const spread = runs.map(r => `${r.oursMs}/${r.typeScriptMs}`).join(', ');
  rows.push({ what: `open TS sample → our first diagnostics (median of 3, ours/TypeScript's: ${spread} ms)`, value: ms(ours), baseline: `TypeScript's ${ms(theirs)}`, ratio: x(ours / theirs), goal: '≤ 1.0', ok: ours <= theirs });
}

/** `--json <file>`: every row as JSON (measure, value, baseline, ratio, goal, met), so runs can be compared. */
function writeJson(): void {
  const at = process.argv.indexOf('--json');
  if (at < 0) return;
  const file = process.argv[at + 1];
  if (!file) throw new Error('--json needs a file name');
  const json = rows.map(r => ({ measure: r.what, value: r.value, baseline: r.baseline, ratio: r.ratio, goal: r.goal, met: r.ok ?? null }));
  writeFileSync(file, JSON.stringify({ node: process.version, date: new Date().toISOString(), rows: json }, null, 2) + '\n');
  console.log(`\nWrote ${rows.length} rows to ${file}.`);
}

/** In the real VS Code: activation (median of five fresh starts), open → diagnostics, and the VSIX size. */
async function vscodeRows(): Promise<void> {
  const v = await measureVsCode();
  const spread = v.activationSamples.map(n => n.toFixed(0)).join(', ');
  const baselineSpread = v.baselineSamples.map(n => n.toFixed(0)).join(', ');
  rows.push({ what: `extension activation (Running Extensions, median of ${v.runs}: ${spread}; baseline ${baselineSpread})`, value: ms(v.activationMs), baseline: `do-nothing extension, same event ${ms(v.baselineMs)}`, ratio: x(v.activationMs / v.baselineMs), goal: '< 50 ms', ok: v.activationMs < 50 });
  rows.push({ what: 'extension activation minus the baseline, same session (median): our own code', value: ms(v.ownMs), baseline: '', ratio: '', goal: '< 50 ms', ok: v.ownMs < 50 });
  rows.push({ what: 'open sample file → diagnostics shown', value: ms(v.openToDiagnosticsMs), baseline: `code-server ready ${ms(v.workbenchMs)}`, ratio: x(v.openToDiagnosticsMs / v.workbenchMs), goal: '', ok: undefined });
  rows.push({ what: 'VSIX size', value: `${(v.vsixBytes / 1024 / 1024).toFixed(2)} MB`, baseline: '', ratio: '', goal: '< 5 MB', ok: v.vsixBytes < 5 * 1024 * 1024 });
}

async function main(): Promise<void> {
  console.log(`Node ${process.version}, TypeScript ${ts.version}; figures are medians unless marked p95.`);
  console.log(`Server bundle: ${serverBundleKind()}.\n`);
  // `--only <step>` runs one step (parse, edit, completion, eslint, lsp, nodes, cold-start, ci-cli, ci-plugin, first-diagnostics, vscode).
  const only = process.argv.includes('--only') ? process.argv[process.argv.indexOf('--only') + 1] : undefined;
  const steps: [string, () => void | Promise<void>][] = [
    ['parse', parseVsAnalysis], ['edit', incrementalEdit], ['completion', () => void completionInProcess()],
    ['eslint', eslintPeer], ['lsp', overLsp], ['nodes', leanNodes], ['cold-start', coldStart], ['ci-cli', ciCli], ['ci-plugin', ciPlugin],
    ['first-diagnostics', firstDiagnosticsInVsCode], ['vscode', vscodeRows],
  ];
  const vscode = !process.argv.includes('--no-vscode');
  for (const [name, step] of steps) if (only === name || (!only && (vscode || (name !== 'first-diagnostics' && name !== 'vscode')))) await step();
  print();
  writeJson();
}

main().catch(error => {
  console.error(error instanceof Error ? error.stack : error);
  process.exitCode = 1;
});
