/** A link or unlink whose success path never refreshes the UI: the change is saved but the agent does not see it until a refresh. */
// A plain require: `import * as` would wrap every `ts.X` in one more getter, and this runs per call.
import ts = require('typescript');
import type { Fix, TextEdit } from '../types';
import { isLinkCall } from './support/methods';
import { droppedAt } from './support/outcome';
import type { PromiseUse } from './support/promise-use';
import { handlerRefreshes, refreshesAfter } from './support/refresh';
import { calleeName, calleeSpan, callSpan, lineOf } from './support/text';
import { chainStep } from './support/layout';
import { detectStyle, lineIndent, statement, type CodeStyle } from '../format/style';
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
        ? `Refresh the UI on success: ${call.member} only changes the database.`
        : `Refresh the UI after ${calleeName(at)}(…): its ${call.member} only changes the database.`,
      detail: (at === call.node
        ? `${call.member} only changes the database: the agent sees the change after the UI refreshes, and nothing refreshes it on success.`
        : `${calleeName(at)}(…) resolves when ${call.member} (line ${lineOf(call, ctx)}) has only changed the database, and nothing refreshes the UI after it here.`) +
        ` Call \`${ctx.settings.refreshCall}\` when the promise resolves.`,
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
  const style = detectStyle(ctx.sourceFile);
  const nl = style.newline;
  if (use.fate === 'awaited' && use.statement) {
    const indent = lineIndent(ctx.text, use.statement.getStart(ctx.sourceFile));
    return { title, isPreferred: true, edits: [{ start: use.statement.end, end: use.statement.end, newText: `${nl}${indent}${statement(style, refresh)}` }] };
  }
  const then = use.steps.find(step => step.name === 'then');
  const handler = then?.call.arguments[0];
  if (handler && (ts.isArrowFunction(handler) || ts.isFunctionExpression(handler))) {
    return { title, isPreferred: true, edits: [addToBody(handler, refresh, ctx, style)] };
  }
  // No success handler to extend: add one before the first .catch / .finally so it runs only on success.
  const firstHandler = use.steps.find(step => step.name !== 'then');
  const at = firstHandler ? firstHandler.access.expression.end : use.top.end;
  return { title, isPreferred: true, edits: [chainStep(ctx, style, at, 'then', [], [refresh], firstHandler !== undefined)] };
}

/** Adds the refresh as the handler's last statement, turning an expression body into a block, one statement a line. */
function addToBody(handler: ts.ArrowFunction | ts.FunctionExpression, refresh: string, ctx: RuleContext, style: CodeStyle): TextEdit {
  const sf = ctx.sourceFile;
  const nl = style.newline;
  const body = handler.body;
  const indent = lineIndent(ctx.text, handler.getStart(sf));
  const inner = indent + style.indentUnit;
  const block = (statements: readonly string[]): string => `{${nl}${statements.map(s => inner + s).join(nl)}${nl}${indent}}`;
  if (!ts.isBlock(body)) {
    return { start: body.getStart(sf), end: body.end, newText: block([statement(style, body.getText(sf)), statement(style, refresh)]) };
  }
  const last = body.statements[body.statements.length - 1];
  const oneLine = !/[\r\n]/.test(ctx.text.slice(body.getStart(sf), body.end));
  if (last && !oneLine) {
    const lastIndent = lineIndent(ctx.text, last.getStart(sf));
    return { start: last.end, end: last.end, newText: `${nl}${lastIndent}${statement(style, refresh)}` };
  }
  // `{}` or `{ a(); b(); }`: written out as a block, one statement a line.
  const statements = body.statements.map(s => s.getText(sf));
  return { start: body.getStart(sf), end: body.end, newText: block([...statements, statement(style, refresh)]) };
}
