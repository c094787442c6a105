/**
 * Bad input never crashes the analyzer: generated and mutated sources (truncations, random insertions,
 * deleted brackets, binary garbage, 10,000-level nesting, a 5 MB minified file) go through analyze, every
 * fix, "fix all" and "disable for this line". Deterministic: a seeded PRNG makes every run the same.
 */
import * as assert from 'node:assert/strict';
import { analyze, applyEdits, DEFAULT_SETTINGS, disableForLineFix, fixAllEdits, OmnichannelDocument, type AnalyzerSettings } from '../src';
import { CORPUS } from './support/corpus';
import { pick, seeded } from './support/prng';

const FILE_NAMES = ['a.js', 'a.ts', 'a.jsx', 'a.tsx', 'a.mjs', 'a.cjs'];
const FRAGMENTS = ['Microsoft', '.Omnichannel', '.linkToConversation(', '"incident"', '(', ')', '{', '}', '[', ']', '`', '${', '"', "'", '/*', '*/', '//', '\n', 'await ', '.then(', '.catch(', '=>', ',', ';', 'const oc = ', '<div>', '</', '\u0000', '\uFFFF', '\uD800'];

function mutate(rand: () => number, source: string): string {
  switch (Math.floor(rand() * 6)) {
    case 0:
      return source.slice(0, Math.floor(rand() * (source.length + 1)));
    case 1: {
      let s = source;
      for (let i = 0; i < 1 + rand() * 8; i++) {
        const at = Math.floor(rand() * (s.length + 1));
        s = s.slice(0, at) + pick(rand, FRAGMENTS) + s.slice(at);
      }
      return s;
    }
    case 2:
      return source.replace(/[()[\]{}]/g, c => (rand() < 0.3 ? '' : c));
    case 3: {
      const bytes = Array.from({ length: 1 + Math.floor(rand() * 400) }, () => String.fromCharCode(Math.floor(rand() * 0x10000)));
      const at = Math.floor(rand() * (source.length + 1));
      return source.slice(0, at) + bytes.join('') + source.slice(at);
    }
    case 4: {
      const from = Math.floor(rand() * source.length);
      return source.slice(0, from) + source.slice(from + Math.floor(rand() * 40));
    }
    default: {
      const a = pick(rand, CORPUS);
      const at = Math.floor(rand() * (source.length + 1));
      return source.slice(0, at) + a + source.slice(at);
    }
  }
}

/** Runs everything a user can trigger on one input; returns the rule errors (there must be none). */
function exercise(fileName: string, text: string, settings: AnalyzerSettings = DEFAULT_SETTINGS): string[] {
  const errors: string[] = [];
  const doc = new OmnichannelDocument(fileName, text);
  const { findings } = analyze(doc, settings, { onRuleError: (id, error) => errors.push(`${id}: ${String(error)}`) });
  for (const finding of findings) {
    assert.ok(finding.start >= 0 && finding.end <= text.length && finding.start <= finding.end, `finding out of range: ${finding.ruleId}`);
    for (const fix of finding.fixes?.() ?? []) {
      for (const edit of fix.edits) assert.ok(edit.start >= 0 && edit.end <= text.length && edit.start <= edit.end, `edit out of range: ${fix.title}`);
    }
    disableForLineFix(doc, finding);
  }
  const fixed = applyEdits(text, fixAllEdits(doc, findings));
  analyze(new OmnichannelDocument(fileName, fixed), settings, { onRuleError: (id, error) => errors.push(`after fix-all, ${id}: ${String(error)}`) });
  return errors;
}

describe('fuzz', () => {
  it('survives 2,000 generated and mutated inputs', function () {
    this.timeout(120_000); // 2,000 whole analyses: about 8 s on an idle 2-core machine, several times that under load
    const rand = seeded(20240607);
    let count = 0;
    const errors: string[] = [];
    while (count < 2000) {
      let source = pick(rand, CORPUS);
      const rounds = 1 + Math.floor(rand() * 4);
      for (let i = 0; i < rounds; i++) source = mutate(rand, source);
      errors.push(...exercise(pick(rand, FILE_NAMES), source).map(e => `input ${count}: ${e}`));
      count++;
    }
    assert.deepEqual(errors.slice(0, 5), []);
    assert.equal(count, 2000);
  });

  it('survives 10,000 levels of nesting of every kind', () => {
    const n = 10_000;
    const call = 'Microsoft.Omnichannel.linkToConversation("case", 1)';
    const inputs = [
      `x = ${'('.repeat(n)}${call}${')'.repeat(n)};`,
      `${'{'.repeat(n)}${call};${'}'.repeat(n)}`,
      `${'{'.repeat(n)}${call};`,
      `x = ${'['.repeat(n)}${']'.repeat(n)}`,
      `${'Microsoft.Omnichannel.linkToConversation('.repeat(n)}${')'.repeat(n)}`,
      `${'(() => '.repeat(n)}${call}${')'.repeat(n)}`,
      `${call}${'.then(() => 1)'.repeat(n)};`,
      `${'if (a) '.repeat(n)}${call};`,
      `${'window.'.repeat(n)}${call};`,
    ];
    for (const input of inputs) {
      assert.deepEqual(exercise('deep.js', input), []);
      const doc = new OmnichannelDocument('deep.js', input);
      const result = analyze(doc, DEFAULT_SETTINGS);
      // Either analysed or skipped with a reason, never silently wrong.
      assert.ok(result.findings.length > 0 || result.skippedReason !== undefined || !input.includes('"case"'), `nothing said about: ${input.slice(0, 60)}…`);
    }
  });

  it('analyses a 5 MB minified-style file when the size limit is raised', function () {
    // A robustness test, not a speed test: a busy 2-core machine may take a while, never forever.
    this.timeout(120_000);
    const piece = 'function f(a){Microsoft.Omnichannel.linkToConversation("incident",a).then(function(){Microsoft.Apm.refreshTab("t")},function(e){console.log(e)});var b=[1,2,3].map(function(x){return x*2});}';
    const text = piece.repeat(Math.ceil(5 * 1024 * 1024 / piece.length));
    const settings = { ...DEFAULT_SETTINGS, maxFileSize: 10 * 1024 * 1024 };
    assert.deepEqual(exercise('bundle.min.js', text, settings), []);
    const skipped = analyze(new OmnichannelDocument('bundle.min.js', text), DEFAULT_SETTINGS);
    assert.match(skipped.skippedReason ?? '', /bundle\.min\.js is 5 MB, above omnichannel\.maxFileSize \(4 MB\): not analysed\. Raise the setting to analyse it\./);
  });
});
