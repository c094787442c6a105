/**
 * The ESLint plugin's added cost, focused: `node out/bench/plugin-cost.js [--runs N] [--folders K]`.
 *  - ESLint's recommended rules with and without the plugin, in-process, on K folders (100 files each) of the
 *    CI-scale repository: N lints with the plugin, each between two without; medians.
 *  - What the plugin does per file, in-process over the same files, interleaved round by round: a parse
 *    alone, the language server's analysis (reads recorded, state kept) and the one-shot analysis the plugin
 *    and the CLI run; and the same on one large file.
 *  - How many of the repository's files name no API namespace (those the one-shot analysis does not parse).
 * The load average is printed before and after: figures taken under load compare only as ratios.
 * Run with `node --expose-gc`; `--runs 0` leaves ESLint out, `--typescript-eslint` gives ESLint that parser.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import * as path from 'node:path';
import { analyze, analyzeOnce, DEFAULT_SETTINGS, mayCallApi, OmnichannelDocument } from '@omnichannel-tools/core';
import { generateRepository, pluginOverhead } from './ci';
import { generateWebResource } from './generate';

const argument = (name: string, fallback: number): number => {
  const at = process.argv.indexOf(name);
  return at >= 0 ? Number(process.argv[at + 1]) : fallback;
};

const median = (xs: readonly number[]): number => {
  const sorted = [...xs].sort((a, b) => a - b);
  return sorted[Math.floor((sorted.length - 1) / 2)]!;
};

const load = (): string => loadavg().map(n => n.toFixed(1)).join(' / ');

function time(fn: () => void): number {
  const start = process.hrtime.bigint();
  fn();
  return Number(process.hrtime.bigint() - start) / 1e6;
}

/** Run with `--expose-gc`: each sample then starts with a collection, so no run pays for the garbage of the one before. */
const collect = (globalThis as { gc?: () => void }).gc ?? ((): void => undefined);

/** Each function in turn, `rounds` times after one warm-up round; the samples of each. */
function interleaved(fns: readonly (() => void)[], rounds: number): number[][] {
  for (const fn of fns) fn();
  const samples = fns.map((): number[] => []);
  for (let i = 0; i < rounds; i++) {
    fns.forEach((fn, k) => {
      collect();
      samples[k]!.push(time(fn));
    });
  }
  return samples;
}

async function main(): Promise<void> {
  const runs = argument('--runs', 5);
  const folders = argument('--folders', 2);
  console.log(`load average (1 / 5 / 15 min) at start: ${load()}`);
  const repo = generateRepository(`plugin-cost-${process.pid}`);
  try {
    const texts: { name: string; text: string }[] = [];
    for (const area of readdirSync(path.join(repo.root, 'webresources')).sort()) {
      for (const name of readdirSync(path.join(repo.root, 'webresources', area))) {
        texts.push({ name, text: readFileSync(path.join(repo.root, 'webresources', area, name), 'utf8') });
      }
    }
    const without = texts.filter(t => !mayCallApi(t.text)).length;
    console.log(`${texts.length} files, ${without} naming no API namespace (not parsed by the one-shot analysis)`);

    const subset = texts.slice(0, folders * 100);
    const [parses, server, once] = interleaved([
      () => { for (const t of subset) new OmnichannelDocument(t.name, t.text); },
      () => { for (const t of subset) analyze(new OmnichannelDocument(t.name, t.text), DEFAULT_SETTINGS); },
      () => { for (const t of subset) analyzeOnce(t.name, t.text, DEFAULT_SETTINGS); },
    ], 9);
    const p = median(parses!);
    const s = median(server!);
    const o = median(once!);
    console.log(`${subset.length} files in-process (median of 9 rounds): parse ${p.toFixed(0)} ms; server analysis ${s.toFixed(0)} ms (analysis after the parse ${(s - p).toFixed(0)} ms); one-shot ${o.toFixed(0)} ms (${(o - p).toFixed(0)} ms); one-shot / server ${(o / s).toFixed(3)}, their analysis parts ${((o - p) / (s - p)).toFixed(3)}`);

    const large = generateWebResource(50_000);
    const calls = analyze(new OmnichannelDocument('large.js', large), { ...DEFAULT_SETTINGS, maxFileSize: Infinity }).findings.length;
    const big = { ...DEFAULT_SETTINGS, maxFileSize: Infinity };
    const [bigParse, bigServer, bigOnce] = interleaved([
      () => new OmnichannelDocument('large.js', large),
      () => analyze(new OmnichannelDocument('large.js', large), big),
      () => analyzeOnce('large.js', large, big),
    ], 9);
    const bp = median(bigParse!);
    const bs = median(bigServer!);
    const bo = median(bigOnce!);
    console.log(`one file of 50,000 lines (${calls} findings), median of 9: parse ${bp.toFixed(0)} ms; server ${bs.toFixed(0)} ms; one-shot ${bo.toFixed(0)} ms; one-shot / server ${(bo / bs).toFixed(3)}, their analysis parts ${((bo - bp) / (bs - bp)).toFixed(3)}`);

    if (runs === 0) return;
    const targets = Array.from({ length: folders }, (_, i) => path.join('webresources', `area${String(i).padStart(2, '0')}`));
    const parser = process.argv.includes('--typescript-eslint') ? 'typescript-eslint' : 'espree';
    const { bare, withPlugin, findings } = await pluginOverhead(repo, runs, targets, parser);
    const b = median(bare);
    const w = median(withPlugin);
    console.log(`ESLint recommended (parser ${parser}) on ${folders * 100} files, ${runs} lints with the plugin (${findings} findings) each between two without: median with ${(w / 1000).toFixed(2)} s, without ${(b / 1000).toFixed(2)} s: +${((w / b - 1) * 100).toFixed(1)}%`);
    // Each lint with the plugin against the mean of the two around it: the spread the load gives.
    const each = withPlugin.map((ms, i) => (ms / ((bare[i]! + bare[i + 1]!) / 2) - 1) * 100);
    console.log(`  each lint with the plugin against the two around it: ${each.map(e => `${e >= 0 ? '+' : ''}${e.toFixed(1)}%`).join(', ')}`);
  } finally {
    repo.remove();
    console.log(`load average at end: ${load()}`);
  }
}

main().catch(error => {
  console.error(error instanceof Error ? error.stack : error);
  process.exitCode = 1;
});
