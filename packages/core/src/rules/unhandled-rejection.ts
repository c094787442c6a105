/** A call of an API method that returns a promise, whose rejection nobody handles (no `.catch`, no second `.then` argument, no `try`/`catch` around the `await`). */
// A plain require: `import * as` would wrap every `ts.X` in one more getter, and this runs per call.
import ts = require('typescript');
import type { Fix } from '../types';
import { returnsPromise } from './support/methods';
import { droppedAt } from './support/outcome';
import type { PromiseUse } from './support/promise-use';
import { calleeName, calleeSpan, callSpan, lineOf } from './support/text';
import { chainStep } from './support/layout';
import { detectStyle, lineIndent, quoted, statement as asStatement } from '../format/style';
import type { Rule, RuleContext } from './types';

export const unhandledRejection: Rule = {
  id: 'unhandled-rejection',
  meta: {
    description: 'A call of an API method that returns a promise, whose rejection nobody handles (no `.catch`, no second `.then` argument, no `try`/`catch` around the `await`).',
    defaultSeverity: 'warning',
    docs: 'unhandled-rejection',
  },
  check(call, ctx) {
    if (!returnsPromise(call)) return [];
    // The catalogue says how each method usually fails: a message about the wrong failure misleads.
    const failure = call.method?.failure ?? 'for example when the call fails';
    return droppedAt(call.node, handlesRejection).map(({ call: at, use }) => {
      const direct = at === call.node;
      const member = direct ? call.member : calleeName(at);
      return {
        ...(direct ? callSpan(call, ctx.sourceFile) : calleeSpan(at, ctx.sourceFile)),
        message: direct
          ? `Handle the rejection: add .catch or await ${call.member} in try/catch.`
          : `Handle the rejection of ${calleeName(at)}(…): its ${call.member} can fail.`,
        detail: direct
          ? `The promise ${call.member} returns can reject (${failure}) and nothing handles it: the failure goes unseen in the agent's browser.`
          : `${calleeName(at)}(…) rejects when ${call.member} (line ${lineOf(call, ctx)}) rejects (${failure}), and nothing handles it here.`,
        // Built when asked for: writing it reads the file's style, a second walk of the tree.
        ...(hasRejectionFix(use) ? { fixes: () => [rejectionFix(use, member, ctx)!] } : {}),
      };
    });
  },
};

/** Whether this use of the promise deals with a rejection: `.catch`, a second `.then` argument, `allSettled`, or `try`/`catch` around the `await`. */
function handlesRejection(use: PromiseUse): boolean {
  if (use.settled || use.steps.some(step => step.name === 'catch' || (step.name === 'then' && step.call.arguments.length >= 2))) return true;
  return use.fate === 'awaited' && use.await !== undefined && insideTryWithCatch(use.await);
}

/** Whether a `try` with a `catch` clause encloses `node` within its function. */
function insideTryWithCatch(node: ts.Node): boolean {
  for (let n: ts.Node = node; n.parent && !ts.isFunctionLike(n); n = n.parent) {
    const parent = n.parent;
    if (ts.isTryStatement(parent) && parent.tryBlock === n && parent.catchClause) return true;
  }
  return false;
}

/** Whether `rejectionFix` has a fix for this use: a `.catch` on a statement, or `try` around an expression statement. */
function hasRejectionFix(use: PromiseUse): boolean {
  return use.fate === 'statement' || (use.statement !== undefined && ts.isExpressionStatement(use.statement));
}

function rejectionFix(use: PromiseUse, member: string, ctx: RuleContext): Fix | undefined {
  const style = detectStyle(ctx.sourceFile);
  const report = `console.error(${quoted(style, `${member} failed:`)}, error)`;
  if (use.fate === 'statement') {
    return { title: 'Handle the rejection with .catch', isPreferred: true, edits: [chainStep(ctx, style, use.top.end, 'catch', ['error'], [report], false)] };
  }
  // Wrapping a declaration in try would hide its variable from the code after it: only statements are wrapped.
  const statement = use.statement;
  if (!statement || !ts.isExpressionStatement(statement)) return undefined;
  const nl = style.newline;
  const start = statement.getStart(ctx.sourceFile);
  const indent = lineIndent(ctx.text, start);
  const inner = indent + style.indentUnit;
  const body = statement.getText(ctx.sourceFile).split(/\r?\n/).join(`${nl}${style.indentUnit}`);
  const newText = `try {${nl}${inner}${body}${nl}${indent}} catch (error) {${nl}${inner}${asStatement(style, report)}${nl}${indent}}`;
  return { title: 'Wrap in try/catch', isPreferred: true, edits: [{ start, end: statement.end, newText }] };
}
