import * as assert from 'node:assert/strict';
import { failureActions, logLine, outcomeMessage, productionConfirmation, realCallBlockedReason, successActions } from '../../../src/client/link/outcome-text';
import type { LinkErrorCode } from '../../../src/protocol/link';

const request = { entityLogicalName: 'incident', recordId: '5a2a6a28-9f8e-4c38-9a4f-1a0b3c2d4e5f', conversationId: 'c0ffee00-0000-4000-8000-000000000001' };

describe('client: outcome text', () => {
  it('words outcomes and log lines with the environment', () => {
    assert.equal(
      outcomeMessage('unlinkFromConversation', { status: 'failure', functionName: 'unlinkFromConversation', code: 'not-linked', message: 'Nothing linked.' }, 'Simulator'),
      'Unlink failed in Simulator: Nothing linked.',
    );
    const line = logLine('linkToConversation', { entityLogicalName: 'account', recordId: 'r1' }, 'Simulator', {
      status: 'success', entityLogicalName: 'account', recordId: 'r1', conversationId: 'c1', message: 'Linked.',
    });
    assert.equal(line, 'linkToConversation(account, r1) on the focused conversation in Simulator: success: Linked.');
  });

  it('names the environment in the production confirmation', () => {
    assert.equal(
      productionConfirmation('unlinkFromConversation', request, 'Contoso'),
      'Contoso is a production environment. Really unlink case 5a2a6a28-9f8e-4c38-9a4f-1a0b3c2d4e5f from conversation c0ffee00-0000-4000-8000-000000000001?',
    );
  });

  it('offers what helps first (Sign In, Open Settings, Retry), and the log on every failure', () => {
    const failed = (code: LinkErrorCode) => ({ status: 'failure', functionName: 'linkToConversation', code, message: 'No.' }) as const;
    assert.deepEqual(failureActions(failed('unauthorized')), ['Sign In', 'Show Log']);
    assert.deepEqual(failureActions(failed('untrusted-host')), ['Open Settings', 'Show Log']);
    assert.deepEqual(failureActions(failed('unknown-environment')), ['Open Settings', 'Show Log']);
    for (const code of ['throttled', 'timeout', 'network'] as const) assert.deepEqual(failureActions(failed(code)), ['Retry', 'Show Log'], code);
    assert.deepEqual(failureActions(failed('forbidden')), ['Show Log']);
    assert.deepEqual(failureActions(failed('conversation-not-active')), ['Show Log']);
  });

  it('offers Undo, Show in Panel and Copy as Code after a success', () => {
    assert.deepEqual(successActions(), ['Undo', 'Show in Panel', 'Copy as Code']);
  });

  it('says what happened with names, and why a call failed', () => {
    const success = { status: 'success', entityLogicalName: 'incident', recordId: request.recordId, conversationId: request.conversationId, message: 'Linked.' } as const;
    const names = { record: 'CAS-01024: Printer offline', conversationTitle: 'Chat: Printer offline', customer: 'Maria Campbell' };
    assert.equal(outcomeMessage('linkToConversation', success, 'Simulator', request, names),
      'Simulator: Linked case CAS-01024: Printer offline to the conversation with Maria Campbell (chat).');
    assert.equal(outcomeMessage('linkToConversation', { status: 'failure', functionName: 'linkToConversation', code: 'throttled', message: 'Dataverse is busy.' }, 'Contoso', request, names),
      'Could not link case CAS-01024: Printer offline to the conversation with Maria Campbell (chat) in Contoso: Dataverse is busy.');
  });

  it('blocks real calls only in an untrusted workspace', () => {
    assert.equal(realCallBlockedReason(true, 'Contoso'), undefined);
    assert.match(realCallBlockedReason(false, 'Contoso') ?? '', /not trusted.*Contoso/);
  });
});
