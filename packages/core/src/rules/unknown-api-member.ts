/** A call of a member the documentation does not list: a near miss of a documented name (`linkToConverstion`) is an error with a "did you mean" fix; any other name (`getLinkedRecords`) is a warning, as undocumented members can change without notice. */
// A plain require: `import * as` would wrap every `ts.X` in one more getter, and this runs per call.
import ts = require('typescript');
import { methodsOf } from '../catalogue';
import type { Fix } from '../types';
import { callSpan, literalContent } from './support/text';
import type { Rule } from './types';

export const unknownApiMember: Rule = {
  id: 'unknown-api-member',
  meta: {
    description: 'A call of a member the documentation does not list: a near miss of a documented name (`linkToConverstion`) is an error with a "did you mean" fix; any other name (`getLinkedRecords`) is a warning, as undocumented members can change without notice.',
    defaultSeverity: 'error',
    docs: 'unknown-api-member',
  },
  check(call, ctx) {
    if (call.method) return [];
    const names = methodsOf(call.namespace).map(m => m.name);
    const suggestion = closest(call.member, names);
    const node = call.memberNode;
    // Only a name written in the call itself can be renamed safely (a destructured name is also a local variable).
    const renamable = node.pos >= call.node.pos && node.end <= call.node.end && (ts.isIdentifier(node) || ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node));
    if (!suggestion) {
      // Not a slip of the keyboard: the workspace has members it does not document (Microsoft's own
      // tests call `getLinkedRecords`). Calling one works today; it is the promise of tomorrow that is missing.
      return [{
        ...callSpan(call, ctx.sourceFile),
        severity: 'warning',
        message: `Prefer a documented member: ${shorten(call.member)} can change without notice.`,
        detail: `${call.namespace}.${call.member} is not a documented member; undocumented members can change without notice. The documented ones are ${names.map(n => `\`${n}\``).join(', ')}.`,
      }];
    }
    return [{
      ...callSpan(call, ctx.sourceFile),
      message: `Did you mean ${suggestion}? ${call.namespace} has no "${shorten(call.member)}".`,
      ...(renamable ? {
        fixes: (): Fix[] => {
          const { start, end } = ts.isIdentifier(node) ? { start: node.getStart(ctx.sourceFile), end: node.end } : literalContent(node, ctx.sourceFile);
          return [{ title: `Change to ${suggestion}`, isPreferred: true, edits: [{ start, end, newText: suggestion }] }];
        },
      } : {}),
    }];
  },
};

/** The candidate nearest to `name` (case-insensitive edit distance), if it is near enough to be a typo. */
export function closest(name: string, candidates: readonly string[]): string | undefined {
  const lower = name.toLowerCase();
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const candidate of candidates) {
    const distance = editDistance(lower, candidate.toLowerCase());
    if (distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  const limit = Math.max(2, Math.floor(name.length / 3));
  return bestDistance <= limit ? best : undefined;
}

function editDistance(a: string, b: string): number {
  if (Math.abs(a.length - b.length) > 8) return Infinity;
  let previous = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++) {
      row[j] = Math.min(previous[j]! + 1, row[j - 1]! + 1, previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    previous = row;
  }
  return previous[b.length]!;
}

function shorten(value: string): string {
  return value.length > 28 ? `${value.slice(0, 27)}…` : value;
}
