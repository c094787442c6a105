/**
 * Web resources in Restricted Mode: Publish, Publish All and Pull refuse before anything is sent, even with
 * a real environment the user configured (trusted host, working token command) active and the samples'
 * mapping in place. The Web API stand-in records every request it gets.
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { FakeDataverse } from '../../support/fake-dataverse';
import { activateExtension, workspaceUri } from '../support';
import { setUserSetting, TokenCommand, waitForEnvironments } from '../user-environments';

const ENVIRONMENT = 'Stand-in for web resources';
const CASE_FORM = 'new_/scripts/case-form.js';

interface Api {
  environments(): Promise<string[]>;
  activeEnvironment(): string;
  readonly onDidChangeEnvironments: vscode.Event<void>;
}

describe('web resources in an untrusted workspace', () => {
  let api: Api;
  let dv: FakeDataverse;
  let tokenCommand: TokenCommand;

  before(async () => {
    assert.equal(vscode.workspace.isTrusted, false, 'The workspace is trusted: this run must open it in Restricted Mode.');
    api = (await activateExtension()).exports as Api;
    dv = await FakeDataverse.start({ token: 'stand-in-token', webResources: [{ name: CASE_FORM, content: '// in the environment\n' }] });
    tokenCommand = new TokenCommand(dv.token);
    await setUserSetting('trustedHosts', [dv.host]);
    const appeared = waitForEnvironments(api, names => names.includes(ENVIRONMENT), `listed ${ENVIRONMENT}`);
    await setUserSetting('environments', [{ name: ENVIRONMENT, url: dv.url, authentication: { type: 'command', command: tokenCommand.commandLine } }]);
    await appeared;
    assert.equal(await vscode.commands.executeCommand('omnichannel.selectEnvironment', ENVIRONMENT), ENVIRONMENT);
    assert.equal(api.activeEnvironment(), ENVIRONMENT);
  });

  after(async () => {
    await vscode.commands.executeCommand('omnichannel.selectEnvironment', 'Simulator');
    await dv?.close();
    tokenCommand?.dispose();
  });

  it('Publish Web Resource, Publish All and Pull send nothing and run no token command', async () => {
    const file = workspaceUri('webresources/case-form.js');
    assert.equal(await vscode.commands.executeCommand('omnichannel.publishWebResource', file, [file]), undefined);
    assert.equal(await vscode.commands.executeCommand('omnichannel.publishAllWebResources'), undefined);
    assert.equal(await vscode.commands.executeCommand('omnichannel.pullWebResource', file), undefined);
    assert.deepEqual(dv.requests.map(r => `${r.method} ${r.path}`), [], 'The stand-in received requests from an untrusted workspace');
    assert.equal(tokenCommand.flags().length, 0, 'The token command ran in an untrusted workspace');
    assert.equal(dv.state.webResources.text(CASE_FORM), '// in the environment\n');
  });
});
