/**
 * In-source suppressions: `// omnichannel-disable-next-line [rule-id, …]` silences the next line (all rules
 * when no id is given); `/* omnichannel-disable *\/` before any code silences the whole file.
 */
import type { RuleId } from './types';

const MARKER = 'omnichannel-disable';
// A `//` comment (and a hashbang) ends at any JavaScript line terminator: what follows U+2028 or U+2029 is
// code on the same editor line, never rule ids.
const NEXT_LINE = /\/\/[ \t]*omnichannel-disable-next-line\b([^\r\n\u2028\u2029]*)/g;
const WHOLE_FILE = /^(?:#![^\r\n\u2028\u2029]*[\r\n\u2028\u2029])?\s*\/\*\s*omnichannel-disable\s*\*\//;

export interface Suppressions {
  readonly wholeFile: boolean;
  /** False when the file has no next-line comment: callers can skip computing lines. */
  readonly any: boolean;
  /** Is a finding of `ruleId` starting on zero-based `line` suppressed? */
  suppressed(ruleId: RuleId, line: number): boolean;
}

const NONE: Suppressions = { wholeFile: false, any: false, suppressed: () => false };

export function readSuppressions(text: string, lineOf: (offset: number) => number): Suppressions {
  if (!text.includes(MARKER)) return NONE;
  const wholeFile = WHOLE_FILE.test(text);
  const byLine = new Map<number, ReadonlySet<string> | 'all'>();
  for (const match of text.matchAll(NEXT_LINE)) {
    const ids = (match[1] ?? '').replace(/--.*$/, '').split(/[\s,]+/).filter(id => id.length > 0);
    byLine.set(lineOf(match.index) + 1, ids.length === 0 ? 'all' : new Set(ids));
  }
  return {
    wholeFile,
    any: byLine.size > 0,
    suppressed(ruleId, line) {
      const entry = byLine.get(line);
      return entry === 'all' || (entry !== undefined && entry.has(ruleId));
    },
  };
}
