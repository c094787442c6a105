import * as assert from 'node:assert/strict';
import { failureActions, logLine, outcomeMessage, productionConfirmation, realCallBlockedReason } from '../../../src/client/link/outcome-text';

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
      'Contoso is a production environment. Really unlink incident 5a2a6a28-9f8e-4c38-9a4f-1a0b3c2d4e5f from conversation c0ffee00-0000-4000-8000-000000000001?',
    );
  });

  it('offers Sign In on a refused sign-in, and the log on every failure', () => {
    const failed = (code: 'unauthorized' | 'forbidden') => ({ status: 'failure', functionName: 'linkToConversation', code, message: 'No.' }) as const;
    assert.deepEqual(failureActions(failed('unauthorized')), ['Sign In', 'Show Log']);
    assert.deepEqual(failureActions(failed('forbidden')), ['Show Log']);
  });

  it('blocks real calls only in an untrusted workspace', () => {
    assert.equal(realCallBlockedReason(true, 'Contoso'), undefined);
    assert.match(realCallBlockedReason(false, 'Contoso') ?? '', /not trusted.*Contoso/);
  });
});
