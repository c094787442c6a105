import * as assert from 'node:assert/strict';
import { DiagnosticSeverity, MessageType } from 'vscode-languageserver-protocol/node';
import { useServer } from './support/fixture';
import { positionAfter } from './support/lsp-client';

const LINK_CASE = [
  'function linkCase(conversationId) {',
  '  Microsoft.Omnichannel.linkToConversation("case", "5a2a6a28-9f8e-4c38-9a4f-1a0b3c2d4e5f", conversationId)',
  '    .then(() => Microsoft.Apm.getFocusedSession().getFocusedTab().refresh(), error => console.error(error));',
  '}',
  '',
].join('\n');

describe('server: diagnostics', () => {
  const s = useServer();

  it('publishes findings on open with source, rule code, documentation link, severity and range', async () => {
    const published = await s.client.open('file:///ws/link-case.js', LINK_CASE);
    assert.equal(published.diagnostics.length, 1, JSON.stringify(published.diagnostics));
    const d = published.diagnostics[0]!;
    assert.equal(d.source, 'omnichannel');
    assert.equal(d.code, 'invalid-entity-name');
    assert.equal(d.codeDescription?.href, 'https://github.com/omnichannel-tools/omnichannel-tools#rule-invalid-entity-name');
    assert.equal(d.severity, DiagnosticSeverity.Error);
    assert.deepEqual(d.range, { start: positionAfter(LINK_CASE, 'linkToConversation(', 0), end: positionAfter(LINK_CASE, '"case"') });
  });

  it('follows incremental edits: fixing the name clears the diagnostic, breaking it again brings it back', async () => {
    const uri = 'file:///ws/incremental.js';
    await s.client.open(uri, LINK_CASE);
    const start = positionAfter(LINK_CASE, 'linkToConversation("');
    const fixed = await s.client.change(uri, [{ range: { start, end: { line: start.line, character: start.character + 4 } }, text: 'incident' }]);
    assert.deepEqual(fixed.diagnostics, []);
    // Two edits in one message, the second relative to the text after the first.
    const version = await s.client.sendChange(uri, [
      { range: { start, end: { line: start.line, character: start.character + 1 } }, text: 'I' },
      { range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: '// header\n' },
    ]);
    // The edit is inside the call's arguments: its finding shows once typing there pauses.
    const broken = await s.client.diagnosticsWhere(uri, p => p.version === version && p.diagnostics.length > 0);
    assert.equal(broken.diagnostics.length, 1);
    assert.equal(broken.diagnostics[0]!.code, 'invalid-entity-name');
    assert.equal(broken.diagnostics[0]!.range.start.line, start.line + 1);
    assert.match(s.client.text(uri), /"Incident"/);
  });

  it('publishes once more for the latest version after a burst of changes', async () => {
    const uri = 'file:///ws/burst.js';
    await s.client.open(uri, '');
    const line = 'Microsoft.Omnichannel.linkToConversation("account", "x").catch(e => e);\n';
    for (let i = 0; i < 5; i++) await s.client.sendChange(uri, [{ range: { start: { line: i, character: 0 }, end: { line: i, character: 0 } }, text: line }]);
    const last = await s.client.diagnosticsFor(uri);
    assert.equal(last.diagnostics.filter(d => d.code === 'invalid-record-id').length, 5);
  });

  it('clears diagnostics when a document closes', async () => {
    const uri = 'file:///ws/closing.js';
    await s.client.open(uri, LINK_CASE);
    await s.client.close(uri);
    const cleared = await s.client.diagnosticsWhere(uri, p => p.version === undefined);
    assert.deepEqual(cleared.diagnostics, []);
  });
});

describe('server: settings', () => {
  const s = useServer({ settings: {} });

  it('turns a rule off after a configuration change, per document', async () => {
    const uri = 'file:///ws/settings.js';
    assert.equal((await s.client.open(uri, LINK_CASE)).diagnostics.length, 1);
    s.client.settings = { rules: { 'invalid-entity-name': 'off' } };
    const version = await s.client.sendChange(uri, [{ range: { start: { line: 4, character: 0 }, end: { line: 4, character: 0 } }, text: '\n' }]);
    // The cached settings still apply until the client says the configuration changed.
    assert.equal((await s.client.diagnosticsFor(uri, version)).diagnostics.length, 1);
    await s.client.configurationChanged();
    // Revalidation republishes the same version, now without the rule's finding.
    const after = await s.client.diagnosticsWhere(uri, p => p.version === version && p.diagnostics.length === 0);
    assert.deepEqual(after.diagnostics, []);
    assert.ok(s.client.configurationRequests.includes(uri), 'settings are pulled for the document URI');
  });

  it('shows an invalid setting once, naming it, and keeps linting with the default', async () => {
    s.client.settings = { rules: { 'invalid-entity-name': 'loud' } };
    await s.client.configurationChanged();
    const message = await s.client.messageMatching(/omnichannel\.rules\.invalid-entity-name/);
    assert.equal(message.type, MessageType.Warning);
    const uri = 'file:///ws/invalid-setting.js';
    const published = await s.client.open(uri, LINK_CASE);
    assert.equal(published.diagnostics[0]?.severity, DiagnosticSeverity.Error);
    assert.equal(s.client.shownMessages.filter(m => /invalid-entity-name/.test(m.message)).length, 1);
  });

  it('skips a file above omnichannel.maxFileSize with one message naming the file and the setting', async () => {
    s.client.settings = { maxFileSize: 1000 };
    await s.client.configurationChanged();
    const uri = 'file:///ws/bundle.min.js';
    const big = LINK_CASE + '// padding\n'.repeat(200);
    assert.deepEqual((await s.client.open(uri, big)).diagnostics, []);
    const message = await s.client.messageMatching(/bundle\.min\.js/);
    assert.equal(message.type, MessageType.Info);
    assert.match(message.message, /omnichannel\.maxFileSize/);
    await s.client.change(uri, [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: ' ' }]);
    assert.equal(s.client.shownMessages.filter(m => /bundle\.min\.js/.test(m.message)).length, 1);
  });

  it('still names a too-large file whose URI has a malformed percent escape', async () => {
    s.client.settings = { maxFileSize: 1000 };
    await s.client.configurationChanged();
    const big = LINK_CASE + '// padding\n'.repeat(200);
    assert.deepEqual((await s.client.open('file:///ws/odd%zz.js', big)).diagnostics, []);
    const message = await s.client.messageMatching(/odd%zz\.js is not analysed/);
    assert.match(message.message, /omnichannel\.maxFileSize/);
  });
});

describe('server: many open files over omnichannel.maxFileSize', () => {
  const s = useServer({ settings: {} });

  it('lowering the limit with 60 files open shows one message naming how many files and the setting', async () => {
    const uris = Array.from({ length: 60 }, (_, i) => `file:///ws/many/part-${i}.js`);
    for (const uri of uris) assert.equal((await s.client.open(uri, LINK_CASE + '// padding\n'.repeat(200))).diagnostics.length, 1);
    s.client.settings = { maxFileSize: 1000 };
    await s.client.configurationChanged();
    const message = await s.client.messageMatching(/maxFileSize/);
    assert.equal(message.type, MessageType.Info);
    assert.equal(message.message, 'Omnichannel: 60 open files are not analysed (part-0.js, part-1.js, part-2.js and 57 more): each has more characters than omnichannel.maxFileSize (1,000). Raise that setting to analyse them.');
    for (const uri of uris) await s.client.diagnosticsWhere(uri, p => p.diagnostics.length === 0);
    // Counted after a later publication, so a message per file would have arrived by now.
    assert.equal((await s.client.open('file:///ws/many/small.js', LINK_CASE)).diagnostics.length, 1);
    assert.equal(s.client.shownMessages.length, 1, s.client.shownMessages.map(m => m.message).join('\n'));
  });
});

describe('server: robustness', () => {
  const s = useServer();

  it('keeps serving after garbage input, a binary-looking file and a huge file', async function () {
    this.timeout(120_000); // a 20,000-line file analysed over LSP: about 4 s on an idle 2-core machine, several times that under load
    await s.client.open('file:///ws/garbage.js', '}}}{{{ Microsoft.Omnichannel.linkToConversation(( "\u0000\uFFFF ``` /* ');
    const huge = 'Microsoft.Omnichannel.linkToConversation("account", "x").catch(e => e);\n'.repeat(20000);
    const published = await s.client.open('file:///ws/huge.js', huge);
    assert.equal(published.diagnostics.filter(d => d.code === 'invalid-record-id').length, 20000);
    // Requests at positions outside the document, for unknown documents and with broken params still answer.
    assert.equal(await s.client.hover('file:///ws/garbage.js', { line: 999, character: 999 }), null);
    assert.deepEqual(await s.client.completion('file:///ws/unknown.js', { line: 0, character: 0 }), []);
    const problem = await s.client.connection.sendRequest('omnichannel/callAtPosition', { textDocument: { uri: 'file:///ws/none.js' }, position: { line: 0, character: 0 } });
    assert.ok(problem && typeof problem === 'object' && 'problem' in problem);
    const ok = await s.client.open('file:///ws/after.js', LINK_CASE);
    assert.equal(ok.diagnostics.length, 1);
  });

  it('survives a file the parser cannot take, says so in the log and once to the user, and recovers once it is edited', async () => {
    const uri = 'file:///ws/deep.js';
    const deep = '('.repeat(20000) + 'Microsoft.Omnichannel.linkToConversation("case", "x")' + ')'.repeat(20000);
    assert.deepEqual((await s.client.open(uri, deep)).diagnostics, []);
    assert.ok(s.client.logMessages.some(m => m.message.includes(`Cannot parse ${uri}`)), 'the failure is logged');
    const message = await s.client.messageMatching(/deep\.js/);
    assert.equal(message.type, MessageType.Info);
    assert.match(message.message, /deep\.js is not analysed: .*nested too deeply.*Split the deepest nested expression/);
    // A second version the parser cannot take is logged again, but not shown again.
    await s.client.change(uri, [{ text: deep + ';' }]);
    assert.equal(s.client.logMessages.filter(m => m.message.includes(`Cannot parse ${uri}`)).length, 2);
    const fixed = await s.client.change(uri, [{ text: 'Microsoft.Omnichannel.linkToConversation("case", "5a2a6a28-9f8e-4c38-9a4f-1a0b3c2d4e5f").then(() => Microsoft.Apm.refreshTab("t"), e => e);' }]);
    assert.deepEqual(fixed.diagnostics.map(d => d.code), ['invalid-entity-name']);
    // Counted after a later publication, so a second message sent with the second failure would have arrived.
    assert.equal(s.client.shownMessages.filter(m => /deep\.js/.test(m.message)).length, 1);
  });
});

describe('server: clients that push settings (no workspace/configuration)', () => {
  const s = useServer({ pullConfiguration: false });

  it('uses defaults, then the pushed omnichannel section', async () => {
    const uri = 'file:///ws/pushed.js';
    assert.equal((await s.client.open(uri, LINK_CASE)).diagnostics.length, 1);
    await s.client.configurationChanged({ omnichannel: { rules: { 'invalid-entity-name': 'warning' } } });
    const after = await s.client.diagnosticsWhere(uri, p => p.diagnostics[0]?.severity === DiagnosticSeverity.Warning);
    assert.equal(after.diagnostics[0]!.code, 'invalid-entity-name');
    assert.deepEqual(s.client.configurationRequests, []);
  });
});
