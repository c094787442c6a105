/**
 * Inline expectations for rule tests: a comment line such as
 *   `//        ^^^^^^ missing-ui-refresh (warning)`
 * marks the columns of a finding on the nearest code line above it. `expectFindings` analyses the source
 * and, on a mismatch, fails listing the missing and unexpected findings with line:column and message.
 */
import * as assert from 'node:assert/strict';
import { analyze, applyEdits, OmnichannelDocument, DEFAULT_SETTINGS, type AnalyzerSettings, type Finding, type RuleId } from '../../src';

const MARKER = /^(\s*)\/\/(\s*)(\^+)\s+([a-z-]+)(?:\s+\((error|warning|info)\))?\s*$/;

export interface Options {
  readonly fileName?: string;
  readonly settings?: Partial<AnalyzerSettings>;
  /** Only findings of these rules are compared (default: the rules named by markers, or all when none). */
  readonly rules?: readonly RuleId[];
}

interface Expected {
  readonly key: string;
  readonly severity?: string;
}

export function analyzeSource(source: string, options: Options = {}): { doc: OmnichannelDocument; findings: readonly Finding[] } {
  const doc = new OmnichannelDocument(options.fileName ?? 'test.js', source);
  const errors: string[] = [];
  const result = analyze(doc, { ...DEFAULT_SETTINGS, ...options.settings }, { onRuleError: (id, error) => errors.push(`${id}: ${String(error)}`) });
  assert.deepEqual(errors, [], 'a rule threw');
  return { doc, findings: result.findings };
}

/** Checks that exactly the marked findings (of the rules under test) are reported. */
export function expectFindings(source: string, options: Options = {}): readonly Finding[] {
  const expected = parseMarkers(source);
  const rules = options.rules ?? (expected.length > 0 ? [...new Set(expected.map(e => e.key.split(' ')[1] as RuleId))] : undefined);
  const { doc, findings } = analyzeSource(source, options);
  const relevant = findings.filter(f => !rules || rules.includes(f.ruleId));
  const describe = (f: Finding): string => {
    const start = doc.positionAt(f.start);
    const end = doc.positionAt(f.end);
    const span = end.line === start.line ? `${start.line + 1}:${start.character + 1}-${end.character + 1}` : `${start.line + 1}:${start.character + 1}-${end.line + 1}:${end.character + 1}`;
    return `${span} ${f.ruleId}`;
  };
  const actual = relevant.map(f => ({ key: describe(f), finding: f }));
  const missing = expected.filter(e => !actual.some(a => a.key === e.key));
  const unexpected = actual.filter(a => !expected.some(e => e.key === a.key));
  const wrongSeverity = expected.filter(e => e.severity && actual.some(a => a.key === e.key && a.finding.severity !== e.severity));
  if (missing.length + unexpected.length + wrongSeverity.length > 0) {
    const lines = [
      ...missing.map(e => `  missing:    ${e.key}`),
      ...unexpected.map(a => `  unexpected: ${a.key} (${a.finding.severity}) ${a.finding.message}`),
      ...wrongSeverity.map(e => `  severity:   ${e.key} expected ${e.severity}`),
    ];
    assert.fail(`findings differ from the markers:\n${lines.join('\n')}`);
  }
  return relevant;
}

/** The source after applying the preferred fix (or the fix titled `title`) of the only finding of `ruleId`. */
export function applyFix(source: string, ruleId: RuleId, options: Options & { title?: string } = {}): string {
  const { findings } = analyzeSource(source, options);
  const ofRule = findings.filter(f => f.ruleId === ruleId);
  assert.equal(ofRule.length, 1, `expected one ${ruleId} finding, got ${ofRule.length}: ${ofRule.map(f => f.message).join(' | ')}`);
  const fixes = ofRule[0]!.fixes?.() ?? [];
  const fix = options.title ? fixes.find(f => f.title === options.title) : fixes.find(f => f.isPreferred);
  assert.ok(fix, `no ${options.title ? `fix titled "${options.title}"` : 'preferred fix'}; fixes: ${fixes.map(f => f.title).join(', ')}`);
  return applyEdits(source, fix.edits);
}

function parseMarkers(source: string): Expected[] {
  const lines = source.split('\n');
  const expected: Expected[] = [];
  let target = -1;
  lines.forEach((line, index) => {
    const match = MARKER.exec(line);
    if (!match) {
      target = index;
      return;
    }
    assert.ok(target >= 0, `marker on line ${index + 1} has no code line above it`);
    const column = match[1]!.length + 2 + match[2]!.length;
    const key = `${target + 1}:${column + 1}-${column + match[3]!.length + 1} ${match[4]}`;
    expected.push(match[5] ? { key, severity: match[5] } : { key });
  });
  return expected;
}
