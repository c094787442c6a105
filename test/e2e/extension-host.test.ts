/**
 * Runs test/vscode-suite inside a real VS Code extension host (code-server) with the packaged VSIX,
 * and reports every inner test as its own test here, so a failure names the inner test and its error.
 * An inner test that did not run is skipped here too, except with CI=true, where it is a failure.
 */
import { runExtensionTests, type ExtensionTestRun } from './support/extension-tests';
import { addInnerTests, assertRunPassed } from './support/inner-tests';

describe('e2e: in the VS Code extension host', function () {
  this.timeout(300_000);
  let run: ExtensionTestRun;

  before(async function () {
    run = await runExtensionTests();
    // One test per inner test, added before this suite's tests run.
    addInnerTests(this.test?.parent, run);
  });

  it('finishes the inner run with every test passing', () => {
    assertRunPassed(run);
  });
});
