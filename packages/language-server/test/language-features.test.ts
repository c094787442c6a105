import * as assert from 'node:assert/strict';
import { CompletionItemKind, InsertTextFormat, type MarkupContent } from 'vscode-languageserver-protocol/node';
import { useServer } from './support/fixture';
import { positionAfter } from './support/lsp-client';

describe('server: completion, hover, signature help', () => {
  const s = useServer();

  it('completes API members after the dot, replacing the dot and the partial word', async () => {
    const uri = 'file:///ws/complete.js';
    const text = 'const oc = window.Microsoft.Omnichannel;\noc.lin\n';
    await s.client.open(uri, text);
    const items = await s.client.completion(uri, positionAfter(text, 'oc.lin'));
    const link = items.find(i => i.label === 'linkToConversation');
    assert.ok(link, items.map(i => i.label).join(', '));
    assert.equal(link.kind, CompletionItemKind.Method);
    assert.ok(link.textEdit && 'range' in link.textEdit);
    assert.deepEqual(link.textEdit.range, { start: { line: 1, character: 2 }, end: { line: 1, character: 6 } });
    assert.equal(link.filterText, '.linkToConversation');
    assert.match((link.documentation as MarkupContent).value, /refresh/);
    const snippet = items.find(i => i.kind === CompletionItemKind.Snippet && i.label.startsWith('linkToConversation'));
    assert.equal(snippet?.insertTextFormat, InsertTextFormat.Snippet);
    assert.equal(snippet?.filterText, '.linkToConversation');
  });

  it('puts the omnichannel.refreshCall setting into the link snippet', async () => {
    s.client.settings = { refreshCall: 'refreshCaseTab()' };
    await s.client.configurationChanged();
    const uri = 'file:///ws/snippet.ts';
    const text = 'Microsoft.Omnichannel.';
    await s.client.open(uri, text, 'typescript');
    const items = await s.client.completion(uri, positionAfter(text, text));
    const snippet = items.find(i => i.kind === CompletionItemKind.Snippet && i.label.startsWith('linkToConversation'));
    assert.ok(snippet?.textEdit && /refreshCaseTab\(\)/.test(snippet.textEdit.newText), JSON.stringify(snippet));
    s.client.settings = {};
    await s.client.configurationChanged();
  });

  it('completes entity names inside an unclosed first argument', async () => {
    const uri = 'file:///ws/entity.js';
    const text = 'Microsoft.Omnichannel.linkToConversation("inc';
    await s.client.open(uri, text);
    const items = await s.client.completion(uri, positionAfter(text, text));
    assert.deepEqual(items.map(i => i.label), ['account', 'contact', 'incident']);
    const incident = items[2]!;
    assert.ok(incident.textEdit && 'range' in incident.textEdit);
    assert.deepEqual(incident.textEdit.range, { start: { line: 0, character: 42 }, end: { line: 0, character: 45 } });
  });

  it('hovers methods and entity names with Markdown', async () => {
    const uri = 'file:///ws/hover.js';
    const text = 'Microsoft.Omnichannel.linkToConversation("incident", id).then(() => Microsoft.Apm.refreshTab("t"), e => e);';
    await s.client.open(uri, text);
    const method = await s.client.hover(uri, positionAfter(text, 'linkTo'));
    assert.match((method!.contents as MarkupContent).value, /\(method\) Microsoft\.Omnichannel\.linkToConversation/);
    assert.deepEqual(method!.range, { start: { line: 0, character: 22 }, end: { line: 0, character: 40 } });
    const entity = await s.client.hover(uri, positionAfter(text, '("inc'));
    assert.match((entity!.contents as MarkupContent).value, /\*\*Case\*\*/);
    assert.equal(await s.client.hover(uri, positionAfter(text, 'e => ')), null);
  });

  it('gives signature help with the active parameter', async () => {
    const uri = 'file:///ws/signature.js';
    const text = 'Microsoft.Omnichannel.linkToConversation("incident", ';
    await s.client.open(uri, text);
    const help = await s.client.signatureHelp(uri, positionAfter(text, text));
    assert.equal(help!.activeParameter, 1);
    assert.match(help!.signatures[0]!.label, /linkToConversation\(entityLogicalName/);
    assert.equal(help!.signatures[0]!.parameters!.length, 3);
  });

  it('answers hover, completion and signature help in a chain of 5,000 .then calls', async () => {
    const uri = 'file:///ws/long-chain.js';
    const text = 'const oc = window.Microsoft.Omnichannel;\noc.linkToConversation("incident", id)\n' + '  .then(() => 1)\n'.repeat(5000) + ';\n';
    await s.client.open(uri, text);
    const method = await s.client.hover(uri, positionAfter(text, 'oc.linkTo'));
    assert.match((method?.contents as MarkupContent | undefined)?.value ?? '', /\(method\) Microsoft\.Omnichannel\.linkToConversation/);
    const entities = await s.client.completion(uri, positionAfter(text, '("inc'));
    assert.deepEqual(entities.map(i => i.label), ['account', 'contact', 'incident']);
    const help = await s.client.signatureHelp(uri, positionAfter(text, '"incident", '));
    assert.equal(help?.activeParameter, 1);
    // At the far end of the chain there is nothing to say, and nothing fails on the way there.
    assert.equal(await s.client.hover(uri, { line: 5001, character: 10 }), null);
    assert.deepEqual(s.client.logMessages.filter(m => /failed/.test(m.message)).map(m => m.message.slice(0, 200)), []);
  });
});

describe('server: runnable calls', () => {
  const s = useServer();
  const text = [
    'const CASE_ID = "5a2a6a28-9f8e-4c38-9a4f-1a0b3c2d4e5f";',
    'Microsoft.Omnichannel.linkToConversation("incident", CASE_ID, "c0ffee00-0000-4000-8000-000000000001")',
    '  .then(() => Microsoft.Apm.refreshTab("t"), e => e);',
    'Microsoft.Omnichannel.unlinkFromConversation("contact", formContext.data.entity.getId()).then(() => Microsoft.Apm.refreshTab("t"), e => e);',
    '',
  ].join('\n');

  it('puts a code lens running omnichannel.runCall over each runnable call', async () => {
    const uri = 'file:///ws/lens.js';
    await s.client.open(uri, text);
    const lenses = await s.client.codeLenses(uri);
    assert.equal(lenses.length, 1);
    const lens = lenses[0]!;
    assert.equal(lens.command?.command, 'omnichannel.runCall');
    assert.deepEqual(lens.command?.arguments, [{
      uri,
      range: { start: { line: 1, character: 0 }, end: { line: 1, character: 101 } },
      method: 'linkToConversation',
      entityLogicalName: 'incident',
      recordId: '5a2a6a28-9f8e-4c38-9a4f-1a0b3c2d4e5f',
      conversationId: 'c0ffee00-0000-4000-8000-000000000001',
    }]);
  });

  it('answers omnichannel/callAtPosition with the call, or a problem sentence', async () => {
    const uri = 'file:///ws/at.js';
    await s.client.open(uri, text);
    const found = await s.client.callAtPosition(uri, { line: 1, character: 50 });
    assert.ok('call' in found && found.call.recordId === '5a2a6a28-9f8e-4c38-9a4f-1a0b3c2d4e5f');
    const runtime = await s.client.callAtPosition(uri, { line: 3, character: 30 });
    assert.ok('problem' in runtime);
    assert.match(runtime.problem, /record id .* only known at run time/);
    const nothing = await s.client.callAtPosition(uri, { line: 0, character: 3 });
    assert.ok('problem' in nothing);
  });

  it('drops code lenses when omnichannel.codeLens.enabled is false', async () => {
    const uri = 'file:///ws/no-lens.js';
    await s.client.open(uri, text);
    s.client.settings = { codeLens: { enabled: false } };
    await s.client.configurationChanged();
    assert.deepEqual(await s.client.codeLenses(uri), []);
    s.client.settings = {};
    await s.client.configurationChanged();
    assert.equal((await s.client.codeLenses(uri)).length, 1);
  });
});
