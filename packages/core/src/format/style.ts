/**
 * The code style a file is written in, read from the file itself (no editor settings, no config files),
 * so the code a quick fix or a snippet inserts looks like the code around it: `function` or arrow
 * callbacks, tabs or spaces and how many, single or double quotes, semicolons or none, and where lines
 * break. Also the few helpers that write code in that style.
 */
// A plain require: `import * as` would wrap every `ts.X` in one more getter.
import ts = require('typescript');

export interface CodeStyle {
  /** One level of indentation: a tab, or some spaces. */
  readonly indentUnit: string;
  readonly quote: '"' | "'";
  readonly semicolons: boolean;
  /** How the file writes callbacks passed as arguments. */
  readonly callbacks: 'arrow' | 'function';
  readonly newline: '\n' | '\r\n';
  /** Inserted code is broken across lines rather than make a line longer than this. */
  readonly maxLineLength: number;
}

/** What a file too small to tell gets: the style of the API's own documentation examples. */
export const DEFAULT_STYLE: CodeStyle = { indentUnit: '    ', quote: '"', semicolons: true, callbacks: 'arrow', newline: '\n', maxLineLength: 100 };

// "Fix all" asks once per finding about the same file: reading the style once per text keeps it linear.
let lastFile: ts.SourceFile | undefined;
let lastStyle: CodeStyle = DEFAULT_STYLE;

/** The style `sourceFile` is written in; each trait the file does not show keeps its default. */
export function detectStyle(sourceFile: ts.SourceFile): CodeStyle {
  if (sourceFile === lastFile) return lastStyle;
  const text = sourceFile.text;
  const counts = { double: 0, single: 0, withSemi: 0, withoutSemi: 0, arrow: 0, fn: 0 };
  const stack: ts.Node[] = [sourceFile];
  let visited = 0;
  // A sample is enough to know a style; a 50k-line file must not cost a second walk.
  while (stack.length > 0 && visited < 20_000) {
    const node = stack.pop()!;
    visited++;
    if (ts.isStringLiteral(node) && !ts.isImportDeclaration(node.parent) && !ts.isExportDeclaration(node.parent)) {
      if (text[node.getStart(sourceFile)] === "'") counts.single++;
      else counts.double++;
    } else if (isTerminable(node)) {
      if (text[node.end - 1] === ';') counts.withSemi++;
      else counts.withoutSemi++;
    } else if (ts.isArrowFunction(node) && ts.isCallExpression(node.parent)) {
      counts.arrow++;
    } else if (ts.isFunctionExpression(node) && ts.isCallExpression(node.parent)) {
      counts.fn++;
    }
    ts.forEachChild(node, child => {
      stack.push(child);
    });
  }
  lastFile = sourceFile;
  lastStyle = {
    indentUnit: detectIndent(text),
    quote: counts.single > counts.double ? "'" : '"',
    semicolons: counts.withoutSemi <= counts.withSemi || counts.withSemi + counts.withoutSemi === 0,
    callbacks: counts.fn > counts.arrow ? 'function' : 'arrow',
    newline: text.includes('\r\n') ? '\r\n' : '\n',
    maxLineLength: DEFAULT_STYLE.maxLineLength,
  };
  return lastStyle;
}

/** Statements that end with a semicolon in a file that uses them. */
function isTerminable(node: ts.Node): boolean {
  return ts.isExpressionStatement(node) || ts.isVariableStatement(node) || ts.isReturnStatement(node) || ts.isThrowStatement(node);
}

/**
 * The indentation unit: tabs when most indented lines start with one, else the most common step between
 * a line and a deeper next line (2, 4 or 8 spaces).
 */
function detectIndent(text: string): string {
  let tabs = 0;
  let spaced = 0;
  const steps = new Map<number, number>();
  let previous = 0;
  let lines = 0;
  for (const match of text.matchAll(/^([ \t]*)(\S)/gm)) {
    if (++lines > 5000) break;
    const indent = match[1]!;
    if (match[2] === '*') continue; // the body of a /** */ comment is indented by one space
    if (indent.startsWith('\t')) tabs++;
    else if (indent.length > 0) spaced++;
    if (!indent.includes('\t')) {
      const step = indent.length - previous;
      if (step > 0 && step <= 8) steps.set(step, (steps.get(step) ?? 0) + 1);
      previous = indent.length;
    }
  }
  if (tabs > spaced) return '\t';
  let best = 0;
  let bestCount = 0;
  for (const [step, count] of steps) {
    if (count > bestCount || (count === bestCount && step < best)) {
      best = step;
      bestCount = count;
    }
  }
  return best === 0 ? DEFAULT_STYLE.indentUnit : ' '.repeat(best);
}

/** A string literal in the file's quotes. */
export function quoted(style: CodeStyle, value: string): string {
  const q = style.quote;
  return q + value.replace(/\\/g, '\\\\').split(q).join(`\\${q}`) + q;
}

/** An expression written as a statement: with or without its semicolon. */
export function statement(style: CodeStyle, expression: string): string {
  return style.semicolons ? `${expression};` : expression;
}

/**
 * A callback in the file's style, its body as statements (without semicolons), laid out for a line
 * indented by `indent`. An arrow with one statement stays on one line when it fits in `room` characters;
 * everything else gets a block, one statement a line.
 */
export function callback(style: CodeStyle, params: readonly string[], body: readonly string[], indent: string, room = Infinity): string {
  const nl = style.newline;
  const inner = indent + style.indentUnit;
  const lines = body.map(s => `${inner}${statement(style, s)}`).join(nl);
  if (style.callbacks === 'function') return `function (${params.join(', ')}) {${nl}${lines}${nl}${indent}}`;
  const head = params.length === 1 ? params[0]! : `(${params.join(', ')})`;
  if (body.length === 1) {
    const short = `${head} => ${body[0]!}`;
    if (short.length <= room) return short;
  }
  return `${head} => {${nl}${lines}${nl}${indent}}`;
}

/** The whitespace that starts the line holding `offset`. */
export function lineIndent(text: string, offset: number): string {
  const start = lineStart(text, offset);
  let end = start;
  while (end < text.length && (text[end] === ' ' || text[end] === '\t')) end++;
  return text.slice(start, end);
}

/** The offset where the line holding `offset` starts. */
export function lineStart(text: string, offset: number): number {
  let start = offset;
  while (start > 0 && text[start - 1] !== '\n' && text[start - 1] !== '\r') start--;
  return start;
}

/** The offset where the line holding `offset` ends (before its line break). */
export function lineEnd(text: string, offset: number): number {
  let end = offset;
  while (end < text.length && text[end] !== '\n' && text[end] !== '\r') end++;
  return end;
}

/** The width of a line's text, a tab counting as four columns, as the editor shows it. */
export function displayWidth(line: string): number {
  let width = 0;
  for (const ch of line) width += ch === '\t' ? 4 - (width % 4) : 1;
  return width;
}
