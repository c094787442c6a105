/** Small text helpers shared by fixes: indentation, the range a finding underlines. */
// A plain require: `import * as` would wrap every `ts.X` in one more getter, and this runs per call.
import ts = require('typescript');
import { unwrap, type ApiCall } from '../../calls';
import { lineAt } from '../../document';

/** The whitespace that starts the line holding `offset` (the style module's reading). */
export { lineIndent as indentAt } from '../../format/style';

// "Fix all" asks once per finding about the same text: scanning a large file each time made it quadratic.
let lastText: string | undefined;
let lastNewline = '\n';

/** The line break style the text uses (CRLF when it has any), for the lines a fix inserts. */
export function newlineOf(text: string): string {
  if (text !== lastText) {
    lastText = text;
    lastNewline = text.includes('\r\n') ? '\r\n' : '\n';
  }
  return lastNewline;
}

/** Where a call-level finding is underlined: the member name when it lies in the call, else the callee. */
export function callSpan(call: ApiCall, sourceFile: ts.SourceFile): { start: number; end: number } {
  const member = call.memberNode;
  const inside = member.pos >= call.node.pos && member.end <= call.node.end;
  return spanOf(inside ? member : call.node.expression, sourceFile);
}

/** Where a finding on a call of the user's own function is underlined: the function's name (`linkCase`, `this.linkCase`). */
export function calleeSpan(call: ts.CallExpression, sourceFile: ts.SourceFile): { start: number; end: number } {
  const callee = unwrap(call.expression);
  return spanOf(ts.isPropertyAccessExpression(callee) ? callee.name : callee, sourceFile);
}

/** The name a call is written with, for messages: `linkCase` for `linkCase(id)` and `this.linkCase(id)`. */
export function calleeName(call: ts.CallExpression): string {
  const callee = unwrap(call.expression);
  const name = ts.isPropertyAccessExpression(callee) ? callee.name.text : ts.isIdentifier(callee) ? callee.text : undefined;
  return name ?? 'this call';
}

/** The 1-based line of a recognised call, for messages that point back at it. */
export function lineOf(call: ApiCall, ctx: { readonly sourceFile: ts.SourceFile }): number {
  return lineAt(ctx.sourceFile, call.node.getStart(ctx.sourceFile)) + 1;
}

/** The span of a node without its leading trivia. */
export function spanOf(node: ts.Node, sourceFile: ts.SourceFile): { start: number; end: number } {
  return { start: node.getStart(sourceFile), end: node.end };
}

/** Replaces a string literal's contents, keeping its quotes. */
export function replaceLiteralText(node: ts.StringLiteral | ts.NoSubstitutionTemplateLiteral, sourceFile: ts.SourceFile, value: string) {
  const { start, end } = literalContent(node, sourceFile);
  return { start, end, newText: escapeFor(sourceFile.text[start - 1] ?? '"', value) };
}

/** The span between a literal's quotes (to the end of the node when the closing quote is missing). */
export function literalContent(node: ts.Node, sourceFile: ts.SourceFile): { start: number; end: number } {
  const open = node.getStart(sourceFile);
  const quote = sourceFile.text[open];
  const closed = node.end - 1 > open && sourceFile.text[node.end - 1] === quote;
  return { start: Math.min(open + 1, node.end), end: closed ? node.end - 1 : node.end };
}

function escapeFor(quote: string, value: string): string {
  return value.replace(/\\/g, '\\\\').split(quote).join(`\\${quote}`);
}
