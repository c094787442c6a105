import * as assert from 'node:assert/strict';
import { ACCOUNT, ACTIVE, CONTACT, MISSING, WAITING, rejectsWith, start, type Harness } from './setup';

describe('DataverseBackend unlink', () => {
  let h: Harness;
  beforeEach(async () => {
    h = await start();
  });
  afterEach(() => h.dv.close());

  it('removes the linked contact with DELETE …/<nav>/$ref and confirms it by reading back', async () => {
    const result = await h.backend.unlink({ entityLogicalName: 'contact', recordId: CONTACT, conversationId: ACTIVE });
    assert.equal(result.status, 'success');
    assert.match(result.message, /Unlinked contact "Ana Silva" from conversation "Chat with Ana" in Contoso Test/);
    const deletes = h.dv.logged('DELETE');
    assert.equal(deletes.length, 1);
    assert.equal(deletes[0].path, `msdyn_ocliveworkitems(${ACTIVE})/msdyn_customer_msdyn_ocliveworkitem_contact/$ref`);
    assert.equal(h.dv.conversation(ACTIVE)?.customer, null);
  });

  it('refuses to unlink a record that is not the one linked, without sending the DELETE', async () => {
    const error = await rejectsWith(h.backend.unlink({ entityLogicalName: 'account', recordId: ACCOUNT, conversationId: ACTIVE }), 'not-linked');
    assert.match(error.message, /its customer is contact "Ana Silva"/);
    const empty = await rejectsWith(h.backend.unlink({ entityLogicalName: 'incident', recordId: ACCOUNT, conversationId: ACTIVE }), 'not-linked');
    assert.match(empty.message, /it has no case linked/);
    assert.equal(h.dv.logged('DELETE').length, 0);
    assert.deepEqual(h.dv.conversation(ACTIVE)?.customer, { table: 'contact', id: CONTACT });
  });

  it('a missing or inactive conversation is refused', async () => {
    await rejectsWith(h.backend.unlink({ entityLogicalName: 'contact', recordId: CONTACT, conversationId: MISSING }), 'conversation-not-found');
    await rejectsWith(h.backend.unlink({ entityLogicalName: 'contact', recordId: CONTACT, conversationId: WAITING }), 'conversation-not-active');
  });

  it('a DELETE answered with 500 after it took effect succeeds by read-back with one DELETE', async () => {
    h.dv.inject({ kind: 'status', status: 500 }, { method: 'DELETE', afterApply: true });
    await h.backend.unlink({ entityLogicalName: 'contact', recordId: CONTACT, conversationId: ACTIVE });
    assert.equal(h.dv.logged('DELETE').length, 1);
    assert.equal(h.dv.conversation(ACTIVE)?.customer, null);
  });
});
