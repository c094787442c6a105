/**
 * The entry point VS Code's extension host loads as `extensionTestsPath`. Runs every `*.suite.js`
 * next to it with mocha and writes one record per test to the file named by OMNICHANNEL_SUITE_RESULTS,
 * so the Node-side runner can report each inner test as its own test. (The suites are not named
 * `*.test.js` so the plain Node mocha run, which has no `vscode` module, never loads them.)
 */
import { mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import Mocha from 'mocha';

interface Record {
  fullTitle: string;
  state: 'passed' | 'failed' | 'pending';
  error?: string;
}

export function run(): Promise<void> {
  return runSuitesIn(__dirname);
}

/** Runs every `*.suite.js` directly in `folder` (not in its subfolders: those are other runs). */
export async function runSuitesIn(folder: string): Promise<void> {
  const mocha = new Mocha({ ui: 'bdd', timeout: 60_000, color: false });
  for (const file of readdirSync(folder).filter(name => name.endsWith('.suite.js')).sort()) {
    mocha.addFile(join(folder, file));
  }
  await mocha.loadFilesAsync();
  const records: Record[] = [];
  const failures = await new Promise<number>(resolve => {
    const runner = mocha.run(resolve);
    runner.on('pass', test => records.push({ fullTitle: test.fullTitle(), state: 'passed' }));
    runner.on('pending', test => records.push({ fullTitle: test.fullTitle(), state: 'pending' }));
    runner.on('fail', (test, error: unknown) => records.push({
      fullTitle: test.fullTitle(),
      state: 'failed',
      error: error instanceof Error ? (error.stack ?? error.message) : String(error),
    }));
  });
  const resultsFile = process.env.OMNICHANNEL_SUITE_RESULTS;
  if (resultsFile) {
    mkdirSync(dirname(resultsFile), { recursive: true });
    writeFileSync(resultsFile, JSON.stringify(records, null, 2));
  }
  if (failures > 0) throw new Error(`${failures} extension host test(s) failed.`);
}
