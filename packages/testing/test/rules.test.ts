/** The documented link rules, as the double applies them (the simulator engine's, so the extension's too). */
import * as assert from 'node:assert/strict';
import { installOmnichannel, type OmnichannelDouble } from '../src';
import { ACCOUNTS, CASES, CONTACTS, CONVERSATIONS } from '../src/simulator/sample-data';

function rejectsWith(code: string, pattern: RegExp) {
  return (error: unknown) => {
    const e = error as { code?: string; message?: string; status?: string; functionName?: string };
    assert.equal(e.status, 'failure');
    assert.equal(e.code, code);
    assert.match(e.message ?? '', pattern);
    return true;
  };
}

describe('installOmnichannel: the link rules', () => {
  let handle: OmnichannelDouble;
  let omnichannel: OmnichannelDouble['Microsoft']['Omnichannel'];
  beforeEach(() => {
    handle = installOmnichannel();
    omnichannel = handle.Microsoft.Omnichannel;
  });
  afterEach(() => handle.uninstall());

  it('rejects a link to a conversation that is not active, naming its status', async () => {
    await assert.rejects(
      omnichannel.linkToConversation('incident', CASES.printerJam, CONVERSATIONS.closed),
      rejectsWith('conversation-not-active', /is Closed \(statuscode 4\): links are accepted only on active conversations \(statuscode 2\)/),
    );
    await assert.rejects(omnichannel.linkToConversation('incident', CASES.printerJam, CONVERSATIONS.waiting), rejectsWith('conversation-not-active', /Waiting/));
  });

  it('linkableStatus "open" also accepts Open, Waiting and Wrap-up conversations, but not Closed', async () => {
    handle.uninstall();
    handle = installOmnichannel({ linkableStatus: 'open' });
    omnichannel = handle.Microsoft.Omnichannel;
    for (const id of [CONVERSATIONS.queued, CONVERSATIONS.waiting, CONVERSATIONS.wrapUp]) {
      assert.equal((await omnichannel.linkToConversation('incident', CASES.printerJam, id)).status, 'success');
    }
    await assert.rejects(omnichannel.linkToConversation('incident', CASES.printerJam, CONVERSATIONS.closed), rejectsWith('conversation-not-active', /open conversations/));
  });

  it('rejects an entity name that is not the exact logical name, naming the one meant', async () => {
    await assert.rejects(omnichannel.linkToConversation('Incident', CASES.printerJam), rejectsWith('invalid-entity-name', /use "incident" \(lower case\)/));
    await assert.rejects(omnichannel.linkToConversation('case', CASES.printerJam), rejectsWith('invalid-entity-name', /use "incident"/));
    await assert.rejects(omnichannel.linkToConversation('incidents', CASES.printerJam), rejectsWith('invalid-entity-name', /entity set name/));
    await assert.rejects(omnichannel.linkToConversation('opportunity', CASES.printerJam), rejectsWith('invalid-entity-name', /only "account", "contact"/));
  });

  it('rejects a braced id, as getId() returns it, with the id to pass; accepts upper case', async () => {
    const braced = `{${CASES.printerJam.toUpperCase()}}`;
    await assert.rejects(
      omnichannel.linkToConversation('incident', braced),
      rejectsWith('invalid-record-id', new RegExp(`^Remove the braces from recordId: use "${CASES.printerJam}"\\.$`)),
    );
    await assert.rejects(
      omnichannel.linkToConversation('incident', CASES.printerJam, `{${CONVERSATIONS.focused}}`),
      rejectsWith('invalid-conversation-id', new RegExp(`^Remove the braces from conversationId: use "${CONVERSATIONS.focused}"\\.$`)),
    );
    const result = await omnichannel.linkToConversation('incident', CASES.printerJam.toUpperCase());
    assert.equal(result.recordId, CASES.printerJam);
  });

  it('a new customer replaces the old one (account replaces contact) and says so', async () => {
    const result = await omnichannel.linkToConversation('account', ACCOUNTS.contoso);
    assert.deepEqual(result.replaced, { entityLogicalName: 'contact', id: CONTACTS.mariaCampbell, name: 'Maria Campbell' });
    assert.match(result.message, /It replaced contact "Maria Campbell" as the conversation's customer\./);
    const focused = handle.state().conversations.find(c => c.id === CONVERSATIONS.focused);
    assert.deepEqual(focused?.customer, { entity: 'account', id: ACCOUNTS.contoso });
  });

  it('linking what is already linked resolves and changes nothing', async () => {
    const before = handle.state();
    const result = await omnichannel.linkToConversation('contact', CONTACTS.mariaCampbell);
    assert.match(result.message, /was already linked/);
    assert.deepEqual(handle.state(), before);
  });

  it('rejects a record the seed does not have, and a conversation it does not have', async () => {
    const unknown = '00000000-0000-4000-8000-000000000000';
    await assert.rejects(omnichannel.linkToConversation('account', unknown), rejectsWith('record-not-found', /No account with id/));
    await assert.rejects(omnichannel.linkToConversation('account', ACCOUNTS.contoso, unknown), rejectsWith('conversation-not-found', /No conversation with id/));
  });

  it('with no conversation focused and none passed, rejects with no-focused-conversation', async () => {
    handle.focus(null);
    await assert.rejects(omnichannel.linkToConversation('account', ACCOUNTS.contoso), rejectsWith('no-focused-conversation', /pass a conversation id/));
  });

  it('unlinks only what is linked', async () => {
    await assert.rejects(omnichannel.unlinkFromConversation('incident', CASES.printerJam), rejectsWith('not-linked', /it has no case linked/));
    const result = await omnichannel.unlinkFromConversation('contact', CONTACTS.mariaCampbell);
    assert.match(result.message, /^Unlinked contact "Maria Campbell"/);
    assert.equal(handle.state().conversations.find(c => c.id === CONVERSATIONS.focused)?.customer, null);
  });
});
