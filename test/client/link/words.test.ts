/** The words for a call: display names, record and conversation phrases, the sentence, and undo. */
import * as assert from 'node:assert/strict';
import { ENTITIES } from '@omnichannel-tools/core/catalogue';
import {
  callSentence, conversationPhrase, entityWord, inverseMethod, recordPhrase, splitTitle, undoRequest,
} from '../../../src/client/link/words';

const CASE = 'c0ffee00-1234-4abc-9def-00112233aabb';
const CONVERSATION = '7c1f4e2a-3b5d-4c6e-8f90-a1b2c3d4e5f6';

describe('client: call words', () => {
  it('names tables by the catalogue\'s display names', () => {
    assert.equal(entityWord('incident'), 'case');
    assert.deepEqual(ENTITIES.map(e => entityWord(e.logicalName)), ['account', 'contact', 'case']);
    assert.equal(entityWord('Incident'), 'Incident', 'a wrong logical name is shown as written');
  });

  it('names a record by its name, or a short id when the name is unknown', () => {
    assert.equal(recordPhrase('incident', CASE, 'CAS-01024: Printer offline'), 'case CAS-01024: Printer offline');
    assert.equal(recordPhrase('incident', CASE, undefined), 'case c0ffee00…');
    assert.equal(recordPhrase('incident', CASE, '  '), 'case c0ffee00…');
  });

  it('names a conversation by its customer and channel, else its topic, else its id', () => {
    assert.deepEqual(splitTitle('Chat: Printer offline'), { channel: 'chat', topic: 'Printer offline' });
    assert.deepEqual(splitTitle('SMS: Password reset'), { channel: 'SMS', topic: 'Password reset' });
    assert.deepEqual(splitTitle('Printer offline'), { topic: 'Printer offline' });
    assert.equal(conversationPhrase(CONVERSATION, { conversationTitle: 'Chat: Printer offline', customer: 'Maria Campbell' }), 'the conversation with Maria Campbell (chat)');
    assert.equal(conversationPhrase(CONVERSATION, { conversationTitle: 'Voice: Invoice shows the wrong VAT rate' }), 'the conversation “Invoice shows the wrong VAT rate” (voice)');
    assert.equal(conversationPhrase(CONVERSATION), 'conversation 7c1f4e2a…');
    assert.equal(conversationPhrase(undefined), 'the focused conversation');
    // Damaged stored names count as unknown.
    assert.equal(conversationPhrase(CONVERSATION, { customer: 42 as unknown as string }), 'conversation 7c1f4e2a…');
  });

  it('puts a finished call into one sentence', () => {
    const names = { record: 'CAS-01024: Printer offline', conversationTitle: 'Chat: Printer offline after firmware update', customer: 'Maria Campbell' };
    const request = { entityLogicalName: 'incident', recordId: CASE, conversationId: CONVERSATION };
    const success = { status: 'success', entityLogicalName: 'incident', recordId: CASE, conversationId: CONVERSATION, message: 'ok' } as const;
    assert.equal(callSentence('linkToConversation', request, success, names), 'Linked case CAS-01024: Printer offline to the conversation with Maria Campbell (chat)');
    assert.equal(callSentence('unlinkFromConversation', request, success, names), 'Unlinked case CAS-01024: Printer offline from the conversation with Maria Campbell (chat)');
    const failure = { status: 'failure', functionName: 'linkToConversation', code: 'conversation-not-active', message: 'Closed.' } as const;
    assert.equal(callSentence('linkToConversation', { entityLogicalName: 'incident', recordId: CASE }, failure), 'Could not link case c0ffee00… to the focused conversation');
  });

  it('undoes a success with the inverse call on the conversation the API used, and nothing else', () => {
    assert.equal(inverseMethod('linkToConversation'), 'unlinkFromConversation');
    assert.equal(inverseMethod('unlinkFromConversation'), 'linkToConversation');
    const success = { status: 'success', entityLogicalName: 'incident', recordId: CASE, conversationId: CONVERSATION, message: 'ok' } as const;
    assert.deepEqual(undoRequest({ entityLogicalName: 'incident', recordId: CASE }, success), { entityLogicalName: 'incident', recordId: CASE, conversationId: CONVERSATION });
    assert.equal(undoRequest({ entityLogicalName: 'incident', recordId: CASE }, { status: 'failure', functionName: 'linkToConversation', code: 'not-linked', message: 'x' }), undefined);
  });
});
