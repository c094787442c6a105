import * as assert from 'node:assert/strict';
import { ACCOUNT, ACTIVE, CONTACT, MISSING, OTHERS, USER, WAITING, rejectsWith, start, type Harness } from './setup';

describe('DataverseBackend list, get and find', () => {
  let h: Harness;
  beforeEach(async () => {
    h = await start();
  });
  afterEach(() => h.dv.close());

  it("lists the signed-in agent's open conversations, newest first, asking WhoAmI once", async () => {
    const list = await h.backend.listConversations();
    assert.deepEqual(list.map(c => c.id), [WAITING, ACTIVE]);
    const active = list[1];
    assert.equal(active.title, 'Chat with Ana');
    assert.equal(active.statusLabel, 'Active');
    assert.equal(active.linkable, true);
    assert.equal(list[0].linkable, false);
    assert.deepEqual(active.customer, { entityLogicalName: 'contact', id: CONTACT, name: 'Ana Silva' });
    assert.equal(active.case, null);

    const query = h.dv.logged('GET', 'msdyn_ocliveworkitems')[0];
    assert.equal(query.query.get('$filter'), `statecode eq 0 and _msdyn_activeagentid_value eq ${USER}`);
    assert.equal(query.query.get('$orderby'), 'createdon desc');
    assert.equal(query.query.get('$select'), 'activityid,msdyn_title,subject,statecode,statuscode,createdon,_msdyn_customer_value,_msdyn_issueid_value');
    assert.equal(query.headers['prefer'], 'odata.include-annotations="*"');

    await h.backend.listConversations();
    assert.equal(h.dv.logged('GET', 'WhoAmI').length, 1);
  });

  it("scope 'all' drops the agent filter and needs no WhoAmI", async () => {
    const all = await start({ conversationScope: 'all' });
    try {
      const list = await all.backend.listConversations();
      assert.deepEqual(list.map(c => c.id), [WAITING, ACTIVE, OTHERS]);
      assert.equal(list[2].title, 'Someone else');
      assert.equal(all.dv.logged('GET', 'WhoAmI').length, 0);
      assert.equal(all.dv.logged('GET', 'msdyn_ocliveworkitems')[0].query.get('$filter'), 'statecode eq 0');
    } finally {
      await all.dv.close();
    }
  });

  it('gets one conversation, or says it does not exist', async () => {
    const c = await h.backend.getConversation(ACTIVE);
    assert.equal(c.title, 'Chat with Ana');
    const error = await rejectsWith(h.backend.getConversation(MISSING), 'conversation-not-found');
    assert.equal(error.message, `Conversation ${MISSING} does not exist in Contoso Test.`);
  });

  it('finds records by name with the quote escaped, case-insensitively', async () => {
    const found = await h.backend.findRecords('account', "o'brien");
    assert.deepEqual(found, [{ entityLogicalName: 'account', id: ACCOUNT, name: "O'Brien Bikes" }]);
    const request = h.dv.logged('GET', 'accounts')[0];
    assert.equal(request.query.get('$filter'), "contains(name,'o''brien')");
    assert.equal(request.query.get('$select'), 'accountid,name');
    assert.equal(request.query.get('$top'), '20');
    const contacts = await h.backend.findRecords('contact', 'ana', { top: 5 });
    assert.deepEqual(contacts.map(r => r.name), ['Ana Silva']);
    assert.equal(h.dv.logged('GET', 'contacts')[0].query.get('$filter'), "contains(fullname,'ana')");
    assert.deepEqual(await h.backend.findRecords('incident', 'printer'), [{ entityLogicalName: 'incident', id: '6b720000-0000-4000-8000-000000000001', name: 'Broken printer' }]);
  });

  it('a body that is not JSON becomes bad-response, not a crash', async () => {
    h.dv.inject({ kind: 'broken-json' });
    const error = await rejectsWith(h.backend.findRecords('account', 'x'), 'bad-response');
    assert.match(error.message, /not valid JSON/);
  });

  it('JSON of the wrong shape becomes bad-response', async () => {
    h.dv.inject({ kind: 'wrong-shape' }, { method: 'GET' });
    const error = await rejectsWith(h.backend.listConversations({}), 'bad-response');
    assert.match(error.message, /unexpected shape/);
  });
});
