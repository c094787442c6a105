/**
 * Whole-workspace diagnostics in VS Code: with `omnichannel.diagnostics.workspace` on, the Problems panel
 * lists the findings of sample files nobody opened. Saves a screenshot under test-results/.
 */
import * as assert from 'node:assert/strict';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, openWorkbench, screenshot } from './support/browser';
import { loadHost } from './support/repo';
import { startSession, type Session } from './support/session';
import { openProblemsPanel, quickOpen, waitForProblems } from './support/workbench';

describe('e2e: whole-workspace diagnostics', function () {
  this.timeout(180_000);
  let session: Session | undefined;
  let browser: Browser | undefined;
  let page: Page;

  before(async () => {
    session = await startSession({ settings: { 'omnichannel.diagnostics.workspace': true } });
    browser = await launchBrowser();
    const host = await loadHost();
    page = await openWorkbench(browser, host.workbenchUrl(session.server, { folder: session.workspace }));
    page.setDefaultTimeout(90_000);
  });

  after(async () => {
    await browser?.close();
    await session?.dispose();
  });

  it('lists the findings of files that are not open in the Problems panel', async () => {
    // The extension starts with the first script opened: link-helpers.js, which has no findings. case-form.js
    // (an error and three warnings) and conversation-panel.ts (three errors, one of them its braced id, and an info) stay closed.
    await quickOpen(page, 'link-helpers.js');
    const counts = await waitForProblems(page, c => c.errors + c.warnings + c.infos >= 8, 120_000);
    assert.deepEqual(counts, { errors: 4, warnings: 3, infos: 1 });
    const tabs = await page.locator('.tabs-container .tab').allInnerTexts();
    assert.ok(!tabs.some(t => /case-form|conversation-panel/.test(t)), `only link-helpers.js is open: ${tabs.join(', ')}`);
    const rows = await openProblemsPanel(page);
    await rows.filter({ hasText: 'case-form.js' }).first().waitFor({ state: 'visible' });
    await rows.filter({ hasText: 'conversation-panel.ts' }).first().waitFor({ state: 'visible' });
    const labels = await rows.evaluateAll(elements => elements.map(e => e.getAttribute('aria-label') ?? ''));
    assert.ok(labels.some(l => /Incident/.test(l)), `the invalid entity name in case-form.js is listed:\n${labels.join('\n')}`);
    await screenshot(page, 'workspace-diagnostics-problems');
  });
});
