import * as assert from 'node:assert/strict';
import { ACTIVE, CASE, rejectsWith, start, type Harness } from './setup';

const LINK = { entityLogicalName: 'incident', recordId: CASE, conversationId: ACTIVE } as const;

describe('DataverseBackend against a hostile server on 127.0.0.1', () => {
  let h: Harness;
  beforeEach(async () => {
    h = await start({ maxResponseBytes: 2 * 1024 * 1024 });
  });
  afterEach(() => h.dv.close());

  it('stops reading a gzip answer that unpacks past the limit, and says so', async () => {
    const before = process.memoryUsage().arrayBuffers;
    h.dv.inject({ kind: 'gzip-bomb', megabytes: 1024 }, { method: 'GET' });
    const error = await rejectsWith(h.backend.listConversations(), 'bad-response');
    assert.match(error.message, /Contoso Test answered with more than 2 MB, more than omnichannel\.dataverse\.maxResponseMegabytes allows/);
    assert.ok(process.memoryUsage().arrayBuffers - before < 32 * 1024 * 1024, 'the 1 GB body was not held in memory');
  });

  it('stops reading a plain answer past the limit, and the next call works', async () => {
    h.dv.inject({ kind: 'huge-body', megabytes: 600 }, { method: 'GET' });
    await rejectsWith(h.backend.listConversations(), 'bad-response');
    assert.ok((await h.backend.listConversations()).length > 0);
  });

  it('a body past the limit after a write is read back, never written twice', async () => {
    h.dv.inject({ kind: 'huge-body', megabytes: 8 }, { method: 'PATCH', afterApply: true });
    await h.backend.link(LINK);
    assert.equal(h.dv.logged('PATCH').length, 1);
    assert.equal(h.dv.conversation(ACTIVE)?.caseId, CASE);
  });

  it('a refused redirect says where it pointed and what to check, once', async () => {
    h.dv.inject({ kind: 'redirect', status: 302, location: 'https://login.example.net/elsewhere' }, { method: 'GET' });
    const error = await rejectsWith(h.backend.listConversations(), 'server-error');
    assert.match(error.message, /answered with a redirect \(HTTP 302 to login\.example\.net\), which is not followed/);
    assert.doesNotMatch(error.message, /HTTP 302: HTTP 302/);
    assert.equal(h.dv.requests.length, 1, 'the redirected WhoAmI, and nothing followed');
  });

  for (const as of ['text', 'json'] as const) {
    it(`a 4xx that echoes the token (${as}) reaches neither the message nor the log`, async () => {
      h.dv.inject({ kind: 'echo-authorization', as }, { method: 'GET' });
      const error = await rejectsWith(h.backend.listConversations(), 'server-error');
      assert.match(error.message, /You sent: Authorization: Bearer \[redacted\]/);
      for (const text of [error.message, ...h.logLines]) assert.ok(!text.includes(h.dv.token), text);
    });
  }

  it('a token with a line break is refused as invalid before anything is sent', async () => {
    const broken = await start({ tokenProvider: () => Promise.resolve('abc\r\nX-Injected: 1') });
    try {
      const error = await rejectsWith(broken.backend.listConversations(), 'unauthorized');
      assert.match(error.message, /produced an invalid access token/);
      assert.doesNotMatch(error.message, /connection/i);
      assert.equal(broken.dv.requests.length, 0);
    } finally {
      await broken.dv.close();
    }
  });

  it('a Retry-After far in the future is said in words a person reads', async () => {
    h.dv.inject({ kind: 'throttle', retryAfter: 'Fri, 31 Dec 9999 23:59:59 GMT' }, { method: 'GET' });
    const error = await rejectsWith(h.backend.listConversations(), 'throttled');
    assert.match(error.message, /asked to wait more than 2 days, longer than the 60 s allowed .* Try again later\./);
  });

  it('a PATCH that times out and lands after the first read-back is found by the second, with one write', async () => {
    const slow = await start({ timeoutMs: 300, settleMs: 20 });
    try {
      slow.dv.inject({ kind: 'lands-late' }, { method: 'PATCH' });
      const result = await slow.backend.link(LINK);
      assert.equal(result.status, 'success');
      assert.equal(slow.dv.logged('PATCH').length, 1);
      assert.equal(slow.dv.conversation(ACTIVE)?.caseId, CASE);
    } finally {
      await slow.dv.close();
    }
  });
});
