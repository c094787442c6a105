/** --jobs: a large run is linted on several threads with the same report, messages and fixes as on one. */
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { parseArgs } from '../src/args';
import { resolveSettings } from '../src/core';
import { FILES_PER_THREAD, processFilesInParallel, workersFor } from '../src/parallel';
import { processFiles } from '../src/process-files';
import { BAD, CLEAN, WARNS, useTempDir } from './support';

const SETTINGS = resolveSettings(undefined).settings;
const FIXABLE = 'Microsoft.Omnichannel.linkToConversation("Incident", "5a2a6a28-9f8e-4c38-9a4f-1a0b3c2d4e5f").then(() => Microsoft.Apm.refreshTab("t")).catch(e => e);\n';

describe('cli: --jobs', function () {
  this.timeout(60_000);
  const t = useTempDir();

  /** Enough files for worker threads, a mix of findings, a clean file, a fixable one and one that cannot be read. */
  function project(): string[] {
    const files: string[] = [];
    for (let i = 0; i < 3 * FILES_PER_THREAD; i++) {
      files.push(t.write(`web/f${String(i).padStart(3, '0')}.js`, [BAD, WARNS, CLEAN, FIXABLE][i % 4]!));
    }
    files.splice(7, 0, path.join(t.dir(), 'web', 'missing.js'));
    return files;
  }

  it('parses --jobs N and -j N, and rejects anything but a whole number of 1 or more', () => {
    assert.equal((parseArgs(['--jobs', '3', 'src']) as { jobs: number }).jobs, 3);
    assert.equal((parseArgs(['-j', '1', 'src']) as { jobs: number }).jobs, 1);
    assert.equal((parseArgs(['--jobs=2', 'src']) as { jobs: number }).jobs, 2);
    assert.equal((parseArgs(['src']) as { jobs: number | undefined }).jobs, undefined);
    for (const bad of ['0', '-1', 'two', '1.5']) {
      assert.match((parseArgs(['--jobs', bad, 'src']) as { error: string }).error, /--jobs takes a number of threads of 1 or more/);
    }
    assert.match((parseArgs(['src', '--jobs']) as { error: string }).error, /got nothing/);
  });

  it('uses worker threads only when there are enough files for them', () => {
    assert.equal(workersFor(8, FILES_PER_THREAD), 0);
    assert.equal(workersFor(1, 10_000), 0);
    assert.equal(workersFor(2, 2 * FILES_PER_THREAD), 1);
    assert.equal(workersFor(4, 3 * FILES_PER_THREAD), 2);
    assert.equal(workersFor(4, 100 * FILES_PER_THREAD), 3);
  });

  it('reports the same files, findings and messages, in the same order, on two threads as on one', () => {
    const files = project();
    const saidAlone: string[] = [];
    const alone = processFiles(files, t.dir(), SETTINGS, { fix: 'dry-run', errorOnUnreadable: true }, line => saidAlone.push(line));
    const saidTogether: string[] = [];
    const together = processFilesInParallel(files, t.dir(), SETTINGS, { fix: 'dry-run', errorOnUnreadable: true }, line => saidTogether.push(line), 2);
    assert.equal(together.workers, 1, 'a worker thread did part of the run');
    const { workers: _, ...result } = together;
    assert.deepEqual(result, alone);
    assert.deepEqual(saidTogether, saidAlone);
    assert.equal(alone.reports.length, files.length - 1);
    assert.equal(alone.unreadable.length, 1);
    assert.ok(alone.diffs.length > 0, 'the fixable files have diffs');
  });

  it('omnichannel-lint --jobs 2 prints what --jobs 1 prints and fixes the same files', () => {
    project();
    const one = t.cli('--jobs', '1', '--no-error-on-unreadable', 'web');
    const two = t.cli('--jobs', '2', '--no-error-on-unreadable', 'web');
    assert.equal(two.code, one.code);
    assert.equal(two.stdout, one.stdout);
    assert.equal(two.stderr, one.stderr);
    assert.match(one.stdout, new RegExp(`\\d+ problems \\(\\d+ errors, \\d+ warnings, 0 infos\\) in ${3 * FILES_PER_THREAD} files\\.`));

    const fixed = t.cli('--jobs', '2', '--fix', 'web');
    assert.match(fixed.stderr, /fixed \d+ files/);
    assert.match(readFileSync(path.join(t.dir(), 'web', 'f003.js'), 'utf8'), /linkToConversation\("incident"/);
  });
});
