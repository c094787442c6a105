import * as assert from 'node:assert/strict';
import { CancellationTokenSource, type CompletionList, type MarkupContent } from 'vscode-languageserver-protocol/node';
import { useServer } from './support/fixture';
import { positionAfter } from './support/lsp-client';
import type { LookupIdsParams, LookupIdsResult } from '../src/protocol';

const PRINTER = '7282041d-0cdb-42b4-b78b-c5e1b1fefe91';
const CHAT = 'cac0dcce-6d4e-4d16-96fd-4c620006b2df';

/** What the VS Code client would answer from the Simulator. */
function simulatorAnswer(params: LookupIdsParams): LookupIdsResult {
  if (params.role === 'conversation') {
    const items = [{ id: CHAT, label: 'Chat: printer keeps jamming on tray 2', detail: 'Active · Maria Campbell' }];
    return { environment: 'Simulator', items: params.kind === 'resolve' ? items.filter(i => i.id === params.id) : items };
  }
  const items = [{ id: PRINTER, label: 'Case: Printer jams on tray 2 (CAS-01024-Q8B2)', detail: 'incident', entityLogicalName: 'incident' }];
  if (params.kind === 'resolve') return { environment: 'Simulator', items: items.filter(i => i.id === params.id.toLowerCase()) };
  return { environment: 'Simulator', items: items.filter(i => i.label.toLowerCase().includes(params.text.toLowerCase())) };
}

describe('server: records and conversations of the active environment in id arguments', () => {
  describe('with a client that answers omnichannel/lookupIds', () => {
    let answer: (params: LookupIdsParams, token: import('vscode-languageserver-protocol/node').CancellationToken) => LookupIdsResult | null | Promise<LookupIdsResult | null> = simulatorAnswer;
    const s = useServer({ initializationOptions: { lookupIds: true }, onLookupIds: (p, t) => answer(p, t) });
    afterEach(() => { answer = simulatorAnswer; });

    it('completes case names inside the record id literal and inserts the GUID there', async () => {
      const uri = 'file:///ws/records.js';
      const text = 'Microsoft.Omnichannel.linkToConversation("incident", "Prin';
      await s.client.open(uri, text);
      const list = await s.client.completionList(uri, positionAfter(text, '"Prin')) as CompletionList;
      assert.equal(list.isIncomplete, true, 'the typed text filters on the environment side, so the editor asks again');
      const [item] = list.items;
      assert.equal(item?.label, 'Case: Printer jams on tray 2 (CAS-01024-Q8B2)');
      assert.ok(item.textEdit && 'range' in item.textEdit);
      assert.equal(item.textEdit.newText, PRINTER);
      assert.deepEqual(item.textEdit.range, { start: { line: 0, character: 54 }, end: { line: 0, character: 58 } });
      assert.deepEqual(s.client.lookupRequests.at(-1), { kind: 'search', role: 'record', entityLogicalName: 'incident', text: 'Prin' });
    });

    it('inserts a quoted id in an empty argument, and asks for conversations in the third', async () => {
      const uri = 'file:///ws/empty.js';
      const text = `Microsoft.Omnichannel.linkToConversation("incident", "${PRINTER}", )`;
      await s.client.open(uri, text);
      const items = await s.client.completion(uri, positionAfter(text, `${PRINTER}", `));
      assert.equal(items[0]?.label, 'Chat: printer keeps jamming on tray 2');
      assert.ok(items[0].textEdit && 'newText' in items[0].textEdit);
      assert.equal(items[0].textEdit.newText, `"${CHAT}"`);
      assert.deepEqual(s.client.lookupRequests.at(-1), { kind: 'search', role: 'conversation', entityLogicalName: 'incident', text: '' });
      const asked = s.client.lookupRequests.length;
      const variable = 'file:///ws/variable-arg.js';
      const variableText = 'Microsoft.Omnichannel.linkToConversation("incident", caseI';
      await s.client.open(variable, variableText);
      await s.client.completion(variable, positionAfter(variableText, 'caseI'));
      assert.equal(s.client.lookupRequests.length, asked, 'a variable name being typed is not a search');
    });

    it('asks for every table when the entity is not a literal', async () => {
      const uri = 'file:///ws/variable.js';
      const text = 'function f(entity) { Microsoft.Omnichannel.unlinkFromConversation(entity, "';
      await s.client.open(uri, text);
      await s.client.completion(uri, positionAfter(text, '"'));
      assert.deepEqual(s.client.lookupRequests.at(-1), { kind: 'search', role: 'record', text: '' });
    });

    it('leaves the entity-name argument and other calls to the usual completion', async () => {
      const before = s.client.lookupRequests.length;
      const uri = 'file:///ws/entity-arg.js';
      const text = 'Microsoft.Omnichannel.linkToConversation("inc';
      await s.client.open(uri, text);
      const items = await s.client.completion(uri, positionAfter(text, '"inc'));
      assert.ok(items.some(i => i.label === 'incident'));
      const other = 'file:///ws/other.js';
      const otherText = 'someone.linkToConversation("incident", "';
      await s.client.open(other, otherText);
      assert.deepEqual(await s.client.completion(other, positionAfter(otherText, '", "')), []);
      assert.equal(s.client.lookupRequests.length, before, 'no lookup outside a link call\'s id arguments');
    });

    it('says in the hover which case an id is, and names the environment that has no such record', async () => {
      const uri = 'file:///ws/hover.js';
      const missing = '00000000-0000-4000-8000-000000000000';
      const text = `Microsoft.Omnichannel.linkToConversation("incident", "${PRINTER}", "${CHAT}");\nMicrosoft.Omnichannel.linkToConversation("incident", "${missing}");`;
      await s.client.open(uri, text);
      const found = await s.client.hover(uri, positionAfter(text, '"7282'));
      assert.match((found?.contents as MarkupContent).value, /^\*\*Case: Printer jams on tray 2 \\\(CAS-01024-Q8B2\\\)\*\*/);
      assert.match((found?.contents as MarkupContent).value, /recordId/, 'the parameter documentation stays');
      const conversation = await s.client.hover(uri, positionAfter(text, '"cac0'));
      assert.match((conversation?.contents as MarkupContent).value, /Chat: printer keeps jamming on tray 2\*\* — Active · Maria Campbell \(Simulator\)/);
      const none = await s.client.hover(uri, positionAfter(text, '"0000'));
      assert.match((none?.contents as MarkupContent).value, /The active environment, Simulator, has no incident record with this id\./);
    });

    it('offers the client\'s notice (sign in) as an entry that runs its command and changes no text', async () => {
      answer = () => ({ environment: 'Contoso Dev', items: [], notice: { title: 'Sign in to Contoso Dev to complete records', command: 'omnichannel.signIn', arguments: ['Contoso Dev'] } });
      const uri = 'file:///ws/notice.js';
      const text = 'Microsoft.Omnichannel.linkToConversation("account", "Con';
      await s.client.open(uri, text);
      const [item] = await s.client.completion(uri, positionAfter(text, '"Con'));
      assert.equal(item?.label, 'Sign in to Contoso Dev to complete records');
      assert.deepEqual(item.command, { title: 'Sign in to Contoso Dev to complete records', command: 'omnichannel.signIn', arguments: ['Contoso Dev'] });
      assert.ok(item.textEdit && 'newText' in item.textEdit);
      assert.equal(item.textEdit.newText, 'Con');
    });

    it('gives no items, and keeps serving, when the client fails or answers nonsense', async () => {
      const uri = 'file:///ws/failing.js';
      const text = 'Microsoft.Omnichannel.linkToConversation("account", "';
      await s.client.open(uri, text);
      answer = () => { throw new Error('network down'); };
      assert.deepEqual(await s.client.completion(uri, positionAfter(text, '", "')), []);
      answer = () => ({ environment: 42, items: 'no' }) as unknown as LookupIdsResult;
      assert.deepEqual(await s.client.completion(uri, positionAfter(text, '", "')), []);
      answer = simulatorAnswer;
      const hover = await s.client.hover(uri, positionAfter(text, 'linkTo'));
      assert.ok(hover, 'the server still answers');
    });

    it('cancels its request to the client when the editor cancels the completion', async () => {
      const uri = 'file:///ws/cancel.js';
      const text = 'Microsoft.Omnichannel.linkToConversation("contact", "';
      await s.client.open(uri, text);
      let sawCancel!: () => void;
      const cancelled = new Promise<void>(resolve => { sawCancel = resolve; });
      let asked!: () => void;
      const askedPromise = new Promise<void>(resolve => { asked = resolve; });
      answer = (_p, token) => new Promise(resolve => {
        asked();
        token.onCancellationRequested(() => { sawCancel(); resolve(null); });
      });
      const source = new CancellationTokenSource();
      const pending = s.client.connection.sendRequest('textDocument/completion', { textDocument: { uri }, position: positionAfter(text, '", "') }, source.token);
      await askedPromise;
      source.cancel();
      await cancelled;
      await pending.catch(() => undefined);
    });
  });

  describe('with a client that does not answer it', () => {
    const s = useServer();

    it('never sends the request, and id arguments get no items', async () => {
      const uri = 'file:///ws/plain.js';
      const text = `Microsoft.Omnichannel.linkToConversation("incident", "");`;
      await s.client.open(uri, text);
      assert.deepEqual(await s.client.completion(uri, positionAfter(text, '"incident", "')), []);
      const hover = await s.client.hover(uri, positionAfter(text, '"incident", '));
      assert.doesNotMatch((hover?.contents as MarkupContent | undefined)?.value ?? '', /environment/);
      assert.equal(s.client.lookupRequests.length, 0);
    });
  });
});
