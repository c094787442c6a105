/**
 * One-shot analysis (the CLI's and the ESLint plugin's): a text that names none of the API's namespaces is
 * not parsed, checks record nothing, and nothing is kept about the document. None of that may change a
 * finding: every text here is analysed both ways, all rules on, and must give the same findings and fixes.
 */
import * as assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import * as path from 'node:path';
import { analyze, analyzeOnce, DEFAULT_SETTINGS, howAnalysed, mayCallApi, OmnichannelDocument, RULES, type AnalyzerSettings } from '../src';
import { CORPUS } from './support/corpus';
import { pick, seeded } from './support/prng';

const ROOT = path.join(__dirname, '..', '..', '..', '..');
const SAMPLES = path.join(ROOT, 'samples', 'webresources');
const RULE_TESTS = path.join(ROOT, 'packages', 'core', 'test', 'rules');

/** Every rule on, those off by default too. */
const ALL_ON: AnalyzerSettings = { ...DEFAULT_SETTINGS, rules: Object.fromEntries(RULES.map(r => [r.id, 'warning'])) };

function shown(findings: ReturnType<typeof analyze>['findings']): string[] {
  return findings.map(f => JSON.stringify([f.ruleId, f.start, f.end, f.severity, f.message, f.detail ?? null, f.fixes?.() ?? null]));
}

/** What the language server's analysis of a fresh document shows. */
function full(fileName: string, text: string, settings: AnalyzerSettings): { findings: string[]; skipped?: string } {
  const result = analyze(new OmnichannelDocument(fileName, text), settings);
  return { findings: shown(result.findings), ...(result.skippedReason ? { skipped: result.skippedReason } : {}) };
}

function oneShot(fileName: string, text: string, settings: AnalyzerSettings): { findings: string[]; skipped?: string } {
  const result = analyzeOnce(fileName, text, settings);
  return { findings: shown(result.findings), ...(result.skippedReason ? { skipped: result.skippedReason } : {}) };
}

/** The sources the rules' own tests check, as written in their template literals. */
function ruleFixtures(): string[] {
  const sources: string[] = [];
  for (const name of readdirSync(RULE_TESTS).filter(n => n.endsWith('.test.ts'))) {
    const text = readFileSync(path.join(RULE_TESTS, name), 'utf8');
    for (const m of text.matchAll(/`((?:[^`\\]|\\.)*)`/g)) if (m[1]!.includes('(')) sources.push(m[1]!.replace(/\\`/g, '`'));
  }
  return sources;
}

/** Pieces of web resources: API names in code, in comments, in strings, in near misses, and plain code. */
const PIECES = [
  'Microsoft.Omnichannel.linkToConversation("incident", id);\n', 'window.parent.Microsoft.Omnichannel', 'top.Microsoft.Apm.refreshTab("t");\n',
  'const { Omnichannel } = Microsoft;\n', 'const { Omnichannel: oc } = window.Microsoft;\n', 'oc.linkToConversation("case", "{A}")', 'Omnichannel.unlinkFromConversation("contact", x)',
  'Microsoft["Omnichannel"]["linkToConversation"]("account", id)', 'Microsoft[`Apm`].refreshTab()', 'Microsoft.CCaaS.StandaloneSDK.voice.call()',
  '// Microsoft.Omnichannel.linkToConversation("case", id)\n', '/* Apm */', '"Omnichannel"', "'StandaloneSDK'", '`Microsoft.Apm`',
  'Microsoft.Omni' + 'chanel.linkToConversation("case", id);\n', 'Microsoft.omnichannel.linkToConversation("case", id);\n', 'Microsoft["Omni" + "channel"].linkToConversation("case", id);\n',
  'Microsoft.Omni\\u0063hannel.linkToConversation("case", id);\n', 'const apm = 1;\n', 'Xrm.WebApi.retrieveRecord("account", id).then(show);\n',
  'async function f(id) {\n', 'function g() {\n', '}\n', 'await ', 'return ', '.then(() => refresh())', '.catch(console.error)', ';\n', '(', ')', '{', '}',
  'try {\n', '} catch (e) {}\n', 'if (x) ', 'Promise.all([', '])', 'const link = ', 'link("incident", id);\n', 'x'.repeat(3), '\n',
];

/** A random text from the pieces; most have syntax errors, some name the API only where no call can be. */
function generated(rand: () => number): string {
  const parts: string[] = [];
  for (let i = 0, n = 1 + Math.floor(rand() * 30); i < n; i++) parts.push(pick(rand, PIECES));
  return parts.join('');
}

/** The same text with every namespace name turned into a near miss (`omnichannel`). */
function nearMisses(text: string): string {
  return text.replace(/Omnichannel|Apm|StandaloneSDK/g, m => m.toLowerCase());
}

/** The near misses, with the names kept only in a comment and a string. */
function namesOnlyInCommentsAndStrings(text: string): string {
  return `// Calls Microsoft.Omnichannel.linkToConversation and Microsoft.Apm.refreshTab\nconst label = "StandaloneSDK";\n${nearMisses(text)}`;
}

describe('one-shot analysis', () => {
  it('gives the findings and fixes of a full analysis for samples, rule fixtures, generated texts and texts naming the API only in comments and strings', function () {
    this.timeout(120_000);
    const rand = seeded(4242);
    const samples = readdirSync(SAMPLES).map(name => ({ name, text: readFileSync(path.join(SAMPLES, name), 'utf8') }));
    const texts = [
      ...samples,
      ...CORPUS.map((text, i) => ({ name: `corpus-${i}.tsx`, text })),
      ...ruleFixtures().map((text, i) => ({ name: `fixture-${i}.ts`, text })),
      ...Array.from({ length: 600 }, (_, i) => ({ name: `generated-${i}.js`, text: generated(rand) })),
    ];
    const cases = [
      ...texts,
      ...texts.map(t => ({ name: `near-${t.name}`, text: nearMisses(t.text) })),
      ...texts.map(t => ({ name: `comments-${t.name}`, text: namesOnlyInCommentsAndStrings(t.text) })),
    ];
    let skipped = 0;
    let withFindings = 0;
    for (const { name, text } of cases) {
      for (const settings of [DEFAULT_SETTINGS, ALL_ON]) {
        const expected = full(name, text, settings);
        assert.deepEqual(oneShot(name, text, settings), expected, `${name}:\n${text}`);
        if (!mayCallApi(text)) {
          skipped++;
          // A text that is not parsed must not be one a full analysis finds anything in.
          assert.deepEqual(expected.findings, [], name);
        }
        if (expected.findings.length > 0) withFindings++;
      }
    }
    // Were no text skipped, or none with findings, the comparison would prove nothing.
    assert.ok(skipped > 500, `only ${skipped} texts were skipped`);
    assert.ok(withFindings > 300, `only ${withFindings} texts had findings`);
  });

  it('does not parse a text without the API names, and still says a text is too large to analyse', () => {
    assert.equal(analyzeOnce('a.js', 'Xrm.Page.getAttribute("name");', DEFAULT_SETTINGS).doc, undefined);
    assert.notEqual(analyzeOnce('a.js', 'Microsoft.Apm.refreshTab("t");', DEFAULT_SETTINGS).doc, undefined);
    const large = analyzeOnce('big.js', 'x;'.repeat(100), { ...DEFAULT_SETTINGS, maxFileSize: 50 });
    assert.match(large.skippedReason ?? '', /big\.js is 200 characters, above omnichannel\.maxFileSize/);
  });

  it('keeps nothing about the document, so the language server\'s next analysis of it is a full one', () => {
    const text = CORPUS.join('\n');
    const doc = new OmnichannelDocument('a.tsx', text);
    const once = shown(analyze(doc, ALL_ON, { oneShot: true }).findings);
    assert.deepEqual(once, full('a.tsx', text, ALL_ON).findings);
    assert.equal(howAnalysed(doc), undefined);
    const inside = text.indexOf('const formContext');
    doc.update([{ start: inside, end: inside, newText: ' ' }]);
    const after = analyze(doc, ALL_ON);
    assert.deepEqual(howAnalysed(doc), { incremental: false, reason: 'no earlier analysis', checked: howAnalysed(doc)!.checked });
    assert.deepEqual(shown(after.findings), full('a.tsx', doc.text, ALL_ON).findings);
    // The server's path keeps recording: the next edit is analysed incrementally.
    doc.update([{ start: inside, end: inside, newText: ' ' }]);
    analyze(doc, ALL_ON);
    assert.equal(howAnalysed(doc)?.incremental, true, howAnalysed(doc)?.reason);
  });
});
