/**
 * The data behind completion and hover of record and conversation ids, as the language server asks for it:
 * from the Simulator, and from a real environment over HTTP (the Web API stand-in on 127.0.0.1).
 */
import * as assert from 'node:assert/strict';
import { Simulator } from '../../src/backends/simulator';
import type { LinkBackend } from '../../src/backends/types';
import { IdLookup, type LookupEnvironment } from '../../src/client/record-lookup/lookup';
import { SAMPLE_DATA } from '@omnichannel-tools/testing/simulator';
import { IDS } from '../backends/simulator/fixtures';
import { ACCOUNT, ACTIVE, CASE, CLOSED, CONTACT, OTHERS, WAITING, seed, start, type Harness } from '../backends/dataverse/setup';

const SIMULATOR: LookupEnvironment = { name: 'Simulator', kind: 'simulator' };
const REAL: LookupEnvironment = { name: 'Contoso Test', kind: 'dataverse' };

describe('record lookup: the Simulator', () => {
  let sim: Simulator;
  let lookup: IdLookup;
  beforeEach(() => {
    sim = new Simulator({ seed: SAMPLE_DATA });
    lookup = new IdLookup({ environment: () => SIMULATOR, backend: () => Promise.resolve(sim), signedIn: () => true });
  });
  afterEach(() => sim.dispose());

  it('lists the cases of the table the first argument names, by name, with their GUIDs', async () => {
    const result = await lookup.lookup({ kind: 'search', role: 'record', entityLogicalName: 'incident', text: '' });
    assert.equal(result?.environment, 'Simulator');
    assert.deepEqual(result?.items.map(i => i.label), [
      'Case: Printer jams on tray 2 (CAS-01024-Q8B2)',
      'Case: Invoice INV-20931 charged twice (CAS-01031-H3K9)',
      'Case: Parcel arrived damaged (CAS-01017-M1X4)',
    ]);
    assert.equal(result?.items[0]?.id, IDS.printerJam);
  });

  it('filters by what is typed, and searches all three tables when the entity is not known', async () => {
    const typed = await lookup.lookup({ kind: 'search', role: 'record', entityLogicalName: 'incident', text: 'cas-01031' });
    assert.deepEqual(typed?.items.map(i => i.id), [IDS.invoiceQuery]);
    const all = await lookup.lookup({ kind: 'search', role: 'record', text: 'o' });
    const labels = all?.items.map(i => i.label) ?? [];
    assert.ok(labels.includes('Contoso Ltd (account)'), labels.join(', '));
    assert.ok(labels.some(l => l.endsWith('(contact)')), labels.join(', '));
    assert.ok(labels.some(l => l.startsWith('Case:')), labels.join(', '));
    const misnamed = await lookup.lookup({ kind: 'search', role: 'record', entityLogicalName: 'Incident', text: 'Contoso' });
    assert.deepEqual(misnamed?.items.map(i => i.label), ['Contoso Ltd (account)'], 'a misspelt entity searches every table');
  });

  it('lists conversations with status, customer and case', async () => {
    const result = await lookup.lookup({ kind: 'search', role: 'conversation', text: 'invoice' });
    assert.deepEqual(result?.items, [{ id: IDS.secondActive, label: 'Voice: question about the March invoice', detail: 'Active · customer Fabrikam, Inc. · case Invoice INV-20931 charged twice (CAS-01031-H3K9)' }]);
  });

  it('resolves an id written in any case or with braces, and says when the environment has none', async () => {
    const found = await lookup.lookup({ kind: 'resolve', role: 'record', entityLogicalName: 'incident', id: `{${IDS.printerJam.toUpperCase()}}` });
    assert.equal(found?.items[0]?.label, 'Case: Printer jams on tray 2 (CAS-01024-Q8B2)');
    const anyTable = await lookup.lookup({ kind: 'resolve', role: 'record', id: IDS.mariaCampbell });
    assert.equal(anyTable?.items[0]?.label, 'Maria Campbell (contact)');
    const missing = await lookup.lookup({ kind: 'resolve', role: 'record', entityLogicalName: 'account', id: IDS.unknown });
    assert.deepEqual(missing, { environment: 'Simulator', items: [] });
    const conversation = await lookup.lookup({ kind: 'resolve', role: 'conversation', id: IDS.closed });
    assert.match(conversation?.items[0]?.detail ?? '', /^Closed · customer Sidney Higgins/);
    const noConversation = await lookup.lookup({ kind: 'resolve', role: 'conversation', id: IDS.unknown });
    assert.deepEqual(noConversation?.items, []);
    assert.deepEqual(await lookup.lookup({ kind: 'resolve', role: 'record', id: 'not-a-guid' }), { environment: 'Simulator', items: [], notAnId: true });
  });

  it('refuses a malformed question', async () => {
    assert.equal(await lookup.lookup({ kind: 'search', role: 'owner', text: '' }), null);
    assert.equal(await lookup.lookup('search'), null);
    assert.equal(await lookup.lookup({ kind: 'resolve', role: 'record' }), null);
  });

  it('keeps an answer briefly, and forgets it when asked to', async () => {
    let now = 0;
    let asked = 0;
    const counting = new IdLookup({ environment: () => SIMULATOR, backend: () => { asked++; return Promise.resolve(sim); }, signedIn: () => true, now: () => now, cacheMs: 1000 });
    const question = { kind: 'search', role: 'record', entityLogicalName: 'account', text: '' };
    await counting.lookup(question);
    await counting.lookup(question);
    assert.equal(asked, 1, 'the second question is answered from the cache');
    now = 1001;
    await counting.lookup(question);
    assert.equal(asked, 2, 'an old answer is asked again');
    counting.clear();
    await counting.lookup(question);
    assert.equal(asked, 3);
  });
});

describe('record lookup: a real environment over HTTP', () => {
  let h: Harness;
  let signedIn: boolean;
  let lookup: IdLookup;
  const log: string[] = [];

  beforeEach(async () => {
    const data = seed();
    h = await start({}, {
      ...data,
      incidents: [
        { id: CASE, name: 'Printer offline', ticketnumber: 'CAS-01024-Q8B2' },
        { id: '6b720000-0000-4000-8000-000000000002', name: 'Invoice charged twice', ticketnumber: 'CAS-01031-H3K9', statecode: 1 },
      ],
    });
    signedIn = true;
    log.length = 0;
    lookup = new IdLookup({ environment: () => REAL, backend: () => Promise.resolve(h.backend as LinkBackend), signedIn: () => signedIn, log: line => log.push(line) });
  });
  afterEach(async () => { await h.dv.close(); });

  it('searches cases by title or case number on the server, with a small $top, and shows number and state', async () => {
    const byNumber = await lookup.lookup({ kind: 'search', role: 'record', entityLogicalName: 'incident', text: 'CAS-0103' });
    assert.deepEqual(byNumber?.items, [{ id: '6b720000-0000-4000-8000-000000000002', label: 'Case CAS-01031-H3K9: Invoice charged twice', detail: 'incident · resolved', entityLogicalName: 'incident' }]);
    const [request] = h.dv.logged('GET', 'incidents');
    assert.equal(request?.query.get('$filter'), "(contains(title,'CAS-0103') or startswith(ticketnumber,'CAS-0103'))");
    assert.equal(request?.query.get('$top'), '10');
    const byTitle = await lookup.lookup({ kind: 'search', role: 'record', entityLogicalName: 'incident', text: 'printer' });
    assert.deepEqual(byTitle?.items.map(i => i.label), ['Case CAS-01024-Q8B2: Printer offline']);
    assert.equal(byTitle?.items[0]?.detail, 'incident · active');
  });

  it('searches accounts and contacts by name, a quote in the text included', async () => {
    const result = await lookup.lookup({ kind: 'search', role: 'record', text: "o'b" });
    assert.deepEqual(result?.items.map(i => i.label), ["O'Brien Bikes (account)"]);
    assert.equal(h.dv.logged('GET', 'accounts')[0]?.query.get('$filter'), "contains(name,'o''b')");
    assert.equal(h.dv.logged('GET', 'contacts').length, 1, 'every table is searched when the entity is not known');
  });

  it('lists the agent\'s open conversations matching the text', async () => {
    const result = await lookup.lookup({ kind: 'search', role: 'conversation', text: '' });
    assert.deepEqual(result?.items.map(i => i.id), [WAITING, ACTIVE], 'open, assigned to the signed-in user, newest first');
    assert.ok(!result?.items.some(i => i.id === OTHERS || i.id === CLOSED));
    const typed = await lookup.lookup({ kind: 'search', role: 'conversation', text: 'ana' });
    assert.deepEqual(typed?.items, [{ id: ACTIVE, label: 'Chat with Ana', detail: 'Active · customer Ana Silva' }]);
  });

  it('resolves ids for hover, and a missing one is "no such record", not a failure', async () => {
    const contact = await lookup.lookup({ kind: 'resolve', role: 'record', entityLogicalName: 'contact', id: CONTACT.toUpperCase() });
    assert.equal(contact?.items[0]?.label, 'Ana Silva (contact)');
    const anywhere = await lookup.lookup({ kind: 'resolve', role: 'record', id: ACCOUNT });
    assert.equal(anywhere?.items[0]?.label, "O'Brien Bikes (account)");
    const missing = await lookup.lookup({ kind: 'resolve', role: 'record', entityLogicalName: 'incident', id: '6b720000-0000-4000-8000-0000000000aa' });
    assert.deepEqual(missing, { environment: 'Contoso Test', items: [] });
    const conversation = await lookup.lookup({ kind: 'resolve', role: 'conversation', id: CLOSED });
    assert.equal(conversation?.items[0]?.label, 'Old chat');
  });

  it('asks nothing of an environment not signed in, and offers the sign-in command instead', async () => {
    signedIn = false;
    const result = await lookup.lookup({ kind: 'search', role: 'record', text: '' });
    assert.deepEqual(result, { environment: 'Contoso Test', items: [], notice: { title: 'Sign in to Contoso Test to look up records', command: 'omnichannel.signIn', arguments: ['Contoso Test'] } });
    assert.equal(h.dv.requests.length, 0);
    assert.deepEqual(h.tokenCalls, []);
  });

  it('gives nothing (and logs why) when the environment fails, and asks again next time', async () => {
    h.dv.inject({ kind: 'status', status: 500, message: 'Generic SQL error.' });
    const failed = await lookup.lookup({ kind: 'search', role: 'record', entityLogicalName: 'account', text: 'Con' });
    assert.equal(failed, null);
    assert.match(log.join('\n'), /Looking up records in Contoso Test failed/);
    const retried = await lookup.lookup({ kind: 'search', role: 'record', entityLogicalName: 'account', text: 'Con' });
    assert.deepEqual(retried?.items.map(i => i.label), ['Contoso (account)']);
  });

  it('stops the HTTP request when the search is cancelled', async () => {
    h.dv.inject({ kind: 'hang' });
    const controller = new AbortController();
    const seen = new Promise<void>(resolve => { h.dv.onRequest = () => resolve(); });
    const pending = lookup.lookup({ kind: 'search', role: 'record', entityLogicalName: 'account', text: 'x' }, controller.signal);
    await seen;
    controller.abort();
    assert.equal(await pending, null);
    assert.equal(log.length, 0, 'a cancelled search is not a failure worth logging');
  });
});
