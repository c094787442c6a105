/**
 * Web resources as a person works with them beyond the explorer menu, in VS Code in Chromium with the
 * packaged VSIX and the Web API stand-in on 127.0.0.1: the environment's copy in a publish diff is not
 * linted (Problems keeps only the local file's findings); a script with no mapping is published, its web
 * resource searched and picked in the quick pick, the mapping written; the panel's Web resources section
 * lists the mapped files, shows a mapping file's problem with its line, and publishes from a row; Publish
 * All goes on past a file the stand-in refuses and reports each file. Each step saves a screenshot.
 */
import * as assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { FakeDataverse } from '../support/fake-dataverse';
import { screenshot } from './support/browser';
import { useWorkbench } from './support/use-workbench';
import { SELECTORS, openPanel, openProblemsPanel, pick, quickOpen, runCommand, selectEnvironment, waitForQuickInputTitle } from './support/workbench';

const ENVIRONMENT = 'Stand-in';
const DIALOG = '.monaco-dialog-box';
const TOKEN = 'stand-in-panel-token';
const CASE_FORM = 'new_/scripts/case-form.js';
const LINK_HELPERS = 'new_/scripts/link-helpers.js';
const QUEUE_FORM = 'new_/scripts/queue-form.js';
/** The environment's copy of case-form.js calls a misspelt member: linted, it would show "Did you mean …". */
const ENVIRONMENT_CASE_FORM = '// The version in the environment\nMicrosoft.Omnichannel.linkToConverstion("incident", "5a2a6a28-9f8e-4c38-9a4f-1a0b3c2d4e5f");\n';

describe('e2e: web resources from the panel, the mapping pick and Publish All', function () {
  this.timeout(240_000);
  let dv: FakeDataverse;
  let page: Page;
  const workspaceFile = (...parts: string[]) => join(workbench.session.workspace, ...parts);

  before(async () => {
    dv = await FakeDataverse.start({
      token: TOKEN,
      webResources: [
        { name: CASE_FORM, content: ENVIRONMENT_CASE_FORM },
        { name: LINK_HELPERS, content: '// link helpers as the environment has them\n' },
        { name: QUEUE_FORM, displayName: 'Queue form script', content: '// queue form, environment copy\n' },
        { name: 'new_/scripts/queue-tools.js', displayName: 'Queue tools' },
        { name: 'new_/styles/queue.css', type: 2, content: '.queue {}\n' },
      ],
    });
  });

  const workbench = useWorkbench('webres-panel', () => ({
    settings: {
      'omnichannel.environments': [{ name: ENVIRONMENT, url: dv.url, authentication: { type: 'command', command: `echo ${TOKEN}` } }],
      'omnichannel.trustedHosts': [dv.host],
      'files.autoSave': 'off',
    },
    prepare: session => {
      // A script the samples do not map yet, as a person would have started one.
      writeFileSync(join(session.workspace, 'webresources', 'queue-form.js'), '// Queue form script\n"use strict";\nvar Contoso = window.Contoso || {};\n');
    },
  }));

  before(() => {
    page = workbench.page;
  });

  after(async () => {
    await dv?.close();
  });

  it('selects the stand-in environment', async () => {
    await quickOpen(page, 'case-form.js');
    await page.locator('.statusbar-item', { hasText: 'Simulator' }).first().waitFor({ state: 'visible', timeout: 60_000 });
    await selectEnvironment(page, ENVIRONMENT);
  });

  it('with the publish diff open, Problems lists the local file\'s findings and none of the environment\'s copy', async () => {
    await runExactCommand(page, 'Omnichannel: Publish Web Resource');
    const question = page.locator(SELECTORS.notification, { hasText: `Publish webresources/case-form.js to ${CASE_FORM} in ${ENVIRONMENT}?` }).first();
    await question.waitFor({ state: 'visible', timeout: 60_000 });
    await page.locator('.monaco-diff-editor .view-line', { hasText: 'linkToConverstion' }).first().waitFor({ state: 'visible' });
    const rows = await openProblemsPanel(page);
    // The local file's findings are there (its braced getId() is an invalid-record-id error)…
    await rows.filter({ hasText: /getId\(\)|braces/ }).first().waitFor({ state: 'visible', timeout: 60_000 });
    await screenshot(page, 'webres-panel-1-diff-problems');
    // …and nothing of the environment's copy, opened in the same diff before the local file (the server
    // analyses documents in the order they open, so its findings would be in by now).
    const labels = await rows.evaluateAll(elements => elements.map(e => e.getAttribute('aria-label') ?? ''));
    assert.ok(labels.every(label => !/linkToConverstion|Did you mean/.test(label)), `Problems shows the environment's copy: ${labels.join(' | ')}`);
    assert.ok(!labels.some(label => /new_\/scripts|Stand-in/.test(label)), `Problems names the environment's copy: ${labels.join(' | ')}`);
    await question.locator('.monaco-button', { hasText: 'Cancel' }).click();
    await page.locator(SELECTORS.notification, { hasText: 'were not confirmed' }).first().waitFor({ state: 'visible' });
    assert.equal(dv.logged('PATCH').length, 0);
    await runCommand(page, 'View: Hide Panel');
    await page.locator('.markers-panel').first().waitFor({ state: 'hidden' });
  });

  it('publishes a script with no mapping: searches the environment\'s JavaScript web resources, picks one, writes the mapping', async () => {
    await closeEditorsAndOpen(page, 'queue-form.js');
    await runExactCommand(page, 'Omnichannel: Publish Web Resource');
    await waitForQuickInputTitle(page, `Which web resource in ${ENVIRONMENT} is webresources/queue-form.js?`);
    // The search starts from the file's name; typing searches again.
    await page.locator(SELECTORS.quickInput).fill('queue');
    const rows = page.locator(SELECTORS.quickInputRow);
    await rows.filter({ hasText: 'new_/scripts/queue-tools.js' }).first().waitFor({ state: 'visible' });
    await rows.filter({ hasText: QUEUE_FORM }).first().waitFor({ state: 'visible' });
    const listed = await rows.allInnerTexts();
    assert.ok(!listed.some(text => text.includes('queue.css')), `only JavaScript web resources are offered: ${listed.join(' | ')}`);
    await screenshot(page, 'webres-panel-2-mapping-pick');
    await pick(page, QUEUE_FORM);
    const question = page.locator(SELECTORS.notification, { hasText: `Publish webresources/queue-form.js to ${QUEUE_FORM} in ${ENVIRONMENT}?` }).first();
    await question.waitFor({ state: 'visible', timeout: 60_000 });
    const mapping = readFileSync(workspaceFile('.omnichannel', 'webresources.json'), 'utf8');
    assert.match(mapping, /"file": "webresources\/queue-form\.js",\s*"name": "new_\/scripts\/queue-form\.js"/);
    assert.match(mapping, /\/\/ Which local file is which web resource/, 'the comments of the mapping file are kept');
    await question.locator('.monaco-button', { hasText: /^Publish$/ }).click();
    await page.locator(SELECTORS.notification, { hasText: `Published ${QUEUE_FORM} in ${ENVIRONMENT}` }).first().waitFor({ state: 'visible', timeout: 60_000 });
    await screenshot(page, 'webres-panel-3-mapped-and-published');
    assert.equal(dv.state.webResources.text(QUEUE_FORM), readFileSync(workspaceFile('webresources', 'queue-form.js'), 'utf8'));
  });

  it('the panel lists the mapped files with their state, and publishes one from its row', async () => {
    await closeEditorsAndOpen(page, 'link-helpers.js');
    const panel = await openPanel(page);
    const section = panel.locator('#webresources-section');
    const row = (file: string) => section.locator(`li.webresource[data-file="${file}"]`);
    await row('webresources/queue-form.js').waitFor({ state: 'visible', timeout: 30_000 });
    assert.match(await row('webresources/queue-form.js').innerText(), /new_\/scripts\/queue-form\.js[\s\S]*Last published at [\s\S]*Published new_\/scripts\/queue-form\.js in Stand-in/);
    assert.match(await row('webresources/case-form.js').innerText(), /Not published or pulled from here yet/);
    assert.equal(await section.locator('li.webresource').count(), 4, 'case-form, link-helpers, the TypeScript entry and queue-form');
    assert.match(await row('webresources/link-helpers.js').innerText(), /open/, 'the active editor\'s file is marked');
    await row('webresources/link-helpers.js').scrollIntoViewIfNeeded();
    await screenshot(page, 'webres-panel-4-section');

    await row('webresources/link-helpers.js').locator('vscode-button.publish').click();
    const question = page.locator(SELECTORS.notification, { hasText: `Publish webresources/link-helpers.js to ${LINK_HELPERS} in ${ENVIRONMENT}?` }).first();
    await question.waitFor({ state: 'visible', timeout: 60_000 });
    await section.locator('#webresources-running', { hasText: 'Publishing webresources/link-helpers.js' }).waitFor({ state: 'visible' });
    await question.locator('.monaco-button', { hasText: /^Publish$/ }).click();
    const outcome = row('webresources/link-helpers.js').locator('.webresource-outcome[data-status="published"]');
    await outcome.waitFor({ state: 'visible', timeout: 60_000 });
    assert.match(await outcome.innerText(), /^Published new_\/scripts\/link-helpers\.js in Stand-in \(read back: same content as webresources\/link-helpers\.js\)\. \(at /);
    await section.locator('#webresources-running').waitFor({ state: 'hidden' });
    await row('webresources/link-helpers.js').scrollIntoViewIfNeeded();
    await screenshot(page, 'webres-panel-5-published-from-panel');
    assert.equal(dv.state.webResources.text(LINK_HELPERS), readFileSync(workspaceFile('webresources', 'link-helpers.js'), 'utf8'));
  });

  it('a broken mapping entry shows in the panel with its line and how to fix it, and Open goes there', async () => {
    const mappingFile = workspaceFile('.omnichannel', 'webresources.json');
    const good = readFileSync(mappingFile, 'utf8');
    writeFileSync(mappingFile, good.replace('"webResources": [', '"webResources": [\n    { "file": "webresources/broken.js" },'));
    const panel = await openPanel(page);
    const problem = panel.locator('#webresources-problems li').first();
    await problem.waitFor({ state: 'visible', timeout: 30_000 });
    assert.match(await problem.innerText(), /\.omnichannel\/webresources\.json:\d+:\d+: .*name/);
    await problem.scrollIntoViewIfNeeded();
    await screenshot(page, 'webres-panel-6-mapping-problem');
    await problem.locator('vscode-button.open-problem').click();
    await page.locator(SELECTORS.activeTab, { hasText: 'webresources.json' }).waitFor({ state: 'visible' });
    writeFileSync(mappingFile, good);
    await problem.waitFor({ state: 'detached', timeout: 30_000 });
  });

  it('Publish All publishes the others when the stand-in refuses one, and reports each file', async () => {
    // Local edits, so each file has something to publish.
    for (const file of ['case-form.js', 'link-helpers.js', 'queue-form.js']) {
      const path = workspaceFile('webresources', file);
      writeFileSync(path, `${readFileSync(path, 'utf8')}// edited before Publish All\n`);
    }
    await runCommand(page, 'View: Close All Editors');
    // The first write of the batch (case-form.js) is refused as if someone had changed it in between.
    dv.inject({ kind: 'status', status: 412, code: '0x80060882', message: 'The version of the existing record doesn\'t match the RowVersion property provided.' }, { method: 'PATCH' });
    await runCommand(page, 'Omnichannel: Publish All Mapped Web Resources');
    const dialog = page.locator(DIALOG, { hasText: `Publish 3 web resources to ${ENVIRONMENT}?` });
    await dialog.waitFor({ state: 'visible', timeout: 60_000 });
    await screenshot(page, 'webres-panel-7-publish-all-question');
    await dialog.locator('.monaco-button', { hasText: /^Publish$/ }).click();
    const summary = page.locator(SELECTORS.notification, { hasText: `Web resources in ${ENVIRONMENT}: 2 published` }).first();
    await summary.waitFor({ state: 'visible', timeout: 90_000 });
    assert.match(await summary.innerText(), /2 published, 2 failed\. .*First failure: /s);
    const panel = await openPanel(page);
    const row = (file: string) => panel.locator(`#webresources-section li.webresource[data-file="${file}"]`);
    await row('webresources/case-form.js').locator('.webresource-outcome[data-status="conflict"]').waitFor({ state: 'visible', timeout: 30_000 });
    assert.match(await row('webresources/link-helpers.js').locator('.webresource-outcome').innerText(), /^Published new_\/scripts\//);
    assert.match(await row('webresources/queue-form.js').locator('.webresource-outcome').innerText(), /^Published new_\/scripts\//);
    assert.match(await row('out/conversation-panel.js').locator('.webresource-outcome').innerText(), /^Failed: out\/conversation-panel\.js \(compiled from webresources\/conversation-panel\.ts\) does not exist: compile first/);
    await row('webresources/case-form.js').scrollIntoViewIfNeeded();
    await screenshot(page, 'webres-panel-8-publish-all-results');
    await row('webresources/queue-form.js').scrollIntoViewIfNeeded();
    await screenshot(page, 'webres-panel-9-publish-all-results-below');
    assert.equal(dv.state.webResources.text(CASE_FORM), ENVIRONMENT_CASE_FORM, 'the refused file was not written');
    assert.equal(dv.state.webResources.text(LINK_HELPERS), readFileSync(workspaceFile('webresources', 'link-helpers.js'), 'utf8'));
    assert.equal(dv.state.webResources.text(QUEUE_FORM), readFileSync(workspaceFile('webresources', 'queue-form.js'), 'utf8'));
  });

  it('with the Simulator active, the section says why nothing can be published, offers Switch…, and disables the buttons', async () => {
    await selectEnvironment(page, 'Simulator');
    const panel = await openPanel(page);
    const section = panel.locator('#webresources-section');
    const blocked = section.locator('#webresources-blocked', { hasText: 'The Simulator has no web resources' });
    await blocked.waitFor({ state: 'visible', timeout: 30_000 });
    await blocked.locator('#webresources-selectEnvironment').waitFor({ state: 'visible' });
    const rows = await section.locator('li.webresource').count();
    assert.equal(await section.locator('vscode-button.publish[disabled]').count(), rows);
    assert.equal(await section.locator('vscode-button.pull[disabled]').count(), rows);
    assert.equal(await section.locator('#webresources-publish-all[disabled]').count(), 1);
    await blocked.scrollIntoViewIfNeeded();
    await screenshot(page, 'webres-panel-10-simulator');
  });
});

/**
 * Runs a command by clicking its own row: Enter would run the first row, and the palette may rank a longer
 * title that fuzzy-matches first (Publish All Mapped Web Resources before Publish Web Resource).
 */
async function runExactCommand(page: Page, title: string): Promise<void> {
  await page.keyboard.press('F1');
  const input = page.locator(SELECTORS.quickInput);
  await input.waitFor({ state: 'visible' });
  await input.fill(`>${title}`);
  await page.locator(SELECTORS.quickInputRow, { hasText: title }).first().click();
}

/** Closes every editor (diffs included) and opens one file, so it is the only editor. */
async function closeEditorsAndOpen(page: Page, fileName: string): Promise<void> {
  await runCommand(page, 'View: Close All Editors');
  await page.locator('.tabs-container .tab').first().waitFor({ state: 'detached' });
  await quickOpen(page, fileName);
  // The palette offers the web resource commands for the focused resource: put the focus in the editor.
  await page.locator('.editor-instance .view-lines').first().click();
}
