import * as assert from 'node:assert/strict';
import { readCallArgument } from '../../../src/client/link/call-argument';

describe('client: link command argument', () => {
  it('runs the guided flow without an argument or with a menu Uri', () => {
    assert.deepEqual(readCallArgument(undefined), { kind: 'none' });
    assert.deepEqual(readCallArgument(new URL('file:///x.js')), { kind: 'none' });
  });

  it('takes a full argument as the call, keeping values exactly as given', () => {
    assert.deepEqual(readCallArgument({ environment: 'Simulator', entityLogicalName: 'Incident', recordId: '{ABC}', conversationId: 'c1' }), {
      kind: 'call',
      environment: 'Simulator',
      request: { entityLogicalName: 'Incident', recordId: '{ABC}', conversationId: 'c1' },
    });
    assert.deepEqual(readCallArgument({ entityLogicalName: 'account', recordId: 'r' }), { kind: 'call', request: { entityLogicalName: 'account', recordId: 'r' } });
  });

  it('explains every problem of a bad argument', () => {
    const read = readCallArgument({ entityLogicalName: 3, conversationId: 5, record: 'x' });
    assert.equal(read.kind, 'invalid');
    assert.ok(read.kind === 'invalid');
    assert.equal(read.message, 'The command argument is not usable: "entityLogicalName" must be a string; "recordId" must be a string; "conversationId" must be a string when given; unknown field "record". Expected { environment?, entityLogicalName, recordId, conversationId? }.');
  });
});
