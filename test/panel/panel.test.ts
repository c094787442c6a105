/**
 * The panel in headless Chromium: the host's real HTML and the bundled webview, answered by the real host
 * handler over the real simulator, driven as a user would (typing, picking, clicking).
 */
import * as assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import * as path from 'node:path';
import { SAMPLE_DATA, Simulator } from '../../src/backends/simulator';
import type { LinkBackend } from '../../src/backends/types';
import type { PanelEnvironment } from '../../src/protocol/webview';
import type { Page } from 'playwright-core';
import { PanelHarness } from './support/harness';
import { StandInBackend } from './support/stand-in-backend';

const conversation = (title: RegExp) => {
  const found = SAMPLE_DATA.conversations.find(c => title.test(c.title));
  if (!found) throw new Error(`The sample data has no conversation matching ${title}`);
  return found;
};
const INVOICE_CALL = conversation(/March invoice/);
const CLOSED_CHAT = conversation(/opening hours/);
const PRINTER_CASE = SAMPLE_DATA.records.incident.find(r => /Printer jams/.test(r.name))!;
const INVOICE_CASE = SAMPLE_DATA.records.incident.find(r => r.id === INVOICE_CALL.case?.id)!;

describe('panel (headless Chromium)', function () {
  let harness: PanelHarness;

  before(function () {
    const missing = PanelHarness.chromiumMissing();
    if (missing && process.env['CI'] === 'true') throw new Error(missing);
    if (missing) {
      console.warn(`Skipping the panel browser tests: ${missing}`);
      this.skip();
    }
  });

  async function openWith(backend: LinkBackend, environment?: PanelEnvironment): Promise<void> {
    harness = new PanelHarness(environment ? { backend, environment } : { backend });
    await harness.start();
    await harness.open();
  }

  afterEach(async function () {
    if (this.currentTest?.state === 'failed' && harness) console.error(harness.log.join('\n'));
    await harness?.stop();
  });

  /** Opens a toolkit select and clicks the option, as a user would. */
  async function choose(selectId: string, option: RegExp): Promise<void> {
    const select = harness.page.locator(`#${selectId}`);
    await select.click();
    await select.getByRole('option', { name: option }).click();
  }

  /** Opens an entry's "…" menu and chooses an item, as a user would. */
  async function chooseFromMenu(entry: ReturnType<Page['locator']>, label: string): Promise<void> {
    await entry.locator('.entry-menu-button').first().click();
    await entry.locator('.entry-menu').first().getByText(label).click();
  }

  const linkButton = () => harness.page.locator('#link');
  const isDisabled = async () => (await linkButton().getAttribute('disabled')) !== null;

  it('finds a record by name, links it, and shows the outcome, the new link and a history entry', async function () {
    await openWith(new Simulator({ seed: SAMPLE_DATA }));
    const page = harness.page;
    await choose('entity', /Case \(incident\)/);
    await page.locator('#record-search input').fill('printer');
    await page.locator('#search-results button.result').first().click();
    assert.equal(await page.locator('#record-id input').inputValue(), PRINTER_CASE.id);
    await choose('conversation', /March invoice/);

    const outcome = harness.next('outcome');
    await linkButton().click();
    const message = await outcome;
    assert.equal(message.outcome.status, 'success');
    assert.deepEqual(harness.toHost.find(m => (m as { type: string }).type === 'run'), {
      type: 'run', method: 'linkToConversation', request: { entityLogicalName: 'incident', recordId: PRINTER_CASE.id, conversationId: INVOICE_CALL.id },
    });

    await page.locator('#outcome.outcome-success').waitFor();
    const customer = SAMPLE_DATA.records.account.find(r => r.id === INVOICE_CALL.customer?.id)?.name ?? SAMPLE_DATA.records.contact.find(r => r.id === INVOICE_CALL.customer?.id)?.name;
    const sentence = `Linked case ${PRINTER_CASE.name} to the conversation with ${customer} (voice)`;
    assert.equal(await page.locator('#outcome .summary').innerText(), sentence);
    assert.match(await page.locator('#outcome .card-meta').innerText(), /Simulator · from the panel/);
    // The raw request and response are behind a disclosure, closed at first.
    assert.equal(await page.locator('#outcome details.raw pre').isVisible(), false);
    await page.locator('#outcome details.raw summary').click();
    assert.match(await page.locator('#outcome details.raw pre').innerText(), /"resolved": \{[\s\S]*"status": "success"/);
    const row = page.locator(`#conversations li[data-id="${INVOICE_CALL.id}"]`);
    await row.getByText(PRINTER_CASE.name).waitFor();
    const entry = page.locator('#history li[data-id]').first();
    await entry.waitFor();
    assert.equal(await entry.locator('.summary').innerText(), sentence);
    assert.deepEqual(await harness.cspViolations(), [], 'the UI works within its Content-Security-Policy');

    mkdirSync('test-results', { recursive: true });
    await page.screenshot({ path: path.join('test-results', 'panel.png'), fullPage: true });
  });

  it('shows an inline error for a bad record id and for braces (with the id to use), keeping Link disabled; normalises upper case', async function () {
    await openWith(new Simulator({ seed: SAMPLE_DATA }));
    const page = harness.page;
    const field = page.locator('#record-id input');
    await field.fill('not-a-guid');
    await page.locator('#record-help.error-text').getByText(/Not a GUID/).waitFor();
    assert.equal(await page.locator('#record-id').getAttribute('invalid'), '');
    assert.ok(await isDisabled(), 'Link is disabled while the id is invalid');

    // Braces are refused as the editor and the simulator refuse them, never stripped silently.
    await field.fill(`{${PRINTER_CASE.id.toUpperCase()}}`);
    await page.locator('#record-help.error-text').getByText(`Remove the braces from recordId: use "${PRINTER_CASE.id}".`).waitFor();
    assert.ok(await isDisabled(), 'Link is disabled while the id has braces');
    await field.press('Tab');
    assert.equal(await field.inputValue(), `{${PRINTER_CASE.id.toUpperCase()}}`, 'a braced id is not rewritten behind the person\'s back');

    await field.fill(PRINTER_CASE.id.toUpperCase());
    await page.locator('#record-help.hint-text').getByText(`Sent as ${PRINTER_CASE.id}`).waitFor();
    assert.ok(!(await isDisabled()), 'Link is enabled for an id that can be normalised');
    await field.press('Tab');
    assert.equal(await field.inputValue(), PRINTER_CASE.id, 'the field shows the normalised id once committed');

    // "Focused conversation" is the default choice in the simulator: the call goes without a conversation id.
    const outcome = harness.next('outcome');
    await linkButton().click();
    assert.equal((await outcome).outcome.status, 'success');
    const run = harness.toHost.find(m => (m as { type: string }).type === 'run') as { request: object };
    assert.deepEqual(run.request, { entityLogicalName: 'incident', recordId: PRINTER_CASE.id });
  });

  it('shows the rejection when the conversation is not active', async function () {
    await openWith(new Simulator({ seed: SAMPLE_DATA }));
    const page = harness.page;
    await page.locator(`#conversations li[data-id="${CLOSED_CHAT.id}"]`).getByText('not linkable').waitFor();
    await page.locator('#record-id input').fill(PRINTER_CASE.id);
    await choose('conversation', /opening hours.*not linkable/);
    const outcome = harness.next('outcome');
    await linkButton().click();
    const message = await outcome;
    assert.equal(message.outcome.status, 'failure');
    assert.equal(message.outcome.status === 'failure' && message.outcome.code, 'conversation-not-active');
    await page.locator('#outcome.outcome-failure').waitFor();
    // A typed id whose name the panel never saw stays an id; the conversation is named by its customer and channel.
    assert.match(await page.locator('#outcome .summary').innerText(), new RegExp(`^Could not link case ${PRINTER_CASE.id.slice(0, 8)}… to the conversation with .+ \\(chat\\)$`));
    assert.match(await page.locator('#outcome .card-reason').innerText(), /conversation-not-active[\s\S]*Closed/);
    assert.match(await page.locator('#history li[data-id]').first().innerText(), /conversation-not-active/);
  });

  it('unlinks the linked case with the Unlink button', async function () {
    await openWith(new Simulator({ seed: SAMPLE_DATA }));
    const page = harness.page;
    const row = page.locator(`#conversations li[data-id="${INVOICE_CALL.id}"]`);
    await row.getByText(INVOICE_CASE.name).waitFor();
    await page.locator('#record-id input').fill(INVOICE_CASE.id);
    await choose('conversation', /March invoice/);
    const outcome = harness.next('outcome');
    await page.locator('#unlink').click();
    const message = await outcome;
    assert.equal(message.method, 'unlinkFromConversation');
    assert.equal(message.outcome.status, 'success');
    await row.getByText(INVOICE_CASE.name).waitFor({ state: 'detached' });
    assert.match(await row.innerText(), /Case:\s*—/);
  });

  it('copies a history entry as code with the refresh call and error handling', async function () {
    await openWith(new Simulator({ seed: SAMPLE_DATA }));
    const page = harness.page;
    await page.locator('#record-id input').fill(PRINTER_CASE.id);
    await choose('conversation', /March invoice/);
    const outcome = harness.next('outcome');
    await linkButton().click();
    await outcome;
    const copied = harness.next('copied');
    await chooseFromMenu(page.locator('#history li[data-id]').first(), 'Copy as Code');
    const expected = [
      `Microsoft.Omnichannel.linkToConversation("incident", "${PRINTER_CASE.id}", "${INVOICE_CALL.id}")`,
      '  .then(() => Microsoft.Apm.getFocusedSession().getFocusedTab().refresh())',
      '  .catch(error => console.error("linkToConversation failed:", error));',
    ].join('\n');
    assert.equal((await copied).code, expected);
    assert.deepEqual(harness.clipboard, [expected]);
    await page.locator('#history .card-note').getByText('Copied to the clipboard').waitFor();
  });

  it('keeps the history (host) and the form values (webview state) across a reload, and clears the history', async function () {
    await openWith(new Simulator({ seed: SAMPLE_DATA }));
    const page = harness.page;
    await page.locator('#record-id input').fill(PRINTER_CASE.id);
    const outcome = harness.next('outcome');
    await linkButton().click();
    await outcome;
    const state = harness.next('state');
    await page.reload();
    await state;
    await page.locator('#history li[data-id]').first().waitFor();
    assert.equal(await page.locator('#record-id input').inputValue(), PRINTER_CASE.id);
    await page.locator('#outcome.outcome-success').getByText(/^Linked case /).waitFor();

    const cleared = harness.next('state');
    await page.locator('#clear-history').click();
    assert.deepEqual((await cleared).history, []);
    await page.locator('#history').getByText('No calls yet.').waitFor();
  });

  it('rejects an invalid message from the webview with a clear error, before any backend call', async function () {
    await openWith(new Simulator({ seed: SAMPLE_DATA }));
    const error = harness.next('error');
    await harness.sendFromWebview({ type: 'run', method: 'linkToConversation', request: { entityLogicalName: 'incident', recordId: '{NOT-A-GUID}' } });
    assert.match((await error).message, /field "request\.recordId" must be a GUID/);
    await harness.page.locator('#error-banner').getByText(/request\.recordId/).waitFor();
    assert.equal(harness.toWebview.some(m => m.type === 'outcome'), false);
    assert.deepEqual(harness.history.list(), []);
  });

  it('shows progress while the backend waits, and Cancel stops the call', async function () {
    const backend = new StandInBackend();
    let release!: () => void;
    backend.gate = new Promise(resolve => { release = resolve; });
    await openWith(backend);
    const page = harness.page;
    await page.locator('#record-id input').fill(PRINTER_CASE.id);
    const progress = harness.next('progress');
    await linkButton().click();
    await progress;
    await page.locator('#progress').getByText('Throttled: retrying in 5 s').waitFor();
    assert.ok(await isDisabled(), 'Link is disabled while a call runs');
    const outcome = harness.next('outcome');
    await page.locator('#cancel').click();
    const message = await outcome;
    release();
    assert.equal(message.outcome.status === 'failure' && message.outcome.code, 'cancelled');
    await page.locator('#progress').waitFor({ state: 'hidden' });
    assert.ok(!(await isDisabled()), 'Link is enabled again after the call ended');
  });

  it('offers no "Focused conversation" for a real environment, and marks production', async function () {
    await openWith(new StandInBackend(), { name: 'Contoso Prod', kind: 'dataverse', url: 'https://contoso.crm4.dynamics.com', production: true });
    const page = harness.page;
    assert.equal(await page.locator('#environment-name').innerText(), 'Contoso Prod');
    await page.locator('.environment').getByText('production').waitFor();
    const options = await page.locator('#conversation vscode-option').allInnerTexts();
    assert.deepEqual(options.map(o => o.trim()), ['Chat: active (Active, focused)', 'Chat: closed (Closed, not linkable)']);
  });

  it('runs the environment picker command from the Switch button', async function () {
    await openWith(new Simulator({ seed: SAMPLE_DATA }));
    assert.equal(await harness.page.locator('#environment-name').innerText(), 'Simulator');
    const sent = harness.nextToHost('selectEnvironment');
    await harness.page.locator('#switch-environment').click();
    await sent;
    assert.ok(harness.log.includes('command: omnichannel.selectEnvironment'));
  });

  it('is locked down by its Content-Security-Policy: nonce-only scripts, no inline handlers', async function () {
    await openWith(new Simulator({ seed: SAMPLE_DATA }));
    const page = harness.page;
    const csp = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
    assert.match(csp ?? '', /default-src 'none'/);
    assert.match(csp ?? '', /script-src 'nonce-[A-Za-z0-9+/=]+'(;|$)/);
    assert.doesNotMatch(csp ?? '', /unsafe-inline|unsafe-eval/);

    const audit = await page.evaluate(() => {
      const doc = (globalThis as unknown as { document: { querySelectorAll(s: string): ArrayLike<{ getAttributeNames(): string[]; getAttribute(n: string): string | null; tagName: string }> } }).document;
      const all = Array.from(doc.querySelectorAll('*'));
      return {
        inlineHandlers: all.flatMap(el => el.getAttributeNames().filter(n => n.startsWith('on')).map(n => `${el.tagName}[${n}]`)),
        scriptsWithoutNonce: Array.from(doc.querySelectorAll('script')).filter(s => !s.getAttribute('nonce')).length,
      };
    });
    assert.deepEqual(audit, { inlineHandlers: [], scriptsWithoutNonce: 0 });

    // An injected inline script and an inline handler must not run.
    const ran = await page.evaluate(() => {
      const w = globalThis as unknown as Record<string, unknown> & { document: { createElement(t: string): { textContent: string; setAttribute(n: string, v: string): void; click(): void }; body: { append(n: unknown): void } } };
      const script = w.document.createElement('script');
      script.textContent = 'globalThis.__inlineRan = true';
      w.document.body.append(script);
      const button = w.document.createElement('button');
      button.setAttribute('onclick', 'globalThis.__handlerRan = true');
      w.document.body.append(button);
      button.click();
      return { script: w['__inlineRan'] === true, handler: w['__handlerRan'] === true };
    });
    assert.deepEqual(ran, { script: false, handler: false });
    const violations = await harness.cspViolations();
    assert.ok(violations.some(v => v.startsWith('script-src')), `CSP reported the blocked scripts: ${violations.join(', ')}`);
  });
});

describe('panel (headless Chromium): as a person uses it', function () {
  let harness: PanelHarness;

  before(function () {
    const missing = PanelHarness.chromiumMissing();
    if (missing && process.env['CI'] === 'true') throw new Error(missing);
    if (missing) this.skip();
  });

  afterEach(async function () {
    if (this.currentTest?.state === 'failed' && harness) {
      console.error(harness.log.join('\n'));
      mkdirSync('test-results', { recursive: true });
      await harness.page.screenshot({ path: path.join('test-results', `panel-failed-${this.currentTest.title.slice(0, 30).replace(/\W+/g, '-')}.png`), fullPage: true }).catch(() => undefined);
    }
    await harness?.stop();
  });

  async function open(options: ConstructorParameters<typeof PanelHarness>[0]): Promise<Page> {
    harness = new PanelHarness(options);
    await harness.start();
    await harness.open();
    return harness.page;
  }

  async function chooseFromMenu(entry: ReturnType<Page['locator']>, label: string): Promise<void> {
    await entry.locator('.entry-menu-button').first().click();
    await entry.locator('.entry-menu').first().getByText(label).click();
  }

  const PRINTER = SAMPLE_DATA.records.incident.find(r => /Printer jams/.test(r.name))!;
  const INVOICE = SAMPLE_DATA.conversations.find(c => /March invoice/.test(c.title))!;

  it('shows a call made elsewhere (the palette) in the Outcome area, with names and where it came from', async function () {
    const page = await open({ backend: new Simulator({ seed: SAMPLE_DATA }) });
    await harness.history.add({
      id: 'from-palette', at: new Date().toISOString(), environment: 'Simulator', method: 'linkToConversation', source: 'palette',
      request: { entityLogicalName: 'incident', recordId: PRINTER.id, conversationId: INVOICE.id },
      outcome: { status: 'success', entityLogicalName: 'incident', recordId: PRINTER.id, conversationId: INVOICE.id, message: 'Linked.' },
      names: { record: 'CAS-01024: Printer offline', conversationTitle: 'Chat: Printer offline', customer: 'Maria Campbell' },
    });
    await harness.refresh();
    await page.locator('#outcome[data-id="from-palette"]').waitFor();
    assert.equal(await page.locator('#outcome .summary').innerText(), 'Linked case CAS-01024: Printer offline to the conversation with Maria Campbell (chat)');
    assert.match(await page.locator('#outcome .card-meta').innerText(), /Simulator · from the palette$/);
    assert.equal(await page.locator('#history li[data-id]').count(), 1);
  });

  it('offers Undo, Re-run and Insert at Cursor in an entry\'s menu: Undo unlinks what was linked', async function () {
    const simulator = new Simulator({ seed: SAMPLE_DATA });
    const page = await open({ backend: simulator });
    await page.locator('#record-search input').fill('printer');
    await page.locator('#search-results button.result').first().click();
    await page.locator(`#conversations li[data-id="${INVOICE.id}"]`).click();
    let outcome = harness.next('outcome');
    await page.locator('#link').click();
    await outcome;
    await page.locator(`#conversations li[data-id="${INVOICE.id}"]`).getByText(PRINTER.name).waitFor();

    const first = page.locator('#history li[data-id]').first();
    await first.locator('.entry-menu-button').click();
    const items = await first.locator('.entry-menu vscode-context-menu-item').evaluateAll(els => els.map(el => el.getAttribute('label')));
    assert.deepEqual(items, ['Re-run', 'Undo (unlink)', 'Copy as Code', 'Insert at Cursor']);
    outcome = harness.next('outcome');
    await first.locator('.entry-menu').getByText('Undo (unlink)').click();
    const undone = await outcome;
    assert.equal(undone.method, 'unlinkFromConversation');
    assert.deepEqual(undone.request, { entityLogicalName: 'incident', recordId: PRINTER.id, conversationId: INVOICE.id });
    await page.locator(`#conversations li[data-id="${INVOICE.id}"]`).getByText(PRINTER.name).waitFor({ state: 'detached' });
    assert.match(await page.locator('#outcome .summary').innerText(), new RegExp(`^Unlinked case ${escape(PRINTER.name)} from the conversation with`));

    // A failed call has nothing to undo: its menu leaves Undo out.
    await page.locator('#record-id input').fill('deadbeef-0000-4000-8000-000000000001');
    outcome = harness.next('outcome');
    await page.locator('#link').click();
    await outcome;
    const failed = page.locator('#history li.failed').first();
    await failed.locator('.entry-menu-button').click();
    assert.deepEqual(await failed.locator('.entry-menu vscode-context-menu-item').evaluateAll(els => els.map(el => el.getAttribute('label'))), ['Re-run', 'Copy as Code', 'Insert at Cursor']);
    await page.keyboard.press('Escape');

    const inserted = harness.next('inserted');
    await chooseFromMenu(page.locator('#history li.ok').last(), 'Insert at Cursor');
    await inserted;
    assert.match(harness.inserted[0] ?? '', /^Microsoft\.Omnichannel\.linkToConversation\("incident"/);
    await page.locator('#history .card-note').getByText('Inserted in case-form.js').waitFor();

    const rerun = harness.next('outcome');
    await chooseFromMenu(page.locator('#history li.ok').last(), 'Re-run');
    assert.equal((await rerun).outcome.status, 'success');
    await page.locator(`#conversations li[data-id="${INVOICE.id}"]`).getByText(PRINTER.name).waitFor();
  });

  it('keeps fifty conversations usable: a count, a filter box, and a click picks one in the form', async function () {
    const conversations = Array.from({ length: 50 }, (_, n) => ({
      // Letters only in the varying part, so the filter's words below never match an id by accident.
      id: `${[36, 6, 1].map(d => 'abcdef'[Math.floor(n / d) % 6]).join('')}aaaaa-0000-4000-8000-000000000000`,
      title: `${n % 3 === 0 ? 'Voice' : 'Chat'}: question number ${n + 1}`,
      statuscode: n % 10 === 9 ? 4 : 2,
      customer: null,
      case: null,
    }));
    const page = await open({ backend: new Simulator({ seed: { ...SAMPLE_DATA, focusedConversationId: conversations[0]!.id, conversations } }) });
    assert.equal(await page.locator('#conversations li.conversation').count(), 50);
    assert.equal(await page.locator('#conversation-count').innerText(), '50 open');
    await page.locator('#conversation-filter input').fill('number 42');
    await page.locator('#conversation-count').getByText('1 of 50 match').waitFor();
    const only = page.locator('#conversations li.conversation');
    assert.equal(await only.count(), 1);
    await only.click();
    assert.equal(await page.locator('#conversation').evaluate(el => (el as unknown as { value: string }).value), conversations[41]!.id);
    assert.equal(await only.getAttribute('class'), 'conversation picked');
    await page.locator('#conversation-filter input').fill('nothing like this');
    await page.locator('#conversations').getByText('No conversation matches the filter.').waitFor();
    mkdirSync('test-results', { recursive: true });
    await page.locator('#conversation-filter input').fill('');
    await page.screenshot({ path: path.join('test-results', 'panel-50-conversations.png'), fullPage: true });
  });

  it('shows a Sign In button when the environment needs sign-in; pressing it signs in and lists', async function () {
    const page = await open({ backend: new StandInBackend(), environment: { name: 'Contoso (local)', kind: 'dataverse', url: 'http://127.0.0.1:9' }, signInNeeded: true });
    await page.locator('#conversations-problem').getByText('Sign in to Contoso (local) to list its conversations and run calls.').waitFor();
    const signIn = page.locator('#sign-in');
    assert.equal(await signIn.innerText(), 'Sign In');
    assert.equal(await page.locator('#conversations-problem').innerText().then(t => /command/i.test(t)), false, 'no sentence naming a command');
    const state = harness.next('state');
    await signIn.click();
    await state;
    assert.ok(harness.log.includes('command: omnichannel.signIn'));
    await page.locator('#conversations li.conversation').first().waitFor();
    assert.equal(await page.locator('#conversations-problem').isHidden(), true);
  });

  it('names the picked record under its id, and shows the environment once', async function () {
    const page = await open({ backend: new Simulator({ seed: SAMPLE_DATA }) });
    await page.locator('#record-search input').fill('printer');
    await page.locator('#search-results button.result').first().click();
    assert.equal((await page.locator('#record-name').innerText()).trim(), PRINTER.name);
    await page.locator('#record-id input').fill('deadbeef-0000-4000-8000-000000000001');
    await page.locator('#record-name').waitFor({ state: 'hidden' });
    assert.equal(await page.locator('.environment vscode-badge').count(), 0, 'no badge repeating the environment kind');
    assert.equal(await page.locator('#environment-name').innerText(), 'Simulator');
  });
});

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
