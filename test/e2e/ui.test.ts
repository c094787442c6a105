/**
 * The product as a person uses it, in VS Code in Chromium with the packaged VSIX: open a sample,
 * see its problems, apply the lightbulb fix, link a record from the palette and from the panel.
 * Steps build on each other (one session); each one saves a screenshot under test-results/.
 */
import * as assert from 'node:assert/strict';
import type { FrameLocator, Page } from 'playwright-core';
import { screenshot } from './support/browser';
import { useWorkbench } from './support/use-workbench';
import {
  SELECTORS, goToLine, openProblemsPanel, pick, quickOpen, runCommand, waitForProblems, waitForQuickInputTitle,
} from './support/workbench';

const FOCUSED = '7c1f4e2a-3b5d-4c6e-8f90-a1b2c3d4e5f6';
const VOICE = '9d8e7f60-1a2b-4c3d-9e8f-0a1b2c3d4e5f';
const PRINTER_CASE = 'c0ffee00-1234-4abc-9def-00112233aabb';

describe('e2e: as a person in VS Code', function () {
  this.timeout(120_000);
  const workbench = useWorkbench('ui');

  it('opens case-form.js with Ctrl+P and sees squiggles and its four problems', async () => {
    await quickOpen(workbench.page, 'case-form.js');
    const counts = await waitForProblems(workbench.page, c => c.errors + c.warnings >= 4);
    assert.deepEqual(counts, { errors: 1, warnings: 3, infos: 0 });
    await workbench.page.locator(SELECTORS.squigglyWarning).first().waitFor({ state: 'visible' });
    // The error ("Incident", line 47) is below the first screen: the editor renders only what is in view.
    await goToLine(workbench.page, 47, 50);
    await workbench.page.locator(SELECTORS.squigglyError).first().waitFor({ state: 'visible' });
    const rows = await openProblemsPanel(workbench.page);
    await rows.filter({ hasText: 'Incident' }).first().waitFor({ state: 'visible' });
    const labels = await rows.evaluateAll(elements => elements.map(e => e.getAttribute('aria-label') ?? ''));
    const ours = labels.filter(label => /omnichannel/i.test(label) || /linkToConversation|getId\(\)/.test(label));
    assert.ok(ours.length >= 4, `Expected the four findings in the Problems panel, got:\n${labels.join('\n')}`);
    await screenshot(workbench.page, 'ui-1-problems');
  });

  it('applies the lightbulb quick fix (Ctrl+.) for missing-ui-refresh and the warning goes', async () => {
    await workbench.page.locator('.editor-instance .view-lines').first().click();
    await goToLine(workbench.page, 34, 31);
    // The lightbulb appears once VS Code has the code actions for the cursor; Ctrl+. before that can come up empty.
    await workbench.page.locator(SELECTORS.lightbulb).first().waitFor({ state: 'visible' });
    await workbench.page.keyboard.press('Control+.');
    const fix = workbench.page.locator(SELECTORS.actionWidgetRow, { hasText: 'Refresh the UI on success' }).first();
    await fix.waitFor({ state: 'visible' });
    await screenshot(workbench.page, 'ui-2-lightbulb');
    // The preferred fix is the focused first row (the menu blocks pointer events while it opens): Enter takes it.
    await workbench.page.locator(`${SELECTORS.actionWidgetRow}.focused`, { hasText: 'Refresh the UI on success' }).waitFor({ state: 'visible' });
    await workbench.page.keyboard.press('Enter');
    const counts = await waitForProblems(workbench.page, c => c.warnings === 2);
    assert.deepEqual(counts, { errors: 1, warnings: 2, infos: 0 });
    await workbench.page.locator('.editor-instance .view-line', { hasText: 'getFocusedTab().refresh()' }).first().waitFor({ state: 'visible' });
    await screenshot(workbench.page, 'ui-3-fixed');
  });

  it('runs "Omnichannel: Link Record to Conversation…" through its quick picks', async () => {
    await runCommand(workbench.page, 'Omnichannel: Link Record to Conversation…');
    await waitForQuickInputTitle(workbench.page, 'Link record (1/3)');
    await pick(workbench.page, /^\s*Case/);
    await waitForQuickInputTitle(workbench.page, 'Link record (2/3)');
    await workbench.page.locator(SELECTORS.quickInput).fill('VAT');
    await pick(workbench.page, 'CAS-01031');
    await waitForQuickInputTitle(workbench.page, 'Link record (3/3)');
    await screenshot(workbench.page, 'ui-4-pick-conversation');
    await pick(workbench.page, 'Invoice shows the wrong VAT rate');
    // The outcome notification (not the "Linking incident in Simulator" progress one).
    const toast = workbench.page.locator(SELECTORS.notification, { hasText: /Simulator: Linked|Could not link/ }).first();
    await toast.waitFor({ state: 'visible' });
    await screenshot(workbench.page, 'ui-5-linked-from-palette');
    assert.match(await toast.innerText(), /Simulator: Linked case CAS-01031[^\n]* to the conversation “Invoice shows the wrong VAT rate” \(voice\)/);
  });

  it('opens the Omnichannel panel, links a record, and sees the outcome, the history and the new link', async () => {
    await workbench.page.locator('.activitybar .action-label[aria-label^="Omnichannel"]').first().click();
    const panel = webview(workbench.page);
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
    await screenshot(workbench.page, 'ui-6-panel');
  });
});

/** The panel's content: a webview is an iframe holding the active frame with the page. */
function webview(page: Page): FrameLocator {
  return page.frameLocator('iframe.webview.ready').frameLocator('#active-frame');
}
