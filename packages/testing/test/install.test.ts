import * as assert from 'node:assert/strict';
import { installOmnichannel, type OmnichannelDouble } from '../src';
import { CONVERSATIONS } from '../src/simulator/sample-data';
import { fakeFormContext, linkCaseToConversation, PRINTER_JAM } from './support';

type WithMicrosoft = { Microsoft?: unknown };

describe('installOmnichannel: install and uninstall', () => {
  let handle: OmnichannelDouble | undefined;
  afterEach(() => {
    handle?.uninstall();
    handle = undefined;
  });

  it('puts Microsoft on globalThis and takes it away again without leaving a global behind', () => {
    assert.equal('Microsoft' in globalThis, false);
    handle = installOmnichannel();
    const installed = (globalThis as WithMicrosoft).Microsoft as { Omnichannel: object; Apm: object };
    assert.equal(installed, handle.Microsoft);
    assert.equal(typeof (installed.Omnichannel as { linkToConversation?: unknown }).linkToConversation, 'function');
    assert.equal(typeof (installed.Apm as { getFocusedSession?: unknown }).getFocusedSession, 'function');
    handle.uninstall();
    assert.equal('Microsoft' in globalThis, false);
    assert.equal(Object.getOwnPropertyDescriptor(globalThis, 'Microsoft'), undefined);
  });

  it('restores a pre-existing Microsoft object, untouched, and keeps its other members visible meanwhile', () => {
    const original = { CIFramework: { marker: true } };
    (globalThis as WithMicrosoft).Microsoft = original;
    try {
      handle = installOmnichannel();
      const installed = (globalThis as WithMicrosoft).Microsoft as Record<string, unknown>;
      assert.notEqual(installed, original);
      assert.equal(installed.CIFramework, original.CIFramework);
      handle.uninstall();
      assert.equal((globalThis as WithMicrosoft).Microsoft, original);
      assert.deepEqual(Object.keys(original), ['CIFramework']);
    } finally {
      delete (globalThis as WithMicrosoft).Microsoft;
    }
  });

  it('installs on a target object such as a jsdom window (or its window.top), leaving globalThis alone', async () => {
    const window: Record<string, unknown> = {};
    window.top = window;
    handle = installOmnichannel({ target: window.top as object });
    assert.equal('Microsoft' in globalThis, false);
    assert.equal(window.Microsoft, handle.Microsoft);
    const form = fakeFormContext(PRINTER_JAM);
    await linkCaseToConversation(form, window.Microsoft as Parameters<typeof linkCaseToConversation>[1]);
    assert.deepEqual(form.notifications, [{ message: 'The case is linked to the conversation.', level: 'INFO' }]);
    handle.uninstall();
    assert.equal('Microsoft' in window, false);
  });

  it('uninstall twice does nothing the second time', () => {
    handle = installOmnichannel();
    handle.uninstall();
    (globalThis as WithMicrosoft).Microsoft = 'someone else';
    try {
      handle.uninstall();
      assert.equal((globalThis as WithMicrosoft).Microsoft, 'someone else');
    } finally {
      delete (globalThis as WithMicrosoft).Microsoft;
    }
  });

  it('can be installed again after uninstall', () => {
    installOmnichannel().uninstall();
    handle = installOmnichannel();
    assert.equal((globalThis as WithMicrosoft).Microsoft, handle.Microsoft);
  });
});

describe('installOmnichannel: state and calls', () => {
  let handle: OmnichannelDouble;
  beforeEach(() => {
    handle = installOmnichannel();
  });
  afterEach(() => handle.uninstall());

  it('the form script links the case, refreshes, and both show in state() and calls', async () => {
    const form = fakeFormContext(PRINTER_JAM);
    await linkCaseToConversation(form);
    const focused = handle.state().conversations.find(c => c.id === CONVERSATIONS.focused);
    assert.deepEqual(focused?.case, { id: PRINTER_JAM });
    assert.deepEqual(handle.calls.map(c => `${c.namespace}.${c.method}`), [
      'Microsoft.Omnichannel.linkToConversation',
      'Microsoft.Apm.getFocusedSession',
      'Microsoft.Apm.getFocusedTab',
      'Microsoft.Apm.refresh',
    ]);
    const [linkCall, , , refresh] = handle.calls;
    assert.deepEqual(linkCall?.args, ['incident', PRINTER_JAM]);
    assert.equal(linkCall?.outcome.status, 'resolved');
    assert.deepEqual(
      (linkCall?.outcome as { value: { status: string; recordId: string; conversationId: string } }).value,
      {
        status: 'success',
        entityLogicalName: 'incident',
        recordId: PRINTER_JAM,
        conversationId: CONVERSATIONS.focused,
        message: 'Linked incident "Printer jams on tray 2 (CAS-01024-Q8B2)" to conversation "Chat: printer keeps jamming on tray 2".',
      },
    );
    assert.deepEqual(refresh, { namespace: 'Microsoft.Apm', method: 'refresh', args: [], outcome: { status: 'returned', value: undefined } });
  });

  it('the form script shows the ended-conversation message, and does not refresh, when the conversation is closed', async () => {
    handle.focus(CONVERSATIONS.closed);
    const form = fakeFormContext(PRINTER_JAM);
    await linkCaseToConversation(form);
    assert.deepEqual(form.notifications, [{ message: 'This conversation has ended: the case was not linked.', level: 'ERROR' }]);
    assert.deepEqual(handle.calls.map(c => c.method), ['linkToConversation']);
    const outcome = handle.calls[0]?.outcome as { status: string; error: { code: string } };
    assert.equal(outcome.status, 'rejected');
    assert.equal(outcome.error.code, 'conversation-not-active');
  });

  it('state() is the simulator.json shape and a copy: changing it changes nothing', () => {
    const state = handle.state();
    assert.deepEqual(Object.keys(state).sort(), ['conversations', 'focusedConversationId', 'records']);
    assert.deepEqual(Object.keys(state.records).sort(), ['account', 'contact', 'incident']);
    (state.conversations as unknown[]).length = 0;
    assert.equal(handle.state().conversations.length, 6);
  });

  it('getConversationId resolves with the focused conversation, and rejects on the home session', async () => {
    const ns = handle.Microsoft.Omnichannel;
    assert.equal(await ns.getConversationId(), CONVERSATIONS.focused);
    handle.focus(null);
    await assert.rejects(ns.getConversationId(), /No conversation is focused/);
    assert.equal(handle.Microsoft.Apm.getFocusedSession().isDefault, true);
  });

  it('refreshTab resolves for a tab id and is recorded like any other call', async () => {
    const tab = handle.Microsoft.Apm.getFocusedSession().getFocusedTab();
    await handle.Microsoft.Apm.refreshTab(tab.tabId);
    assert.deepEqual(handle.calls.at(-1), { namespace: 'Microsoft.Apm', method: 'refreshTab', args: [tab.tabId], outcome: { status: 'resolved', value: undefined } });
  });
});

describe('installOmnichannel: focus, reset, failNext', () => {
  let handle: OmnichannelDouble;
  beforeEach(() => {
    handle = installOmnichannel();
  });
  afterEach(() => handle.uninstall());

  it('focus() moves the conversation an omitted conversationId means, accepting upper case and braces', async () => {
    handle.focus(`{${CONVERSATIONS.secondActive.toUpperCase()}}`);
    assert.equal(handle.state().focusedConversationId, CONVERSATIONS.secondActive);
    const result = await handle.Microsoft.Omnichannel.linkToConversation('incident', PRINTER_JAM);
    assert.equal(result.conversationId, CONVERSATIONS.secondActive);
    assert.equal(handle.Microsoft.Apm.getFocusedSession().title, 'Voice: question about the March invoice');
  });

  it('reset() restores the seed, clears the calls and drops queued failures', async () => {
    handle.failNext('refresh', new Error('not now'));
    handle.focus(CONVERSATIONS.queued);
    await handle.Microsoft.Omnichannel.linkToConversation('incident', PRINTER_JAM, CONVERSATIONS.focused);
    handle.reset();
    assert.equal(handle.calls.length, 0);
    assert.equal(handle.state().focusedConversationId, CONVERSATIONS.focused);
    assert.equal(handle.state().conversations.find(c => c.id === CONVERSATIONS.focused)?.case, null);
    assert.doesNotThrow(() => handle.Microsoft.Apm.getFocusedSession().getFocusedTab().refresh());
  });

  it('failNext makes the next call of that method reject with that error, once, without changing state', async () => {
    const outage = Object.assign(new Error('Service unavailable'), { code: 'server-error' });
    handle.failNext('linkToConversation', outage);
    const form = fakeFormContext(PRINTER_JAM);
    await linkCaseToConversation(form);
    assert.deepEqual(form.notifications, [{ message: 'The case could not be linked: Service unavailable', level: 'ERROR' }]);
    assert.deepEqual(handle.calls[0]?.outcome, { status: 'rejected', error: outage });
    assert.equal(handle.state().conversations.find(c => c.id === CONVERSATIONS.focused)?.case, null);
    await linkCaseToConversation(form);
    assert.equal(form.notifications[1]?.level, 'INFO');
  });

  it('failNext on a synchronous method makes it throw, and is recorded as threw', () => {
    const boom = new Error('tab gone');
    handle.failNext('refresh', boom);
    const tab = handle.Microsoft.Apm.getFocusedSession().getFocusedTab();
    assert.throws(() => tab.refresh(), boom);
    assert.deepEqual(handle.calls.at(-1), { namespace: 'Microsoft.Apm', method: 'refresh', args: [], outcome: { status: 'threw', error: boom } });
    assert.doesNotThrow(() => tab.refresh());
  });

  it('failNext queues: two failures fail the next two calls', async () => {
    handle.failNext('getConversationId', 'first');
    handle.failNext('getConversationId', 'second');
    await assert.rejects(handle.Microsoft.Omnichannel.getConversationId(), (e: unknown) => e === 'first');
    await assert.rejects(handle.Microsoft.Omnichannel.getConversationId(), (e: unknown) => e === 'second');
    assert.equal(await handle.Microsoft.Omnichannel.getConversationId(), CONVERSATIONS.focused);
  });
});
