import * as assert from 'node:assert/strict';
import { ACCOUNT, ACTIVE, CASE, CLOSED, CONTACT, MISSING, NO_CASE, WAITING, rejectsWith, start, type Harness } from './setup';

describe('DataverseBackend link', () => {
  let h: Harness;
  beforeEach(async () => {
    h = await start();
  });
  afterEach(() => h.dv.close());

  it('links a case with one PATCH carrying If-Match: *, the bind body and the Web API headers', async () => {
    const result = await h.backend.link({ entityLogicalName: 'incident', recordId: CASE, conversationId: ACTIVE });
    assert.equal(result.status, 'success');
    assert.equal(result.conversationId, ACTIVE);
    assert.equal(result.replaced, undefined);
    assert.match(result.message, /Linked incident "Broken printer" to conversation "Chat with Ana" in Contoso Test/);
    const patches = h.dv.logged('PATCH');
    assert.equal(patches.length, 1);
    const patch = patches[0];
    assert.equal(patch.path, `msdyn_ocliveworkitems(${ACTIVE})`);
    assert.equal(patch.headers['if-match'], '*');
    assert.equal(patch.headers['authorization'], `Bearer ${h.dv.token}`);
    assert.equal(patch.headers['odata-version'], '4.0');
    assert.equal(patch.headers['odata-maxversion'], '4.0');
    assert.match(String(patch.headers['content-type']), /^application\/json/);
    assert.deepEqual(JSON.parse(patch.body), { 'msdyn_IssueId_msdyn_ocliveworkitem@odata.bind': `/incidents(${CASE})` });
    assert.equal(h.dv.conversation(ACTIVE)?.caseId, CASE);
    // Read before (active check) and after (confirmation).
    assert.equal(h.dv.logged('GET', `msdyn_ocliveworkitems(${ACTIVE})`).length, 2);
  });

  it('replacing a contact with an account reports the contact it replaced', async () => {
    const result = await h.backend.link({ entityLogicalName: 'account', recordId: ACCOUNT, conversationId: ACTIVE });
    assert.deepEqual(result.replaced, { entityLogicalName: 'contact', id: CONTACT, name: 'Ana Silva' });
    assert.match(result.message, /replaced contact "Ana Silva" as the conversation's customer/);
    assert.deepEqual(JSON.parse(h.dv.logged('PATCH')[0].body), { 'msdyn_customer_msdyn_ocliveworkitem_account@odata.bind': `/accounts(${ACCOUNT})` });
    assert.deepEqual(h.dv.conversation(ACTIVE)?.customer, { table: 'account', id: ACCOUNT });
  });

  it('linking what is already linked changes nothing and sends no write', async () => {
    const result = await h.backend.link({ entityLogicalName: 'contact', recordId: CONTACT, conversationId: ACTIVE });
    assert.match(result.message, /already linked/);
    assert.equal(h.dv.logged('PATCH').length, 0);
  });

  it('a missing record is named with the environment', async () => {
    const error = await rejectsWith(h.backend.link({ entityLogicalName: 'incident', recordId: NO_CASE, conversationId: ACTIVE }), 'record-not-found');
    assert.equal(error.message, `incident ${NO_CASE} does not exist in Contoso Test.`);
    assert.equal(error.functionName, 'linkToConversation');
  });

  it('a missing conversation is reported before any write', async () => {
    const error = await rejectsWith(h.backend.link({ entityLogicalName: 'incident', recordId: CASE, conversationId: MISSING }), 'conversation-not-found');
    assert.equal(error.message, `Conversation ${MISSING} does not exist in Contoso Test.`);
    assert.equal(h.dv.logged('PATCH').length, 0);
  });

  it('a conversation deleted between the read and the write (412 on If-Match) is reported as missing, and no row is created', async () => {
    h.dv.inject({ kind: 'status', status: 412, code: '0x80060882', message: 'A record with matching key values does not exist.' }, { method: 'PATCH' });
    const error = await rejectsWith(h.backend.link({ entityLogicalName: 'incident', recordId: CASE, conversationId: ACTIVE }), 'conversation-not-found');
    assert.match(error.message, /does not exist in Contoso Test/);
  });

  it('a 404 on the write naming the conversation (not the record) is reported as a missing conversation', async () => {
    h.dv.inject({ kind: 'status', status: 404, code: '0x80040217', message: `msdyn_ocliveworkitem With Id = ${ACTIVE} Does Not Exist` }, { method: 'PATCH' });
    const error = await rejectsWith(h.backend.link({ entityLogicalName: 'incident', recordId: CASE, conversationId: ACTIVE }), 'conversation-not-found');
    assert.equal(error.message, `Conversation ${ACTIVE} does not exist in Contoso Test.`);
  });

  it('refuses conversations that are not active, which Dataverse itself would accept', async () => {
    const error = await rejectsWith(h.backend.link({ entityLogicalName: 'incident', recordId: CASE, conversationId: WAITING }), 'conversation-not-active');
    assert.match(error.message, /"Waiting chat" in Contoso Test is Waiting \(statuscode 3\)/);
    // The same rule as the simulator's, with the same way out.
    assert.match(error.message, /set omnichannel\.simulator\.linkableStatus to "open"/);
    await rejectsWith(h.backend.link({ entityLogicalName: 'incident', recordId: CASE, conversationId: CLOSED }), 'conversation-not-active');
    assert.equal(h.dv.logged('PATCH').length, 0);
  });

  it('accepts any open conversation when linkableStatus is "open"', async () => {
    const open = await start({ linkableStatus: 'open' });
    try {
      await open.backend.link({ entityLogicalName: 'incident', recordId: CASE, conversationId: WAITING });
      assert.equal(open.dv.conversation(WAITING)?.caseId, CASE);
    } finally {
      await open.dv.close();
    }
  });

  it('checks arguments before sending anything', async () => {
    const wrongName = await rejectsWith(h.backend.link({ entityLogicalName: 'case', recordId: CASE, conversationId: ACTIVE }), 'invalid-entity-name');
    assert.match(wrongName.message, /use "incident"/);
    await rejectsWith(h.backend.link({ entityLogicalName: 'Incident', recordId: CASE, conversationId: ACTIVE }), 'invalid-entity-name');
    const braces = await rejectsWith(h.backend.link({ entityLogicalName: 'incident', recordId: `{${CASE.toUpperCase()}}`, conversationId: ACTIVE }), 'invalid-record-id');
    assert.match(braces.message, new RegExp(CASE));
    await rejectsWith(h.backend.link({ entityLogicalName: 'incident', recordId: CASE, conversationId: 'nope' }), 'invalid-conversation-id');
    const noConversation = await rejectsWith(h.backend.link({ entityLogicalName: 'incident', recordId: CASE }), 'no-focused-conversation');
    assert.match(noConversation.message, /pass the conversation id/);
    assert.equal(h.dv.requests.length, 0);
  });

  it('a missing privilege becomes a sentence naming the environment', async () => {
    h.dv.inject({ kind: 'status', status: 403, code: '0x80040220', message: 'Principal user is missing prvWritemsdyn_ocliveworkitem privilege.' }, { method: 'PATCH' });
    const error = await rejectsWith(h.backend.link({ entityLogicalName: 'incident', recordId: CASE, conversationId: ACTIVE }), 'forbidden');
    assert.match(error.message, /You do not have the privileges in Contoso Test to link incident/);
    assert.match(error.message, /prvWritemsdyn_ocliveworkitem/);
  });

  it('logs method, path, status and duration, never the token', async () => {
    await h.backend.link({ entityLogicalName: 'incident', recordId: CASE, conversationId: ACTIVE });
    assert.ok(h.logLines.some(l => /^PATCH \/api\/data\/v9\.2\/msdyn_ocliveworkitems\(.+\) 204 \d+ ms$/.test(l)), h.logLines.join('\n'));
    assert.ok(h.logLines.every(l => !l.includes(h.dv.token)));
  });
});
