/**
 * The product as a person uses it, in VS Code in Chromium with the packaged VSIX: open a sample,
 * see its problems, apply the lightbulb fix, link a record from the palette and from the panel.
 * Steps build on each other (one session); each one saves a screenshot under test-results/.
 */
import * as assert from 'node:assert/strict';
import type { Browser, FrameLocator, Page } from 'playwright-core';
import { launchBrowser, openWorkbench, screenshot } from './support/browser';
import { loadHost } from './support/repo';
import { startSession, type Session } from './support/session';
import {
  SELECTORS, goToLine, openProblemsPanel, pick, quickOpen, runCommand, waitForProblems, waitForQuickInputTitle,
} from './support/workbench';

const FOCUSED = '7c1f4e2a-3b5d-4c6e-8f90-a1b2c3d4e5f6';
const VOICE = '9d8e7f60-1a2b-4c3d-9e8f-0a1b2c3d4e5f';
const PRINTER_CASE = 'c0ffee00-1234-4abc-9def-00112233aabb';

describe('e2e: as a person in VS Code', function () {
  this.timeout(120_000);
  let session: Session | undefined;
  let browser: Browser | undefined;
  let page: Page;

  before(async () => {
    session = await startSession();
    browser = await launchBrowser();
    const host = await loadHost();
    page = await openWorkbench(browser, host.workbenchUrl(session.server, { folder: session.workspace }));
  });

  afterEach(async function () {
    // A failed step leaves a picture of what the person would have seen.
    if (this.currentTest?.state === 'failed') await screenshot(page, `ui-failed-${this.currentTest.title.slice(0, 40).replace(/\W+/g, '-')}`).catch(() => undefined);
  });

  after(async () => {
    await browser?.close();
    await session?.dispose();
  });

  it('opens case-form.js with Ctrl+P and sees squiggles and its four problems', async () => {
    await quickOpen(page, 'case-form.js');
    const counts = await waitForProblems(page, c => c.errors + c.warnings >= 4);
    assert.deepEqual(counts, { errors: 1, warnings: 3, infos: 0 });
    await page.locator(SELECTORS.squigglyWarning).first().waitFor({ state: 'visible' });
    // The error ("Incident", line 47) is below the first screen: the editor renders only what is in view.
    await goToLine(page, 47, 50);
    await page.locator(SELECTORS.squigglyError).first().waitFor({ state: 'visible' });
    const rows = await openProblemsPanel(page);
    await rows.filter({ hasText: 'Incident' }).first().waitFor({ state: 'visible' });
    const labels = await rows.evaluateAll(elements => elements.map(e => e.getAttribute('aria-label') ?? ''));
    const ours = labels.filter(label => /omnichannel/i.test(label) || /linkToConversation|getId\(\)/.test(label));
    assert.ok(ours.length >= 4, `Expected the four findings in the Problems panel, got:\n${labels.join('\n')}`);
    await screenshot(page, 'ui-1-problems');
  });

  it('applies the lightbulb quick fix (Ctrl+.) for missing-ui-refresh and the warning goes', async () => {
    await page.locator('.editor-instance .view-lines').first().click();
    await goToLine(page, 34, 31);
    // The lightbulb appears once VS Code has the code actions for the cursor; Ctrl+. before that can come up empty.
    await page.locator(SELECTORS.lightbulb).first().waitFor({ state: 'visible' });
    await page.keyboard.press('Control+.');
    const fix = page.locator(SELECTORS.actionWidgetRow, { hasText: 'Refresh the UI on success' }).first();
    await fix.waitFor({ state: 'visible' });
    await screenshot(page, 'ui-2-lightbulb');
    // The preferred fix is the focused first row (the menu blocks pointer events while it opens): Enter takes it.
    await page.locator(`${SELECTORS.actionWidgetRow}.focused`, { hasText: 'Refresh the UI on success' }).waitFor({ state: 'visible' });
    await page.keyboard.press('Enter');
    const counts = await waitForProblems(page, c => c.warnings === 2);
    assert.deepEqual(counts, { errors: 1, warnings: 2, infos: 0 });
    await page.locator('.editor-instance .view-line', { hasText: 'getFocusedTab().refresh()' }).first().waitFor({ state: 'visible' });
    await screenshot(page, 'ui-3-fixed');
  });

  it('runs "Omnichannel: Link Record to Conversation…" through its quick picks', async () => {
    await runCommand(page, 'Omnichannel: Link Record to Conversation…');
    await waitForQuickInputTitle(page, 'Link record (1/3)');
    await pick(page, /^\s*Case/);
    await waitForQuickInputTitle(page, 'Link record (2/3)');
    await page.locator(SELECTORS.quickInput).fill('VAT');
    await pick(page, 'CAS-01031');
    await waitForQuickInputTitle(page, 'Link record (3/3)');
    await screenshot(page, 'ui-4-pick-conversation');
    await pick(page, 'Invoice shows the wrong VAT rate');
    // The outcome notification (not the "Linking incident in Simulator" progress one).
    const toast = page.locator(SELECTORS.notification, { hasText: /Simulator: Linked|Could not link/ }).first();
    await toast.waitFor({ state: 'visible' });
    await screenshot(page, 'ui-5-linked-from-palette');
    assert.match(await toast.innerText(), /Simulator: Linked case CAS-01031[^\n]* to the conversation “Invoice shows the wrong VAT rate” \(voice\)/);
  });

  it('opens the Omnichannel panel, links a record, and sees the outcome, the history and the new link', async () => {
    await page.locator('.activitybar .action-label[aria-label^="Omnichannel"]').first().click();
    const panel = webview(page);
    // The palette's call of the previous step already shows in the panel's conversations and history.
    await panel.locator(`li.conversation[data-id="${VOICE}"]`, { hasText: 'CAS-01031' }).waitFor({ state: 'visible', timeout: 30_000 });
    await panel.locator('#record-id input').fill(PRINTER_CASE);
    const link = panel.locator('#link');
    await panel.locator('#link:not([disabled])').waitFor({ state: 'visible' });
    await link.click();
    const outcome = panel.locator('#outcome.outcome-success', { hasText: 'CAS-01024' });
    await outcome.waitFor({ state: 'visible' });
    assert.match(await outcome.locator('.summary').innerText(), /^Linked case CAS-01024: Printer offline after firmware update to the conversation with .+ \(chat\)$/);
    await panel.locator(`li.conversation[data-id="${FOCUSED}"]`, { hasText: 'CAS-01024' }).waitFor({ state: 'visible' });
    const history = panel.locator('#history .history-entry.ok');
    await history.nth(1).waitFor({ state: 'visible' });
    assert.equal(await history.count(), 2, 'The history should hold the palette call and the panel call');
    await screenshot(page, 'ui-6-panel');
  });
});

/** The panel's content: a webview is an iframe holding the active frame with the page. */
function webview(page: Page): FrameLocator {
  return page.frameLocator('iframe.webview.ready').frameLocator('#active-frame');
}
