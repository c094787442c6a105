/**
 * Lenient JSON parsing that keeps positions: comments and trailing commas are accepted (people edit
 * these files by hand, and VS Code's JSON editor tolerates both), real syntax errors are reported
 * with line and column, and any value can be traced back to where it is written. Text nested deeper
 * than `MAX_NESTING` is reported without being parsed.
 */
import { parseTree, getNodeValue, printParseErrorCode, type Node, type ParseError, type ParseErrorCode } from 'jsonc-parser';
import { tooDeepMessage, tooDeepOffset } from './depth';
import { fileProblem, formatField, type ConfigProblem, type FileLocation } from './problem';

/** A parsed file: its value, its syntax tree (for positions) and its syntax errors. */
export interface ParsedJson {
  readonly file: string;
  readonly text: string;
  readonly root: Node | undefined;
  /** Offsets where each line starts, computed once for every problem's line and column. */
  readonly lines: readonly number[];
  readonly value: unknown;
  readonly syntaxErrors: ConfigProblem[];
}

const SYNTAX_PHRASES: Partial<Record<string, string>> = {
  InvalidSymbol: 'unexpected character',
  InvalidNumberFormat: 'invalid number',
  PropertyNameExpected: 'expected a property name in double quotes',
  ValueExpected: 'expected a value',
  ColonExpected: 'expected ":" after the property name',
  CommaExpected: 'expected "," between values',
  CloseBraceExpected: 'expected "}" to close the object',
  CloseBracketExpected: 'expected "]" to close the array',
  EndOfFileExpected: 'unexpected text after the end of the JSON value',
  InvalidCommentToken: 'invalid comment',
  UnexpectedEndOfComment: 'unterminated comment: close it with */',
  UnexpectedEndOfString: 'unterminated string: close it with "',
  UnexpectedEndOfNumber: 'incomplete number',
  InvalidUnicode: 'invalid \\u escape',
  InvalidEscapeCharacter: 'invalid escape sequence',
  InvalidCharacter: 'control character inside a string: escape it (\\n, \\t)',
};

export function parseJsonFile(text: string, file: string): ParsedJson {
  const lines = lineStarts(text);
  // Checked first: the parser and everything that walks its tree recurse once per level.
  const deep = tooDeepAt(text, file);
  if (deep) {
    return { file, text, root: undefined, lines, value: undefined, syntaxErrors: [fileProblem(deep, '', `${tooDeepMessage(`at line ${deep.line}, column ${deep.column}`)}.`)] };
  }
  const errors: ParseError[] = [];
  const root = parseTree(text, errors, { allowTrailingComma: true, disallowComments: false, allowEmptyContent: false });
  const empty = text.trim() === '';
  const syntaxErrors = empty
    ? [fileProblem(locate(lines, file, 0, 0), '', 'the file is empty: it must contain a JSON object.')]
    : errors.map(e => fileProblem(locate(lines, file, e.offset, e.length), '', `JSON syntax error: ${syntaxPhrase(e.error)}.`));
  return { file, text, root, lines, value: root ? getNodeValue(root) : undefined, syntaxErrors };
}

/** Where JSON text first opens a level beyond `MAX_NESTING`; undefined when it stays within it. */
export function tooDeepAt(text: string, file = ''): FileLocation | undefined {
  const offset = tooDeepOffset(text);
  return offset === undefined ? undefined : locate(lineStarts(text), file, offset, 1);
}

function syntaxPhrase(code: ParseErrorCode): string {
  const name = printParseErrorCode(code);
  return SYNTAX_PHRASES[name] ?? name;
}

/** The node at a path, walking arrays by index and objects by key; undefined when absent. */
function nodeAt(root: Node | undefined, segments: readonly (string | number)[]): Node | undefined {
  let node = root;
  for (const segment of segments) {
    if (!node) return undefined;
    if (node.type === 'array') {
      node = node.children?.[Number(segment)];
    } else if (node.type === 'object') {
      const property = node.children?.find(p => p.children?.[0]?.value === String(segment));
      node = property?.children?.[1];
    } else {
      return undefined;
    }
  }
  return node;
}

/** The key node of a property (`"statuscode"` in `"statuscode": 2`), for "remove this property". */
function propertyKeyAt(root: Node | undefined, objectSegments: readonly (string | number)[], key: string): Node | undefined {
  const object = nodeAt(root, objectSegments);
  return object?.children?.find(p => p.children?.[0]?.value === key)?.children?.[0];
}

/**
 * A problem located at the value `segments` point to (or the closest existing parent when the
 * value is missing), or at a property's key when `key` is given.
 */
export function problemAt(parsed: ParsedJson, segments: readonly (string | number)[], message: string, key?: string): ConfigProblem {
  let node = key === undefined ? undefined : propertyKeyAt(parsed.root, segments, key);
  for (let depth = segments.length; !node && depth >= 0; depth--) node = nodeAt(parsed.root, segments.slice(0, depth));
  node ??= parsed.root;
  const fieldSegments = key === undefined ? segments : [...segments, key];
  const location = locate(parsed.lines, parsed.file, node?.offset ?? 0, node?.length ?? 0);
  return fileProblem(location, formatField(fieldSegments), message);
}

function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10) starts.push(i + 1);
    else if (c === 13) {
      if (text.charCodeAt(i + 1) === 10) i++;
      starts.push(i + 1);
    }
  }
  return starts;
}

function locate(starts: readonly number[], file: string, offset: number, length: number): FileLocation {
  let low = 0;
  let high = starts.length - 1;
  while (low < high) {
    const mid = (low + high + 1) >> 1;
    if (starts[mid] <= offset) low = mid;
    else high = mid - 1;
  }
  return { file, line: low + 1, column: offset - starts[low] + 1, offset, length };
}
