/**
 * The environment commands inside the real extension host: "Import Environments from pac CLI…" reading a
 * real profile file (through `omnichannel.pac.authProfilesPath`) into the user settings and the workspace
 * file, a broken profile file's message, and "Create Simulator Data from Environment…" against the Web API
 * stand-in on 127.0.0.1. Commands run with their argument, so no prompt is needed.
 */
import * as assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as vscode from 'vscode';
import { FakeDataverse } from '../support/fake-dataverse';
import { activateExtension, workspaceUri } from './support';
import { setUserSetting, waitForEnvironments, type EnvironmentsApi } from './user-environments';

const TENANT = '11111111-2222-4333-8444-555555555555';
const PROFILES = {
  Profiles: [
    { Kind: 'UNIVERSAL', Name: 'fabrikam', User: 'dev@fabrikam.com', TenantId: TENANT, Resource: 'https://fabrikam-dev.crm4.dynamics.com/', FriendlyName: 'Fabrikam Dev' },
    { Kind: 'UNIVERSAL', Name: 'admin', User: 'admin@fabrikam.com', TenantId: TENANT, Resource: 'https://service.powerapps.com/' },
  ],
};

interface ImportResult { added: string[]; destination?: string; problem?: string }
interface SeedOutcome { written?: string; backup?: string; conversations?: number; problem?: string }

describe('environment commands in the extension host', () => {
  let api: EnvironmentsApi;
  let folder: string;
  let saved: { environments: unknown; path: unknown; trustedHosts: unknown };
  const inspect = (key: string): unknown => vscode.workspace.getConfiguration('omnichannel').inspect(key)?.globalValue;

  before(async () => {
    api = (await activateExtension()).exports as EnvironmentsApi;
    folder = mkdtempSync(join(tmpdir(), 'pac-suite-'));
    saved = { environments: inspect('environments'), path: inspect('pac.authProfilesPath'), trustedHosts: inspect('trustedHosts') };
  });

  after(async () => {
    await setUserSetting('environments', saved.environments);
    await setUserSetting('pac.authProfilesPath', saved.path);
    await setUserSetting('trustedHosts', saved.trustedHosts);
    rmSync(folder, { recursive: true, force: true });
  });

  it('imports the importable pac profile into the user settings, with its tenant, keeping what was there', async () => {
    writeFileSync(join(folder, 'authprofiles_v2.json'), JSON.stringify(PROFILES));
    await setUserSetting('pac.authProfilesPath', folder);
    await setUserSetting('environments', [{ name: 'Mine', url: 'https://mine.crm.dynamics.com', authentication: { type: 'azureCli' } }]);
    const listed = waitForEnvironments(api, names => names.includes('Fabrikam Dev'), 'listed Fabrikam Dev');
    const result = await vscode.commands.executeCommand<ImportResult>('omnichannel.importPacEnvironments', { destination: 'settings', profiles: 'all' });
    assert.deepEqual(result, { added: ['Fabrikam Dev'], destination: 'settings' });
    await listed;
    assert.deepEqual(inspect('environments'), [
      { name: 'Mine', url: 'https://mine.crm.dynamics.com', authentication: { type: 'azureCli' } },
      { name: 'Fabrikam Dev', url: 'https://fabrikam-dev.crm4.dynamics.com', authentication: { type: 'microsoft', tenant: TENANT } },
    ]);
    const again = await vscode.commands.executeCommand<ImportResult>('omnichannel.importPacEnvironments', { destination: 'settings', profiles: 'all' });
    assert.deepEqual(again.added, []);
    assert.match(again.problem ?? '', /Fabrikam Dev: already added as "Fabrikam Dev".*No environment selected/);
  });

  it('says which file is broken and where, and adds nothing', async () => {
    writeFileSync(join(folder, 'authprofiles_v2.json'), '{ "Profiles": [ { "Name": "x" ');
    const result = await vscode.commands.executeCommand<ImportResult>('omnichannel.importPacEnvironments', { destination: 'settings', profiles: 'all' });
    assert.deepEqual(result.added, []);
    assert.match(result.problem ?? '', new RegExp(`${join(folder, 'authprofiles_v2.json').replace(/[.\\/]/g, '\\$&')}:1:\\d+: JSON syntax error`));
  });

  it('creates simulator data from the stand-in, backing up the file it replaces', async () => {
    const conversation = '1f3c0000-0000-4000-8000-000000000001';
    const dv = await FakeDataverse.start({
      conversations: [{ activityid: conversation, msdyn_title: 'Chat with Ana Silva', customer: { table: 'contact', id: 'c0000000-0000-4000-8000-000000000001' } }],
      contacts: [{ id: 'c0000000-0000-4000-8000-000000000001', name: 'Ana Silva' }],
    });
    try {
      await setUserSetting('trustedHosts', [dv.host]);
      const listed = waitForEnvironments(api, names => names.includes('Seed Source'), 'listed Seed Source');
      await setUserSetting('environments', [{ name: 'Seed Source', url: dv.url, authentication: { type: 'command', command: `echo ${dv.token}` } }]);
      await listed;
      const seedFile = workspaceUri('.omnichannel/simulator.json');
      const before = readFileSync(seedFile.fsPath, 'utf8');
      const outcome = await vscode.commands.executeCommand<SeedOutcome>('omnichannel.createSimulatorData', { environment: 'Seed Source', confirmed: true, replace: true });
      assert.equal(outcome.problem, undefined);
      assert.equal(outcome.conversations, 1);
      const written = readFileSync(seedFile.fsPath, 'utf8');
      assert.match(written, new RegExp(conversation));
      assert.ok(!written.includes('Ana Silva'));
      assert.equal(readFileSync(outcome.backup ?? '', 'utf8'), before, 'the previous file is kept byte for byte');
      // Leave the workspace as it was for the other suites.
      writeFileSync(seedFile.fsPath, before);
      rmSync(outcome.backup ?? '');
      assert.ok(!readdirSync(join(seedFile.fsPath, '..')).some(n => n.endsWith('.backup.json')));
    } finally {
      await dv.close();
    }
  });
});
