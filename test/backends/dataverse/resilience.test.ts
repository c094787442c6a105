import * as assert from 'node:assert/strict';
import * as net from 'node:net';
import { DataverseBackend } from '../../../src/backends/dataverse';
import { ACTIVE, CASE, rejectsWith, seed, start, type Harness } from './setup';

const LINK = { entityLogicalName: 'incident', recordId: CASE, conversationId: ACTIVE } as const;

describe('DataverseBackend failures', () => {
  let h: Harness;
  beforeEach(async () => {
    h = await start();
  });
  afterEach(() => h.dv.close());

  describe('401', () => {
    it('gets a fresh token once, silently, and succeeds', async () => {
      h.dv.inject({ kind: 'status', status: 401 });
      await h.backend.link(LINK);
      assert.equal(h.tokenCalls.filter(force => force).length, 1);
      assert.equal(h.dv.conversation(ACTIVE)?.caseId, CASE);
    });

    it('a second 401 after the refresh asks the user to sign in again', async () => {
      const stale = await start({ tokenProvider: () => Promise.resolve('expired-token') });
      try {
        const error = await rejectsWith(stale.backend.listConversations(), 'unauthorized');
        assert.match(error.message, /Sign in again: run “Omnichannel: Sign In to Environment”\./);
        assert.ok(!error.message.includes('expired-token'));
        assert.equal(stale.dv.requests.length, 2);
      } finally {
        await stale.dv.close();
      }
    });

    it('a token provider failure becomes unauthorized with its reason', async () => {
      const failing = await start({ tokenProvider: () => Promise.reject(new Error('az is not logged in: run `az login`.')) });
      try {
        const error = await rejectsWith(failing.backend.listConversations(), 'unauthorized');
        assert.match(error.message, /Could not get an access token for Contoso Test: az is not logged in/);
        assert.equal(failing.dv.requests.length, 0);
      } finally {
        await failing.dv.close();
      }
    });
  });

  describe('429', () => {
    it('waits for Retry-After, reports progress and succeeds', async () => {
      h.dv.inject({ kind: 'throttle', retryAfter: 1 }, { method: 'PATCH' });
      const progress: string[] = [];
      await h.backend.link(LINK, { onProgress: m => progress.push(m) });
      assert.deepEqual(progress, ['Throttled by Contoso Test: retrying in 1 s']);
      assert.equal(h.dv.logged('PATCH').length, 2);
      assert.equal(h.dv.appliedWrites, 1);
    });

    it('cancelling during the wait rejects with cancelled and writes nothing', async () => {
      h.dv.inject({ kind: 'throttle', retryAfter: 30 }, { method: 'PATCH' });
      const controller = new AbortController();
      const error = await rejectsWith(h.backend.link(LINK, { signal: controller.signal, onProgress: () => controller.abort() }), 'cancelled');
      assert.match(error.message, /Cancelled/);
      assert.equal(h.dv.appliedWrites, 0);
    });

    it('a Retry-After beyond the bound fails at once, saying how long Dataverse asked', async () => {
      const bounded = await start({ maxRetryAfterMs: 10_000 });
      try {
        bounded.dv.inject({ kind: 'throttle', retryAfter: 120 });
        const progress: string[] = [];
        const error = await rejectsWith(bounded.backend.listConversations({ onProgress: m => progress.push(m) }), 'throttled');
        assert.match(error.message, /asked to wait 2 min, longer than the 10 s allowed by omnichannel\.dataverse\.maxRetryAfterSeconds/);
        assert.deepEqual(progress, []);
        assert.equal(bounded.dv.requests.length, 1);
      } finally {
        await bounded.dv.close();
      }
    });
  });

  it('gives up after the allowed number of 429 answers', async () => {
    const limited = await start({ maxThrottleRetries: 2 });
    try {
      limited.dv.inject({ kind: 'throttle', retryAfter: 0 }, { times: 3 });
      const error = await rejectsWith(limited.backend.listConversations(), 'throttled');
      assert.match(error.message, /Contoso Test kept throttling the request \(HTTP 429, 2 retries\)/);
      assert.equal(limited.dv.requests.length, 3);
    } finally {
      await limited.dv.close();
    }
  });

  it('a request that never gets an answer times out', async () => {
    const quick = await start({ timeoutMs: 300 });
    try {
      quick.dv.inject({ kind: 'hang' });
      const error = await rejectsWith(quick.backend.listConversations(), 'timeout');
      assert.match(error.message, /Contoso Test did not answer within/);
    } finally {
      await quick.dv.close();
    }
  });

  it('a PATCH that times out without landing is reported as not confirmed after two read-backs, with no retry', async () => {
    const quick = await start({ timeoutMs: 300, settleMs: 50 });
    try {
      quick.dv.inject({ kind: 'hang' }, { method: 'PATCH' });
      const error = await rejectsWith(quick.backend.link(LINK), 'timeout');
      assert.match(error.message, /The change is not confirmed: reading conversation .* back twice does not show it/);
      assert.equal(quick.dv.logged('PATCH').length, 1);
      assert.equal(quick.dv.logged('GET', 'msdyn_ocliveworkitems(').length, 3, 'one read before the write, two after');
    } finally {
      await quick.dv.close();
    }
  });

  it('cancelling while the PATCH is in flight and not applied rejects with cancelled, after checking', async () => {
    h.dv.inject({ kind: 'hang' }, { method: 'PATCH' });
    const controller = new AbortController();
    h.dv.onRequest = request => {
      if (request.method === 'PATCH') controller.abort();
    };
    const error = await rejectsWith(h.backend.link(LINK, { signal: controller.signal }), 'cancelled');
    assert.match(error.message, /not applied/);
    assert.equal(h.dv.appliedWrites, 0);
  });

  it('cancelling too late, when the PATCH already landed, resolves with the link that is true', async () => {
    h.dv.inject({ kind: 'hang' }, { method: 'PATCH', afterApply: true });
    const controller = new AbortController();
    h.dv.onRequest = request => {
      if (request.method === 'PATCH') controller.abort();
    };
    const result = await h.backend.link(LINK, { signal: controller.signal });
    assert.equal(result.status, 'success');
    assert.equal(h.dv.logged('PATCH').length, 1);
  });

  it('a PATCH answered with 500 after it was applied succeeds by read-back with exactly one PATCH', async () => {
    h.dv.inject({ kind: 'status', status: 500 }, { method: 'PATCH', afterApply: true });
    const result = await h.backend.link(LINK);
    assert.equal(result.status, 'success');
    assert.equal(h.dv.logged('PATCH').length, 1);
    assert.equal(h.dv.conversation(ACTIVE)?.caseId, CASE);
  });

  it('a PATCH whose connection dies after it was applied succeeds by read-back with one PATCH', async () => {
    h.dv.inject({ kind: 'destroy' }, { method: 'PATCH', afterApply: true });
    await h.backend.link(LINK);
    assert.equal(h.dv.logged('PATCH').length, 1);
  });

  it('a PATCH refused with 503 before it landed is retried once and succeeds', async () => {
    h.dv.inject({ kind: 'status', status: 503, message: 'Service unavailable.' }, { method: 'PATCH' });
    await h.backend.link(LINK);
    assert.equal(h.dv.logged('PATCH').length, 2);
    assert.equal(h.dv.appliedWrites, 1);
  });

  it('two 5xx in a row fail with server-error saying the change was not applied', async () => {
    h.dv.inject({ kind: 'status', status: 500, message: 'Generic SQL error.' }, { method: 'PATCH', times: 2 });
    const error = await rejectsWith(h.backend.link(LINK), 'server-error');
    assert.match(error.message, /Contoso Test failed to link incident .* \(HTTP 500 0x80040216: Generic SQL error\.\)/);
    assert.match(error.message, /not applied/);
    assert.equal(h.dv.appliedWrites, 0);
  });

  it('a refused connection becomes network', async () => {
    const port = await closedPort();
    const backend = new DataverseBackend({
      name: 'Nowhere',
      url: `http://127.0.0.1:${port}`,
      tokenProvider: () => Promise.resolve('t'),
      trustedHosts: [`127.0.0.1:${port}`],
      timeoutMs: 5000,
      maxRetryAfterMs: 1000,
      conversationScope: 'all',
    });
    const error = await rejectsWith(backend.listConversations(), 'network');
    assert.match(error.message, /Could not connect to Nowhere \(ECONNREFUSED\)/);
  });

  it('an untrusted host is refused before any request or token', async () => {
    const tokens: boolean[] = [];
    const untrusted = new DataverseBackend({
      name: 'Local',
      url: h.dv.url,
      tokenProvider: force => (tokens.push(force), Promise.resolve(h.dv.token)),
      trustedHosts: [],
      timeoutMs: 5000,
      maxRetryAfterMs: 1000,
      conversationScope: 'mine',
    });
    const error = await rejectsWith(untrusted.link(LINK), 'untrusted-host');
    assert.match(error.message, /omnichannel\.trustedHosts/);
    await rejectsWith(untrusted.listConversations(), 'untrusted-host');
    assert.equal(h.dv.requests.length, 0);
    assert.deepEqual(tokens, []);
  });

  it('50 concurrent links against a stand-in that throttles half the requests all end correctly, with 50 writes', async () => {
    const ids = Array.from({ length: 50 }, (_, i) => `2f3c0000-0000-4000-8000-${String(i).padStart(12, '0')}`);
    const base = seed();
    const many = await start({}, { ...base, conversations: ids.map(id => ({ activityid: id, msdyn_title: `Chat ${id.slice(-2)}`, statuscode: 2 })) });
    try {
      many.dv.throttle(0);
      const progress: string[] = [];
      const results = await Promise.all(ids.map(id => many.backend.link({ entityLogicalName: 'incident', recordId: CASE, conversationId: id }, { onProgress: m => progress.push(m) })));
      assert.ok(results.every(r => r.status === 'success'));
      assert.ok(ids.every(id => many.dv.conversation(id)?.caseId === CASE));
      assert.equal(many.dv.appliedWrites, 50);
      assert.ok(many.dv.requests.some(r => r.status === 429), 'the stand-in throttled some requests');
      assert.equal(progress.length, many.dv.requests.filter(r => r.status === 429).length);
    } finally {
      await many.dv.close();
    }
  });
});

/** A port on 127.0.0.1 with nothing listening (bound, then released). */
async function closedPort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise<void>(resolve => server.close(() => resolve()));
  return port;
}

