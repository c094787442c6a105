/** The host message handler's answers when things go wrong: every problem reaches the webview, none crashes. */
import * as assert from 'node:assert/strict';
import { PanelController } from '../../src/panel/host/controller';
import type { PanelServices } from '../../src/panel/host/controller';
import { createMemoryHistory } from '../../src/panel/host/history';
import { LinkError, type LinkOutcome } from '../../src/protocol/link';
import type { HostToWebview } from '../../src/protocol/webview';
import { SAMPLE_DATA, Simulator } from '../../src/backends/simulator';

const RECORD = '5a2a6a28-9f8e-4c38-9a4f-1a0b3c2d4e5f';
const OTHER = '0f8fad5b-d9cb-469f-a165-70867728950e';
const RUN = { type: 'run', method: 'linkToConversation', request: { entityLogicalName: 'incident', recordId: RECORD } };

function setup(overrides: Partial<PanelServices> = {}, post?: () => Promise<void>) {
  const sent: HostToWebview[] = [];
  const log: string[] = [];
  const services: PanelServices = {
    environment: () => ({ name: 'Simulator', kind: 'simulator' }),
    getBackend: () => new Simulator({ seed: SAMPLE_DATA }),
    runLink: async () => { throw new Error('not expected'); },
    history: createMemoryHistory(),
    refreshCall: () => 'refreshUi()',
    signInNeeded: () => false,
    signIn: async () => undefined,
    openSettings: async () => undefined,
    selectEnvironment: async () => undefined,
    writeClipboard: async () => undefined,
    insertAtCursor: async () => undefined,
    log: message => log.push(message),
    ...overrides,
  };
  const controller = new PanelController(services, post ?? (message => { sent.push(message); }));
  return { controller, sent, log };
}

describe('panel controller', function () {
  it('shows a thrown error from the runner as a failure outcome, then refreshes the state', async function () {
    const { controller, sent } = setup({ runLink: async () => { throw new Error('socket hang up'); } });
    await controller.handle(RUN);
    const outcome = sent.find(m => m.type === 'outcome');
    assert.deepEqual(outcome?.type === 'outcome' && outcome.outcome, { status: 'failure', functionName: 'linkToConversation', code: 'server-error', message: 'socket hang up' });
    assert.equal(sent.at(-1)?.type, 'state');
  });

  it('refuses a second call while one runs', async function () {
    let finish!: (outcome: LinkOutcome) => void;
    const { controller, sent } = setup({ runLink: () => new Promise(resolve => { finish = resolve; }) });
    const first = controller.handle(RUN);
    await controller.handle(RUN);
    assert.match(JSON.stringify(sent.filter(m => m.type === 'error')), /A call is already running/);
    finish({ status: 'success', entityLogicalName: 'incident', recordId: RECORD, conversationId: RECORD, message: 'ok' });
    await first;
    assert.equal(sent.filter(m => m.type === 'outcome').length, 1);
  });

  it('reports a backend that cannot be reached (not signed in) in the state instead of failing', async function () {
    const { controller, sent } = setup({ getBackend: async () => { throw new Error('Sign in to Contoso first: run "Omnichannel: Sign In to Environment".'); } });
    await controller.handle({ type: 'ready' });
    const state = sent[0];
    assert.equal(state?.type, 'state');
    assert.match(state?.type === 'state' ? state.conversationsError ?? '' : '', /Could not list the conversations: Sign in to Contoso first/);
  });

  it('answers a search failure in the records message', async function () {
    const { controller, sent } = setup({ getBackend: async () => { throw new Error('offline'); } });
    await controller.handle({ type: 'searchRecords', requestId: 4, entityLogicalName: 'account', text: 'x' });
    assert.deepEqual(sent, [{ type: 'records', requestId: 4, records: [], error: 'Search failed: offline' }]);
  });

  it('says so when asked to copy an entry that is no longer in the history', async function () {
    const { controller, sent } = setup();
    await controller.handle({ type: 'copyAsCode', entryId: 'gone' });
    assert.equal(sent[0]?.type, 'error');
  });

  it('logs and survives a webview that went away', async function () {
    const { controller, log } = setup({}, () => Promise.reject(new Error('Webview is disposed')));
    await controller.handle({ type: 'ready' });
    assert.match(log.join('\n'), /Could not post "state" to the panel: Webview is disposed/);
  });

  it('offers Sign In without touching the backend while the environment needs a sign-in', async function () {
    let asked = 0;
    const { controller, sent } = setup({ signInNeeded: () => true, getBackend: () => { asked++; throw new Error('not expected'); } });
    await controller.handle({ type: 'ready' });
    const state = sent[0];
    assert.equal(asked, 0, 'no backend (and so no sign-in dialog) just for opening the panel');
    assert.deepEqual(state?.type === 'state' && state.conversationsRemedy, { kind: 'signIn' });
  });

  it('maps a listing rejection to its remedy: Sign In for a refused sign-in, the right setting for an untrusted host', async function () {
    const refused = setup({ getBackend: async () => { throw new LinkError('linkToConversation', 'unauthorized', 'Contoso did not accept your sign-in (HTTP 401).'); } });
    await refused.controller.handle({ type: 'ready' });
    const first = refused.sent[0];
    assert.deepEqual(first?.type === 'state' && first.conversationsRemedy, { kind: 'signIn' });

    const opened: string[] = [];
    const host = setup({
      getBackend: async () => { throw new LinkError('linkToConversation', 'untrusted-host', 'contoso.example.com is not a trusted host.'); },
      openSettings: async setting => { opened.push(setting); },
    });
    await host.controller.handle({ type: 'ready' });
    await host.controller.handle({ type: 'openSettings' });
    assert.deepEqual(opened, ['omnichannel.trustedHosts']);
  });

  it('undoes a successful entry with the inverse call, and refuses to undo a failed one', async function () {
    const history = createMemoryHistory();
    const calls: string[] = [];
    const { controller, sent } = setup({
      history,
      runLink: async (method, request) => {
        calls.push(`${method} ${request.conversationId}`);
        return { status: 'success', entityLogicalName: 'incident', recordId: RECORD, conversationId: request.conversationId ?? '', message: 'ok' };
      },
    });
    const success = { status: 'success', entityLogicalName: 'incident', recordId: RECORD, conversationId: OTHER, message: 'ok' } as const;
    await history.add({ id: 'ok', at: new Date().toISOString(), environment: 'Simulator', method: 'linkToConversation', request: { entityLogicalName: 'incident', recordId: RECORD }, outcome: success });
    await history.add({ id: 'failed', at: new Date().toISOString(), environment: 'Simulator', method: 'linkToConversation', request: { entityLogicalName: 'incident', recordId: RECORD }, outcome: { status: 'failure', functionName: 'linkToConversation', code: 'not-linked', message: 'x' } });
    await controller.handle({ type: 'undo', entryId: 'ok' });
    // The focused conversation of the time, not whichever is focused now.
    assert.deepEqual(calls, [`unlinkFromConversation ${OTHER}`]);
    await controller.handle({ type: 'undo', entryId: 'failed' });
    assert.match(JSON.stringify(sent.filter(m => m.type === 'error')), /Only a successful call can be undone/);
    await controller.handle({ type: 'rerun', entryId: 'failed' });
    assert.deepEqual(calls, [`unlinkFromConversation ${OTHER}`, 'linkToConversation undefined']);
  });

  it('says so when no editor is open to insert a call into', async function () {
    const history = createMemoryHistory();
    await history.add({ id: 'e', at: new Date().toISOString(), environment: 'Simulator', method: 'linkToConversation', request: { entityLogicalName: 'incident', recordId: RECORD }, outcome: { status: 'failure', functionName: 'linkToConversation', code: 'not-linked', message: 'x' } });
    const { controller, sent } = setup({ history, insertAtCursor: async () => undefined });
    await controller.handle({ type: 'insertAtCursor', entryId: 'e' });
    assert.match(JSON.stringify(sent), /No editor is open to insert the call into/);
  });
});
