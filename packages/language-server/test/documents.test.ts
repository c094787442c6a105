/**
 * Document sync over real LSP: a seeded sequence of valid and malformed `didChange` messages. A malformed
 * one is refused with one logged sentence and changes nothing; after every step the server's diagnostics
 * equal those the core finds in a text kept independently here, so the server's text is the expected one.
 */
import * as assert from 'node:assert/strict';
import { MessageType, type Diagnostic, type Range } from 'vscode-languageserver-protocol/node';
import { analyze, DEFAULT_SETTINGS, OmnichannelDocument } from '@omnichannel-tools/core';
import { pick, seeded } from '@omnichannel-tools/core/test-support/prng';
import { useServer } from './support/fixture';
import { applyEdits, positionAt } from './support/lsp-client';

const CALL = 'Microsoft.Omnichannel.linkToConversation("case", id).catch(e => e);\n';
const FRAGMENTS = [CALL, CALL, '\n', 'x', '"', '', '', 'oc.', '("contact")', 'Microsoft.Omnichannel.linkToConversation("Contact", "{5A2A6A28-9F8E-4C38-9A4F-1A0B3C2D4E5F}");'];

/** What a finding looks like from the outside: enough to tell two texts apart wherever a call is. */
function summary(diagnostics: readonly Pick<Diagnostic, 'code' | 'range' | 'message'>[]): string[] {
  const at = (r: Range): string => `${r.start.line}:${r.start.character}-${r.end.line}:${r.end.character}`;
  return diagnostics.map(d => `${String(d.code)} ${at(d.range)} ${d.message}`).sort();
}

function expectedFor(text: string): string[] {
  const doc = new OmnichannelDocument('sync.js', text);
  return summary(analyze(doc, DEFAULT_SETTINGS).findings.map(f => ({ code: f.ruleId, message: f.message, range: { start: doc.positionAt(f.start), end: doc.positionAt(f.end) } })));
}

type Change = { range?: Range; text: string };

function validChange(rand: () => number, text: string): Change {
  if (rand() < 0.05) return { text: CALL.repeat(1 + Math.floor(rand() * 3)) }; // whole-document replacement
  const a = Math.floor(rand() * (text.length + 1));
  const b = Math.min(text.length, a + (text.length > 2000 || rand() < 0.4 ? Math.floor(rand() * 80) : 0));
  return { range: { start: positionAt(text, a), end: positionAt(text, b) }, text: pick(rand, FRAGMENTS) };
}

/** Malformed content changes, each as a client bug or a hostile peer might send them. */
const MALFORMED: ((rand: () => number, text: string, lines: number) => unknown)[] = [
  () => [{ range: { start: { line: 0, character: 0 } }, text: 'x' }],
  () => [{ range: { end: { line: 0, character: 0 } }, text: 'x' }],
  () => [null],
  () => ({ text: 'x' }),
  () => 'x',
  () => null,
  () => [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: 5 }],
  () => [{ text: null }],
  (_r, _t, lines) => [{ range: { start: { line: lines + 1, character: 0 }, end: { line: lines + 3, character: 0 } }, text: 'x' }],
  (_r, _t, lines) => [{ range: { start: { line: 0, character: 0 }, end: { line: lines, character: 4 } }, text: '' }],
  () => [{ range: { start: { line: -1, character: -5 }, end: { line: 0, character: 0 } }, text: 'x' }],
  () => [{ range: { start: { line: 0, character: 2.5 }, end: { line: 0, character: 3 } }, text: 'x' }],
  () => [{ range: { start: { line: '0', character: 0 }, end: { line: 0, character: 0 } }, text: 'x' }],
  () => [{ range: { start: { line: 0, character: 3 }, end: { line: 0, character: 1 } }, text: 'x' }],
  // A good change followed by a bad one: the good one must not stay applied either.
  (rand, text, lines) => [validChange(rand, text), { range: { start: { line: lines + 50, character: 0 }, end: { line: lines + 50, character: 0 } }, text: 'x' }],
  (rand, text) => [validChange(rand, text), { range: 'everything', text: 'x' }],
];

describe('server: document sync', () => {
  // Every step compares with a fresh analysis of the whole text: findings are not held back while typing.
  const s = useServer({ initializationOptions: { typingPauseMs: 0 } });

  it('refuses 16 kinds of malformed didChange, mixed into 250 seeded edits, and keeps its text equal to the editor\'s', async () => {
    const rand = seeded(4111);
    const uri = 'file:///ws/sync.js';
    let text = CALL.repeat(3);
    let version = 1;
    await s.client.open(uri, text);
    let refusals = 0;
    for (let step = 0; step < 250; step++) {
      version++;
      if (rand() < 0.3) {
        const lines = text.split('\n').length;
        const contentChanges = pick(rand, MALFORMED)(rand, text, lines);
        const logged = s.client.logMessages.length;
        await s.client.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges });
        await s.client.until(() => s.client.logMessages.length > logged);
        const message = s.client.logMessages[logged]!;
        assert.equal(message.type, MessageType.Error, message.message);
        assert.match(message.message, new RegExp(`^Refused textDocument/didChange for ${uri} \\(version ${version}\\): .+\\. The document is kept as it was`), `step ${step}`);
        assert.doesNotMatch(message.message, /\n\s+at /, 'a sentence, not a stack trace');
        refusals++;
        continue;
      }
      const change = validChange(rand, text);
      text = change.range ? applyEdits(text, [{ range: change.range, newText: change.text }]) : change.text;
      await s.client.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [change] });
      const published = await s.client.diagnosticsWhere(uri, p => p.version === version);
      assert.deepEqual(summary(published.diagnostics), expectedFor(text), `step ${step}`);
    }
    assert.ok(refusals > 50, `only ${refusals} malformed messages were tried`);
    // Still alive and in step: one last edit is followed exactly.
    version++;
    await s.client.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [{ text: CALL }] });
    const final = await s.client.diagnosticsWhere(uri, p => p.version === version);
    assert.deepEqual(summary(final.diagnostics), expectedFor(CALL));
    assert.equal(s.client.process.exitCode, null);
  });

  it('refuses a didChange without a document version, naming what is missing', async () => {
    const uri = 'file:///ws/no-version.js';
    await s.client.open(uri, CALL);
    const logged = s.client.logMessages.length;
    await s.client.connection.sendNotification('textDocument/didChange', { textDocument: { uri }, contentChanges: [{ text: '' }] });
    await s.client.until(() => s.client.logMessages.length > logged);
    assert.equal(s.client.logMessages[logged]!.message,
      `Refused textDocument/didChange for ${uri}: textDocument.version is not a whole number (got nothing). The document is kept as it was (version 1); later edits apply to that text. If the editor did apply the change, close and reopen the file to bring the server back in step.`);
    const after = await s.client.change(uri, [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: '\n' }]);
    assert.deepEqual(summary(after.diagnostics), expectedFor('\n' + CALL));
  });
});
