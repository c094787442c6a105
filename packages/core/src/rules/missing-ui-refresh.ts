/** A link or unlink whose success path never refreshes the UI: the change is saved but the agent does not see it until a refresh. */
// A plain require: `import * as` would wrap every `ts.X` in one more getter, and this runs per call.
import ts = require('typescript');
import type { Fix, TextEdit } from '../types';
import { isLinkCall } from './support/methods';
import { droppedAt } from './support/outcome';
import type { PromiseUse } from './support/promise-use';
import { handlerRefreshes, refreshesAfter } from './support/refresh';
import { calleeName, calleeSpan, callSpan, indentAt, lineOf, newlineOf } from './support/text';
import type { Rule, RuleContext } from './types';

export const missingUiRefresh: Rule = {
  id: 'missing-ui-refresh',
  meta: {
    description: 'A link or unlink whose success path never refreshes the UI: the change is saved but the agent does not see it until a refresh.',
    defaultSeverity: 'warning',
    docs: 'missing-ui-refresh',
  },
  check(call, ctx) {
    if (!isLinkCall(call)) return [];
    return droppedAt(call.node, use => refreshes(use, ctx)).map(({ call: at, use }) => ({
      ...(at === call.node ? callSpan(call, ctx.sourceFile) : calleeSpan(at, ctx.sourceFile)),
      message: at === call.node
        ? `${call.member} only changes the database: the agent sees the change after the UI refreshes, and nothing refreshes it on success. Call ${ctx.settings.refreshCall} when the promise resolves.`
        : `${calleeName(at)}(…) resolves when ${call.member} (line ${lineOf(call, ctx)}) has only changed the database, and nothing refreshes the UI after it here. Call ${ctx.settings.refreshCall} when the promise resolves.`,
      fixes: () => [refreshFix(use, ctx)],
    }));
  },
};

/** Whether the success path of this use of the promise refreshes: in a `.then` / `.finally` handler, or after the `await`. */
function refreshes(use: PromiseUse, ctx: RuleContext): boolean {
  if (use.steps.some(step => (step.name === 'then' || step.name === 'finally') && handlerRefreshes(step.call.arguments[0], ctx))) return true;
  return use.fate === 'awaited' && use.statement !== undefined && refreshesAfter(use.statement, ctx);
}

function refreshFix(use: PromiseUse, ctx: RuleContext): Fix {
  const refresh = ctx.settings.refreshCall;
  const title = `Refresh the UI on success: ${refresh}`;
  const nl = newlineOf(ctx.text);
  if (use.fate === 'awaited' && use.statement) {
    const indent = indentAt(ctx.text, use.statement.getStart(ctx.sourceFile));
    return { title, isPreferred: true, edits: [{ start: use.statement.end, end: use.statement.end, newText: `${nl}${indent}${refresh};` }] };
  }
  const then = use.steps.find(step => step.name === 'then');
  const handler = then?.call.arguments[0];
  if (handler && (ts.isArrowFunction(handler) || ts.isFunctionExpression(handler))) {
    return { title, isPreferred: true, edits: [addToBody(handler, refresh, ctx, nl)] };
  }
  // No success handler to extend: add one before the first .catch / .finally so it runs only on success.
  const firstHandler = use.steps.find(step => step.name !== 'then');
  const at = firstHandler ? firstHandler.access.expression.end : use.top.end;
  return { title, isPreferred: true, edits: [{ start: at, end: at, newText: `.then(() => ${refresh})` }] };
}

function addToBody(handler: ts.ArrowFunction | ts.FunctionExpression, refresh: string, ctx: RuleContext, nl: string): TextEdit {
  const body = handler.body;
  if (!ts.isBlock(body)) {
    return { start: body.getStart(ctx.sourceFile), end: body.end, newText: `{ ${body.getText(ctx.sourceFile)}; ${refresh}; }` };
  }
  const last = body.statements[body.statements.length - 1];
  if (last) {
    const indent = indentAt(ctx.text, last.getStart(ctx.sourceFile));
    return { start: last.end, end: last.end, newText: `${nl}${indent}${refresh};` };
  }
  return { start: body.getStart(ctx.sourceFile), end: body.end, newText: `{ ${refresh}; }` };
}
