/**
 * `omnichannel.linkRecord` against a real Dataverse environment as a user configures one: the Web API
 * stand-in listens on 127.0.0.1 inside this extension host, the user settings name it (with a token
 * command and the host in `omnichannel.trustedHosts`), and every assertion reads what the stand-in
 * actually received: the writes, their headers, the tokens, or the absence of any request.
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { LinkOutcome } from '../../src/protocol/link';
import { FakeDataverse, NAVIGATION, type LoggedRequest } from '../support/fake-dataverse';
import { activateExtension } from './support';
import { setUserSetting, TokenCommand, waitForEnvironments } from './user-environments';

const ENVIRONMENT = 'Stand-in';
const ACTIVE = '6a1b2c3d-4e5f-4a6b-8c7d-8e9f0a1b2c3d'; // Active (statuscode 2), nothing linked
const ACTIVE_TOO = '7b2c3d4e-5f60-4b7c-9d8e-9f0a1b2c3d4e'; // Active, for the re-authentication case
const WAITING = '8c3d4e5f-6071-4c8d-ae9f-0a1b2c3d4e5f'; // Waiting (statuscode 3): open but not active
const PRINTER_CASE = 'c0ffee00-1234-4abc-9def-00112233aabb';
const MISSING_CASE = 'deadbeef-0000-4000-8000-000000000001';
const CASE_NAVIGATION = Object.entries(NAVIGATION).find(([, nav]) => nav.table === 'incident')?.[0] ?? '';

interface Api {
  environments(): Promise<string[]>;
  readonly onDidChangeEnvironments: vscode.Event<void>;
}

type Failure = Extract<LinkOutcome, { status: 'failure' }>;

function link(recordId: string, conversationId: string): Thenable<LinkOutcome> {
  return vscode.commands.executeCommand<LinkOutcome>('omnichannel.linkRecord', {
    environment: ENVIRONMENT, entityLogicalName: 'incident', recordId, conversationId,
  });
}

function failure(outcome: LinkOutcome, code: Failure['code']): Failure {
  assert.equal(outcome?.status, 'failure', `Expected a failure, got ${JSON.stringify(outcome)}`);
  const failed = outcome as Failure;
  assert.equal(failed.code, code, `Expected ${code}, got ${JSON.stringify(outcome)}`);
  return failed;
}


describe('omnichannel.linkRecord against a Dataverse environment (the Web API stand-in on 127.0.0.1)', () => {
  let api: Api;
  let dv: FakeDataverse;
  let tokenCommand: TokenCommand;
  let saved: { environments: unknown; trustedHosts: unknown };

  before(async () => {
    api = (await activateExtension()).exports as Api;
    assert.ok(typeof api?.environments === 'function' && typeof api.onDidChangeEnvironments === 'function', 'The extension API has no environments()/onDidChangeEnvironments');
    assert.ok(vscode.workspace.isTrusted, 'The test workspace must be trusted: real environments are refused in an untrusted one.');
    dv = await FakeDataverse.start({
      token: 'stand-in-token-1',
      conversations: [
        { activityid: ACTIVE, msdyn_title: 'Printer on fire' },
        { activityid: ACTIVE_TOO, msdyn_title: 'Second chat' },
        { activityid: WAITING, msdyn_title: 'On hold', statuscode: 3 },
      ],
      incidents: [{ id: PRINTER_CASE, name: 'Broken printer' }],
    });
    tokenCommand = new TokenCommand(dv.token);
    const inspect = (key: string): unknown => vscode.workspace.getConfiguration('omnichannel').inspect(key)?.globalValue;
    saved = { environments: inspect('environments'), trustedHosts: inspect('trustedHosts') };
    await setUserSetting('trustedHosts', [dv.host]);
    const appeared = waitForEnvironments(api, names => names.includes(ENVIRONMENT), `listed ${ENVIRONMENT}`);
    await setUserSetting('environments', [
      { name: ENVIRONMENT, url: dv.url, authentication: { type: 'command', command: tokenCommand.commandLine } },
    ]);
    await appeared;
  });

  after(async () => {
    if (saved) {
      await setUserSetting('environments', saved.environments);
      await setUserSetting('trustedHosts', saved.trustedHosts);
    }
    await dv?.close();
    tokenCommand?.dispose();
  });

  /** Runs `action` and returns the requests the stand-in received meanwhile. */
  async function requestsDuring<T>(action: () => Thenable<T> | Promise<T>): Promise<{ result: T; requests: LoggedRequest[] }> {
    const start = dv.requests.length;
    const result = await action();
    return { result, requests: dv.requests.slice(start) };
  }

  it('links a case to an active conversation with one PATCH (If-Match: *) carrying only the expected token', async () => {
    const { result: outcome, requests } = await requestsDuring(() => link(PRINTER_CASE, ACTIVE));
    assert.equal(outcome?.status, 'success', `Expected success, got ${JSON.stringify(outcome)}`);
    assert.equal(outcome.status === 'success' && outcome.conversationId, ACTIVE);
    assert.equal(dv.conversation(ACTIVE)?.caseId, PRINTER_CASE, 'The stand-in does not hold the link');

    const writes = requests.filter(r => r.method !== 'GET');
    assert.equal(writes.length, 1, `Expected exactly one write, got: ${writes.map(r => `${r.method} ${r.path}`).join(', ')}`);
    const [patch] = writes;
    assert.equal(patch.method, 'PATCH');
    assert.equal(patch.path, `msdyn_ocliveworkitems(${ACTIVE})`);
    assert.equal(patch.headers['if-match'], '*', 'A PATCH without If-Match: * is an upsert that could create a conversation');
    assert.deepEqual(JSON.parse(patch.body), { [`${CASE_NAVIGATION}@odata.bind`]: `/incidents(${PRINTER_CASE})` });
    assert.equal(patch.status, 204);

    const otherTokens = requests.filter(r => r.headers.authorization !== `Bearer ${dv.token}`);
    assert.deepEqual(otherTokens.map(r => `${r.method} ${r.path}`), [], 'Some requests carried another token (or none)');
  });

  it('refuses a conversation that is not active and writes nothing', async () => {
    const { result: outcome, requests } = await requestsDuring(() => link(PRINTER_CASE, WAITING));
    const failed = failure(outcome, 'conversation-not-active');
    assert.match(failed.message, /On hold/);
    assert.deepEqual(requests.filter(r => r.method !== 'GET').map(r => `${r.method} ${r.path}`), [], 'A write was sent for a conversation that is not active');
    assert.equal(dv.conversation(WAITING)?.caseId, null);
  });

  it('reports a record that does not exist by its id and the environment name', async () => {
    const caseBefore = dv.conversation(ACTIVE)?.caseId;
    const { result: outcome, requests } = await requestsDuring(() => link(MISSING_CASE, ACTIVE));
    const failed = failure(outcome, 'record-not-found');
    assert.ok(failed.message.includes(MISSING_CASE), `The message does not name the record: ${failed.message}`);
    assert.ok(failed.message.includes(ENVIRONMENT), `The message does not name the environment: ${failed.message}`);
    const refused = requests.find(r => r.method === 'PATCH');
    assert.equal(refused?.status, 404, 'The stand-in was not asked to bind the missing record');
    assert.equal(refused?.applied, false);
    assert.equal(dv.conversation(ACTIVE)?.caseId, caseBefore, 'The conversation\'s case changed');
  });

  it('with the host no longer trusted, a call fails with untrusted-host and Sign In refuses, before any request or token', async () => {
    const runsBefore = tokenCommand.flags().length;
    await setUserSetting('trustedHosts', []);
    try {
      const { result: outcome, requests } = await requestsDuring(() => link(PRINTER_CASE, ACTIVE_TOO));
      const failed = failure(outcome, 'untrusted-host');
      assert.ok(failed.message.includes(dv.host), `The message does not name the host: ${failed.message}`);
      assert.ok(failed.message.includes('omnichannel.trustedHosts'), `The message does not say how to trust it: ${failed.message}`);
      assert.deepEqual(requests.map(r => `${r.method} ${r.path}`), [], 'The stand-in received requests from an untrusted configuration');
      assert.equal(tokenCommand.flags().length, runsBefore, 'The token command ran although the host is not trusted');
      // Signing in asks for no token either: it could never be sent there.
      const signedIn = await vscode.commands.executeCommand<boolean>('omnichannel.signIn', 'Stand-in');
      assert.equal(signedIn, false, 'Sign In succeeded for a host that is not trusted');
      assert.equal(tokenCommand.flags().length, runsBefore, 'Sign In ran the token command although the host is not trusted');
    } finally {
      await setUserSetting('trustedHosts', [dv.host]);
    }
  });

  it('after a 401 gets a fresh token from the command (OMNICHANNEL_FORCE_REFRESH=1) and succeeds', async () => {
    // The stand-in now wants a new token; the command keeps printing its cached one until forced.
    const stale = dv.token;
    dv.token = 'stand-in-token-2';
    tokenCommand.issue(dv.token);
    const runsBefore = tokenCommand.flags().length;

    const { result: outcome, requests } = await requestsDuring(() => link(PRINTER_CASE, ACTIVE_TOO));
    assert.equal(outcome?.status, 'success', `Expected success after re-authentication, got ${JSON.stringify(outcome)}`);
    assert.equal(dv.conversation(ACTIVE_TOO)?.caseId, PRINTER_CASE);

    const refused = requests.filter(r => r.status === 401);
    assert.equal(refused.length, 1, `Expected one 401, got: ${requests.map(r => `${r.method} ${r.path} ${r.status}`).join(', ')}`);
    assert.equal(refused[0].headers.authorization, `Bearer ${stale}`);
    const afterRefusal = requests.slice(requests.indexOf(refused[0]) + 1);
    assert.ok(afterRefusal.length > 0 && afterRefusal.every(r => r.headers.authorization === `Bearer ${dv.token}`), 'Requests after the refresh did not carry the fresh token');
    assert.equal(requests.filter(r => r.method === 'PATCH').length, 1, 'The write was sent more than once');
    assert.ok(tokenCommand.flags().slice(runsBefore).includes('1'), 'The token command never ran with OMNICHANNEL_FORCE_REFRESH=1');
  });
});
