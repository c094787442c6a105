/**
 * The argument rules (entity names, GUIDs) live in one place both link backends import: the simulator
 * and a real environment refuse the same bad arguments with the same code and sentence, and the
 * Dataverse backend refuses them before sending anything.
 */
import * as assert from 'node:assert/strict';
import { SAMPLE_DATA, Simulator } from '../../src/backends/simulator';
import type { LinkRequest } from '../../src/protocol/link';
import { rejects } from './simulator/fixtures';
import { ACTIVE, start, type Harness } from './dataverse/setup';

const ID = '5a2a6a28-9f8e-4c38-9a4f-1a0b3c2d4e5f';

const BAD: { request: Partial<Record<keyof LinkRequest, unknown>>; code: 'invalid-entity-name' | 'invalid-record-id' | 'invalid-conversation-id' }[] = [
  { request: { entityLogicalName: 'Incident', recordId: ID }, code: 'invalid-entity-name' },
  { request: { entityLogicalName: 'accounts', recordId: ID }, code: 'invalid-entity-name' },
  { request: { entityLogicalName: 'opportunity', recordId: ID }, code: 'invalid-entity-name' },
  { request: { entityLogicalName: 42, recordId: ID }, code: 'invalid-entity-name' },
  { request: { entityLogicalName: 'account', recordId: `{${ID.toUpperCase()}}` }, code: 'invalid-record-id' },
  { request: { entityLogicalName: 'account', recordId: ID.replace(/-/g, '') }, code: 'invalid-record-id' },
  { request: { entityLogicalName: 'account', recordId: ` ${ID}` }, code: 'invalid-record-id' },
  { request: { entityLogicalName: 'account', recordId: 'contoso' }, code: 'invalid-record-id' },
  { request: { entityLogicalName: 'account', recordId: '' }, code: 'invalid-record-id' },
  { request: { entityLogicalName: 'account', recordId: ID, conversationId: `{${ACTIVE}}` }, code: 'invalid-conversation-id' },
];

describe('call rules shared by both link backends', function () {
  let h: Harness;
  beforeEach(async () => { h = await start(); });
  afterEach(() => h.dv.close());

  for (const { request, code } of BAD) {
    it(`refuses ${JSON.stringify(request)} alike in both, with ${code}`, async function () {
      // The simulator targets its focused conversation when none is given; Dataverse needs one.
      const dataverseRequest = { conversationId: ACTIVE, ...request } as LinkRequest;
      const simulated = await rejects(new Simulator({ seed: SAMPLE_DATA }).link(request as LinkRequest), code);
      const real = await rejects(h.backend.link(dataverseRequest), code);
      assert.equal(real.message, simulated.message);
      assert.equal(h.dv.requests.length, 0, 'nothing was sent for arguments the API refuses');
    });
  }
});
