/**
 * Environments as a person manages them, in VS Code in Chromium with the packaged VSIX: the picker ending
 * with "Add Environment…", the commented template opened with the URL selected, an import of the pac CLI
 * sign-ins found in the test's own HOME, switching without a sign-in dialog, and simulator data made from
 * the Web API stand-in on 127.0.0.1. Steps build on each other (one session); each saves a screenshot.
 */
import * as assert from 'node:assert/strict';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, watch, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { screenshot } from './support/browser';
import { useWorkbench } from './support/use-workbench';
import { SELECTORS, pick, quickOpen, runCommand, waitForQuickInputTitle } from './support/workbench';
import { FakeDataverse } from '../support/fake-dataverse';

const PAC_PROFILES = {
  Profiles: [
    { Kind: 'UNIVERSAL', Name: 'contoso-dev', User: 'dev@contoso.onmicrosoft.com', TenantId: '11111111-2222-4333-8444-555555555555', Resource: 'https://contoso-dev.crm.dynamics.com/', FriendlyName: 'Contoso Dev' },
    { Kind: 'UNIVERSAL', Name: '', User: 'admin@contoso.onmicrosoft.com', TenantId: '11111111-2222-4333-8444-555555555555', Resource: 'https://service.powerapps.com/' },
  ],
  Current: { UNIVERSAL: { Kind: 'UNIVERSAL', Name: 'contoso-dev', User: 'dev@contoso.onmicrosoft.com', TenantId: '11111111-2222-4333-8444-555555555555', Resource: 'https://contoso-dev.crm.dynamics.com/' } },
};
const STAND_IN = 'Stand-in';
const CONVERSATION = '1f3c0000-0000-4000-8000-000000000001';
const CONTACT = 'c0000000-0000-4000-8000-000000000001';

describe('e2e: environments as a person adds and uses them', function () {
  this.timeout(180_000);
  let home: string;
  let dv: FakeDataverse;

  before(async () => {
    home = mkdtempSync(join(tmpdir(), 'omnichannel-e2e-home-'));
    const pac = join(home, '.local', 'share', 'Microsoft', 'PowerAppsCli');
    mkdirSync(pac, { recursive: true });
    writeFileSync(join(pac, 'authprofiles_v2.json'), JSON.stringify(PAC_PROFILES, null, 2));
    dv = await FakeDataverse.start({
      conversations: [{ activityid: CONVERSATION, msdyn_title: 'Chat with Ana Silva', statuscode: 2, customer: { table: 'contact', id: CONTACT } }],
      contacts: [{ id: CONTACT, name: 'Ana Silva' }],
      incidents: [{ id: '6b720000-0000-4000-8000-000000000001', name: 'Broken printer' }],
    });
  });

  const workbench = useWorkbench('env', () => ({
    env: { HOME: home },
    settings: {
      'omnichannel.trustedHosts': [dv.host],
      'omnichannel.environments': [{ name: STAND_IN, url: dv.url, authentication: { type: 'command', command: `echo ${dv.token}` } }],
    },
    // The copy of the samples has an environments file; the template is for a workspace without one.
    prepare: session => rmSync(join(session.workspace, '.omnichannel', 'environments.json')),
  }));

  // After the workbench's own `after`, which stops VS Code first.
  after(async () => {
    await dv?.close();
    if (home) rmSync(home, { recursive: true, force: true });
  });

  it('clicks the environment in the status bar and sees the picker end with "Add Environment…"', async () => {
    // The extension starts with the first script opened, as it does for a person.
    await quickOpen(workbench.page, 'case-form.js');
    await workbench.page.locator('.statusbar-item', { hasText: 'Simulator' }).first().click();
    await waitForQuickInputTitle(workbench.page, 'Run link calls against which environment?');
    const rows = workbench.page.locator(SELECTORS.quickInputRow);
    await rows.filter({ hasText: 'Add Environment…' }).waitFor({ state: 'visible' });
    const labels = await rows.allInnerTexts();
    assert.match(labels[0] ?? '', /Simulator/);
    assert.match(labels[labels.length - 1] ?? '', /Add Environment…/);
    await screenshot(workbench.page, 'env-1-picker-add-environment');
  });

  it('adds to .omnichannel/environments.json: the template opens with the URL selected, typing replaces it', async () => {
    await pick(workbench.page, 'Add Environment…');
    await waitForQuickInputTitle(workbench.page, 'Add Environment');
    await screenshot(workbench.page, 'env-2-add-choices');
    await pick(workbench.page, 'Add to .omnichannel/environments.json');
    await workbench.page.locator(SELECTORS.activeTab, { hasText: 'environments.json' }).waitFor({ state: 'visible' });
    await workbench.page.locator('.editor-instance .view-line', { hasText: 'Dataverse environments shared with everyone' }).first().waitFor({ state: 'visible' });
    await workbench.page.locator('.editor-instance .selected-text').first().waitFor({ state: 'visible' });
    await screenshot(workbench.page, 'env-3-template-url-selected');
    // The cursor is in the editor, on the URL: typing replaces it.
    await workbench.page.locator('.editor-instance .monaco-editor.focused').waitFor({ state: 'visible' });
    await workbench.page.keyboard.type('https://contoso-e2e.crm.dynamics.com');
    await workbench.page.locator('.editor-instance .view-line', { hasText: 'contoso-e2e.crm.dynamics.com' }).first().waitFor({ state: 'visible' });
    const file = join(workbench.session.workspace, '.omnichannel', 'environments.json');
    const saved = fileMatches(file, /"url": "https:\/\/contoso-e2e\.crm\.dynamics\.com",/);
    // Saved with Ctrl+S (code-server also saves after a delay by default): either way the file on disk changes.
    await workbench.page.keyboard.press('Control+S');
    await saved;
    assert.equal(await workbench.page.locator('.tabs-container .tab', { hasText: '↔' }).count(), 0, 'no save conflict');
    // JSON with comments: the template's comments are no problems (the file is associated with jsonc).
    await workbench.page.locator('.statusbar-item', { hasText: 'JSON with Comments' }).first().waitFor({ state: 'visible' });
    assert.equal(await workbench.page.locator('.editor-instance .squiggly-error').count(), 0, 'no squiggles in the template');
    await screenshot(workbench.page, 'env-3b-template-edited');
  });

  it('imports the pac CLI sign-in found in HOME, with the tenant-only profile shown as not importable', async () => {
    await runCommand(workbench.page, 'Omnichannel: Import Environments from pac CLI…');
    await waitForQuickInputTitle(workbench.page, 'Import from pac CLI');
    await workbench.page.locator(SELECTORS.quickInputRow, { hasText: 'https://contoso-dev.crm.dynamics.com' }).waitFor({ state: 'visible' });
    await workbench.page.locator(SELECTORS.quickInputRow, { hasText: 'Not importable: No environment selected' }).waitFor({ state: 'visible' });
    await screenshot(workbench.page, 'env-4-pac-profiles');
    await workbench.page.keyboard.press('Enter');
    await waitForQuickInputTitle(workbench.page, 'Import from pac CLI');
    await pick(workbench.page, '.omnichannel/environments.json');
    const toast = workbench.page.locator(SELECTORS.notification, { hasText: 'Added "Contoso Dev"' }).first();
    await toast.waitFor({ state: 'visible' });
    await screenshot(workbench.page, 'env-5-pac-imported');
    const text = readFileSync(join(workbench.session.workspace, '.omnichannel', 'environments.json'), 'utf8');
    assert.match(text, /\/\/ Dataverse environments shared with everyone/, 'the template\'s comments are kept');
    assert.match(text, /"name": "Contoso Dev",\s*"url": "https:\/\/contoso-dev\.crm\.dynamics\.com",\s*"authentication": \{\s*"type": "microsoft",\s*"tenant": "11111111-2222-4333-8444-555555555555"/);
  });

  it('switches to the imported environment without a sign-in dialog; the status bar offers "Sign in"', async () => {
    await workbench.page.locator('.statusbar-item', { hasText: 'Simulator' }).first().click();
    await waitForQuickInputTitle(workbench.page, 'Run link calls against which environment?');
    await pick(workbench.page, 'Contoso Dev');
    await workbench.page.locator('.statusbar-item', { hasText: 'Contoso Dev' }).first().waitFor({ state: 'visible' });
    await workbench.page.locator('.statusbar-item', { hasText: 'Sign in' }).first().waitFor({ state: 'visible' });
    assert.equal(await workbench.page.locator('.monaco-dialog-box').count(), 0, 'no sign-in dialog on switching');
    await screenshot(workbench.page, 'env-6-switched-sign-in-offered');
  });

  it('creates simulator data from the stand-in: asks, backs up the old file, writes placeholders', async () => {
    // The data comes from the active environment: the stand-in on 127.0.0.1 (token from a command).
    await workbench.page.locator('.statusbar-item', { hasText: 'Contoso Dev' }).first().click();
    await waitForQuickInputTitle(workbench.page, 'Run link calls against which environment?');
    await pick(workbench.page, STAND_IN);
    await workbench.page.locator('.statusbar-item', { hasText: STAND_IN }).first().waitFor({ state: 'visible' });
    await runCommand(workbench.page, 'Omnichannel: Create Simulator Data from Environment…');
    const dialog = workbench.page.locator('.monaco-dialog-box', { hasText: `Create simulator data from ${STAND_IN}?` });
    await dialog.waitFor({ state: 'visible' });
    await screenshot(workbench.page, 'env-7-seed-asks');
    await dialog.locator('.monaco-button', { hasText: /^Create$/ }).click();
    const replace = workbench.page.locator('.monaco-dialog-box', { hasText: 'simulator.json exists. Replace it?' });
    await replace.waitFor({ state: 'visible' });
    await replace.locator('.monaco-button', { hasText: 'Back Up and Replace' }).click();
    const toast = workbench.page.locator(SELECTORS.notification, { hasText: `Wrote .omnichannel/simulator.json from ${STAND_IN}` }).first();
    await toast.waitFor({ state: 'visible' });
    await screenshot(workbench.page, 'env-8-seed-written');
    const folder = join(workbench.session.workspace, '.omnichannel');
    const written = readFileSync(join(folder, 'simulator.json'), 'utf8');
    assert.match(written, new RegExp(CONVERSATION));
    assert.ok(!written.includes('Ana Silva'), 'names replaced by default');
    assert.ok(readdirSync(folder).some(name => /^simulator\.\d{8}-\d{6}\.backup\.json$/.test(name)), 'the previous file was backed up');
    assert.ok(existsSync(join(folder, 'simulator.json')));
  });
});

/** Resolves once the file's text matches (checked now and on each change the file system reports). */
function fileMatches(file: string, pattern: RegExp, timeoutMs = 30_000): Promise<void> {
  return new Promise((resolve, reject) => {
    const check = (): boolean => {
      try { return pattern.test(readFileSync(file, 'utf8')); } catch { return false; }
    };
    if (check()) { resolve(); return; }
    const watcher = watch(file, () => {
      if (!check()) return;
      watcher.close();
      clearTimeout(timer);
      resolve();
    });
    const timer = setTimeout(() => {
      watcher.close();
      reject(new Error(`${file} never matched ${pattern}; it holds:\n${readFileSync(file, 'utf8')}`));
    }, timeoutMs);
  });
}
