/**
 * Publishing a web resource as a person does it, in VS Code in Chromium with the packaged VSIX: the Web
 * API stand-in runs on 127.0.0.1 in this process, the user settings name it as an environment (a token
 * command, its host in omnichannel.trustedHosts), the samples' .omnichannel/webresources.json maps
 * case-form.js. Pick the environment, right-click case-form.js in the explorer, Publish Web Resource, read
 * the diff, confirm, read the outcome. Each step saves a screenshot under test-results/.
 */
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { FakeDataverse } from '../support/fake-dataverse';
import { screenshot } from './support/browser';
import { useWorkbench } from './support/use-workbench';
import { SELECTORS, quickOpen, runCommand, selectEnvironment } from './support/workbench';

const ENVIRONMENT = 'Stand-in';
const PRODUCTION = 'Stand-in Production';
const DIALOG = '.monaco-dialog-box';
const CASE_FORM = 'new_/scripts/case-form.js';
const TOKEN = 'stand-in-e2e-token';

describe('e2e: publishing a web resource from the explorer', function () {
  this.timeout(180_000);
  let dv: FakeDataverse;
  let page: Page;

  before(async () => {
    dv = await FakeDataverse.start({ token: TOKEN, webResources: [{ name: CASE_FORM, content: '// The version in the environment\n' }] });
  });

  const workbench = useWorkbench('webres', () => ({
    settings: {
      'omnichannel.environments': [
        { name: ENVIRONMENT, url: dv.url, authentication: { type: 'command', command: `echo ${TOKEN}` } },
        { name: PRODUCTION, url: dv.url, production: true, authentication: { type: 'command', command: `echo ${TOKEN}` } },
      ],
      'omnichannel.trustedHosts': [dv.host],
      // VS Code in the browser saves after a delay by default; the pull step needs unsaved text to stay unsaved.
      'files.autoSave': 'off',
    },
  }));

  before(() => {
    page = workbench.page;
  });

  after(async () => {
    await dv?.close();
  });

  it('selects the stand-in environment from the palette', async () => {
    // Opening a script activates the extension; its status bar item shows the active environment.
    await quickOpen(page, 'link-helpers.js');
    await page.locator('.statusbar-item', { hasText: 'Simulator' }).first().waitFor({ state: 'visible', timeout: 60_000 });
    await selectEnvironment(page, ENVIRONMENT);
  });

  it('right-clicks case-form.js in the explorer, runs Publish Web Resource, and sees the diff with a question', async () => {
    await publishFromExplorer(page, 'case-form.js', 'webres-1-context-menu');
    const question = page.locator(SELECTORS.notification, { hasText: 'Publish webresources/case-form.js to new_/scripts/case-form.js in Stand-in?' }).first();
    await question.waitFor({ state: 'visible', timeout: 60_000 });
    // The diff: the environment's copy (left) against the local file (right).
    await page.locator('.monaco-diff-editor').first().waitFor({ state: 'visible' });
    await page.locator('.tabs-container .tab.active', { hasText: /case-form\.js \(Stand-in\)/ }).waitFor({ state: 'visible' });
    await page.locator('.monaco-diff-editor .view-line', { hasText: 'The version in the environment' }).first().waitFor({ state: 'visible' });
    await screenshot(page, 'webres-2-diff-and-question');
    assert.equal(dv.logged('PATCH').length, 0, 'nothing is written before the person confirms');
  });

  it('confirms, and the outcome names the web resource and the problems left in the file', async () => {
    const question = page.locator(SELECTORS.notification, { hasText: 'Publish webresources/case-form.js' }).first();
    await question.locator('.monaco-button', { hasText: /^Publish$/ }).click();
    const outcome = page.locator(SELECTORS.notification, { hasText: /Published new_\/scripts\/case-form\.js in Stand-in/ }).first();
    await outcome.waitFor({ state: 'visible', timeout: 60_000 });
    await screenshot(page, 'webres-3-published');
    // case-form.js has its four deliberate findings: one error and three warnings.
    assert.match(await outcome.innerText(), /Published new_\/scripts\/case-form\.js in Stand-in with 1 error and 3 warnings: [a-z-]+(, [a-z-]+)*\./);
    const local = readFileSync(join(workbench.session.workspace, 'webresources', 'case-form.js'), 'utf8');
    assert.equal(dv.state.webResources.text(CASE_FORM), local, 'the environment holds the local file');
    const row = dv.state.webResources.byName(CASE_FORM);
    assert.deepEqual(dv.state.webResources.publishes, [[row?.id]], 'one PublishXml for that web resource only');
    assert.equal(dv.logged('PATCH').length, 1);
    assert.equal(dv.logged('PATCH')[0].headers['if-match'], 'W/"1001"');
  });

  it('publishing again after a colleague changed it in the environment shows their change and asks; Cancel writes nothing', async () => {
    dv.state.webResources.changeElsewhere(CASE_FORM, '// A colleague fixed something here\n', 'Dana Colleague');
    await openInEditor(page, 'case-form.js');
    // This time from the editor's context menu.
    await page.locator('.editor-instance .view-lines').first().click({ button: 'right' });
    const item = page.locator('.context-view .action-item', { hasText: 'Publish Web Resource' }).first();
    await item.waitFor({ state: 'visible' });
    await item.click();
    const dialog = page.locator(DIALOG, { hasText: 'was changed in Stand-in by Dana Colleague' });
    await dialog.waitFor({ state: 'visible', timeout: 60_000 });
    await page.locator('.tabs-container .tab.active', { hasText: /what changed in Stand-in since you last published it/ }).waitFor({ state: 'visible' });
    await screenshot(page, 'webres-4-conflict');
    assert.match(await dialog.innerText(), /after you last published it .* Overwrite their change with webresources\/case-form\.js\?/s);
    await dialog.locator('.monaco-button', { hasText: 'Cancel' }).click();
    await page.locator(SELECTORS.notification, { hasText: /Not published: .*Nothing was written/ }).first().waitFor({ state: 'visible' });
    assert.equal(dv.logged('PATCH').length, 1, 'no second write');
    assert.equal(dv.state.webResources.text(CASE_FORM), '// A colleague fixed something here\n');
  });

  it('pulls the colleague\'s version into the editor holding unsaved text, after a diff and a question', async () => {
    await openInEditor(page, 'case-form.js');
    await page.locator('.editor-instance .view-lines').first().click();
    await page.keyboard.press('Control+Home');
    await page.keyboard.type('// my unsaved note\n');
    await page.locator('.tabs-container .tab.active.dirty').waitFor({ state: 'visible' });
    await runCommand(page, 'Omnichannel: Pull Web Resource');
    const dialog = page.locator(DIALOG, { hasText: 'Replace the unsaved text of webresources/case-form.js' });
    await dialog.waitFor({ state: 'visible', timeout: 60_000 });
    await screenshot(page, 'webres-5-pull-question');
    await dialog.locator('.monaco-button', { hasText: 'Replace' }).click();
    await page.locator(SELECTORS.notification, { hasText: 'Pulled new_/scripts/case-form.js from Stand-in' }).first().waitFor({ state: 'visible' });
    await page.locator('.editor-instance .view-line', { hasText: 'A colleague fixed something here' }).first().waitFor({ state: 'visible' });
    await screenshot(page, 'webres-6-pulled');
    // The pulled text replaced the unsaved one in the editor, which stays unsaved until the person saves.
    await runCommand(page, 'File: Save All');
    await page.locator('.tabs-container .tab.dirty').first().waitFor({ state: 'detached' });
    const saved = readFileSync(join(workbench.session.workspace, 'webresources', 'case-form.js'), 'utf8');
    assert.equal(saved, '// A colleague fixed something here\n');
    assert.equal(dv.logged('PATCH').length, 1, 'a pull writes nothing to the environment');
  });

  it('a production environment asks before publishing; Cancel sends no write', async () => {
    await selectEnvironment(page, PRODUCTION);
    const link = join(workbench.session.workspace, 'webresources', 'link-helpers.js');
    assert.ok(readFileSync(link, 'utf8').length > 0);
    await publishFromExplorer(page, 'link-helpers.js');
    const dialog = page.locator(DIALOG, { hasText: `${PRODUCTION} is a production environment. Really publish web resource new_/scripts/link-helpers.js?` });
    await dialog.waitFor({ state: 'visible', timeout: 60_000 });
    await screenshot(page, 'webres-7-production');
    await dialog.locator('.monaco-button', { hasText: 'Cancel' }).click();
    await page.locator(SELECTORS.notification, { hasText: `was not confirmed` }).first().waitFor({ state: 'visible' });
    assert.equal(dv.logged('PATCH').length, 1);
    assert.equal(dv.logged('POST', 'webresourceset').length, 0);
  });

  it('with the Simulator active, says publishing needs a real environment and offers to pick one', async () => {
    await selectEnvironment(page, 'Simulator');
    await publishFromExplorer(page, 'case-form.js');
    const toast = page.locator(SELECTORS.notification, { hasText: 'The Simulator has no web resources' }).first();
    await toast.waitFor({ state: 'visible' });
    await toast.locator('.monaco-button', { hasText: 'Select Environment…' }).waitFor({ state: 'visible' });
    await screenshot(page, 'webres-8-simulator');
  });
});

/** Closes every editor (diffs included) and opens one file, so it is the only editor. */
async function openInEditor(page: Page, fileName: string): Promise<void> {
  await runCommand(page, 'View: Close All Editors');
  await page.locator('.tabs-container .tab').first().waitFor({ state: 'detached' });
  await quickOpen(page, fileName);
}

/** Right-clicks a file of webresources/ in the explorer and runs Publish Web Resource from its menu. */
async function publishFromExplorer(page: Page, fileName: string, screenshotName?: string): Promise<void> {
  await page.keyboard.press('Control+Shift+E');
  const rows = page.locator('.explorer-folders-view .monaco-list-row');
  // The folder may already be open (the explorer reveals the active editor's file): expand it only if it is closed.
  const folder = rows.filter({ hasText: /^webresources$/ }).first();
  await folder.waitFor({ state: 'visible' });
  if ((await folder.getAttribute('aria-expanded')) === 'false') await folder.click();
  const file = rows.filter({ hasText: new RegExp(`^${fileName.replace(/\./g, '\\.')}$`) }).first();
  await file.waitFor({ state: 'visible' });
  await file.click({ button: 'right' });
  const item = page.locator('.context-view .action-item', { hasText: 'Publish Web Resource' }).first();
  await item.waitFor({ state: 'visible' });
  if (screenshotName) await screenshot(page, screenshotName);
  await item.click();
  // A click that lands while the menu is still settling can leave it open with the item highlighted:
  // Enter then runs the highlighted item, as it would for a person.
  const menu = page.locator('.context-view .action-item', { hasText: 'Publish Web Resource' });
  const closed = await menu.first().waitFor({ state: 'detached', timeout: 5_000 }).then(() => true, () => false);
  if (!closed) await page.keyboard.press('Enter');
}
