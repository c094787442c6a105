/**
 * The benchmark's measurement helper keeps working: it finds the activation in the extension host
 * log and in Running Extensions (ours and the baseline extension's, which it checks was loaded first),
 * sees the sample's diagnostics arrive, and reports the VSIX size.
 * (Values are checked for plausibility only; how fast is the benchmark's business.)
 */
import * as assert from 'node:assert/strict';
import { measureActivation } from './support/activation';

describe('e2e: activation measurement helper', function () {
  this.timeout(180_000);

  it('measures activation (ours and the baseline extension\'s), open-to-diagnostics and the VSIX size for case-form.js', async () => {
    const measured = await measureActivation({ file: 'webresources/case-form.js', baseline: true });
    assert.equal(measured.activationEvent, 'onLanguage:javascript', measured.activationLogLine);
    assert.ok(measured.activationMs >= 0, `activation time ${measured.activationMs}`);
    assert.ok(measured.baselineActivationMs !== undefined && measured.baselineActivationMs >= 0, `baseline activation time ${measured.baselineActivationMs}`);
    assert.ok(measured.workbenchMs > 0, `workbench time ${measured.workbenchMs}`);
    assert.ok(measured.openToDiagnosticsMs > 0, `open-to-diagnostics ${measured.openToDiagnosticsMs}`);
    assert.ok(measured.problems.errors + measured.problems.warnings > 0, `no problems counted: ${JSON.stringify(measured.problems)}`);
    assert.ok(measured.vsixBytes > 1024, `VSIX of ${measured.vsixBytes} bytes`);
  });
});
