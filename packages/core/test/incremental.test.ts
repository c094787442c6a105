/**
 * Analysis after an edit re-checks only what the edit can have changed, and its findings are those of a
 * full analysis of the same text, finding for finding: rule, range, message, detail, severity and fixes.
 * Hundreds of seeded random edits of realistic form scripts check that; each case that must be analysed in
 * full is shown to be.
 */
import * as assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import * as path from 'node:path';
import * as ts from 'typescript';
import { analyze, DEFAULT_SETTINGS, howAnalysed, INCREMENTAL, OmnichannelDocument, type AnalyzerSettings, type TextChange } from '../src';
import { findApiCalls } from '../src/calls';
import { CORPUS } from './support/corpus';
import { pick, seeded } from './support/prng';

const SAMPLES = path.join(__dirname, '..', '..', '..', '..', 'samples', 'webresources');

/** Everything a user sees of a finding, fixes applied as data. */
function seen(doc: OmnichannelDocument, settings: AnalyzerSettings = DEFAULT_SETTINGS): string[] {
  return analyze(doc, settings).findings.map(f => JSON.stringify([f.ruleId, f.start, f.end, f.severity, f.message, f.detail ?? null, f.fixes?.() ?? null]));
}

function fresh(doc: OmnichannelDocument, settings: AnalyzerSettings = DEFAULT_SETTINGS): string[] {
  return seen(new OmnichannelDocument(doc.fileName, doc.text), settings);
}

const callsOf = (source: OmnichannelDocument | string) => {
  const doc = typeof source === 'string' ? new OmnichannelDocument('a.js', source) : source;
  return findApiCalls(doc).map(c => `${c.node.pos}-${c.node.end} ${c.namespace}.${c.member} @${c.memberNode.pos} ${c.args.length}`);
};

/** A form script as a Dynamics solution holds one: functions in a namespace object, some calls right, some wrong. */
function formScript(rand: () => number, functions: number): string {
  const bodies = [
    (i: number) => `  async function linkCase${i}(executionContext) {\n    const formContext = executionContext.getFormContext();\n    const caseId = formContext.data.entity.getId().replace(/[{}]/g, "");\n    try {\n      await Microsoft.Omnichannel.linkToConversation("incident", caseId);\n      Microsoft.Apm.getFocusedSession().getFocusedTab().refresh();\n    } catch (error) {\n      console.error(error);\n    }\n  }\n`,
    (i: number) => `  function linkContact${i}(contactId, conversationId) {\n    oc.linkToConversation("contact", contactId, conversationId)\n      .then(() => Microsoft.Apm.refreshTab("tab-${i}"), error => console.log(error));\n  }\n`,
    (i: number) => `  function quickLink${i}(id) {\n    return Microsoft.Omnichannel.getConversationId().then(function (conversationId) {\n      link(ENTITY, id, conversationId).catch(console.error);\n    });\n  }\n`,
    (i: number) => `  function onLoad${i}() {\n    quickLink${Math.max(0, i - 2)}("{5A2A6A28-9F8E-4C38-9A4F-1A0B3C2D4E5F}");\n    Microsoft.Omnichannel.linkToConversation("account", "5a2a6a28-9f8e-4c38-9a4f-1a0b3c2d4e5f");\n    Microsoft.Omnichannel.linkToConversation("contact", "5a2a6a28-9f8e-4c38-9a4f-1a0b3c2d4e5f");\n  }\n`,
    (i: number) => `  var priorities${i} = { low: 3, normal: 2, high: 1 };\n  function computeSla${i}(createdOn, priority) {\n    var hours = [72, 24, 8][priorities${i}[priority] || 1];\n    return { due: new Date(createdOn.getTime() + hours * 3600 * 1000), hours: hours };\n  }\n`,
    (i: number) => `  async function loadConversations${i}(agentId) {\n    const conversations = await Microsoft.Omnichannel.getConversations({ agentId: agentId });\n    return conversations.map(c => c.msdyn_ocliveworkitemid);\n  }\n`,
    (i: number) => `  function onLinked${i}() { Microsoft.Apm.refreshTab("t"); }\n  function viaHandler${i}(id) {\n    // omnichannel-disable-next-line unhandled-rejection\n    Microsoft.Omnichannel.unlinkFromConversation("incident", id).then(onLinked${i});\n  }\n`,
  ];
  const out = ['"use strict";', 'var Contoso = window.Contoso || {};', 'const ENTITY = "incident";', 'Contoso.Service = (function () {',
    '  const oc = window.parent.Microsoft.Omnichannel;', '  const { linkToConversation: link } = Microsoft.Omnichannel;'];
  for (let i = 0; i < functions; i++) out.push(pick(rand, bodies)(i));
  out.push('  return { onLoad0: typeof onLoad0 === "function" ? onLoad0 : null };', '})();');
  return out.join('\n') + '\n';
}

const INSERTS = [
  'x', ' ', '\n', ';', '(', ')', '{', '}', '"', '.', ',', 'oc', 'link', 'ENTITY', 'caseId', 'quickLink1', 'onLinked0',
  'await ', 'return ', 'async ', '\n    Microsoft.Apm.refreshTab("t");', '\n    oc.linkToConversation("account", id);',
  '\n    // omnichannel-disable-next-line\n', '/* omnichannel-disable */\n', '// omnichannel-disable-next-line missing-ui-refresh\n',
  '\n  const oc = Microsoft.Omnichannel;\n', '\n  const ENTITY = "contact";\n', '\n  function quickLink1() { return 1; }\n',
  '.catch(console.error)', '.then(() => Microsoft.Apm.refreshTab("x"))', '"account", ', '"{BAD}"', 'Microsoft.Omnichannel.linkToConversation("incident", id)',
  'export ', 'import x from "y";\n', '"use strict";\n',
];

/** One random edit: characters, words, lines, comments, call arguments, renames of names the analysis follows. */
function randomEdit(rand: () => number, text: string): TextChange {
  const kind = rand();
  if (kind < 0.15) {
    // Inside a call's arguments.
    const opens = [...text.matchAll(/\((?=")/g)].map(m => m.index);
    const at = opens.length > 0 ? pick(rand, opens) + 1 : Math.floor(rand() * text.length);
    return rand() < 0.5 ? { start: at, end: at + Math.floor(rand() * 12), newText: '' } : { start: at, end: at, newText: pick(rand, INSERTS) };
  }
  if (kind < 0.3) {
    // Rename an occurrence of a name the analysis follows (an alias, a constant, a function).
    const names = [...text.matchAll(/\b(oc|link|ENTITY|quickLink\d+|onLinked\d+|caseId|Microsoft|Omnichannel)\b/g)];
    if (names.length > 0) {
      const m = pick(rand, names);
      return { start: m.index, end: m.index + m[0].length, newText: pick(rand, ['oc2', 'link', 'ENTITY', 'Microsoft', 'other', `${m[0]}x`]) };
    }
  }
  if (kind < 0.45) {
    // A whole line out, or a copy of another line in.
    const starts = [0, ...[...text.matchAll(/\n/g)].map(m => m.index + 1)];
    const line = Math.floor(rand() * (starts.length - 1));
    const [from, to] = [starts[line]!, starts[line + 1]!];
    if (rand() < 0.5) return { start: from, end: to, newText: '' };
    const other = Math.floor(rand() * (starts.length - 1));
    return { start: from, end: from, newText: text.slice(starts[other]!, starts[other + 1]!) };
  }
  if (kind < 0.6) {
    // Where the rules look: a refresh, a handler, a `try`, an `await` or a `return` near a call, in part or whole.
    const lines = [...text.matchAll(/^.*\b(refresh|refreshTab|catch|try|await|return|then)\b.*$/gm)];
    if (lines.length > 0) {
      const m = pick(rand, lines);
      const word = m.index + m[0].indexOf(m[1]!);
      if (rand() < 0.4) return { start: m.index, end: m.index + m[0].length + 1, newText: '' };
      if (rand() < 0.5) return { start: word, end: word + m[1]!.length, newText: pick(rand, ['', 'x', m[1]!.toUpperCase(), 'refreshTab', 'then']) };
      return { start: m.index + m[0].length, end: m.index + m[0].length, newText: pick(rand, INSERTS) };
    }
  }
  const at = Math.floor(rand() * (text.length + 1));
  if (kind < 0.75) return { start: at, end: Math.min(text.length, at + 1 + Math.floor(rand() * 6)), newText: '' };
  return { start: at, end: at, newText: pick(rand, INSERTS) };
}

describe('analysis after an edit', () => {
  afterEach(() => {
    INCREMENTAL.enabled = true;
  });

  it('gives the findings, fixes and calls of a full analysis after each of hundreds of random edits', function () {
    this.timeout(120_000);
    const rand = seeded(1717);
    const samples = readdirSync(SAMPLES).map(name => ({ name, text: readFileSync(path.join(SAMPLES, name), 'utf8') }));
    const bases = [
      { name: 'form.js', text: formScript(rand, 30) },
      { name: 'form-b.js', text: formScript(rand, 25) },
      ...samples,
      { name: 'corpus.ts', text: CORPUS.slice(0, 12).join('\n') },
    ];
    let edits = 0;
    let incremental = 0;
    for (const base of bases) {
      const doc = new OmnichannelDocument(base.name, base.text);
      seen(doc);
      const rounds = base.name.startsWith('form') ? 150 : 40;
      for (let i = 0; i < rounds; i++) {
        const change = randomEdit(rand, doc.text);
        doc.update([change]);
        const after = seen(doc);
        const how = howAnalysed(doc);
        edits++;
        if (how?.incremental) incremental++;
        const where = `${base.name}, edit ${i} (${JSON.stringify(change)}; ${how?.incremental ? 'incremental' : how?.reason})`;
        assert.deepEqual(after, fresh(doc), where);
        assert.deepEqual(callsOf(doc), callsOf(doc.text), where);
        if (rand() < 0.05) doc.setText(base.text); // back to a clean file now and then
      }
    }
    // Most edits of these files are re-analysed incrementally; were none, this test would compare a full analysis with itself.
    assert.ok(incremental > edits / 3, `only ${incremental} of ${edits} edits were analysed incrementally`);
  });

  it('re-checks only the calls an edit can have changed: typing inside one function checks none elsewhere', () => {
    const text = formScript(seeded(3), 30);
    const doc = new OmnichannelDocument('form.js', text);
    const calls = findApiCalls(doc).length;
    seen(doc);
    const at = text.indexOf('var hours') + 'var hours'.length;
    doc.update([{ start: at, end: at, newText: 'x' }]);
    assert.deepEqual(seen(doc), fresh(doc));
    assert.deepEqual(howAnalysed(doc), { incremental: true, checked: 0 });
    const link = text.indexOf('"incident", caseId') + 1;
    doc.update([{ start: link + 1, end: link + 1, newText: 'q' }]); // "iqncident": the call is found again and checked
    assert.deepEqual(seen(doc), fresh(doc));
    const how = howAnalysed(doc)!;
    assert.equal(how.incremental, true);
    assert.ok(how.checked >= 1 && how.checked < calls / 2, `${how.checked} of ${calls} calls checked`);
  });

  it('keeps the line numbers its messages quote right when an edit adds a line above the call they name', () => {
    const text = 'function a(id) {\n  Microsoft.Omnichannel.linkToConversation("account", id);\n  Microsoft.Omnichannel.linkToConversation("contact", id);\n}\nfunction b() {}\n';
    const doc = new OmnichannelDocument('a.js', text);
    seen(doc);
    doc.update([{ start: 0, end: 0, newText: '// header\n' }]);
    assert.ok(seen(doc).some(f => f.includes('line 3')), 'the message names the moved line');
    assert.deepEqual(seen(doc), fresh(doc));
  });

  it('applies a suppression comment written in another function than the call', () => {
    const text = 'function a(id) {\n  Microsoft.Omnichannel.linkToConversation("incident", id);\n}\nfunction b() {\n  var x = 1;\n}\n';
    const doc = new OmnichannelDocument('a.js', text);
    assert.equal(seen(doc).length, 2);
    doc.update([{ start: text.indexOf('  Microsoft'), end: text.indexOf('  Microsoft'), newText: '  // omnichannel-disable-next-line\n' }]);
    assert.deepEqual(seen(doc), []);
    assert.equal(howAnalysed(doc)?.incremental, true);
  });

  it('re-checks a call whose handler an edit elsewhere declares', () => {
    const text = 'var Contoso = (function () {\n  function viaHandler(id) {\n    Microsoft.Omnichannel.linkToConversation("incident", id).then(onLinked).catch(console.error);\n  }\n  function spacer() {}\n  function other() {}\n})();\n';
    const doc = new OmnichannelDocument('a.js', text);
    assert.equal(seen(doc).length, 1, 'no refresh yet');
    const at = text.indexOf('  function other');
    doc.update([{ start: at, end: at, newText: '  function onLinked() { Microsoft.Apm.refreshTab("t"); }\n' }]);
    assert.deepEqual(seen(doc), fresh(doc));
    assert.equal(seen(doc).length, fresh(doc).length);
    assert.equal(howAnalysed(doc)?.incremental, true);
  });

  describe('analyses in full when', () => {
    const text = 'var oc = Microsoft.Omnichannel;\nfunction getOc() { return Microsoft.Omnichannel; }\nfunction a(id) {\n  oc.linkToConversation("incident", id);\n  getOc().linkToConversation("account", id);\n}\nfunction b() {\n  var x = 1;\n}\n';
    const cases: { what: string; change: (doc: OmnichannelDocument) => void; reason: RegExp; settings?: AnalyzerSettings }[] = [
      { what: 'the settings changed', change: () => undefined, reason: /other settings/, settings: { ...DEFAULT_SETTINGS } },
      { what: 'several edits came at once', change: doc => doc.update([{ start: 0, end: 0, newText: ' ' }, { start: 0, end: 0, newText: ' ' }]), reason: /not one edit/ },
      { what: 'the whole text was replaced', change: doc => doc.setText(doc.text + ' '), reason: /not one edit/ },
      { what: 'an edit declares a name a call is recognised through', change: doc => doc.update([{ start: text.indexOf('var x'), end: text.indexOf('var x') + 5, newText: 'var oc' }]), reason: /declaration of oc/ },
      { what: 'an edit is in a function whose result names the API', change: doc => doc.update([{ start: text.indexOf('return M'), end: text.indexOf('return M'), newText: ' ' }]), reason: /result names the API/ },
      { what: 'the file becomes a module', change: doc => doc.update([{ start: text.indexOf('function b'), end: text.indexOf('function b'), newText: 'export ' }]), reason: /module/ },
      { what: 'a new alias is declared that code elsewhere may use', change: doc => doc.update([{ start: text.indexOf('function b'), end: text.indexOf('function b'), newText: 'var y = Microsoft.Omnichannel;\n' }]), reason: /return|alias/ },
      { what: 'an edit joins statements beyond those read before it', change: doc => doc.update([{ start: text.indexOf('function a'), end: text.length - 2, newText: '' }]), reason: /around the edit|past the statements|declaration/ },
      { what: 'it is switched off', change: () => { INCREMENTAL.enabled = false; }, reason: /switched off/ },
    ];
    for (const c of cases) {
      it(c.what, () => {
        const doc = new OmnichannelDocument('a.js', text);
        seen(doc);
        c.change(doc);
        const settings = c.settings ?? DEFAULT_SETTINGS;
        const after = seen(doc, settings);
        const how = howAnalysed(doc);
        assert.equal(how?.incremental, false);
        assert.match(how?.reason ?? '', c.reason);
        assert.deepEqual(after, fresh(doc, settings));
      });
    }

    it('an edit is at the directive prologue', () => {
      const source = '"use strict";\nfunction a(id) { Microsoft.Omnichannel.linkToConversation("incident", id); }\n';
      const doc = new OmnichannelDocument('a.js', source);
      seen(doc);
      doc.update([{ start: 1, end: 1, newText: 'x' }]);
      assert.deepEqual(seen(doc), fresh(doc));
      assert.match(howAnalysed(doc)?.reason ?? '', /directive|around/);
    });
  });
});

describe('how a promise is used, after an incremental update', () => {
  /** A call whose statement the edits leave alone or wrap, in a function the edits change around it. */
  const base = [
    'async function f(id) {',
    '  prepare();',
    '  Microsoft.Omnichannel.linkToConversation("incident", id);',
    '  done();',
    '}',
    '',
  ].join('\n');
  const call = base.indexOf('Microsoft');
  const callEnd = base.indexOf(';', call);
  const statementEnd = callEnd + 1;
  const edits: { what: string; changes: TextChange[]; changesFindings: boolean }[] = [
    { what: 'awaited', changes: [{ start: call, end: call, newText: 'await ' }], changesFindings: true },
    { what: 'returned', changes: [{ start: call, end: call, newText: 'return ' }], changesFindings: true },
    { what: 'handled with .then and .catch', changes: [{ start: callEnd, end: callEnd, newText: '.then(() => Microsoft.Apm.refreshTab("t")).catch(console.error)' }], changesFindings: true },
    { what: 'stored in a variable', changes: [{ start: call, end: call, newText: 'const p = ' }], changesFindings: true },
    { what: 'awaited through Promise.all', changes: [{ start: callEnd, end: callEnd, newText: '])' }, { start: call, end: call, newText: 'await Promise.all([' }], changesFindings: true },
    // The statement itself is not edited: the parser may keep its nodes and give them new ancestors.
    { what: 'moved into a block by edits before and after its statement', changes: [{ start: statementEnd, end: statementEnd, newText: '\n  }' }, { start: call, end: call, newText: 'if (ready) {\n    ' }], changesFindings: false },
    { what: 'left alone while the statement before it becomes a return', changes: [{ start: base.indexOf('prepare'), end: base.indexOf('prepare'), newText: 'return ' }], changesFindings: false },
  ];
  for (const edit of edits) {
    it(`gives the findings of a fresh analysis when the call is ${edit.what}`, () => {
      const doc = new OmnichannelDocument('a.js', base);
      // The language server's path: the first analysis answers (and caches) how each call's promise is used.
      const before = seen(doc);
      doc.update(edit.changes);
      const after = seen(doc);
      assert.deepEqual(after, fresh(doc), howAnalysed(doc)?.reason);
      if (edit.changesFindings) assert.notDeepEqual(after, before);
    });
  }

  it('keeps a call\'s node only inside a statement no edit touched: the premise of the promise-use cache', () => {
    // See the comment on the cache in `promise-use.ts`: should the parser ever keep a call's node under an
    // edited ancestor, that cache must be keyed by tree or cleared on update.
    const reusedAfter = (changes: TextChange[]): { same: boolean; doc: OmnichannelDocument } => {
      const doc = new OmnichannelDocument('a.js', base);
      seen(doc);
      const node = findApiCalls(doc)[0]!.node;
      doc.update(changes);
      return { same: findApiCalls(doc)[0]!.node === node, doc };
    };
    const before = base.indexOf('prepare');
    const kept = reusedAfter([{ start: before, end: before, newText: 'return ' }]);
    assert.ok(kept.same, 'an edit of the statement before the call made a new node for the call');
    assert.deepEqual(seen(kept.doc), fresh(kept.doc));
    const moved = reusedAfter([{ start: statementEnd, end: statementEnd, newText: '\n  }' }, { start: before, end: before, newText: 'if (ready) {\n  ' }]);
    assert.equal(findApiCalls(moved.doc)[0]!.node.parent.parent.parent.kind, ts.SyntaxKind.IfStatement);
    assert.ok(!moved.same, 'the parser kept the call\'s node under a new ancestor: the promise-use cache can be stale');
    assert.deepEqual(seen(moved.doc), fresh(moved.doc));
  });
});
