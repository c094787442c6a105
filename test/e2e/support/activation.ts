/**
 * Measures what a user waits for, for the benchmark: how long the extension takes to activate, how
 * long from opening a sample file until its diagnostics show, and how big the VSIX is.
 *
 * Where the numbers come from: the extension host log (user-data/logs/<time>/exthost1/remoteexthost.log)
 * records the start of each activation as
 *   `<date> <time> [info] ExtensionService#_doActivateExtension <id>, startup: false, activationEvent: 'onLanguage:javascript'`
 * but not its duration (VS Code sends that only as telemetry, which is off). The duration is read from
 * the workbench's "Developer: Show Running Extensions" view, which shows VS Code's own measurement: code
 * loading plus the `activate` call (not the promise it returns). Open-to-diagnostics is timed in the page,
 * from the Enter that opens the file to the Problems status bar item changing.
 */
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadHost, packageVersion } from './repo';
import { launchBrowser, openWorkbench, screenshot } from './browser';
import { startSession } from './session';
import { ensureBaselineVsix } from './vsix';
import { SELECTORS, problemCounts, runCommand } from './workbench';

export interface ActivationMeasurement {
  /** From loading the workbench page to its Problems status item being there (workbench restored), in ms. */
  readonly workbenchMs: number;
  /** VS Code's activation time for the extension, in ms (Running Extensions view). */
  readonly activationMs: number;
  /**
   * With `baseline`: VS Code's activation time, in the same session, for bench/baseline-extension (same
   * activation events, an empty `activate`). What it shows is what the extension host charges any
   * extension activated at that moment, whatever its code.
   */
  readonly baselineActivationMs?: number;
  /** The event that activated it, from the extension host log (e.g. `onLanguage:javascript`). */
  readonly activationEvent: string;
  /** The extension host log line that records the activation. */
  readonly activationLogLine: string;
  /** From opening the sample file (Enter in quick open) to the Problems count changing, in ms. */
  readonly openToDiagnosticsMs: number;
  /** The Problems count after the file's diagnostics arrived. */
  readonly problems: { errors: number; warnings: number; infos: number };
  readonly vsixPath: string;
  readonly vsixBytes: number;
}

declare const MutationObserver: new (callback: () => void) => { observe(target: unknown, options: object): void; disconnect(): void };
declare const performance: { now(): number };

interface TimingWindow { __openAt?: number; __problemsAt?: number }

/** Starts code-server with the VSIX, opens `file` (relative to samples/) and measures; cleans up after. */
export async function measureActivation(options: { file?: string; timeoutMs?: number; baseline?: boolean } = {}): Promise<ActivationMeasurement> {
  const file = options.file ?? 'webresources/case-form.js';
  const timeout = options.timeoutMs ?? 60_000;
  const host = await loadHost();
  const session = await startSession(options.baseline ? { alsoInstall: [await ensureBaselineVsix()] } : {});
  const browser = await launchBrowser().catch(async (error: unknown) => { await session.dispose(); throw error; });
  try {
    const loading = Date.now();
    const page = await openWorkbench(browser, host.workbenchUrl(session.server, { folder: session.workspace }));
    const status = page.locator(SELECTORS.problemsStatus).first();
    await status.waitFor({ state: 'attached', timeout });
    const workbenchMs = Date.now() - loading;

    // Quick open up to the last step, then time from the Enter that opens the file.
    const name = file.split('/').pop() ?? file;
    await page.keyboard.press('Control+P');
    await page.locator(SELECTORS.quickInput).fill(name);
    await page.locator(SELECTORS.quickInputRow, { hasText: name }).first().waitFor({ state: 'visible', timeout });
    await status.evaluate(element => {
      const w = globalThis as TimingWindow;
      const before = element.getAttribute('aria-label');
      const observer = new MutationObserver(() => {
        if (element.getAttribute('aria-label') === before) return;
        w.__problemsAt = performance.now();
        observer.disconnect();
      });
      observer.observe(element, { attributes: true, attributeFilter: ['aria-label'], subtree: true });
      w.__openAt = performance.now();
    });
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => (globalThis as TimingWindow).__problemsAt !== undefined, undefined, { timeout });
    const openToDiagnosticsMs = await page.evaluate(() => {
      const w = globalThis as TimingWindow;
      return (w.__problemsAt ?? 0) - (w.__openAt ?? 0);
    });
    const problems = await problemCounts(page);

    await runCommand(page, 'Developer: Show Running Extensions');
    const shownTime = async (name: string): Promise<number> => {
      const time = page.locator(`.runtime-extensions-editor .monaco-list-row[aria-label="${name}"] .activation-time`);
      await time.waitFor({ state: 'visible', timeout });
      const shown = (await time.textContent()) ?? '';
      const value = Number(/([\d.]+)\s*ms/.exec(shown)?.[1] ?? NaN);
      if (!Number.isFinite(value)) throw new Error(`Unexpected activation time text for ${name} in Running Extensions: "${shown}".`);
      return value;
    };
    const activationMs = await shownTime(packageVersion().name);
    const baselineActivationMs = options.baseline ? await shownTime(BASELINE_NAME) : undefined;
    await screenshot(page, 'activation-running-extensions');

    const logged = activationLogLine(session.profile.userDataDir, extensionId());
    if (options.baseline) assertBaselineFirst(session.profile.userDataDir, logged.event);
    return {
      workbenchMs,
      activationMs,
      ...(baselineActivationMs === undefined ? {} : { baselineActivationMs }),
      activationEvent: logged.event,
      activationLogLine: logged.line,
      openToDiagnosticsMs: Math.round(openToDiagnosticsMs),
      problems,
      vsixPath: session.vsix,
      vsixBytes: statSync(session.vsix).size,
    };
  } finally {
    await browser.close();
    await session.dispose();
  }
}

/** bench/baseline-extension's `name`, which labels its row in Running Extensions, and its id. */
const BASELINE_NAME = 'activation-baseline';
const BASELINE_ID = `omnichannel-tools.${BASELINE_NAME}`;

function extensionId(): string {
  const manifest = packageVersion() as { name: string; publisher?: string };
  return `${manifest.publisher ?? 'omnichannel-tools'}.${manifest.name}`;
}

/** The extension host log files under the profile's log folder. */
function hostLogs(userDataDir: string): string[] {
  const logs = join(userDataDir, 'logs');
  const files: string[] = [];
  const walk = (dir: string): void => {
    if (!existsSync(dir)) return;
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (/exthost\.log$/i.test(entry.name)) files.push(path);
    }
  };
  walk(logs);
  return files;
}

/** Finds the extension host log's activation line for `id` under the profile's log folder. */
export function activationLogLine(userDataDir: string, id: string): { line: string; event: string } {
  const files = hostLogs(userDataDir);
  const pattern = new RegExp(`^.*ExtensionService#_doActivateExtension ${id.replace(/\./g, '\\.')}, startup: \\w+, activationEvent: '([^']+)'.*$`, 'm');
  for (const path of files) {
    const match = pattern.exec(readFileSync(path, 'utf8'));
    if (match) return { line: match[0], event: match[1] ?? '' };
  }
  throw new Error(`No activation of ${id} in the extension host logs under ${join(userDataDir, 'logs')} (${files.length} log file(s) read).`);
}

/**
 * The extension host starts loading every extension an event activates in one loop, then loads their code
 * in that order: each one's time runs from the loop to the end of its own load, so it includes the loads
 * before it (the built-in TypeScript extension's, first). The baseline measures that only if it comes
 * before ours: it does in this host, and this checks it.
 */
function assertBaselineFirst(userDataDir: string, event: string): void {
  const ids = hostLogs(userDataDir).flatMap(path => [...readFileSync(path, 'utf8')
    .matchAll(/ExtensionService#_doActivateExtension ([\w.-]+), startup: \w+, activationEvent: '([^']+)'/g)]
    .filter(match => match[2] === event).map(match => match[1]!));
  const baseline = ids.indexOf(BASELINE_ID);
  const ours = ids.indexOf(extensionId());
  if (baseline < 0 || ours < 0 || baseline > ours) {
    throw new Error(`The baseline extension must be activated before ours by ${event} to be a baseline; the extension host activated: ${ids.join(', ')}.`);
  }
}

export interface FirstDiagnostics {
  /** From opening the file (Enter in quick open) to the first of our findings in the Problems panel, in ms. */
  readonly oursMs: number;
  /** From the same moment to the first of the built-in TypeScript's findings for the same file, in ms. */
  readonly typeScriptMs: number;
  /** The Problems rows seen when both had arrived, for the record. */
  readonly rows: readonly string[];
}

interface RaceWindow { __openAt?: number; __oursAt?: number; __tsAt?: number; __rows?: string[] }

/**
 * In a fresh VS Code session whose first opened file is a TypeScript sample with both kinds of problem, times our first diagnostics against the built-in TypeScript's, both from the same Enter, as rows
 * of the Problems panel (the rows name their source: "generated by omnichannel" or "generated by ts").
 */
export async function measureFirstDiagnostics(options: { timeoutMs?: number } = {}): Promise<FirstDiagnostics> {
  const timeout = options.timeoutMs ?? 90_000;
  const host = await loadHost();
  const session = await startSession();
  // The TypeScript sample compiles cleanly, so TypeScript would report nothing: a copy of it with one type
  // error gives both a finding to report in the same file.
  const file = 'webresources/first-diagnostics.ts';
  const sample = readFileSync(join(session.workspace, 'webresources', 'conversation-panel.ts'), 'utf8');
  writeFileSync(join(session.workspace, file), `${sample}\nexport const notANumber: number = "42";\n`);
  const browser = await launchBrowser().catch(async (error: unknown) => { await session.dispose(); throw error; });
  try {
    const page = await openWorkbench(browser, host.workbenchUrl(session.server, { folder: session.workspace }));
    await page.locator(SELECTORS.problemsStatus).first().waitFor({ state: 'attached', timeout });
    await page.keyboard.press('Control+Shift+M');
    await page.locator('.markers-panel').first().waitFor({ state: 'attached', timeout });
    const name = file.split('/').pop() ?? file;
    await page.keyboard.press('Control+P');
    await page.locator(SELECTORS.quickInput).fill(name);
    await page.locator(SELECTORS.quickInputRow, { hasText: name }).first().waitFor({ state: 'visible', timeout });
    await page.locator('.markers-panel').first().evaluate(panel => {
      const w = globalThis as RaceWindow;
      const check = (): void => {
        const labels = Array.from((panel as { querySelectorAll(s: string): ArrayLike<{ getAttribute(n: string): string | null }> }).querySelectorAll('.monaco-list-row'))
          .map(row => row.getAttribute('aria-label') ?? '');
        if (w.__oursAt === undefined && labels.some(label => /generated by omnichannel$/.test(label))) w.__oursAt = performance.now();
        if (w.__tsAt === undefined && labels.some(label => /generated by ts$/.test(label))) w.__tsAt = performance.now();
        if (w.__oursAt !== undefined && w.__tsAt !== undefined) {
          w.__rows = labels;
          observer.disconnect();
        }
      };
      const observer = new MutationObserver(check);
      observer.observe(panel, { childList: true, subtree: true, attributes: true, attributeFilter: ['aria-label'] });
      w.__openAt = performance.now();
    });
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => (globalThis as RaceWindow).__rows !== undefined, undefined, { timeout }).catch(async (error: unknown) => {
      await screenshot(page, 'first-diagnostics-timeout');
      const seen = await page.locator(`.markers-panel .monaco-list-row`).evaluateAll(rows => rows.map(r => r.getAttribute('aria-label') ?? ''));
      const state = await page.evaluate(() => { const w = globalThis as RaceWindow; return JSON.stringify({ openAt: w.__openAt, oursAt: w.__oursAt, tsAt: w.__tsAt }); });
      throw new Error(`Not both kinds of problem in the Problems panel (${state}); rows:\n${seen.join('\n')}\n${String(error)}`);
    });
    const race = await page.evaluate(() => {
      const w = globalThis as RaceWindow;
      return { ours: (w.__oursAt ?? 0) - (w.__openAt ?? 0), ts: (w.__tsAt ?? 0) - (w.__openAt ?? 0), rows: w.__rows ?? [] };
    });
    await screenshot(page, 'first-diagnostics-ours-and-typescript');
    return { oursMs: Math.round(race.ours), typeScriptMs: Math.round(race.ts), rows: race.rows };
  } finally {
    await browser.close();
    await session.dispose();
  }
}
