/**
 * What `omnichannel.refreshCall` may be. Quick fixes (and fix-on-save) insert its text into the user's code
 * and a cloned workspace can set it, so only one plain call passes: a name or member chain, called, whose
 * arguments are literals, names or member chains (`formContext.data.refresh(false)`). Checked on the parse tree.
 */
// A plain require, as in the rest of the core.
import ts = require('typescript');
import { parsedCleanly } from './calls/locate';

const MAX_LENGTH = 500;
/** Names that turn text into running code; no refresh needs them. */
const CODE_RUNNERS = new Set(['eval', 'Function', 'constructor', '__proto__', 'setTimeout', 'setInterval', 'setImmediate', 'execScript', 'require', 'importScripts']);

/** Why `text` is not acceptable as the refresh call (a phrase such as "it is not a call"), or undefined. */
export function refreshCallProblem(text: string): string | undefined {
  if (text.length > MAX_LENGTH) return `it is longer than ${MAX_LENGTH} characters`;
  const file = ts.createSourceFile('refresh-call.js', text, ts.ScriptTarget.Latest, true, ts.ScriptKind.JS);
  if (file.statements.length > 1) return 'it is more than one statement';
  if (!parsedCleanly(file)) return 'it is not valid JavaScript';
  const statement = file.statements[0];
  if (!statement || !ts.isExpressionStatement(statement)) return 'it is not a call';
  return callProblem(statement.expression) ?? triviaProblem(text);
}

function callProblem(e: ts.Expression): string | undefined {
  if (ts.isBinaryExpression(e) && e.operatorToken.kind >= ts.SyntaxKind.FirstAssignment && e.operatorToken.kind <= ts.SyntaxKind.LastAssignment) return 'it assigns a value';
  if (ts.isNewExpression(e)) return 'it creates an object with new';
  if (ts.isArrowFunction(e) || ts.isFunctionExpression(e)) return 'it defines a function';
  if (!ts.isCallExpression(e)) return 'it is not a call';
  for (const [index, argument] of e.arguments.entries()) {
    const problem = argumentProblem(argument);
    if (problem) return `argument ${index + 1} ${problem}`;
  }
  const problem = chainProblem(e.expression, true);
  return problem && `what it calls ${problem}`;
}

/** A name or member chain; with `calls`, a call inside the chain taking no arguments (`getFocusedSession()`). */
function chainProblem(start: ts.Expression, calls: boolean): string | undefined {
  for (let e = start; ; ) {
    if (ts.isIdentifier(e)) return runsCode(e.text);
    if (e.kind === ts.SyntaxKind.ThisKeyword) return undefined;
    if (ts.isPropertyAccessExpression(e) || (ts.isElementAccessExpression(e) && isKey(e.argumentExpression))) {
      const problem = runsCode(ts.isPropertyAccessExpression(e) ? e.name.text : (e.argumentExpression as ts.StringLiteral).text);
      if (problem) return problem;
      e = e.expression;
    } else if (calls && ts.isCallExpression(e)) {
      if (e.arguments.length > 0) return `passes arguments to ${shorten(e.expression.getText())}(…): only the last call may take arguments`;
      e = e.expression;
    } else {
      return calls ? 'is not a name or member chain' : 'is neither a literal, a name nor a member chain such as tab.id';
    }
  }
}

function argumentProblem(argument: ts.Expression): string | undefined {
  if (ts.isStringLiteral(argument) || ts.isNoSubstitutionTemplateLiteral(argument) || ts.isNumericLiteral(argument) || ts.isBigIntLiteral(argument)) return undefined;
  const kind = argument.kind;
  if (kind === ts.SyntaxKind.TrueKeyword || kind === ts.SyntaxKind.FalseKeyword || kind === ts.SyntaxKind.NullKeyword) return undefined;
  if (ts.isPrefixUnaryExpression(argument) && argument.operator === ts.SyntaxKind.MinusToken && ts.isNumericLiteral(argument.operand)) return undefined;
  if (ts.isArrowFunction(argument) || ts.isFunctionExpression(argument)) return 'is a function';
  if (ts.isTemplateExpression(argument)) return 'is a template literal with ${…}';
  return chainProblem(argument, false);
}

function isKey(e: ts.Expression): e is ts.StringLiteral | ts.NoSubstitutionTemplateLiteral | ts.NumericLiteral {
  return ts.isStringLiteralLike(e) || ts.isNumericLiteral(e);
}

function runsCode(name: string): string | undefined {
  return CODE_RUNNERS.has(name) ? `uses ${name}, which can run text as code` : undefined;
}

/** Comments and line breaks: inserted into a line of code, either could change what the code around it means. */
function triviaProblem(text: string): string | undefined {
  const scanner = ts.createScanner(ts.ScriptTarget.Latest, false, ts.LanguageVariant.Standard, text);
  for (let token = scanner.scan(); token !== ts.SyntaxKind.EndOfFileToken; token = scanner.scan()) {
    if (token === ts.SyntaxKind.SingleLineCommentTrivia || token === ts.SyntaxKind.MultiLineCommentTrivia) return 'it contains a comment';
    if (token === ts.SyntaxKind.NewLineTrivia) return 'it spans more than one line';
  }
  return undefined;
}

function shorten(text: string): string {
  return text.length > 40 ? `${text.slice(0, 39)}…` : text;
}
