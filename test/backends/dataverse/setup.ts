/**
 * Shared fixtures for the Dataverse backend tests: a seeded stand-in on 127.0.0.1 and a backend that
 * trusts it, with a token provider that records how it was called.
 */
import * as assert from 'node:assert/strict';
import { DataverseBackend, type DataverseBackendOptions } from '../../../src/backends/dataverse';
import { LinkError, type LinkErrorCode } from '../../../src/protocol/link';
import { FakeDataverse, type FakeDataverseSeed } from '../../support/fake-dataverse';

export const USER = '0a0b0c0d-1111-4222-8333-444455556666';
export const OTHER_AGENT = '0a0b0c0d-9999-4222-8333-444455556666';
export const ACTIVE = '1f3c0000-0000-4000-8000-000000000001';
export const WAITING = '1f3c0000-0000-4000-8000-000000000002';
export const OTHERS = '1f3c0000-0000-4000-8000-000000000003';
export const CLOSED = '1f3c0000-0000-4000-8000-000000000004';
export const MISSING = '1f3c0000-0000-4000-8000-0000000000ff';
export const ACCOUNT = 'a0000000-0000-4000-8000-000000000001';
export const ACCOUNT2 = 'a0000000-0000-4000-8000-000000000002';
export const CONTACT = 'c0000000-0000-4000-8000-000000000001';
export const CASE = '6b720000-0000-4000-8000-000000000001';
export const NO_CASE = '6b720000-0000-4000-8000-0000000000ff';

export function seed(): FakeDataverseSeed {
  return {
    userId: USER,
    conversations: [
      { activityid: ACTIVE, msdyn_title: 'Chat with Ana', statuscode: 2, createdon: '2026-03-02T10:00:00Z', customer: { table: 'contact', id: CONTACT } },
      { activityid: WAITING, msdyn_title: 'Waiting chat', statuscode: 3, createdon: '2026-03-03T10:00:00Z' },
      { activityid: OTHERS, subject: 'Someone else', statuscode: 2, createdon: '2026-03-01T10:00:00Z', agentId: OTHER_AGENT },
      { activityid: CLOSED, msdyn_title: 'Old chat', statecode: 1, statuscode: 4, createdon: '2026-02-01T10:00:00Z' },
    ],
    accounts: [
      { id: ACCOUNT, name: "O'Brien Bikes" },
      { id: ACCOUNT2, name: 'Contoso' },
    ],
    contacts: [{ id: CONTACT, name: 'Ana Silva' }],
    incidents: [{ id: CASE, name: 'Broken printer' }],
  };
}

export interface Harness {
  readonly dv: FakeDataverse;
  readonly backend: DataverseBackend;
  /** Arguments the token provider was called with. */
  readonly tokenCalls: boolean[];
  readonly logLines: string[];
}

/** Starts a stand-in and a backend for it; `overrides` change the backend options. */
export async function start(overrides: Partial<DataverseBackendOptions> = {}, seedData: FakeDataverseSeed = seed()): Promise<Harness> {
  const dv = await FakeDataverse.start(seedData);
  const tokenCalls: boolean[] = [];
  const logLines: string[] = [];
  const backend = new DataverseBackend({
    name: 'Contoso Test',
    url: dv.url,
    tokenProvider: force => {
      tokenCalls.push(force);
      return Promise.resolve(dv.token);
    },
    trustedHosts: [dv.host],
    timeoutMs: 5000,
    maxRetryAfterMs: 60_000,
    conversationScope: 'mine',
    log: line => logLines.push(line),
    ...overrides,
  });
  return { dv, backend, tokenCalls, logLines };
}

/** Awaits a rejection and checks it is a `LinkError` with this code; returns it for message checks. */
export async function rejectsWith(promise: Promise<unknown>, code: LinkErrorCode): Promise<LinkError> {
  try {
    await promise;
  } catch (error) {
    assert.ok(error instanceof LinkError, `expected a LinkError, got ${String(error)}`);
    assert.equal(error.code, code, `expected ${code}, got ${error.code}: ${error.message}`);
    return error;
  }
  assert.fail(`expected a ${code} rejection, but the call resolved`);
}
