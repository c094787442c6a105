/**
 * Whole-workspace diagnostics in VS Code: with `omnichannel.diagnostics.workspace` on, the Problems panel
 * lists the findings of sample files nobody opened. Saves a screenshot under test-results/.
 */
import * as assert from 'node:assert/strict';
import { screenshot } from './support/browser';
import { useWorkbench } from './support/use-workbench';
import { openProblemsPanel, quickOpen, waitForProblems } from './support/workbench';

describe('e2e: whole-workspace diagnostics', function () {
  this.timeout(180_000);
  const workbench = useWorkbench('workspace-diagnostics', { settings: { 'omnichannel.diagnostics.workspace': true }, stepTimeout: 90_000 });

  it('lists the findings of files that are not open in the Problems panel', async () => {
    // The extension starts with the first script opened: link-helpers.js, which has no findings. case-form.js
    // (an error and three warnings) and conversation-panel.ts (three errors, one of them its braced id, and an info) stay closed.
    await quickOpen(workbench.page, 'link-helpers.js');
    const counts = await waitForProblems(workbench.page, c => c.errors + c.warnings + c.infos >= 8, 120_000);
    assert.deepEqual(counts, { errors: 4, warnings: 3, infos: 1 });
    const tabs = await workbench.page.locator('.tabs-container .tab').allInnerTexts();
    assert.ok(!tabs.some(t => /case-form|conversation-panel/.test(t)), `only link-helpers.js is open: ${tabs.join(', ')}`);
    const rows = await openProblemsPanel(workbench.page);
    await rows.filter({ hasText: 'case-form.js' }).first().waitFor({ state: 'visible' });
    await rows.filter({ hasText: 'conversation-panel.ts' }).first().waitFor({ state: 'visible' });
    const labels = await rows.evaluateAll(elements => elements.map(e => e.getAttribute('aria-label') ?? ''));
    assert.ok(labels.some(l => /Incident/.test(l)), `the invalid entity name in case-form.js is listed:\n${labels.join('\n')}`);
    await screenshot(workbench.page, 'workspace-diagnostics-problems');
  });
});
