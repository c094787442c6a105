/**
 * Runs test/vscode-suite inside a real VS Code extension host (code-server) with the packaged VSIX,
 * and reports every inner test as its own test here, so a failure names the inner test and its error.
 * An inner test that did not run is skipped here too, except with CI=true, where it is a failure.
 */
import * as assert from 'node:assert/strict';
import { Test } from 'mocha';
import { runExtensionTests, type ExtensionTestRun } from './support/extension-tests';

describe('e2e: in the VS Code extension host', function () {
  this.timeout(300_000);
  let run: ExtensionTestRun;

  before(async function () {
    run = await runExtensionTests();
    // One test per inner test, added before this suite's tests run.
    for (const result of run.results) {
      const test = new Test(result.fullTitle, function (this: Mocha.Context) {
        if (result.state === 'failed') assert.fail(result.error ?? 'failed');
        if (result.state === 'pending') {
          // In CI a test that did not run hides whatever it should have caught.
          if (process.env.CI === 'true') assert.fail(`${result.fullTitle} did not run inside VS Code (pending), and CI=true makes that a failure: make it run, or remove it.`);
          this.skip();
        }
      });
      this.test?.parent?.addTest(test);
    }
  });

  it('finishes the inner run with every test passing', () => {
    assert.ok(run.results.length > 0, `The inner run reported no tests (exit code ${run.exitCode}). Its log:\n${run.log}`);
    const failed = run.results.filter(r => r.state === 'failed').map(r => r.fullTitle);
    assert.deepEqual(failed, [], `Inner failures:\n${failed.join('\n')}`);
    assert.equal(run.exitCode, 0, `The workbench reported exit code ${run.exitCode}. Its log:\n${run.log}`);
  });
});
