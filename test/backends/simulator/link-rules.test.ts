import * as assert from 'node:assert/strict';
import { SAMPLE_DATA, Simulator } from '../../../src/backends/simulator';
import { IDS, rejects } from './fixtures';

const fresh = (linkableStatus: 'active' | 'open' = 'active') => new Simulator({ seed: SAMPLE_DATA, linkableStatus });

describe('simulator link rules', () => {
  describe('entity logical names', () => {
    it('accepts account, contact and incident', async () => {
      const sim = fresh();
      assert.equal((await sim.link({ entityLogicalName: 'account', recordId: IDS.contoso })).entityLogicalName, 'account');
      assert.equal((await sim.link({ entityLogicalName: 'contact', recordId: IDS.yvonneMcKay })).entityLogicalName, 'contact');
      assert.equal((await sim.link({ entityLogicalName: 'incident', recordId: IDS.printerJam })).entityLogicalName, 'incident');
    });

    it('rejects a capitalised name and names the lower-case one', async () => {
      const error = await rejects(
        fresh().link({ entityLogicalName: 'Incident', recordId: IDS.printerJam }),
        'invalid-entity-name',
        '"Incident" is not an entity logical name: use "incident" (lower case).',
      );
      assert.equal(error.functionName, 'linkToConversation');
    });

    it('rejects "case" and suggests incident', async () => {
      await rejects(fresh().link({ entityLogicalName: 'case', recordId: IDS.printerJam }), 'invalid-entity-name', /^"case" is not an entity logical name: use "incident"/);
    });

    it('rejects the plural entity set name', async () => {
      await rejects(fresh().link({ entityLogicalName: 'accounts', recordId: IDS.contoso }), 'invalid-entity-name', /use "account" \(logical names are singular/);
    });

    it('rejects a table that cannot be linked', async () => {
      await rejects(fresh().link({ entityLogicalName: 'opportunity', recordId: IDS.contoso }), 'invalid-entity-name', /only "account", "contact" \(the customer\) and "incident" \(the case\) can/);
    });
  });

  describe('record ids', () => {
    it('rejects braces with the same words as the editor and the panel, and the id without them', async () => {
      await rejects(
        fresh().link({ entityLogicalName: 'account', recordId: `{${IDS.contoso.toUpperCase()}}` }),
        'invalid-record-id',
        `Remove the braces from recordId: use "${IDS.contoso}".`,
      );
    });

    it('accepts upper-case hex and reports the lower-case id', async () => {
      const result = await fresh().link({ entityLogicalName: 'account', recordId: IDS.contoso.toUpperCase() });
      assert.equal(result.recordId, IDS.contoso);
    });

    it('rejects text that is not a GUID, and a GUID without hyphens', async () => {
      await rejects(fresh().link({ entityLogicalName: 'account', recordId: 'contoso' }), 'invalid-record-id', /is not a GUID/);
      await rejects(fresh().link({ entityLogicalName: 'account', recordId: IDS.contoso.replace(/-/g, '') }), 'invalid-record-id', new RegExp(`has no hyphens: pass "${IDS.contoso}"`));
    });

    it('rejects a record that is not in the records', async () => {
      await rejects(fresh().link({ entityLogicalName: 'account', recordId: IDS.unknown }), 'record-not-found', /add it to records\.account in \.omnichannel\/simulator\.json/);
    });

    it('rejects a record of the wrong table (a contact id passed as an account)', async () => {
      await rejects(fresh().link({ entityLogicalName: 'account', recordId: IDS.mariaCampbell }), 'record-not-found');
    });
  });

  describe('conversations', () => {
    it('links to the focused conversation when no id is passed', async () => {
      const result = await fresh().link({ entityLogicalName: 'incident', recordId: IDS.printerJam });
      assert.equal(result.conversationId, IDS.focused);
    });

    it('rejects an omitted id when no conversation is focused', async () => {
      const sim = fresh();
      await sim.setFocusedConversation(null);
      await rejects(sim.link({ entityLogicalName: 'incident', recordId: IDS.printerJam }), 'no-focused-conversation');
    });

    it('rejects an unknown conversation and a malformed conversation id', async () => {
      await rejects(fresh().link({ entityLogicalName: 'incident', recordId: IDS.printerJam, conversationId: IDS.unknown }), 'conversation-not-found');
      await rejects(fresh().link({ entityLogicalName: 'incident', recordId: IDS.printerJam, conversationId: `{${IDS.focused}}` }), 'invalid-conversation-id', /^Remove the braces from conversationId: use "[0-9a-f-]{36}"\.$/);
    });

    it('accepts a conversation id in upper case', async () => {
      const result = await fresh().link({ entityLogicalName: 'incident', recordId: IDS.printerJam, conversationId: IDS.secondActive.toUpperCase() });
      assert.equal(result.conversationId, IDS.secondActive);
    });

    it('with linkableStatus "active", accepts statuscode 2 only', async () => {
      const sim = fresh('active');
      await sim.link({ entityLogicalName: 'incident', recordId: IDS.printerJam, conversationId: IDS.secondActive });
      for (const id of [IDS.queued, IDS.waiting, IDS.wrapUp, IDS.closed]) {
        await rejects(sim.link({ entityLogicalName: 'incident', recordId: IDS.printerJam, conversationId: id }), 'conversation-not-active', /set omnichannel\.simulator\.linkableStatus to "open"/);
      }
      await rejects(
        sim.link({ entityLogicalName: 'incident', recordId: IDS.printerJam, conversationId: IDS.closed }),
        'conversation-not-active',
        'Conversation "Chat: opening hours over the holidays" is Closed (statuscode 4): links are accepted only on active conversations (statuscode 2). Pick an active conversation, or set omnichannel.simulator.linkableStatus to "open" to also accept Open, Waiting and Wrap-up conversations.',
      );
    });

    it('with linkableStatus "open", accepts statuscode 1, 2, 3 and 5 but not a closed one', async () => {
      const sim = fresh('open');
      for (const id of [IDS.queued, IDS.secondActive, IDS.waiting, IDS.wrapUp]) {
        const result = await sim.link({ entityLogicalName: 'incident', recordId: IDS.printerJam, conversationId: id });
        assert.equal(result.conversationId, id);
      }
      await rejects(sim.link({ entityLogicalName: 'incident', recordId: IDS.printerJam, conversationId: IDS.closed }), 'conversation-not-active', /only on open conversations/);
    });

    it('switching linkableStatus changes which conversations are linkable', async () => {
      const sim = fresh('active');
      const linkable = async () => (await sim.listConversations()).filter(c => c.linkable).map(c => c.id);
      assert.deepEqual(await linkable(), [IDS.focused, IDS.secondActive]);
      sim.setLinkableStatus('open');
      assert.deepEqual(await linkable(), [IDS.focused, IDS.secondActive, IDS.queued, IDS.waiting, IDS.wrapUp]);
    });
  });

  describe('slots', () => {
    it('an account replaces the linked contact, and says so', async () => {
      const sim = fresh();
      const result = await sim.link({ entityLogicalName: 'account', recordId: IDS.contoso });
      assert.deepEqual(result.replaced, { entityLogicalName: 'contact', id: IDS.mariaCampbell, name: 'Maria Campbell' });
      assert.equal(result.message, 'Linked account "Contoso Ltd" to conversation "Chat: printer keeps jamming on tray 2". It replaced contact "Maria Campbell" as the conversation\'s customer.');
      const conversation = await sim.getConversation(IDS.focused);
      assert.deepEqual(conversation.customer, { entityLogicalName: 'account', id: IDS.contoso, name: 'Contoso Ltd' });
    });

    it('a contact replaces the linked account', async () => {
      const sim = fresh();
      const result = await sim.link({ entityLogicalName: 'contact', recordId: IDS.yvonneMcKay, conversationId: IDS.secondActive });
      assert.deepEqual(result.replaced, { entityLogicalName: 'account', id: IDS.fabrikam, name: 'Fabrikam, Inc.' });
    });

    it('a case fills the case slot and leaves the customer alone; a second case replaces it', async () => {
      const sim = fresh();
      const first = await sim.link({ entityLogicalName: 'incident', recordId: IDS.printerJam });
      assert.equal(first.replaced, undefined);
      const second = await sim.link({ entityLogicalName: 'incident', recordId: IDS.invoiceQuery });
      assert.equal(second.replaced?.id, IDS.printerJam);
      const conversation = await sim.getConversation(IDS.focused);
      assert.equal(conversation.case?.id, IDS.invoiceQuery);
      assert.equal(conversation.customer?.id, IDS.mariaCampbell);
    });

    it('linking what is already linked succeeds and says so', async () => {
      const sim = fresh();
      let changes = 0;
      sim.onDidChange(() => changes++);
      const result = await sim.link({ entityLogicalName: 'contact', recordId: IDS.mariaCampbell.toUpperCase() });
      assert.equal(result.status, 'success');
      assert.match(result.message, /was already linked to conversation .*: nothing changed\./);
      assert.equal(result.replaced, undefined);
      assert.equal(changes, 0);
    });
  });

  describe('unlink', () => {
    it('removes the linked record', async () => {
      const sim = fresh();
      const result = await sim.unlink({ entityLogicalName: 'contact', recordId: IDS.mariaCampbell });
      assert.equal(result.message, 'Unlinked contact "Maria Campbell" from conversation "Chat: printer keeps jamming on tray 2".');
      assert.equal((await sim.getConversation(IDS.focused)).customer, null);
    });

    it('rejects a record that is not linked and names what is', async () => {
      const sim = fresh();
      const error = await rejects(
        sim.unlink({ entityLogicalName: 'contact', recordId: IDS.yvonneMcKay }),
        'not-linked',
        'Contact "Yvonne McKay" is not linked to conversation "Chat: printer keeps jamming on tray 2": its customer is contact "Maria Campbell".',
      );
      assert.equal(error.functionName, 'unlinkFromConversation');
      await rejects(sim.unlink({ entityLogicalName: 'incident', recordId: IDS.printerJam }), 'not-linked', /it has no case linked\.$/);
    });

    it('follows the active-conversation rule too', async () => {
      await rejects(fresh().unlink({ entityLogicalName: 'account', recordId: IDS.fabrikam, conversationId: IDS.wrapUp }), 'conversation-not-active', /unlinking is accepted only on active conversations/);
    });

    it('checks the entity name and id like link', async () => {
      await rejects(fresh().unlink({ entityLogicalName: 'Contact', recordId: IDS.mariaCampbell }), 'invalid-entity-name');
      await rejects(fresh().unlink({ entityLogicalName: 'contact', recordId: `{${IDS.mariaCampbell}}` }), 'invalid-record-id');
    });
  });

  describe('queries and events', () => {
    it('finds records by name (case-insensitive) and by id prefix', async () => {
      const sim = fresh();
      assert.deepEqual((await sim.findRecords('account', 'FABRI')).map(r => r.name), ['Fabrikam, Inc.']);
      assert.deepEqual((await sim.findRecords('contact', IDS.yvonneMcKay.slice(0, 6).toUpperCase())).map(r => r.id), [IDS.yvonneMcKay]);
      assert.equal((await sim.findRecords('incident', '')).length, 3);
      assert.equal((await sim.findRecords('incident', '', { top: 2 })).length, 2);
      assert.deepEqual(await sim.findRecords('account', 'nobody'), []);
    });

    it('lists conversations with status labels, the focus and resolved link names', async () => {
      const list = await fresh().listConversations();
      assert.equal(list.length, 6);
      const focused = list.filter(c => c.focused);
      assert.deepEqual(focused.map(c => c.id), [IDS.focused]);
      const second = list.find(c => c.id === IDS.secondActive);
      assert.equal(second?.statusLabel, 'Active');
      assert.equal(second?.case?.name, 'Invoice INV-20931 charged twice (CAS-01031-H3K9)');
    });

    it('fires onDidChange after a change, with the new state', async () => {
      const sim = fresh();
      const seen = new Promise<string | null | undefined>(resolve => {
        sim.onDidChange(change => resolve(change.state.conversations.find(c => c.id === IDS.focused)?.case?.id));
      });
      await sim.link({ entityLogicalName: 'incident', recordId: IDS.printerJam });
      assert.equal(await seen, IDS.printerJam);
    });

    it('focuses a conversation and rejects an unknown one', async () => {
      const sim = fresh();
      await sim.setFocusedConversation(IDS.secondActive.toUpperCase());
      assert.equal(sim.getState().focusedConversationId, IDS.secondActive);
      await rejects(sim.setFocusedConversation(IDS.unknown), 'conversation-not-found');
    });

    it('reset restores the seed', async () => {
      const sim = fresh();
      await sim.link({ entityLogicalName: 'account', recordId: IDS.contoso });
      await sim.setFocusedConversation(null);
      await sim.reset();
      assert.deepEqual(sim.getState(), SAMPLE_DATA);
    });

    it('a cancelled call does not run', async () => {
      const controller = new AbortController();
      controller.abort();
      const sim = fresh();
      await rejects(sim.link({ entityLogicalName: 'account', recordId: IDS.contoso }, { signal: controller.signal }), 'cancelled');
      assert.equal((await sim.getConversation(IDS.focused)).customer?.id, IDS.mariaCampbell);
    });
  });
});
