/**
 * Small syntax queries the editor features share: the innermost node of a kind at an offset, string
 * literal contents (also unterminated ones, which is what the user has while typing), argument index.
 * Tree descents are loops, not recursion: a chain of thousands of `.then` calls nests as deep.
 */
import * as ts from 'typescript';

const forEachChild = ts.forEachChild;

/** The structural view of a document the features need; `OmnichannelDocument` satisfies it. */
export interface ParsedDocument {
  readonly text: string;
  readonly sourceFile: ts.SourceFile;
}

/**
 * The innermost node satisfying `test` whose token span contains `offset`. `touchEnd` also accepts an
 * offset right at a node's end, where the cursor sits after typing.
 */
export function innermostAt<T extends ts.Node>(
  sourceFile: ts.SourceFile,
  offset: number,
  test: (node: ts.Node) => node is T,
  touchEnd = true,
): T | undefined {
  const holds = (node: ts.Node): boolean => offset >= node.getStart(sourceFile) && (touchEnd ? offset <= node.end : offset < node.end);
  return lastWhere(sourceFile, holds, test);
}

/**
 * The last node in source order that passes `test`, among the nodes that `holds` and whose ancestors all
 * do: the descent enters only nodes that hold, so `holds` says where to look (usually "contains the cursor").
 */
export function lastWhere<T extends ts.Node>(sourceFile: ts.SourceFile, holds: (node: ts.Node) => boolean, test: (node: ts.Node) => node is T): T | undefined {
  let found: T | undefined;
  walk(sourceFile, node => {
    if (!holds(node)) return false;
    if (test(node)) found = node;
    return true;
  });
  return found;
}

/** Visits the nodes below `root` in source order, each before its children; `visit` returns whether to enter a node. */
export function walk(root: ts.Node, visit: (node: ts.Node) => boolean): void {
  const pending: ts.Node[] = [];
  const push = (child: ts.Node): void => {
    pending.push(child);
  };
  const enter = (node: ts.Node): void => {
    const from = pending.length;
    forEachChild(node, push);
    // Reversed on the stack, so nodes come off in source order.
    for (let i = from, j = pending.length - 1; i < j; i++, j--) {
      const first = pending[i]!;
      pending[i] = pending[j]!;
      pending[j] = first;
    }
  };
  enter(root);
  for (let node = pending.pop(); node; node = pending.pop()) {
    if (visit(node)) enter(node);
  }
}

/** Whether a string literal has its closing quote (the parser accepts an unterminated one). */
export function isTerminated(literal: ts.StringLiteralLike, sourceFile: ts.SourceFile): boolean {
  const raw = sourceFile.text.slice(literal.getStart(sourceFile), literal.end);
  if (raw.length < 2 || raw[raw.length - 1] !== raw[0]) return false;
  let backslashes = 0;
  for (let i = raw.length - 2; i > 0 && raw[i] === '\\'; i--) backslashes++;
  return backslashes % 2 === 0;
}

/** The span of a string literal's contents, between its quotes. */
export function contentsSpan(literal: ts.StringLiteralLike, sourceFile: ts.SourceFile): { start: number; end: number } {
  const start = literal.getStart(sourceFile) + 1;
  return { start, end: isTerminated(literal, sourceFile) ? literal.end - 1 : Math.max(start, literal.end) };
}

/** Whether `offset` lies between a call's parentheses (an unclosed call reaches to its end). */
export function insideArguments(call: ts.CallExpression, offset: number, sourceFile: ts.SourceFile): boolean {
  const open = call.arguments.pos; // just after "("
  if (sourceFile.text[open - 1] !== '(') return false;
  const closed = sourceFile.text[call.end - 1] === ')' && call.end - 1 >= open;
  if (offset < open) return false;
  // An unclosed call ends at its last token; the whitespace typed after it still belongs to it.
  return closed ? offset < call.end : offset <= call.end || nextTokenStart(sourceFile.text, call.end) >= offset;
}

/** The index of the argument the cursor is in: the number of top-level commas before it. */
export function argumentIndexAt(call: ts.CallExpression, offset: number, sourceFile: ts.SourceFile): number {
  let index = 0;
  for (const arg of call.arguments) {
    const comma = nextTokenStart(sourceFile.text, arg.end);
    if (sourceFile.text[comma] === ',' && comma < offset) index++;
    else break;
  }
  return index;
}

/** The position of the first non-whitespace, non-comment character at or after `pos`. */
export function nextTokenStart(text: string, pos: number): number {
  let i = pos;
  while (i < text.length) {
    if (/\s/.test(text[i]!)) i++;
    else if (text.startsWith('//', i)) {
      const eol = text.indexOf('\n', i);
      i = eol < 0 ? text.length : eol + 1;
    } else if (text.startsWith('/*', i)) {
      const close = text.indexOf('*/', i + 2);
      i = close < 0 ? text.length : close + 2;
    } else break;
  }
  return i;
}

/** The identifier characters around `offset`: the partial word completion replaces. */
export function wordAt(text: string, offset: number): { start: number; end: number } {
  let start = offset;
  while (start > 0 && isIdentifierChar(text.charCodeAt(start - 1))) start--;
  let end = offset;
  while (end < text.length && isIdentifierChar(text.charCodeAt(end))) end++;
  return { start, end };
}

function isIdentifierChar(code: number): boolean {
  return ts.isIdentifierPart(code, ts.ScriptTarget.Latest);
}
