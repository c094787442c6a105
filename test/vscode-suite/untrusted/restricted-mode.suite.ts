/**
 * The extension in Restricted Mode: no real (Dataverse) call runs, even against an environment the user
 * configured with a trusted host and a working token command; the workspace's
 * `.omnichannel/environments.json` is not read; the simulator and the language features still work.
 * The Web API stand-in listens on 127.0.0.1 inside this extension host and records every request.
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { LinkOutcome } from '../../../src/protocol/link';
import { FakeDataverse } from '../../support/fake-dataverse';
import { activateExtension, openDocument, waitForDiagnostics, workspaceUri } from '../support';
import { setUserSetting, TokenCommand, waitForEnvironments } from '../user-environments';

const ENVIRONMENT = 'Stand-in';
const ACTIVE = '6a1b2c3d-4e5f-4a6b-8c7d-8e9f0a1b2c3d';
const PRINTER_CASE = 'c0ffee00-1234-4abc-9def-00112233aabb';
/** The samples' simulator seed: an active conversation with no case yet. */
const SIMULATED_VOICE = '9d8e7f60-1a2b-4c3d-9e8f-0a1b2c3d4e5f';

interface Api {
  environments(): Promise<string[]>;
  readonly onDidChangeEnvironments: vscode.Event<void>;
  getSimulatorState(): Promise<{ conversations: { id: string; case: { id: string } | null }[] }>;
}


describe('in an untrusted workspace (Restricted Mode)', () => {
  let api: Api;
  let dv: FakeDataverse;
  let tokenCommand: TokenCommand;
  let listed: string[];

  before(async () => {
    assert.equal(vscode.workspace.isTrusted, false, 'The workspace is trusted: this run must open it in Restricted Mode.');
    api = (await activateExtension()).exports as Api;
    assert.ok(typeof api?.environments === 'function' && typeof api.onDidChangeEnvironments === 'function', 'The extension API has no environments()/onDidChangeEnvironments');
    dv = await FakeDataverse.start({
      token: 'stand-in-token',
      conversations: [{ activityid: ACTIVE, msdyn_title: 'Printer on fire' }],
      incidents: [{ id: PRINTER_CASE, name: 'Broken printer' }],
    });
    tokenCommand = new TokenCommand(dv.token);
    // Everything a trusted workspace would need for the call to go through, configured by the user.
    await setUserSetting('trustedHosts', [dv.host]);
    const appeared = waitForEnvironments(api, names => names.includes(ENVIRONMENT), `listed ${ENVIRONMENT}`);
    await setUserSetting('environments', [
      { name: ENVIRONMENT, url: dv.url, authentication: { type: 'command', command: tokenCommand.commandLine } },
    ]);
    listed = await appeared;
  });

  after(async () => {
    await dv?.close();
    tokenCommand?.dispose();
  });

  it('refuses a Dataverse call with untrusted-workspace and a reason, and the stand-in receives no request', async () => {
    const outcome = await vscode.commands.executeCommand<LinkOutcome>('omnichannel.linkRecord', {
      environment: ENVIRONMENT, entityLogicalName: 'incident', recordId: PRINTER_CASE, conversationId: ACTIVE,
    });
    assert.equal(outcome?.status, 'failure', `Expected a failure, got ${JSON.stringify(outcome)}`);
    const failed = outcome as Extract<LinkOutcome, { status: 'failure' }>;
    assert.equal(failed.code, 'untrusted-workspace', `Expected untrusted-workspace, got ${JSON.stringify(outcome)}`);
    assert.match(failed.message, /not trusted/, `The message does not say why: ${failed.message}`);
    assert.ok(failed.message.includes(ENVIRONMENT), `The message does not name the environment: ${failed.message}`);
    assert.deepEqual(dv.requests.map(r => `${r.method} ${r.path}`), [], 'The stand-in received requests from an untrusted workspace');
    assert.equal(tokenCommand.flags().length, 0, 'The token command ran in an untrusted workspace');
    assert.equal(dv.conversation(ACTIVE)?.caseId, null);
  });

  it('ignores the workspace\'s .omnichannel/environments.json: its environments are not listed', async () => {
    // The file is there and names an environment; only the user's and the built-in ones are listed.
    const file = new TextDecoder().decode(await vscode.workspace.fs.readFile(workspaceUri('.omnichannel/environments.json')));
    const fromFile = [...file.matchAll(/"name"\s*:\s*"([^"]+)"/g)].map(match => match[1]);
    assert.ok(fromFile.length > 0, `The samples' environments file names no environment:\n${file}`);
    for (const name of fromFile) assert.ok(!listed.includes(name), `${name} (from the workspace file) is listed: ${listed.join(', ')}`);
    assert.deepEqual([...listed].sort(), ['Simulator', ENVIRONMENT].sort());
  });

  it('still runs the simulator: a case is linked to a conversation', async () => {
    const outcome = await vscode.commands.executeCommand<LinkOutcome>('omnichannel.linkRecord', {
      environment: 'Simulator', entityLogicalName: 'incident', recordId: PRINTER_CASE, conversationId: SIMULATED_VOICE,
    });
    assert.equal(outcome?.status, 'success', `Expected success, got ${JSON.stringify(outcome)}`);
    const voice = (await api.getSimulatorState()).conversations.find(c => c.id === SIMULATED_VOICE);
    assert.deepEqual(voice?.case, { id: PRINTER_CASE });
  });

  it('still reports the diagnostics of a sample file', async () => {
    const document = await openDocument('webresources/case-form.js');
    const diagnostics = await waitForDiagnostics(document.uri, found => found.length >= 4);
    assert.deepEqual(
      diagnostics.map(d => String(typeof d.code === 'object' ? d.code.value : d.code)).sort(),
      ['invalid-entity-name', 'invalid-record-id', 'missing-ui-refresh', 'unhandled-rejection'],
    );
  });
});
