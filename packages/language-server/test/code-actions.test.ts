import * as assert from 'node:assert/strict';
import { useServer } from './support/fixture';
import type { Range } from 'vscode-languageserver-protocol/node';

const SOURCE = [
  'function linkCase(conversationId) {',
  '  Microsoft.Omnichannel.linkToConversation("case", "5a2a6a28-9f8e-4c38-9a4f-1a0b3c2d4e5f", conversationId)',
  '    .then(() => Microsoft.Apm.getFocusedSession().getFocusedTab().refresh(), error => console.error(error));',
  '}',
  '',
].join('\n');

const WHOLE: Range = { start: { line: 0, character: 0 }, end: { line: 99, character: 0 } };

describe('server: code actions', () => {
  const s = useServer();

  it('offers a preferred quick fix tied to the diagnostic; applying it removes the diagnostic', async () => {
    const uri = 'file:///ws/quickfix.js';
    const published = await s.client.open(uri, SOURCE);
    const diagnostic = published.diagnostics[0]!;
    const actions = await s.client.codeActions(uri, diagnostic.range, ['quickfix']);
    const preferred = actions.find(a => a.isPreferred);
    assert.ok(preferred, `no preferred fix among ${actions.map(a => a.title).join(', ')}`);
    assert.equal(preferred.title, 'Change to "incident"');
    assert.equal(preferred.kind, 'quickfix');
    assert.deepEqual(preferred.diagnostics?.map(d => d.code), ['invalid-entity-name']);
    const after = await s.client.applyAction(uri, preferred);
    assert.deepEqual(after.diagnostics, []);
    assert.match(s.client.text(uri), /linkToConversation\("incident"/);
  });

  it('offers "Disable <rule> for this line", which silences the finding', async () => {
    const uri = 'file:///ws/disable.js';
    const published = await s.client.open(uri, SOURCE);
    const actions = await s.client.codeActions(uri, published.diagnostics[0]!.range);
    const disable = actions.find(a => a.title === 'Disable invalid-entity-name for this line');
    assert.ok(disable, actions.map(a => a.title).join(', '));
    assert.equal(disable.isPreferred, undefined);
    const after = await s.client.applyAction(uri, disable);
    assert.deepEqual(after.diagnostics, []);
    assert.match(s.client.text(uri), /omnichannel-disable-next-line invalid-entity-name/);
  });

  it('gives only the fixes of findings in the asked range', async () => {
    const uri = 'file:///ws/range.js';
    await s.client.open(uri, SOURCE);
    assert.deepEqual(await s.client.codeActions(uri, { start: { line: 3, character: 0 }, end: { line: 3, character: 1 } }, ['quickfix']), []);
    // Without a kind filter (Neovim's code_action menu), the whole-file fix is offered alongside.
    const unfiltered = await s.client.codeActions(uri, { start: { line: 3, character: 0 }, end: { line: 3, character: 1 } });
    assert.deepEqual(unfiltered.map(a => a.kind), ['source.fixAll.omnichannel']);
  });

  it('fixes every fixable finding with source.fixAll.omnichannel', async () => {
    const uri = 'file:///ws/fixall.js';
    const text = [
      'Microsoft.Omnichannel.linkToConversation("Contact", "{5A2A6A28-9F8E-4C38-9A4F-1A0B3C2D4E5F}")',
      '  .then(() => Microsoft.Apm.refreshTab("t"), e => console.error(e));',
      'Microsoft.Omnichannel.linkToConversation("cases", "5a2a6a28-9f8e-4c38-9a4f-1a0b3c2d4e5f")',
      '  .then(() => Microsoft.Apm.refreshTab("t"), e => console.error(e));',
      '',
    ].join('\n');
    const published = await s.client.open(uri, text);
    assert.deepEqual(published.diagnostics.map(d => d.code).sort(), ['invalid-entity-name', 'invalid-entity-name', 'invalid-record-id']);
    const actions = await s.client.codeActions(uri, { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, ['source.fixAll']);
    assert.deepEqual(actions.map(a => a.kind), ['source.fixAll.omnichannel']);
    const after = await s.client.applyAction(uri, actions[0]!);
    assert.deepEqual(after.diagnostics, []);
    assert.match(s.client.text(uri), /"contact", "5a2a6a28-9f8e-4c38-9a4f-1a0b3c2d4e5f"/);
  });

  it('names the document version in every edit, so a stale edit cannot be applied', async () => {
    const uri = 'file:///ws/stale.js';
    const published = await s.client.open(uri, SOURCE);
    const [action] = await s.client.codeActions(uri, published.diagnostics[0]!.range, ['quickfix']);
    await s.client.change(uri, [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: '\n' }]);
    await assert.rejects(s.client.applyAction(uri, action!), /targets version 1, the document is at 2/);
    // Asked again, the server computes the fix for the current text and version.
    const [fresh] = await s.client.codeActions(uri, { start: { line: 2, character: 0 }, end: { line: 2, character: 99 } }, ['quickfix']);
    const change = fresh!.edit!.documentChanges![0]!;
    assert.ok('textDocument' in change && change.textDocument.version === 2);
    assert.equal(change.edits[0]!.range.start.line, 2);
  });

  it('offers nothing for a document without findings', async () => {
    const uri = 'file:///ws/clean.js';
    await s.client.open(uri, 'const x = 1;\n');
    assert.deepEqual(await s.client.codeActions(uri, WHOLE), []);
  });
});
