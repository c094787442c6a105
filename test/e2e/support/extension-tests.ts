/**
 * Runs the mocha suite in test/vscode-suite INSIDE the real extension host, against the unpacked VSIX,
 * through the web workbench's `payload` (extensionDevelopmentPath + extensionTestsPath). The inner
 * suite writes one record per test to the file named by OMNICHANNEL_SUITE_RESULTS; the workbench calls
 * `window.codeAutomationExit(code)` when the run ends, which is the event this waits on.
 */
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { REPO_ROOT, loadHost } from './repo';
import { launchBrowser, screenshot } from './browser';
import { startSession, unpackVsix } from './session';

/** One test of the inner run, as test/vscode-suite/index.ts records it. */
export interface InnerTestResult {
  readonly fullTitle: string;
  readonly state: 'passed' | 'failed' | 'pending';
  readonly error?: string;
}

export interface ExtensionTestRun {
  /** The code the workbench reported (0 when every inner test passed). */
  readonly exitCode: number;
  readonly results: readonly InnerTestResult[];
  /** Everything the extension host's test run logged (mocha's own output among it). */
  readonly log: string;
}

export const SUITE_INDEX = join(REPO_ROOT, 'out', 'test', 'vscode-suite', 'index.js');

/** The suites that run only in an untrusted workspace (a separate entry point, never part of the run above). */
export const UNTRUSTED_SUITE_INDEX = join(REPO_ROOT, 'out', 'test', 'vscode-suite', 'untrusted', 'index.js');

export interface ExtensionTestOptions {
  readonly settings?: Record<string, unknown>;
  readonly timeoutMs?: number;
  /** The compiled entry point to load as `extensionTestsPath` (default: SUITE_INDEX). */
  readonly suiteIndex?: string;
  /** Open the workspace in Restricted Mode (see SessionOptions.untrustedWorkspace). */
  readonly untrustedWorkspace?: boolean;
}

export async function runExtensionTests(options: ExtensionTestOptions = {}): Promise<ExtensionTestRun> {
  const suiteIndex = options.suiteIndex ?? SUITE_INDEX;
  if (!existsSync(suiteIndex)) throw new Error(`${suiteIndex} does not exist: compile the tests first ("npx tsc -p .").`);
  const host = await loadHost();
  // Unique per run: two runs in one checkout must not read each other's results.
  const resultsFile = join(tmpdir(), `omnichannel-vscode-suite-${process.pid}-${Date.now()}.json`);
  const session = await startSession({
    installVsix: false,
    settings: options.settings ?? {},
    env: { OMNICHANNEL_SUITE_RESULTS: resultsFile },
    untrustedWorkspace: options.untrustedWorkspace ?? false,
  });
  const browser = await launchBrowser().catch(async (error: unknown) => { await session.dispose(); throw error; });
  try {
    const extension = await unpackVsix(session);
    const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    const log: string[] = [];
    const timeoutMs = options.timeoutMs ?? 240_000;
    let timer: NodeJS.Timeout | undefined;
    let exited: (code: number) => void = () => undefined;
    const exit = new Promise<number>((resolve, reject) => {
      exited = resolve;
      timer = setTimeout(() => reject(new Error(`The extension test run did not finish within ${timeoutMs} ms. Its log:\n${log.join('\n')}`)), timeoutMs);
    });
    let exitCode: number;
    try {
      await page.exposeFunction('codeAutomationExit', (code: number) => { exited(code); });
      await page.exposeFunction('codeAutomationLog', (type: string, args: unknown[]) => {
        log.push(`[${type}] ${args.map(a => typeof a === 'string' ? a : JSON.stringify(a)).join(' ')}`);
      });
      await page.goto(host.workbenchUrl(session.server, {
        folder: session.workspace,
        payload: [
          ['extensionDevelopmentPath', host.remoteUri(session.server, extension)],
          ['extensionTestsPath', host.remoteUri(session.server, suiteIndex)],
        ],
      }));
      exitCode = await exit;
    } finally {
      clearTimeout(timer);
    }
    await screenshot(page, 'vscode-suite-end').catch(() => undefined);
    const results = existsSync(resultsFile) ? JSON.parse(readFileSync(resultsFile, 'utf8')) as InnerTestResult[] : [];
    rmSync(resultsFile, { force: true });
    return { exitCode, results, log: log.join('\n') };
  } finally {
    await browser.close();
    await session.dispose();
  }
}
