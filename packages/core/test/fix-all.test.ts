/**
 * "Fix all": the same edits as taking each finding's preferred fix in order and dropping one that
 * collides with a fix already taken (checked against a plain every-edit-with-every-edit reference on
 * generated findings), and a file with 20,000 calls fixed in one pass.
 */
import * as assert from 'node:assert/strict';
import { analyze, applyEdits, DEFAULT_SETTINGS, fixAllEdits, OmnichannelDocument, type Finding, type Fix, type TextEdit } from '../src';
import { seeded } from './support/prng';

/** The rule written as plainly as possible: every edit of a fix against every edit already taken. */
function reference(length: number, findings: readonly Finding[]): TextEdit[] {
  const taken: TextEdit[] = [];
  const collide = (a: TextEdit, b: TextEdit): boolean => {
    if (a.start < b.end && b.start < a.end) return true;
    const aInsert = a.start === a.end;
    const bInsert = b.start === b.end;
    if (aInsert && !bInsert) return a.start >= b.start && a.start <= b.end;
    if (bInsert && !aInsert) return b.start >= a.start && b.start <= a.end;
    return false;
  };
  for (const finding of findings) {
    const fix = finding.fixes?.().find(f => f.isPreferred);
    if (!fix || fix.edits.length === 0) continue;
    if (fix.edits.some(e => e.start < 0 || e.end > length || e.end < e.start)) continue;
    if (fix.edits.some(e => taken.some(t => collide(e, t)))) continue;
    taken.push(...fix.edits);
  }
  return taken.map((edit, index) => ({ edit, index })).sort((a, b) => a.edit.start - b.edit.start || a.index - b.index).map(x => x.edit);
}

function generatedFindings(rand: () => number, length: number): Finding[] {
  const position = (): number => Math.floor(rand() * (length + 3)) - 1; // now and then out of range
  const edit = (n: number): TextEdit => {
    const start = position();
    const width = rand() < 0.4 ? 0 : Math.floor(rand() * 6) - 1; // insertions, replacements, a few backwards
    return { start, end: start + width, newText: `<${n}>` };
  };
  return Array.from({ length: Math.floor(rand() * 30) }, (_, i): Finding => {
    const fixes: Fix[] = [{ title: 'other', edits: [edit(i)] }];
    if (rand() < 0.85) fixes.push({ title: 'preferred', isPreferred: true, edits: Array.from({ length: Math.floor(rand() * 4) }, () => edit(i)) });
    return { ruleId: 'invalid-entity-name', start: 0, end: 0, message: '', severity: 'error', ...(rand() < 0.9 ? { fixes: () => fixes } : {}) };
  });
}

describe('fix all', () => {
  it('takes the same fixes as checking every edit against every edit taken, on 3,000 generated finding sets', () => {
    const rand = seeded(7061);
    for (let round = 0; round < 3000; round++) {
      const length = 1 + Math.floor(rand() * 40);
      const doc = new OmnichannelDocument('a.js', 'x'.repeat(length));
      const findings = generatedFindings(rand, length);
      assert.deepEqual(fixAllEdits(doc, findings), reference(length, findings), `round ${round}`);
    }
  });

  it('fixes every call of a 20,000-call file in one pass', function () {
    this.timeout(60_000); // analysing the file takes seconds on a slow machine; fix-all itself is a fraction of it
    const text = 'function f(id) {\n  Microsoft.Omnichannel.linkToConversation("case", id).catch(e => e);\n}\n'.repeat(20_000);
    const doc = new OmnichannelDocument('big.js', text);
    const settings = { ...DEFAULT_SETTINGS, maxFileSize: 10 * 1024 * 1024 };
    const findings = analyze(doc, settings).findings;
    assert.equal(findings.length, 40_000);
    const fixed = applyEdits(text, fixAllEdits(doc, findings));
    assert.equal(fixed.split('"case"').length, 1);
    // Each line would pass 100 characters: the chain is broken one step a line, indented one level (two spaces here).
    const fixedCall = 'linkToConversation("incident", id)\n    .then(() => Microsoft.Apm.getFocusedSession().getFocusedTab().refresh())\n    .catch(';
    assert.equal(fixed.split(fixedCall).length - 1, 20_000);
  });
});
