/** Incremental updates give the same tree, and so the same findings, as parsing the final text afresh. */
import * as assert from 'node:assert/strict';
import { analyze, DEFAULT_SETTINGS, OmnichannelDocument, type Finding } from '../../src/core';
import { CORPUS } from './support/corpus';
import { pick, seeded } from './support/prng';

const summary = (findings: readonly Finding[]) => findings.map(f => `${f.start}-${f.end} ${f.ruleId} ${f.severity} ${f.message}`);
const INSERTS = ['Microsoft.Omnichannel.', 'linkToConversation("case", 1);', '\n', '(', ')', '{', '}', '"', 'await ', '.catch(e => 0)', 'x', ''];

describe('OmnichannelDocument', () => {
  it('applies random edit sequences incrementally with the same findings as a fresh parse', () => {
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
});
