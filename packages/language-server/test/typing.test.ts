/**
 * While a person types: a call being written gets no findings until typing in it pauses, then they are
 * published without another edit; a call nobody edits is reported at once; the code lens keeps its place
 * over a call being edited. Over real LSP, waiting on the server's messages, never on time.
 */
import * as assert from 'node:assert/strict';
import type { PublishDiagnosticsParams } from 'vscode-languageserver-protocol/node';
import { useServer } from './support/fixture';
import { positionAfter } from './support/lsp-client';
import { EditTracker, TYPING_PAUSE_MS, mapOffset, type Clock } from '../src/typing';

const GOOD = 'Microsoft.Omnichannel.linkToConversation("incident", "5a2a6a28-9f8e-4c38-9a4f-1a0b3c2d4e5f")\n' +
  '  .then(() => Microsoft.Apm.getFocusedSession().getFocusedTab().refresh())\n' +
  '  .catch(error => console.error(error));\n';
/** A call nobody edits in these tests, with one finding: "case". */
const ELSEWHERE = 'Microsoft.Omnichannel.linkToConversation("case", id).then(() => Microsoft.Apm.refreshTab("t")).catch(e => e);\n';

describe('server: quiet while typing', () => {
  const s = useServer();

  /** The publications for `uri` at `version`, in order, once one of them satisfies `test`. */
  async function until(uri: string, version: number, test: (p: PublishDiagnosticsParams) => boolean): Promise<PublishDiagnosticsParams[]> {
    await s.client.until(() => s.client.publications.some(p => p.uri === uri && p.version === version && test(p)));
    return s.client.publications.filter(p => p.uri === uri && p.version === version);
  }

  it('holds back a call whose "(" was just typed (closed by the editor) until typing pauses, then shows its findings', async () => {
    const uri = 'file:///ws/typing-open.js';
    const text = `function f() {\n  Microsoft.Omnichannel.linkToConversation\n}\n${ELSEWHERE}`;
    await s.client.open(uri, text);
    const at = positionAfter(text, 'linkToConversation');
    const started = performance.now();
    const version = await s.client.sendChange(uri, [{ range: { start: at, end: at }, text: '()' }]);
    const publications = await until(uri, version, p => p.diagnostics.some(d => d.range.start.line === 1));
    const waited = performance.now() - started;
    const [first, last] = [publications[0]!, publications[publications.length - 1]!];
    assert.deepEqual(first.diagnostics.map(d => `${d.range.start.line} ${String(d.code)}`), ['3 invalid-entity-name'], 'only the call nobody is editing, at once');
    assert.deepEqual(last.diagnostics.filter(d => d.range.start.line === 1).map(d => d.code).sort(), ['invalid-arguments', 'missing-ui-refresh', 'unhandled-rejection']);
    assert.ok(waited >= TYPING_PAUSE_MS * 0.9 && waited < TYPING_PAUSE_MS + 2000, `shown after ${Math.round(waited)} ms`);
  });

  it('keeps holding while typing goes on inside the call, and never holds an unclosed call nobody edits', async () => {
    const uri = 'file:///ws/typing-unclosed.js';
    // Another editor, no auto-closing: the call stays unclosed while it is written.
    const text = `Microsoft.Omnichannel.linkToConversation\n`;
    await s.client.open(uri, text);
    let at = positionAfter(text, 'linkToConversation');
    let version = 0;
    for (const typed of ['(', '"', 'a', 'c', 'c']) {
      version = await s.client.sendChange(uri, [{ range: { start: at, end: at }, text: typed }]);
      at = { line: at.line, character: at.character + 1 };
      const [first] = await until(uri, version, () => true);
      assert.deepEqual(first!.diagnostics, [], `after typing ${typed}`);
    }
    const shown = await until(uri, version, p => p.diagnostics.length > 0);
    assert.ok(shown[shown.length - 1]!.diagnostics.length > 0);
    // Opened with the same unfinished text: nobody is typing there, so it is reported at once.
    const opened = await s.client.open('file:///ws/typing-unclosed-opened.js', s.client.text(uri));
    assert.ok(opened.diagnostics.length > 0);
  });

  it('reports at once an edit elsewhere that makes a complete call wrong (a paste of a whole call)', async () => {
    const uri = 'file:///ws/typing-paste.js';
    await s.client.open(uri, '// calls\n');
    const published = await s.client.change(uri, [{ range: { start: { line: 1, character: 0 }, end: { line: 1, character: 0 } }, text: ELSEWHERE }]);
    assert.deepEqual(published.diagnostics.map(d => d.code), ['invalid-entity-name']);
  });

  it('keeps the code lens over a call while its arguments are edited, and drops it once typing pauses on a bad value', async () => {
    const uri = 'file:///ws/typing-lens.js';
    await s.client.open(uri, GOOD);
    const before = await s.client.codeLenses(uri);
    assert.equal(before.length, 1);
    const at = positionAfter(GOOD, '"incid');
    const refreshes = s.client.codeLensRefreshes;
    // "incident" becomes "incidnt": no longer runnable, but the person is still typing there.
    const version = await s.client.sendChange(uri, [{ range: { start: at, end: { line: at.line, character: at.character + 1 } }, text: '' }]);
    await until(uri, version, () => true);
    const during = await s.client.codeLenses(uri);
    assert.deepEqual(during.map(l => l.range.start), before.map(l => l.range.start), 'the lens stays where it was');
    await s.client.until(() => s.client.codeLensRefreshes > refreshes);
    assert.deepEqual(await s.client.codeLenses(uri), [], 'once typing pauses, a call whose arguments fail the rules has no lens');
  });

  it('never lets the kept lens run the arguments from before the edit: it waits, then runs the new ones', async () => {
    const uri = 'file:///ws/typing-lens-rerun.js';
    await s.client.open(uri, GOOD);
    const [before] = await s.client.codeLenses(uri);
    assert.equal(before?.command?.command, 'omnichannel.runCall');
    assert.equal((before.command.arguments?.[0] as { recordId: string }).recordId, '5a2a6a28-9f8e-4c38-9a4f-1a0b3c2d4e5f');
    // The record id's first digit changes: still a GUID, so the call is runnable again once typing pauses.
    const at = positionAfter(GOOD, '"incident", "');
    const refreshes = s.client.codeLensRefreshes;
    const version = await s.client.sendChange(uri, [{ range: { start: at, end: { line: at.line, character: at.character + 1 } }, text: '7' }]);
    await until(uri, version, () => true);
    const during = await s.client.codeLenses(uri);
    assert.deepEqual(during.map(l => l.range.start), [before.range.start], 'the lens stays where it was');
    assert.equal(during[0]!.command?.title, 'Run waits for this edit');
    assert.equal(during[0]!.command?.command, '', 'nothing to click while the call is edited');
    assert.equal(during[0]!.command?.arguments, undefined, 'the arguments from before the edit are not in the lens');
    await s.client.until(() => s.client.codeLensRefreshes > refreshes);
    const [after] = await s.client.codeLenses(uri);
    assert.equal(after?.command?.command, 'omnichannel.runCall');
    assert.equal((after.command.arguments?.[0] as { recordId: string }).recordId, '7a2a6a28-9f8e-4c38-9a4f-1a0b3c2d4e5f');
  });

  it('offers no code lens over a braced id nor over an unfinished call', async () => {
    const braced = GOOD.replace('"5a2a6a28-9f8e-4c38-9a4f-1a0b3c2d4e5f"', '"{5A2A6A28-9F8E-4C38-9A4F-1A0B3C2D4E5F}"');
    await s.client.open('file:///ws/lens-braced.js', braced);
    assert.deepEqual(await s.client.codeLenses('file:///ws/lens-braced.js'), []);
    await s.client.open('file:///ws/lens-unfinished.js', 'Microsoft.Omnichannel.linkToConversation("incident", "5a2a6a28-9f8e-4c38-9a4f-1a0b3c2d4e5f"\n');
    assert.deepEqual(await s.client.codeLenses('file:///ws/lens-unfinished.js'), []);
  });
});

describe('server: typing pause turned off', () => {
  const s = useServer({ initializationOptions: { typingPauseMs: 0 } });

  it('publishes every finding on every keystroke', async () => {
    const uri = 'file:///ws/no-pause.js';
    const text = 'Microsoft.Omnichannel.linkToConversation\n';
    await s.client.open(uri, text);
    const at = positionAfter(text, 'linkToConversation');
    const published = await s.client.change(uri, [{ range: { start: at, end: at }, text: '()' }]);
    assert.deepEqual(published.diagnostics.map(d => d.code).sort(), ['invalid-arguments', 'missing-ui-refresh', 'unhandled-rejection']);
  });
});

describe('server: completion and hover while typing', () => {
  const s = useServer();

  it('preselects linkToConversation, inserts "linkToConversation(" and opens the parameter hints', async () => {
    const uri = 'file:///ws/complete.js';
    const text = 'const x = 1;\nMicrosoft.Omnichannel.\n';
    await s.client.open(uri, text);
    const items = await s.client.completion(uri, positionAfter(text, 'Omnichannel.'));
    const preselected = items.filter(i => i.preselect);
    assert.deepEqual(preselected.map(i => i.label), ['linkToConversation']);
    const link = preselected[0]!;
    assert.equal(link.textEdit && 'newText' in link.textEdit ? link.textEdit.newText : undefined, '.linkToConversation(');
    assert.deepEqual(link.command, { title: 'Show parameter hints', command: 'editor.action.triggerParameterHints' });
    const sorted = [...items].sort((a, b) => (a.sortText ?? a.label) < (b.sortText ?? b.label) ? -1 : 1);
    assert.equal(sorted[0]!.label, 'linkToConversation');
  });

  it('hovers a finding with its why once, without repeating the advice of its message', async () => {
    const uri = 'file:///ws/hover-detail.js';
    const text = 'Microsoft.Omnichannel.linkToConversation("case", "{5A2A6A28-9F8E-4C38-9A4F-1A0B3C2D4E5F}").then(() => Microsoft.Apm.refreshTab("t")).catch(e => e);\n';
    const published = await s.client.open(uri, text);
    const braced = published.diagnostics.find(d => d.code === 'invalid-record-id')!;
    assert.equal(braced.message, 'Remove the braces from recordId: use "5a2a6a28-9f8e-4c38-9a4f-1a0b3c2d4e5f".');
    const hover = await s.client.hover(uri, positionAfter(text, '"{5A2A'));
    const value = hover && typeof hover.contents === 'object' && 'value' in hover.contents ? hover.contents.value : '';
    assert.match(value, /getId\(\) returns ids as \{UPPER-CASE\}/);
    assert.doesNotMatch(value, /Remove the braces/, 'the message is already shown above the hover');
    assert.equal(value.match(/without braces/g)?.length, 1, value);
    for (const d of published.diagnostics) {
      const message = typeof d.message === 'string' ? d.message : d.message.value;
      assert.ok(message.length <= 90, `${message.length} characters: ${message}`);
    }
  });
});

describe('edit tracker (injected clock)', () => {
  class FakeClock implements Clock {
    time = 0;
    readonly timers: { at: number; fn: () => void }[] = [];
    now(): number { return this.time; }
    setTimeout(fn: () => void, ms: number): unknown { const t = { at: this.time + ms, fn }; this.timers.push(t); return t; }
    clearTimeout(handle: unknown): void { this.timers.splice(this.timers.indexOf(handle as never), 1); }
  }

  it('keeps edits until the pause ends, their spans following later edits', () => {
    const clock = new FakeClock();
    const tracker = new EditTracker(clock, 800);
    tracker.record('a', [{ start: 10, end: 10, newText: '()' }]);
    clock.time = 500;
    tracker.record('a', [{ start: 0, end: 0, newText: '// x\n' }]);
    assert.deepEqual(tracker.recent('a'), [{ start: 15, end: 17, at: 0 }, { start: 0, end: 5, at: 500 }]);
    assert.equal(tracker.pauseEnds(tracker.recent('a')), 1300);
    clock.time = 800;
    assert.deepEqual(tracker.recent('a'), [{ start: 0, end: 5, at: 500 }]);
    clock.time = 1300;
    assert.deepEqual(tracker.recent('a'), []);
  });

  it('maps an offset inside a replaced span to the end of the new text', () => {
    assert.equal(mapOffset(5, { start: 2, end: 8, newText: 'ab' }), 4);
    assert.equal(mapOffset(9, { start: 2, end: 8, newText: 'ab' }), 5);
    assert.equal(mapOffset(2, { start: 2, end: 8, newText: 'ab' }), 2);
  });

  it('records nothing when the pause is 0', () => {
    const tracker = new EditTracker(new FakeClock(), 0);
    tracker.record('a', [{ start: 0, end: 0, newText: 'x' }]);
    assert.deepEqual(tracker.recent('a'), []);
  });
});
