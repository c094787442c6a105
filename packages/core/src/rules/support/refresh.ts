/**
 * Recognises UI refreshes: the catalogue's refresh calls (`Microsoft.Apm.refreshTab`,
 * `…getFocusedTab().refresh()`, `formContext.data.refresh`…), the user's own refresh functions, and the
 * callee of the configured `refreshCall` (so the quick fix that inserts it clears its own warning).
 */
// A plain require: `import * as` would wrap every `ts.X` in one more getter, and this runs per call.
import ts = require('typescript');
import { REFRESH_PATTERNS } from '../../catalogue';
import { GLOBALS } from '../../calls';
import type { RuleContext } from '../types';
import { isStatementList } from './promise-use';
import { noteName, noteNode } from '../../reads';

const CATALOGUE_PATTERNS: readonly (readonly string[])[] = REFRESH_PATTERNS.map(p => p.path.split('.'));

/** Whether a call refreshes the UI. */
export function isRefreshCall(call: ts.CallExpression, ctx: RuleContext): boolean {
  const recognised = ctx.callAt(call);
  if (recognised) return recognised.namespace === 'Microsoft.Apm' && recognised.member === 'refreshTab';
  const path = calleePath(call.expression, ctx);
  return path !== undefined && matchesRefresh(path, ctx);
}

/** Whether a function reference handed to `.then` is a refresh (`.then(refreshCaseTab)`). */
export function isRefreshReference(expr: ts.Expression, ctx: RuleContext): boolean {
  const path = calleePath(expr, ctx);
  return path !== undefined && matchesRefresh(path, ctx);
}

/** Whether a handler passed to `.then` / `.finally` refreshes: a function whose body refreshes, or a refresh reference. */
export function handlerRefreshes(handler: ts.Expression | undefined, ctx: RuleContext): boolean {
  if (!handler) return false;
  if (ts.isArrowFunction(handler) || ts.isFunctionExpression(handler)) return containsRefresh(handler.body, ctx);
  return isRefreshReference(handler, ctx) || refreshingLocalFunction(handler, ctx);
}

/** Whether any call inside `node` (nested callbacks included) refreshes. */
export function containsRefresh(node: ts.Node, ctx: RuleContext): boolean {
  const stack: ts.Node[] = [node];
  while (stack.length > 0) {
    const n = stack.pop()!;
    if (ts.isCallExpression(n) && isRefreshCall(n, ctx)) return true;
    ts.forEachChild(n, child => {
      stack.push(child);
    });
  }
  return false;
}

/**
 * Whether the code that runs after `statement` in its function (the rest of each enclosing block, and a
 * `finally` block) refreshes. A `catch` block is skipped: it runs on failure.
 */
export function refreshesAfter(statement: ts.Statement, ctx: RuleContext): boolean {
  let node: ts.Node = statement;
  while (node.parent && !ts.isFunctionLike(node)) {
    const parent: ts.Node = node.parent;
    if (isStatementList(parent)) {
      const statements = parent.statements as readonly ts.Node[];
      for (let i = statements.indexOf(node) + 1; i < statements.length; i++) {
        if (containsRefresh(statements[i]!, ctx)) return true;
      }
    } else if (ts.isTryStatement(parent) && parent.tryBlock === node && parent.finallyBlock && containsRefresh(parent.finallyBlock, ctx)) {
      return true;
    }
    node = parent;
  }
  return false;
}

/** `.then(onLinked)` where `function onLinked() { …refresh… }` is declared at the file's top level or in the same block. */
function refreshingLocalFunction(handler: ts.Expression, ctx: RuleContext): boolean {
  if (!ts.isIdentifier(handler)) return false;
  noteName(handler.text); // a function of that name declared anywhere around decides
  for (let n: ts.Node | undefined = handler.parent; n; n = n.parent) {
    if (!isStatementList(n)) continue;
    for (const statement of n.statements as readonly ts.Statement[]) {
      if (ts.isFunctionDeclaration(statement) && statement.name?.text === handler.text && statement.body) {
        noteNode(statement);
        return containsRefresh(statement.body, ctx);
      }
    }
  }
  return false;
}

/**
 * The dotted path of a callee, `()` marking an intermediate call and global prefixes dropped:
 * `window.Microsoft.Apm.getFocusedSession().getFocusedTab().refresh` → Microsoft, Apm, getFocusedSession(), getFocusedTab(), refresh.
 * A recognised API call inside (through an alias) is spelt canonically.
 */
function calleePath(expr: ts.Expression, ctx: RuleContext): string[] | undefined {
  const reversed: string[] = [];
  let e: ts.Expression = expr;
  for (let hops = 0; hops < 32; hops++) {
    while (ts.isParenthesizedExpression(e) || ts.isNonNullExpression(e)) e = e.expression;
    if (ts.isPropertyAccessExpression(e)) {
      reversed.push(e.name.text);
      e = e.expression;
    } else if (ts.isElementAccessExpression(e) && (ts.isStringLiteral(e.argumentExpression) || ts.isNoSubstitutionTemplateLiteral(e.argumentExpression))) {
      reversed.push(e.argumentExpression.text);
      e = e.expression;
    } else if (ts.isCallExpression(e)) {
      const api = ctx.callAt(e);
      if (api) {
        reversed.push(`${api.member}()`, ...api.namespace.split('.').reverse());
        return reversed.reverse();
      }
      const inner = calleePath(e.expression, ctx);
      if (!inner) return undefined;
      inner[inner.length - 1] += '()';
      return [...inner, ...reversed.reverse()];
    } else if (ts.isIdentifier(e) || e.kind === ts.SyntaxKind.ThisKeyword) {
      reversed.push(ts.isIdentifier(e) ? e.text : 'this');
      const path = reversed.reverse();
      while (path.length > 1 && GLOBALS.has(path[0]!)) path.shift();
      return path;
    } else {
      return undefined;
    }
  }
  return undefined;
}

function matchesRefresh(path: readonly string[], ctx: RuleContext): boolean {
  for (const pattern of CATALOGUE_PATTERNS) {
    if (pattern.length === path.length && pattern.every((seg, i) => seg === path[i] || (seg === '*' && !path[i]!.endsWith('()')))) return true;
  }
  for (const name of ctx.settings.refreshFunctions) {
    // `refreshCaseTab` also matches `this.refreshCaseTab` and `helpers.refreshCaseTab`: the user named the function.
    if (endsWith(path, name.split('.'))) return true;
  }
  const configured = refreshCallPath(ctx.settings.refreshCall);
  return configured !== undefined && endsWith(path, configured);
}

function endsWith(path: readonly string[], segments: readonly string[]): boolean {
  if (segments.length > path.length) return false;
  const offset = path.length - segments.length;
  return segments.every((seg, i) => seg === path[offset + i]);
}

// The setting rarely changes, and this runs per call: keep the last one parsed.
let lastRefreshCall: string | undefined;
let lastRefreshPath: readonly string[] | undefined;

/**
 * The callee path of the `refreshCall` setting (`Utils.refreshUi()` → Utils, refreshUi), spelt as
 * `calleePath` spells code; undefined when the setting is not a call.
 */
function refreshCallPath(refreshCall: string): readonly string[] | undefined {
  if (refreshCall === lastRefreshCall) return lastRefreshPath;
  lastRefreshCall = refreshCall;
  lastRefreshPath = undefined;
  const file = ts.createSourceFile('refresh-call.js', refreshCall, ts.ScriptTarget.Latest, false, ts.ScriptKind.JS);
  const statement = file.statements.length === 1 ? file.statements[0] : undefined;
  if (!statement || !ts.isExpressionStatement(statement)) return undefined;
  let e: ts.Expression = statement.expression;
  while (ts.isParenthesizedExpression(e) || ts.isAwaitExpression(e) || ts.isVoidExpression(e)) e = e.expression;
  if (!ts.isCallExpression(e)) return undefined;
  const path = plainCalleePath(e.expression);
  while (path && path.length > 1 && GLOBALS.has(path[0]!)) path.shift();
  lastRefreshPath = path;
  return lastRefreshPath;
}

/** `calleePath` for text outside the analysed file: no API recognition, same spelling otherwise. */
function plainCalleePath(expr: ts.Expression): string[] | undefined {
  while (ts.isParenthesizedExpression(expr) || ts.isNonNullExpression(expr)) expr = expr.expression;
  if (ts.isIdentifier(expr)) return [expr.text];
  if (expr.kind === ts.SyntaxKind.ThisKeyword) return ['this'];
  let name: string;
  if (ts.isPropertyAccessExpression(expr)) {
    name = expr.name.text;
  } else if (ts.isElementAccessExpression(expr) && (ts.isStringLiteral(expr.argumentExpression) || ts.isNoSubstitutionTemplateLiteral(expr.argumentExpression))) {
    name = expr.argumentExpression.text;
  } else if (ts.isCallExpression(expr)) {
    const inner = plainCalleePath(expr.expression);
    if (inner) inner[inner.length - 1] += '()';
    return inner;
  } else {
    return undefined;
  }
  const head = plainCalleePath(expr.expression);
  head?.push(name);
  return head;
}
