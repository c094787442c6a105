/**
 * The extension in an untrusted workspace (Restricted Mode), inside a real VS Code: runs the suites of
 * test/vscode-suite/untrusted/ in a session that keeps workspace trust on, so the samples copy opens
 * untrusted. Each inner test is reported as its own test here.
 */
import { runExtensionTests, UNTRUSTED_SUITE_INDEX, type ExtensionTestRun } from './support/extension-tests';
import { addInnerTests, assertRunPassed } from './support/inner-tests';

describe('e2e: in an untrusted workspace (Restricted Mode)', function () {
  this.timeout(300_000);
  let run: ExtensionTestRun;

  before(async function () {
    run = await runExtensionTests({ suiteIndex: UNTRUSTED_SUITE_INDEX, untrustedWorkspace: true });
    addInnerTests(this.test?.parent, run);
  });

  it('finishes the inner run with every test passing', () => {
    assertRunPassed(run);
  });
});
