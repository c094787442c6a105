/** Incremental updates give the same tree, and so the same findings, as parsing the final text afresh. */
import * as assert from 'node:assert/strict';
import * as ts from 'typescript';
import { analyze, DEFAULT_SETTINGS, OmnichannelDocument, type Finding } from '../src';
import { lineAt } from '../src/document';
import { CORPUS } from './support/corpus';
import { pick, seeded } from './support/prng';

const summary = (findings: readonly Finding[]) => findings.map(f => `${f.start}-${f.end} ${f.ruleId} ${f.severity} ${f.message}`);
/** Lines as an editor counts them, written the plain way: only `\n`, `\r\n` and `\r` end a line. */
function referenceLines(text: string): { start: number; contentEnd: number }[] {
  const lines = [];
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    if (text[i] === '\r' && text[i + 1] === '\n') {
      lines.push({ start, contentEnd: i });
      start = i + 2;
      i++;
    } else if (text[i] === '\n' || text[i] === '\r') {
      lines.push({ start, contentEnd: i });
      start = i + 1;
    }
  }
  lines.push({ start, contentEnd: text.length });
  return lines;
}

function referencePosition(text: string, offset: number): { line: number; character: number } {
  const lines = referenceLines(text);
  let line = 0;
  while (line + 1 < lines.length && lines[line + 1]!.start <= offset) line++;
  return { line, character: offset - lines[line]!.start };
}

function referenceOffset(text: string, position: { line: number; character: number }): number {
  const lines = referenceLines(text);
  const line = lines[position.line];
  if (!line) return text.length;
  return line.start + Math.min(position.character, line.contentEnd - line.start);
}

/** Every offset's position and every line's offsets (start, middle, past the end) agree with the reference. */
function assertPositionsMatch(doc: OmnichannelDocument, context: string): void {
  const text = doc.text;
  for (let offset = 0; offset <= text.length; offset++) {
    const expected = referencePosition(text, offset);
    const actual = doc.positionAt(offset);
    if (actual.line !== expected.line || actual.character !== expected.character) {
      assert.deepEqual(actual, expected, `${context}: positionAt(${offset}) in ${JSON.stringify(text)}`);
    }
  }
  const lineCount = referenceLines(text).length;
  for (let line = 0; line <= lineCount; line++) {
    for (const character of [0, 1, 3, 1000]) {
      assert.equal(doc.offsetAt({ line, character }), referenceOffset(text, { line, character }), `${context}: offsetAt(${line}:${character}) in ${JSON.stringify(text)}`);
    }
  }
}

const INSERTS = ['Microsoft.Omnichannel.', 'linkToConversation("case", 1);', '\n', '(', ')', '{', '}', '"', 'await ', '.catch(e => 0)', 'x', ''];

describe('OmnichannelDocument', () => {
  it('applies random edit sequences incrementally with the same findings as a fresh parse', function () {
    // A robustness test, not a speed test: a busy 2-core machine may take a while, never forever.
    this.timeout(120_000);
    const rand = seeded(7);
    for (let round = 0; round < 150; round++) {
      const fileName = pick(rand, ['a.js', 'a.ts', 'a.tsx']);
      const doc = new OmnichannelDocument(fileName, CORPUS.join('\n'));
      for (let step = 0; step < 8; step++) {
        const changes = Array.from({ length: 1 + Math.floor(rand() * 3) }, () => ({ at: rand(), len: Math.floor(rand() * 12), text: pick(rand, INSERTS) }));
        let length = doc.text.length;
        const edits = changes.map(c => {
          const start = Math.floor(c.at * length);
          const end = Math.min(length, start + c.len);
          length += c.text.length - (end - start);
          return { start, end, newText: c.text };
        });
        doc.update(edits);
        const fresh = new OmnichannelDocument(fileName, doc.text);
        assert.equal(doc.sourceFile.text, doc.text);
        assert.deepEqual(summary(analyze(doc, DEFAULT_SETTINGS).findings), summary(analyze(fresh, DEFAULT_SETTINGS).findings), `round ${round} step ${step}`);
      }
    }
  });

  it('picks the script kind from the extension and converts positions', () => {
    const doc = new OmnichannelDocument('x.tsx', 'const a = 1;\r\nconst b = <div/>;\n');
    assert.equal(doc.positionAt(14).line, 1);
    assert.equal(doc.offsetAt({ line: 1, character: 6 }), 20);
    assert.deepEqual(doc.positionAt(doc.offsetAt({ line: 2, character: 0 })), { line: 2, character: 0 });
    doc.setText('Microsoft.Omnichannel.linkToConversation("case", id);');
    assert.ok(analyze(doc, DEFAULT_SETTINGS).findings.some(f => f.ruleId === 'invalid-entity-name'));
  });

  it('ends lines only at LF, CRLF and CR: U+2028 and U+2029 stay inside their line', () => {
    // A comment and a string literal holding the separators, then a call on the next editor line.
    const text = '// a\u2028b\nconst s = "x\u2029y";\nMicrosoft.Omnichannel.linkToConversation("case", id);\n';
    const doc = new OmnichannelDocument('a.js', text);
    assert.deepEqual(doc.positionAt(text.indexOf('b')), { line: 0, character: 5 });
    assert.deepEqual(doc.positionAt(text.indexOf('y')), { line: 1, character: 13 });
    const call = text.indexOf('Microsoft');
    assert.deepEqual(doc.positionAt(call), { line: 2, character: 0 });
    assert.equal(doc.offsetAt({ line: 2, character: 0 }), call);
    assert.equal(doc.offsetAt({ line: 0, character: 99 }), text.indexOf('\n'), 'a character past the end stops before the line break');
    assert.equal(doc.lineStartOffset(text.indexOf('y')), text.indexOf('const'));
    assert.equal(lineAt(doc.sourceFile, call), 2);
    const finding = analyze(doc, DEFAULT_SETTINGS).findings.find(f => f.ruleId === 'invalid-entity-name');
    assert.equal(doc.positionAt(finding!.start).line, 2);
  });

  it('counts CRLF as one break and a lone CR as a break of its own', () => {
    const text = 'ab\r\ncd\ref\n\r\r\ngh';
    const doc = new OmnichannelDocument('a.ts', text);
    assert.deepEqual(doc.positionAt(3), { line: 0, character: 3 }, 'between CR and LF: still the first line');
    assert.deepEqual(doc.positionAt(4), { line: 1, character: 0 });
    assert.deepEqual(doc.positionAt(7), { line: 2, character: 0 });
    assert.deepEqual(doc.positionAt(10), { line: 3, character: 0 });
    assert.deepEqual(doc.positionAt(text.indexOf('g')), { line: 5, character: 0 });
    assert.equal(doc.offsetAt({ line: 0, character: 50 }), 2);
    assert.equal(doc.offsetAt({ line: 1, character: 50 }), 6);
    assert.equal(doc.offsetAt({ line: 3, character: 50 }), 10, 'an empty line ended by CR');
    assert.equal(doc.offsetAt({ line: 4, character: 50 }), 11, 'an empty line ended by CRLF');
    assert.equal(doc.offsetAt({ line: 9, character: 0 }), text.length);
    assertPositionsMatch(doc, 'fixed text');
  });

  it('keeps its line map right through random edits that make and split CRLF pairs and add separators', () => {
    const rand = seeded(2028);
    const pieces = ['\n', '\r', '\r\n', '\u2028', '\u2029', 'a', 'bc', 'x;\r\ny', '\n\r', ''];
    for (let round = 0; round < 120; round++) {
      const seed = Array.from({ length: 12 }, () => pick(rand, pieces)).join('');
      const doc = new OmnichannelDocument(pick(rand, ['a.js', 'a.ts']), seed);
      assertPositionsMatch(doc, `round ${round} start`); // builds the line map, so later edits shift it
      for (let step = 0; step < 10; step++) {
        const count = 1 + Math.floor(rand() * 2);
        let length = doc.text.length;
        const edits = Array.from({ length: count }, () => {
          const start = Math.floor(rand() * (length + 1));
          const end = Math.min(length, start + Math.floor(rand() * 4));
          const newText = Array.from({ length: Math.floor(rand() * 3) }, () => pick(rand, pieces)).join('');
          length += newText.length - (end - start);
          return { start, end, newText };
        });
        doc.update(edits);
        assertPositionsMatch(doc, `round ${round} step ${step}`);
      }
    }
  });
});

describe('a tree made elsewhere', () => {
  const text = '/** doc */\nasync function f(id) {\n  await Microsoft.Omnichannel.linkToConversation("case", id);\n}\n';
  const tree = (source: string, jsDoc = ts.JSDocParsingMode.ParseNone, kind = ts.ScriptKind.JS) =>
    ts.createSourceFile('f.js', source, { languageVersion: ts.ScriptTarget.Latest, jsDocParsingMode: jsDoc }, true, kind);
  const shown = (doc: OmnichannelDocument) => analyze(doc, DEFAULT_SETTINGS).findings.map(f => [f.ruleId, f.start, f.end, f.message]);

  it('is used when it is the tree the core would make of the same text, with the same findings', () => {
    const made = tree(text);
    const doc = new OmnichannelDocument('f.js', text, made);
    assert.equal(doc.sourceFile, made);
    assert.deepEqual(shown(doc), shown(new OmnichannelDocument('f.js', text)));
    assert.ok(shown(doc).length > 0);
  });

  it('is not used for another text, JSDoc parsed, another script kind, or something that is not a tree of this TypeScript', () => {
    for (const other of [tree(text + ' '), tree(text, ts.JSDocParsingMode.ParseAll), tree(text, ts.JSDocParsingMode.ParseNone, ts.ScriptKind.TS), { ...tree(text) }, 'x', null]) {
      const doc = new OmnichannelDocument('f.js', text, other);
      assert.notEqual(doc.sourceFile, other);
      assert.deepEqual(shown(doc), shown(new OmnichannelDocument('f.js', text)));
    }
  });
});
