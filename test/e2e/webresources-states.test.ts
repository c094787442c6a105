/**
 * The panel's Web resources section in each state that blocks publishing, and one publishing run at a time,
 * in VS Code in Chromium with the packaged VSIX: a Publish All started from the palette shows in the panel
 * (its buttons disabled) and a second one is refused with a sentence, and the same the other way round,
 * with the stand-in on 127.0.0.1 holding the write until the test releases it; no folder open, only the
 * Simulator set up, a sign-in needed and an untrusted workspace each say why and offer the next step as a
 * button that does it. Each state saves a screenshot under test-results/.
 */
import * as assert from 'node:assert/strict';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { FrameLocator, Page } from 'playwright-core';
import { FakeDataverse, type HeldRequest } from '../support/fake-dataverse';
import { screenshot } from './support/browser';
import { useWorkbench } from './support/use-workbench';
import { SELECTORS, openPanel, quickOpen, runCommand, selectEnvironment, waitForQuickInputTitle } from './support/workbench';

const ENVIRONMENT = 'Stand-in';
const TOKEN = 'stand-in-states-token';
const DIALOG = '.monaco-dialog-box';
const STILL_RUNNING = 'Publishing every mapped file is still running: wait for it to finish.';

/** The section's Publish All button and what it says runs. */
function section(panel: FrameLocator) {
  const root = panel.locator('#webresources-section');
  return {
    root,
    running: root.locator('#webresources-running'),
    publishAll: root.locator('#webresources-publish-all'),
    blocked: root.locator('#webresources-blocked'),
  };
}

describe('e2e: one publishing run at a time, from the palette or the panel', function () {
  this.timeout(240_000);
  let dv: FakeDataverse;
  let page: Page;

  before(async () => {
    dv = await FakeDataverse.start({
      token: TOKEN,
      webResources: [
        { name: 'new_/scripts/case-form.js', content: '// case form, the environment\'s copy\n' },
        { name: 'new_/scripts/link-helpers.js', content: '// link helpers, the environment\'s copy\n' },
      ],
    });
  });

  const workbench = useWorkbench('webres-run', () => ({
    settings: {
      'omnichannel.environments': [{ name: ENVIRONMENT, url: dv.url, authentication: { type: 'command', command: `echo ${TOKEN}` } }],
      'omnichannel.trustedHosts': [dv.host],
    },
  }));

  before(() => {
    page = workbench.page;
  });

  after(async () => {
    await dv?.close();
  });

  /** Appends a line to each mapped script, so Publish All has something to write. */
  const editScripts = (note: string) => {
    for (const file of ['case-form.js', 'link-helpers.js']) {
      const path = join(workbench.session.workspace, 'webresources', file);
      writeFileSync(path, `${readFileSync(path, 'utf8')}// ${note}\n`);
    }
  };

  /** Answers the Publish All question with Publish. */
  const confirmPublishAll = async () => {
    const dialog = page.locator(DIALOG, { hasText: `Publish 2 web resources to ${ENVIRONMENT}?` });
    await dialog.waitFor({ state: 'visible', timeout: 60_000 });
    await dialog.locator('.monaco-button', { hasText: /^Publish$/ }).click();
  };

  /** Asks for Publish All from the palette while one runs: refused with the sentence, and nothing asked. */
  const paletteRefused = async (shot: string) => {
    await runCommand(page, 'Omnichannel: Publish All Mapped Web Resources');
    await page.locator(SELECTORS.notification, { hasText: STILL_RUNNING }).first().waitFor({ state: 'visible' });
    await screenshot(page, shot);
    assert.equal(await page.locator(DIALOG).count(), 0, 'the second Publish All asked nothing');
  };

  /** Lets the held write go on; the run ends in both places: the summary notification, the panel's buttons back. */
  const releaseAndEnd = async (held: HeldRequest, panel: FrameLocator) => {
    held.release();
    await page.locator(SELECTORS.notification, { hasText: `Web resources in ${ENVIRONMENT}: 2 published` }).first().waitFor({ state: 'visible', timeout: 90_000 });
    const { running, root } = section(panel);
    await running.waitFor({ state: 'hidden' });
    await root.locator('#webresources-publish-all:not([disabled])').waitFor({ state: 'attached' });
  };

  it('selects the stand-in environment and shows the mapped files in the panel', async () => {
    await quickOpen(page, 'case-form.js');
    await page.locator('.statusbar-item', { hasText: 'Simulator' }).first().waitFor({ state: 'visible', timeout: 60_000 });
    await selectEnvironment(page, ENVIRONMENT);
    const { publishAll } = section(await openPanel(page));
    await publishAll.waitFor({ state: 'visible', timeout: 30_000 });
    assert.equal(await publishAll.getAttribute('disabled'), null);
  });

  it('a Publish All from the palette shows in the panel, its buttons disabled, and a second one is refused', async () => {
    editScripts('edited before the palette\'s Publish All');
    const held = dv.hold({ method: 'PATCH' });
    await runCommand(page, 'Omnichannel: Publish All Mapped Web Resources');
    await confirmPublishAll();
    await held.arrived;
    const panel = await openPanel(page);
    const { running, root } = section(panel);
    await running.filter({ hasText: 'Publishing every mapped file' }).waitFor({ state: 'visible' });
    await root.locator('#webresources-publish-all[disabled]').waitFor({ state: 'attached' });
    const rows = await root.locator('li.webresource').count();
    assert.equal(await root.locator('vscode-button.publish[disabled]').count(), rows, 'every Publish button is disabled');
    assert.equal(await root.locator('vscode-button.pull[disabled]').count(), rows, 'every Pull button is disabled');
    // Asked again from the palette while the first still waits for the environment's answer.
    await paletteRefused('webres-run-1-palette-run-in-panel');
    await releaseAndEnd(held, panel);
    assert.equal(dv.logged('PATCH').length, 2, 'each file was written once');
  });

  it('a Publish All from the panel shows the same, and the palette\'s is refused meanwhile', async () => {
    await runCommand(page, 'Notifications: Clear All Notifications');
    await page.locator(SELECTORS.notification).first().waitFor({ state: 'detached' });
    editScripts('edited before the panel\'s Publish All');
    const held = dv.hold({ method: 'PATCH' });
    const panel = await openPanel(page);
    const { running, publishAll, root } = section(panel);
    await publishAll.click();
    await confirmPublishAll();
    await held.arrived;
    await running.filter({ hasText: 'Publishing every mapped file' }).waitFor({ state: 'visible' });
    await root.locator('#webresources-publish-all[disabled]').waitFor({ state: 'attached' });
    await paletteRefused('webres-run-2-panel-run-palette-refused');
    await releaseAndEnd(held, panel);
    assert.equal(dv.logged('PATCH').length, 4);
  });
});

describe('e2e: the Web resources section with no folder open', function () {
  this.timeout(180_000);
  const workbench = useWorkbench('webres-no-folder', { noFolder: true });

  it('says a folder is needed and Open Folder… asks for one', async () => {
    // As a person would in an empty window, where nothing has started the extension yet.
    const { blocked, publishAll } = section(await openPanel(workbench.page, 'activityBar'));
    await blocked.filter({ hasText: 'No folder is open' }).waitFor({ state: 'visible', timeout: 60_000 });
    assert.equal(await publishAll.isVisible(), false, 'nothing to publish, so no Publish All');
    await blocked.scrollIntoViewIfNeeded();
    await screenshot(workbench.page, 'webres-state-1-no-folder');
    await blocked.locator('#webresources-openFolder').click();
    // VS Code's own Open Folder dialog (in the browser: its file picker in the quick input).
    await workbench.page.locator(SELECTORS.quickInput).waitFor({ state: 'visible' });
    await screenshot(workbench.page, 'webres-state-2-open-folder-asked');
    await workbench.page.keyboard.press('Escape');
  });
});

describe('e2e: the Web resources section with only the Simulator, then an environment that needs a sign-in', function () {
  this.timeout(180_000);
  const SP = 'Contoso Service (test)';
  const workbench = useWorkbench('webres-environment', {
    // Only the Simulator: the samples' shared environments file is not there.
    prepare: session => rmSync(join(session.workspace, '.omnichannel', 'environments.json')),
  });

  it('says only the Simulator is set up and Add Environment… starts adding one', async () => {
    await quickOpen(workbench.page, 'case-form.js');
    const { blocked } = section(await openPanel(workbench.page));
    await blocked.filter({ hasText: 'Only the Simulator is set up' }).waitFor({ state: 'visible', timeout: 60_000 });
    await blocked.scrollIntoViewIfNeeded();
    await screenshot(workbench.page, 'webres-state-3-no-environment');
    await blocked.locator('#webresources-addEnvironment').click();
    await waitForQuickInputTitle(workbench.page, 'Add Environment');
    await workbench.page.keyboard.press('Escape');
  });

  it('with a service principal whose secret is not stored, says to sign in and Sign In asks for the secret', async () => {
    // The team's file, as a person would add it: the environment appears, the section offers to switch.
    writeFileSync(join(workbench.session.workspace, '.omnichannel', 'environments.json'), JSON.stringify({
      environments: [{
        name: SP,
        url: 'https://contoso-service-test.crm.dynamics.com',
        authentication: { type: 'servicePrincipal', tenant: '00000000-0000-4000-8000-000000000001', clientId: '00000000-0000-4000-8000-000000000002' },
      }],
    }, null, 2));
    const panel = await openPanel(workbench.page);
    const { blocked } = section(panel);
    await blocked.filter({ hasText: 'switch to a Dataverse environment' }).waitFor({ state: 'visible', timeout: 60_000 });
    await blocked.locator('#webresources-selectEnvironment').click();
    await waitForQuickInputTitle(workbench.page, 'Run link calls against which environment?');
    await workbench.page.locator(SELECTORS.quickInputRow, { hasText: SP }).first().click();
    await blocked.filter({ hasText: `Sign in to ${SP}` }).waitFor({ state: 'visible', timeout: 60_000 });
    assert.equal(await panel.locator('#webresources-publish-all[disabled]').count(), 1);
    await blocked.scrollIntoViewIfNeeded();
    await screenshot(workbench.page, 'webres-state-4-sign-in');
    await blocked.locator('#webresources-signIn').click();
    await waitForQuickInputTitle(workbench.page, `Client secret for ${SP}`);
    await screenshot(workbench.page, 'webres-state-5-sign-in-asked');
    await workbench.page.keyboard.press('Escape');
  });
});

describe('e2e: the Web resources section in an untrusted workspace (Restricted Mode)', function () {
  this.timeout(180_000);
  let dv: FakeDataverse;
  before(async () => {
    dv = await FakeDataverse.start({ token: TOKEN });
  });
  const workbench = useWorkbench('webres-untrusted', () => ({
    untrustedWorkspace: true,
    settings: {
      'omnichannel.environments': [{ name: ENVIRONMENT, url: dv.url, authentication: { type: 'command', command: `echo ${TOKEN}` } }],
      'omnichannel.trustedHosts': [dv.host],
    },
  }));
  after(async () => {
    await dv?.close();
  });

  it('says nothing is published from an untrusted workspace and Manage Trust opens Workspace Trust', async () => {
    await quickOpen(workbench.page, 'case-form.js');
    await workbench.page.locator('.statusbar-item', { hasText: 'Simulator' }).first().waitFor({ state: 'visible', timeout: 60_000 });
    await selectEnvironment(workbench.page, ENVIRONMENT);
    const panel = await openPanel(workbench.page);
    const { blocked } = section(panel);
    await blocked.filter({ hasText: 'This workspace is not trusted' }).waitFor({ state: 'visible', timeout: 60_000 });
    const rows = await panel.locator('#webresources-section li.webresource').count();
    assert.ok(rows > 0, 'the mapped files are still listed');
    assert.equal(await panel.locator('#webresources-section vscode-button.publish[disabled]').count(), rows);
    await blocked.scrollIntoViewIfNeeded();
    await screenshot(workbench.page, 'webres-state-6-untrusted');
    await blocked.locator('#webresources-manageTrust').click();
    await workbench.page.locator(SELECTORS.activeTab, { hasText: 'Workspace Trust' }).waitFor({ state: 'visible' });
    await screenshot(workbench.page, 'webres-state-7-manage-trust');
    assert.equal(dv.requests.length, 0, 'nothing reached the environment');
  });
});
