/**
 * The panel in headless Chromium: the host's real HTML and the bundled webview, answered by the real host
 * handler over a backend, driven as a user would (typing, picking, clicking).
 */
import * as assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import * as path from 'node:path';
import { PanelHarness } from './support/harness';
import { ACTIVE_ID, CASE_ID, StandInBackend } from './support/stand-in-backend';

const RECORD = CASE_ID;

describe('panel (headless Chromium)', function () {
  let harness: PanelHarness;
  let backend: StandInBackend;

  before(function () {
    const missing = PanelHarness.chromiumMissing();
    if (missing && process.env['CI'] === 'true') throw new Error(missing);
    if (missing) this.skip();
  });

  beforeEach(async function () {
    backend = new StandInBackend();
    harness = new PanelHarness({ backend });
    await harness.start();
    await harness.open();
  });

  afterEach(async function () {
    if (this.currentTest?.state === 'failed') console.error(harness.log.join('\n'));
    await harness?.stop();
  });

  /** Opens a toolkit select and clicks the option, as a user would. */
  async function choose(selectId: string, option: RegExp): Promise<void> {
    const select = harness.page.locator(`#${selectId}`);
    await select.click();
    await select.getByRole('option', { name: option }).click();
  }

  it('links a record and shows the outcome and a history entry', async function () {
    const page = harness.page;
    await page.locator('#record-id input').fill(RECORD);
    await choose('conversation', /Chat: active/);
    const outcome = harness.next('outcome');
    await page.locator('#link').click();
    const message = await outcome;
    assert.equal(message.outcome.status, 'success');
    await page.locator('#outcome.outcome-success').waitFor();
    assert.match(await page.locator('#outcome').innerText(), /linkToConversation resolved/);
    await page.locator('#history li[data-id]').first().waitFor();
    assert.match(await page.locator('#history li[data-id]').first().innerText(), /linkToConversation/);
    assert.deepEqual(harness.toHost.find(m => (m as { type: string }).type === 'run'), {
      type: 'run', method: 'linkToConversation', request: { entityLogicalName: 'incident', recordId: RECORD, conversationId: ACTIVE_ID },
    });
    mkdirSync('test-results', { recursive: true });
    await page.screenshot({ path: path.join('test-results', 'panel.png'), fullPage: true });
  });
});
