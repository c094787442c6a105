/**
 * Reports each test of an inner run (inside VS Code) as its own outer mocha test, so a failure names the
 * inner test and its error. An inner test that did not run is skipped here, except with CI=true, where
 * it is a failure.
 */
import * as assert from 'node:assert/strict';
import { Test } from 'mocha';
import type { ExtensionTestRun } from './extension-tests';

export function addInnerTests(suite: Mocha.Suite | undefined, run: ExtensionTestRun): void {
  for (const result of run.results) {
    suite?.addTest(new Test(result.fullTitle, function (this: Mocha.Context) {
      if (result.state === 'failed') assert.fail(result.error ?? 'failed');
      if (result.state === 'pending') {
        // In CI a test that did not run hides whatever it should have caught.
        if (process.env.CI === 'true') assert.fail(`${result.fullTitle} did not run inside VS Code (pending), and CI=true makes that a failure: make it run, or remove it.`);
        this.skip();
      }
    }));
  }
}

/** The whole run passed: it reported tests, none failed, and the workbench exited with 0. */
export function assertRunPassed(run: ExtensionTestRun): void {
  assert.ok(run.results.length > 0, `The inner run reported no tests (exit code ${run.exitCode}). Its log:\n${run.log}`);
  const failed = run.results.filter(r => r.state === 'failed').map(r => r.fullTitle);
  assert.deepEqual(failed, [], `Inner failures:\n${failed.join('\n')}`);
  assert.equal(run.exitCode, 0, `The workbench reported exit code ${run.exitCode}. Its log:\n${run.log}`);
}
