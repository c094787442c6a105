import * as assert from 'node:assert/strict';
import { loadSimulatorSeed } from '@omnichannel-tools/testing/simulator';
import { seedFromEnvironment, SAMPLE_SIZE, type SeedFromEnvironmentOptions } from '../../src/seeding';
import { FakeDataverse, type FakeDataverseSeed } from '../support/fake-dataverse';

const USER = '0a0b0c0d-1111-4222-8333-444455556666';
const OTHER_AGENT = '0a0b0c0d-9999-4222-8333-444455556666';
const MINE = '1f3c0000-0000-4000-8000-000000000001';
const WAITING = '1f3c0000-0000-4000-8000-000000000002';
const THEIRS = '1f3c0000-0000-4000-8000-000000000003';
const CLOSED = '1f3c0000-0000-4000-8000-000000000004';
const GONE_LINK = '1f3c0000-0000-4000-8000-000000000005';
const ACCOUNT = 'a0000000-0000-4000-8000-000000000001';
const CONTACT = 'c0000000-0000-4000-8000-000000000001';
const DELETED_CONTACT = 'c0000000-0000-4000-8000-0000000000ff';
const CASE = '6b720000-0000-4000-8000-000000000001';

function world(): FakeDataverseSeed {
  const many = (prefix: string, count: number, name: (i: number) => string) =>
    Array.from({ length: count }, (_, i) => ({ id: `${prefix}-0000-4000-8000-${String(100 + i).padStart(12, '0')}`, name: name(i) }));
  return {
    userId: USER,
    conversations: [
      { activityid: MINE, msdyn_title: 'Chat with Ana Silva', statuscode: 2, createdon: '2026-03-02T10:00:00Z', customer: { table: 'contact', id: CONTACT }, caseId: CASE },
      { activityid: WAITING, msdyn_title: 'Waiting: Contoso Ltd', statuscode: 3, createdon: '2026-03-03T10:00:00Z', customer: { table: 'account', id: ACCOUNT } },
      { activityid: THEIRS, subject: 'Someone else\'s chat', statuscode: 2, createdon: '2026-03-01T10:00:00Z', agentId: OTHER_AGENT },
      { activityid: CLOSED, msdyn_title: 'Old chat', statecode: 1, statuscode: 4, createdon: '2026-02-01T10:00:00Z' },
      { activityid: GONE_LINK, msdyn_title: 'Chat with a deleted contact', statuscode: 2, createdon: '2026-03-04T10:00:00Z', customer: { table: 'contact', id: DELETED_CONTACT } },
    ],
    // The linked account comes last: beyond the sample, so it must be read by id.
    accounts: [...many('a1000000', 12, i => `Account Co ${i}`), { id: ACCOUNT, name: 'Contoso Ltd' }],
    contacts: [{ id: CONTACT, name: 'Ana Silva' }, ...many('c1000000', 3, i => `Person ${i}`)],
    incidents: [{ id: CASE, name: 'Broken printer' }],
  };
}

describe('simulator data from an environment, over real HTTP against the stand-in', () => {
  let dv: FakeDataverse;
  let tokenCalls: boolean[];
  let progress: string[];
  const options = (more: Partial<SeedFromEnvironmentOptions> = {}): SeedFromEnvironmentOptions => ({
    name: 'Contoso Test',
    url: dv.url,
    tokenProvider: force => { tokenCalls.push(force); return Promise.resolve(dv.token); },
    trustedHosts: [dv.host],
    timeoutMs: 5000,
    maxRetryAfterMs: 5000,
    conversationScope: 'mine',
    ...more,
  });

  beforeEach(async () => {
    dv = await FakeDataverse.start(world());
    tokenCalls = [];
    progress = [];
  });
  afterEach(() => dv.close());

  it('reads my open conversations, their links and a sample of each table, with names replaced', async () => {
    const { data, text, notes } = await seedFromEnvironment(options(), { onProgress: m => progress.push(m) });
    assert.deepEqual(loadSimulatorSeed(text, '.omnichannel/simulator.json').errors, [], 'the written text is a valid seed');
    assert.deepEqual(data.conversations.map(c => c.id), [GONE_LINK, WAITING, MINE], 'mine, open, newest first');
    const mine = data.conversations.find(c => c.id === MINE)!;
    assert.deepEqual({ customer: mine.customer, case: mine.case, statuscode: mine.statuscode }, { customer: { entity: 'contact', id: CONTACT }, case: { id: CASE }, statuscode: 2 });
    assert.equal(data.focusedConversationId, GONE_LINK, 'the newest active one is focused');
    assert.deepEqual(data.conversations.find(c => c.id === GONE_LINK)?.customer, null, 'a link to a deleted record is dropped');
    assert.match(notes.join(' '), new RegExp(`Conversation ${GONE_LINK} links contact ${DELETED_CONTACT}, which no longer exists: left unlinked\\.`));
    assert.ok(data.records.account.some(r => r.id === ACCOUNT), 'the linked account is there though it is beyond the sample');
    assert.equal(data.records.account.length, SAMPLE_SIZE + 1);
    assert.equal(data.records.contact.length, 4);
    assert.deepEqual(data.records.incident, [{ id: CASE, name: 'Broken printer' }], 'case titles are kept');
    const everything = JSON.stringify(data);
    for (const personal of ['Ana Silva', 'Contoso Ltd', 'Chat with Ana', 'Account Co', 'Person 0']) assert.ok(!everything.includes(personal), `${personal} was replaced`);
    assert.deepEqual(data.records.contact.map(r => r.name), ['Contact 1', 'Contact 2', 'Contact 3', 'Contact 4']);
    assert.deepEqual(dv.requests.filter(r => r.method !== 'GET'), [], 'nothing but reads');
    assert.ok(progress.includes('Reading linked records…'));
  });

  it('keeps the real names when asked, and reads everyone\'s conversations with scope "all"', async () => {
    const { data } = await seedFromEnvironment(options({ keepNames: true, conversationScope: 'all' }));
    assert.deepEqual(data.conversations.map(c => c.title), ['Chat with a deleted contact', 'Waiting: Contoso Ltd', 'Chat with Ana Silva', 'Someone else\'s chat']);
    assert.ok(data.records.contact.some(r => r.name === 'Ana Silva'));
    assert.equal(dv.logged('GET', 'WhoAmI').length, 0, 'no WhoAmI when every conversation is read');
  });

  it('waits out a 429 in the middle and goes on', async () => {
    dv.inject({ kind: 'throttle', retryAfter: 0 }, { method: 'GET' });
    let throttledMidway = false;
    dv.onRequest = request => {
      if (request.path.startsWith('contacts(') && !throttledMidway) {
        throttledMidway = true;
        dv.inject({ kind: 'throttle', retryAfter: 0 });
      }
    };
    const { data } = await seedFromEnvironment(options(), { onProgress: m => progress.push(m) });
    assert.equal(data.conversations.length, 3);
    assert.ok(dv.requests.filter(r => r.status === 429).length >= 2, 'two throttled answers');
    assert.ok(progress.some(m => /^Throttled by Contoso Test: retrying in/.test(m)));
  });

  it('gets a fresh token after a 401 in the middle, once', async () => {
    dv.onRequest = request => {
      if (request.path === 'incidents' && !dv.requests.some(r => r.status === 401)) dv.token = 'rotated-token';
    };
    const { data } = await seedFromEnvironment({ ...options(), tokenProvider: force => { tokenCalls.push(force); return Promise.resolve(force ? 'rotated-token' : 'test-token'); } });
    assert.equal(data.records.incident.length, 1);
    assert.deepEqual(tokenCalls.filter(f => f), [true], 'one forced refresh');
    assert.equal(dv.requests.filter(r => r.status === 401).length, 1);
  });

  it('stops with a sentence when the sign-in is refused twice, and nothing is returned to write', async () => {
    dv.onRequest = request => { if (request.path.startsWith('incidents')) dv.inject({ kind: 'status', status: 401 }, { times: 2 }); };
    await assert.rejects(seedFromEnvironment(options()), /^Error: Contoso Test did not accept your sign-in \(HTTP 401\), even with a fresh token\. Sign in again, then run the command again: nothing was written\.$/);
  });

  it('names a missing privilege', async () => {
    dv.inject({ kind: 'status', status: 403, code: '0x80040220', message: 'Principal user is missing prvReadmsdyn_ocliveworkitem privilege.' }, { method: 'GET' });
    await assert.rejects(seedFromEnvironment(options()), /You may not read msdyn_ocliveworkitems or the linked tables in Contoso Test \(HTTP 403: Principal user is missing prvReadmsdyn_ocliveworkitem privilege\.\)\. Ask for a role with Read/);
  });
});
