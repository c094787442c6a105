/**
 * The palette's link flow and the Omnichannel panel as a person uses them, in VS Code in Chromium with
 * the packaged VSIX: numbered steps with Back, conversations that cannot be linked shown apart, a
 * success with Undo, history entries with names and their menu, fifty conversations with the filter, the
 * panel at the sidebar's narrow default width and a wide one, and a real environment (on 127.0.0.1) that
 * needs sign-in showing a Sign In button. The workspace's simulator seed is replaced by one with fifty
 * conversations (the sample's four and forty-six more). Every step saves a screenshot under test-results/.
 */
import * as assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'jsonc-parser';
import type { FrameLocator, Page } from 'playwright-core';
import { screenshot } from './support/browser';
import { useWorkbench } from './support/use-workbench';
import { SELECTORS, goToLine, pick, quickOpen, runCommand, waitForQuickInputTitle } from './support/workbench';

const VOICE = '9d8e7f60-1a2b-4c3d-9e8f-0a1b2c3d4e5f';
const VAT_CASE = 'CAS-01031: Wrong VAT rate on invoice';
/** The port nothing listens on: the environment is never reached, because it needs a sign-in first. */
const LOCAL_ENVIRONMENT = { name: 'Contoso (local)', url: 'http://127.0.0.1:9' };

/** The sample seed with forty-six more conversations, so the panel holds fifty. */
function fiftyConversationSeed(sample: string): string {
  const seed = parse(readFileSync(sample, 'utf8')) as { conversations: object[] };
  const extra = Array.from({ length: 46 }, (_, n) => ({
    id: `${[36, 6, 1].map(d => 'abcdef'[Math.floor(n / d) % 6]).join('')}eeeee-0000-4000-8000-00000000e2e0`,
    title: `${['Chat', 'Voice', 'SMS'][n % 3]}: Question from the queue, number ${n + 5}`,
    statuscode: n % 7 === 6 ? 5 : 2,
    createdOn: '2025-03-05T10:00:00Z',
    customer: null,
    case: null,
  }));
  return JSON.stringify({ ...seed, conversations: [...seed.conversations, ...extra] }, null, 2);
}

describe('e2e: the palette link flow and the panel', function () {
  this.timeout(180_000);
  const workbench = useWorkbench('link-panel', {
    settings: { 'omnichannel.trustedHosts': ['127.0.0.1:9'] },
    prepare: session => {
      const seedFile = join(session.workspace, '.omnichannel', 'simulator.json');
      writeFileSync(seedFile, fiftyConversationSeed(seedFile));
      writeFileSync(join(session.workspace, '.omnichannel', 'environments.json'), JSON.stringify({
        environments: [{ ...LOCAL_ENVIRONMENT, production: false, authentication: { type: 'microsoft' } }],
      }, null, 2));
    },
  });

  before(async () => {
    // The extension's contributions (its activity bar icon, its commands) appear once VS Code has scanned it.
    await workbench.page.locator('.activitybar .action-label[aria-label^="Omnichannel"]').first().waitFor({ state: 'visible', timeout: 60_000 });
  });

  it('links from the palette in numbered steps, with Back, and the unlinkable conversations apart', async () => {
    await runCommand(workbench.page, 'Omnichannel: Link Record to Conversation…');
    await waitForQuickInputTitle(workbench.page, 'Link record (1/3)');
    // The kinds of record by their display names, not logical names.
    await workbench.page.locator(SELECTORS.quickInputRow, { hasText: 'Case' }).first().waitFor({ state: 'visible' });
    await screenshot(workbench.page, 'link-panel-1-step-kind');
    await pick(workbench.page, /^\s*Case/);
    await waitForQuickInputTitle(workbench.page, 'Link record (2/3)');
    assert.match(await workbench.page.locator('.quick-input-widget .quick-input-box input').getAttribute('placeholder') ?? '', /^Which case\?/);
    await workbench.page.locator(SELECTORS.quickInput).fill('VAT');
    await pick(workbench.page, VAT_CASE);
    await waitForQuickInputTitle(workbench.page, 'Link record (3/3)');

    // Back returns to the record step; picking again comes back here.
    await backButton(workbench.page).click();
    await waitForQuickInputTitle(workbench.page, 'Link record (2/3)');
    await screenshot(workbench.page, 'link-panel-2-back-to-record');
    await workbench.page.locator(SELECTORS.quickInput).fill('VAT');
    await pick(workbench.page, VAT_CASE);
    await waitForQuickInputTitle(workbench.page, 'Link record (3/3)');

    // Fifty conversations: the refused ones are at the end, under their separator (Ctrl+End goes there).
    await workbench.page.keyboard.press('Control+End');
    await workbench.page.locator('.quick-input-widget').getByText('Cannot be linked', { exact: true }).first().waitFor({ state: 'visible' });
    await screenshot(workbench.page, 'link-panel-3-cannot-be-linked');
    // Filtering hides separators, so each refused row says it too.
    await workbench.page.locator(SELECTORS.quickInput).fill('Password reset');
    const closed = workbench.page.locator(SELECTORS.quickInputRow, { hasText: 'SMS: Password reset (closed)' }).first();
    await closed.waitFor({ state: 'visible' });
    assert.match(await closed.innerText(), /Closed · cannot be linked[\s\S]*Closed: links are accepted only on active conversations/);
    // Picking one keeps the step open and says why at the top.
    await closed.click();
    const refusal = workbench.page.locator(SELECTORS.quickInputRow, { hasText: /cannot be linked: Closed/ }).first();
    await refusal.waitFor({ state: 'visible' });
    await waitForQuickInputTitle(workbench.page, 'Link record (3/3)');
    await screenshot(workbench.page, 'link-panel-4-refused');

    await workbench.page.locator(SELECTORS.quickInput).fill('VAT');
    await pick(workbench.page, 'Invoice shows the wrong VAT rate');
    const toast = workbench.page.locator(SELECTORS.notification, { hasText: 'Simulator: Linked case' }).first();
    await toast.waitFor({ state: 'visible' });
    assert.match(await toast.innerText(), /Simulator: Linked case CAS-01031: Wrong VAT rate on invoice to the conversation “Invoice shows the wrong VAT rate” \(voice\)\./);
    for (const action of ['Undo', 'Show in Panel', 'Copy as Code']) await toast.getByRole('button', { name: action }).waitFor({ state: 'visible' });
    await screenshot(workbench.page, 'link-panel-5-linked-with-undo');

    await toast.getByRole('button', { name: 'Undo' }).click();
    const undone = workbench.page.locator(SELECTORS.notification, { hasText: 'Simulator: Unlinked case CAS-01031' }).first();
    await undone.waitFor({ state: 'visible' });
    await screenshot(workbench.page, 'link-panel-6-undone');
    // Copy as Code confirms in the status bar.
    await undone.getByRole('button', { name: 'Copy as Code' }).click();
    await workbench.page.locator('.statusbar', { hasText: 'Copied the call as code to the clipboard' }).waitFor({ state: 'visible' });
    await screenshot(workbench.page, 'link-panel-6b-copied');
  });

  it('shows the latest call and a history of sentences with a menu in the panel', async () => {
    await workbench.page.locator('.activitybar .action-label[aria-label^="Omnichannel"]').first().click();
    const panel = webview(workbench.page);
    const entries = panel.locator('#history li[data-id]');
    await entries.nth(1).waitFor({ state: 'visible', timeout: 30_000 });
    assert.equal(await entries.count(), 2, 'the palette call and its Undo');
    assert.match(await panel.locator('#outcome .summary').innerText(), /^Unlinked case CAS-01031: Wrong VAT rate on invoice from the conversation “Invoice shows the wrong VAT rate” \(voice\)$/);
    assert.match(await entries.nth(1).locator('.card-meta').innerText(), /Simulator · from the palette$/);
    assert.doesNotMatch(await entries.nth(1).innerText(), /[0-9a-f]{8}-[0-9a-f]{4}|linkToConversation/, 'no GUID or method name in the entry itself');

    await entries.nth(1).locator('.entry-menu-button').click();
    const menu = entries.nth(1).locator('.entry-menu');
    await menu.getByText('Insert at Cursor').waitFor({ state: 'visible' });
    await screenshot(workbench.page, 'link-panel-7-history-menu');
    await menu.getByText('Copy as Code').click();
    await entries.nth(1).locator('.card-note').getByText('Copied to the clipboard').waitFor({ state: 'visible' });

    await entries.nth(1).locator('details.raw summary').click();
    assert.match(await entries.nth(1).locator('details.raw pre').innerText(), new RegExp(`"conversationId": "${VOICE}"`));
    await entries.nth(1).locator('details.raw pre').scrollIntoViewIfNeeded();
    await screenshot(workbench.page, 'link-panel-8-raw-json');
  });

  it('shows a call run from a code lens as the latest Outcome in the panel', async () => {
    await quickOpen(workbench.page, 'link-helpers.js');
    await goToLine(workbench.page, 50, 9);
    const lens = workbench.page.locator('.codelens-decoration a', { hasText: 'Run in Simulator' }).first();
    await lens.waitFor({ state: 'visible', timeout: 60_000 });
    await lens.click();
    const panel = webview(workbench.page);
    const outcome = panel.locator('#outcome .summary', { hasText: 'CAS-01024' });
    await outcome.waitFor({ state: 'visible' });
    assert.equal(await outcome.innerText(), 'Linked case CAS-01024: Printer offline after firmware update to the conversation with Nancy Anderson (chat)');
    assert.match(await panel.locator('#outcome .card-meta').innerText(), /Simulator · from a code lens$/);
    await screenshot(workbench.page, 'link-panel-9-outcome-from-code-lens');
  });

  it('keeps fifty conversations usable with the filter, narrow and wide', async () => {
    const panel = webview(workbench.page);
    await panel.locator('#conversation-count').getByText('50 open').waitFor({ state: 'visible' });
    await panel.locator('#conversation-filter input').fill('number 17');
    await panel.locator('#conversation-count').getByText('1 of 50 match').waitFor({ state: 'visible' });
    await panel.locator('#conversations li.conversation', { hasText: 'Question from the queue, number 17' }).click();
    await panel.locator('#conversations li.conversation.picked').waitFor({ state: 'visible' });
    await screenshot(workbench.page, 'link-panel-10-filter-narrow');
    await panel.locator('#conversation-filter input').fill('');
    await panel.locator('#conversation-count').getByText('50 open').waitFor({ state: 'visible' });
    await panel.locator('#call-section').scrollIntoViewIfNeeded();
    await screenshot(workbench.page, 'link-panel-11-narrow');

    // Drag the sidebar's edge as a person would, to about twice its default width.
    const sidebar = workbench.page.locator('.part.sidebar');
    const before = await sidebar.boundingBox();
    assert.ok(before, 'the sidebar is visible');
    const sash = workbench.page.locator('.monaco-sash.vertical');
    const edge = before.x + before.width;
    const candidates = await sash.evaluateAll(els => els.map(el => el.getBoundingClientRect()).map(r => ({ x: r.x + r.width / 2, y: r.y + r.height / 2, h: r.height })));
    const target = candidates.filter(c => Math.abs(c.x - edge) < 6 && c.h > 200)[0];
    assert.ok(target, `no sash at the sidebar's edge (x=${edge}) among ${JSON.stringify(candidates)}`);
    await workbench.page.mouse.move(target.x, target.y);
    await workbench.page.mouse.down();
    await workbench.page.mouse.move(target.x + 300, target.y, { steps: 8 });
    await workbench.page.mouse.up();
    const after = await sidebar.boundingBox();
    assert.ok(after && after.width > before.width + 200, `the sidebar did not widen (${before.width} → ${after?.width})`);
    await panel.locator('#conversation-count').getByText('50 open').waitFor({ state: 'visible' });
    await screenshot(workbench.page, 'link-panel-12-wide');
    // Back to the default width for the steps that follow.
    await workbench.page.mouse.move(target.x + 300, target.y);
    await workbench.page.mouse.down();
    await workbench.page.mouse.move(target.x, target.y, { steps: 8 });
    await workbench.page.mouse.up();
  });

  it('offers a Sign In button for a real environment that needs sign-in', async () => {
    await runCommand(workbench.page, 'Omnichannel: Select Environment…');
    await pick(workbench.page, LOCAL_ENVIRONMENT.name);
    const panel = webview(workbench.page);
    await panel.locator('#environment-name', { hasText: LOCAL_ENVIRONMENT.name }).waitFor({ state: 'visible' });
    const signIn = panel.locator('#sign-in');
    await signIn.waitFor({ state: 'visible', timeout: 30_000 });
    assert.match(await panel.locator('#conversations-problem').innerText(), /Sign in to Contoso \(local\) to list its conversations/);
    assert.doesNotMatch(await panel.locator('#conversations-problem').innerText(), /Omnichannel: Sign In to Environment/, 'a button, not a sentence naming a command');
    await screenshot(workbench.page, 'link-panel-13-sign-in');
    await signIn.click();
    // The button runs the sign-in: VS Code asks whether the extension may sign in with a Microsoft account.
    const dialog = workbench.page.locator('.monaco-dialog-box', { hasText: /sign in/i });
    await dialog.waitFor({ state: 'visible' });
    await screenshot(workbench.page, 'link-panel-14-sign-in-started');
    await workbench.page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'hidden' });
    await signIn.waitFor({ state: 'visible' });
  });
});

/** The Back button of the open quick input's title bar. */
function backButton(page: Page) {
  return page.locator('.quick-input-widget .quick-input-titlebar .action-label[aria-label^="Back"]').first();
}

/** The panel's content: a webview is an iframe holding the active frame with the page. */
function webview(page: Page): FrameLocator {
  return page.frameLocator('iframe.webview.ready').frameLocator('#active-frame');
}
