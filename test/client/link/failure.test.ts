import * as assert from 'node:assert/strict';
import { FAILURE_REMEDIES, remedyFor, toFailure } from '../../../src/client/link/failure';
import { LinkError } from '../../../src/protocol/link';

describe('client: rejections as failures', () => {
  it('keeps a LinkError as the API shaped it', () => {
    const error = new LinkError('unlinkFromConversation', 'not-linked', 'Nothing of that kind is linked.');
    assert.deepEqual(toFailure('linkToConversation', error), { status: 'failure', functionName: 'unlinkFromConversation', code: 'not-linked', message: 'Nothing of that kind is linked.' });
  });

  it('keeps a LinkError from another copy of the class (the backends ship in a bundle of their own)', () => {
    // A second evaluation of the module that defines the class (the simulator engine's vocabulary, which
    // src/protocol/link re-exports): its LinkError is a different class, as in another bundle.
    const path = require.resolve('@omnichannel-tools/testing/protocol').replace(/index\.js$/, 'link.js');
    const cached = require.cache[path];
    delete require.cache[path];
    const other = require(path) as typeof import('../../../src/protocol/link');
    if (cached) require.cache[path] = cached;
    assert.notEqual(other.LinkError, LinkError);
    const error = new other.LinkError('unlinkFromConversation', 'not-linked', 'Nothing of that kind is linked.');
    assert.deepEqual(toFailure('linkToConversation', error), { status: 'failure', functionName: 'unlinkFromConversation', code: 'not-linked', message: 'Nothing of that kind is linked.' });
  });

  it('accepts a plain failure-shaped rejection (it crossed a process boundary)', () => {
    assert.equal(toFailure('linkToConversation', { status: 'failure', code: 'throttled', message: 'Wait.' }).code, 'throttled');
  });

  it('says "cancelled" when the caller aborted, and keeps the message of anything unexpected', () => {
    const controller = new AbortController();
    controller.abort();
    assert.equal(toFailure('linkToConversation', new Error('socket hang up'), controller.signal).code, 'cancelled');
    assert.deepEqual(toFailure('linkToConversation', new Error('socket hang up')), {
      status: 'failure', functionName: 'linkToConversation', code: 'server-error', message: 'Unexpected error: socket hang up',
    });
  });
});

describe('client: what helps after a failure', () => {
  it('has one remedy per rejection code: sign in, a setting, or retry', () => {
    assert.deepEqual(remedyFor('unauthorized'), { kind: 'signIn' });
    assert.deepEqual(remedyFor('untrusted-host'), { kind: 'openSettings', setting: 'omnichannel.trustedHosts' });
    assert.deepEqual(remedyFor('unknown-environment'), { kind: 'openSettings', setting: 'omnichannel.environments' });
    assert.deepEqual(['throttled', 'timeout', 'network'].map(code => remedyFor(code as 'throttled').kind), ['retry', 'retry', 'retry']);
    // Retrying a call whose arguments are wrong changes nothing: no remedy beyond the message.
    assert.equal(remedyFor('conversation-not-active').kind, 'none');
    assert.equal(remedyFor('invalid-record-id').kind, 'none');
    for (const [code, remedy] of Object.entries(FAILURE_REMEDIES)) assert.ok(['signIn', 'openSettings', 'retry', 'none'].includes(remedy.kind), code);
  });
});
