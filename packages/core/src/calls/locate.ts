/**
 * Finds the nodes that spell a given name by searching the file's TEXT and descending the tree only at
 * the positions found (O(depth) each), instead of visiting every node: call recognition then costs in
 * proportion to how often the API's names appear, not to the size of the file.
 */
// A plain require: `import * as` would wrap every `ts.X` in one more getter, and this runs per call.
import ts = require('typescript');

// Read once: through the module object every `ts.X` access is a getter call, and these run per occurrence.
const forEachChild = ts.forEachChild;
const K_IDENTIFIER = ts.SyntaxKind.Identifier;
const K_STRING = ts.SyntaxKind.StringLiteral;
const K_TEMPLATE = ts.SyntaxKind.NoSubstitutionTemplateLiteral;
const K_BLOCK = ts.SyntaxKind.Block;
const K_EXPRESSION_STATEMENT = ts.SyntaxKind.ExpressionStatement;
const K_PARENTHESIZED = ts.SyntaxKind.ParenthesizedExpression;
const K_PROPERTY_ACCESS = ts.SyntaxKind.PropertyAccessExpression;
const K_CALL = ts.SyntaxKind.CallExpression;
const K_FUNCTION_DECLARATION = ts.SyntaxKind.FunctionDeclaration;
const K_FUNCTION_EXPRESSION = ts.SyntaxKind.FunctionExpression;
const K_ARROW = ts.SyntaxKind.ArrowFunction;
const K_METHOD = ts.SyntaxKind.MethodDeclaration;
const K_TRY = ts.SyntaxKind.TryStatement;
const K_AWAIT = ts.SyntaxKind.AwaitExpression;
const K_RETURN = ts.SyntaxKind.ReturnStatement;
const K_VARIABLE_STATEMENT = ts.SyntaxKind.VariableStatement;
const K_VARIABLE_LIST = ts.SyntaxKind.VariableDeclarationList;
const K_VARIABLE = ts.SyntaxKind.VariableDeclaration;

/** Which occurrences a search keeps. */
export interface OccurrenceFilter {
  /** Also string literals whose text is the name (`Microsoft["Omnichannel"]`, `{ "Omnichannel": oc }`). */
  readonly strings?: boolean;
  /**
   * Skip occurrences that cannot be a declared name: a property after `.`, or an object before `.`.
   * Only trusted in a file without syntax errors: error recovery can turn `a.Microsoft.b` into declarations.
   */
  readonly declarationsOnly?: boolean;
  /**
   * Narrower still: skip names that cannot be bound to a value either, judged by the character after
   * them (`id)`, `id;`, `id.x`, `id =>`): a variable with a value is followed by `=`, `:` or `!`, a
   * destructured one by `,`, `}` or `=`, a function declaration's name by `(` after `function`. Same
   * trust rule as `declarationsOnly`.
   */
  readonly valuesOnly?: boolean;
  /** Only occurrences wholly inside [from, to). */
  readonly within?: { readonly from: number; readonly to: number };
}

/** Past this many names, `occurrences` finds them all in one pass of a pattern instead of one scan each. */
const MANY_NAMES = 4;

/**
 * Every identifier (and, if asked, string literal) whose text is exactly one of `names`, in source order.
 * Occurrences in comments, regular expressions, template text or inside longer words find no such node.
 * Several names are searched in one sweep: neighbouring occurrences share most of their descent.
 */
export function occurrences(sourceFile: ts.SourceFile, names: string | readonly string[], filter: OccurrenceFilter = {}): ts.Node[] {
  const text = sourceFile.text;
  const clean = (filter.declarationsOnly === true || filter.valuesOnly === true) && parsedCleanly(sourceFile);
  const skipMembers = clean;
  const skipNonValues = clean && filter.valuesOnly === true;
  const wanted = (typeof names === 'string' ? [names] : names).filter(name => name.length > 0);
  const from = filter.within?.from ?? 0;
  const to = filter.within?.to ?? text.length;
  // Candidate offsets, each with the name found there; sorted when several names were searched.
  const hits: { at: number; name: string }[] = [];
  const consider = (at: number, name: string): void => {
    const length = name.length;
    // The name must stand alone: a longer identifier around it is another name.
    if (isIdentifierPart(text.charCodeAt(at - 1)) || isIdentifierPart(text.charCodeAt(at + length))) return;
    if (skipMembers && (isMemberDot(text, at) || nextNonSpace(text, at + length) === 46 /* . */)) return;
    if (skipNonValues && cannotHoldValue(text, at + length) && !afterFunctionKeyword(text, at)) return;
    hits.push({ at, name });
  };
  if (wanted.length > MANY_NAMES) {
    // One pass for all: a scan of the whole text per name costs more than one alternation past a few names.
    // Longest first: at `abc`, the alternative `ab` would match first and be dropped as part of a longer word.
    const alternatives = [...wanted].sort((a, b) => b.length - a.length).map(name => name.replace(/[$\\]/g, '\\$&'));
    const pattern = new RegExp(alternatives.join('|'), 'g');
    pattern.lastIndex = from;
    for (let m = pattern.exec(text); m && m.index + m[0].length <= to; m = pattern.exec(text)) {
      consider(m.index, m[0]);
      // Another name may start inside this match (`ab` and `b`): a name that stands alone cannot, so go on after it.
    }
  } else {
    for (const name of wanted) {
      for (let at = text.indexOf(name, from); at >= 0 && at + name.length <= to; at = text.indexOf(name, at + name.length)) consider(at, name);
    }
    if (wanted.length > 1) hits.sort((x, y) => x.at - y.at);
  }
  const found: ts.Node[] = [];
  const descender = new Descender(sourceFile);
  for (const { at, name } of hits) {
    const node = descender.tokenAt(at);
    if (!node) continue;
    const kind = node.kind;
    if (kind === K_IDENTIFIER ? (node as ts.Identifier).text === name
      : filter.strings === true && (kind === K_STRING || kind === K_TEMPLATE) && (node as ts.StringLiteral).text === name) {
      found.push(node);
    }
  }
  return found;
}

/**
 * Descends to the deepest node whose range (leading trivia included) holds a position. Positions asked in
 * increasing order reuse the previous path: the next occurrence usually lies in the same function.
 */
export class Descender {
  private readonly path: ts.Node[];
  private pos = 0;
  private readonly inNode = (child: ts.Node): ts.Node | undefined => (child.pos <= this.pos && this.pos < child.end ? child : undefined);
  // Lists are sorted and do not overlap: a binary search keeps a 10,000-statement block cheap.
  private readonly inList = (list: ts.NodeArray<ts.Node>): ts.Node | undefined => {
    const pos = this.pos;
    let low = 0;
    let high = list.length - 1;
    while (low <= high) {
      const mid = (low + high) >> 1;
      const child = list[mid]!;
      if (pos < child.pos) high = mid - 1;
      else if (pos >= child.end) low = mid + 1;
      else return child;
    }
    return undefined;
  };

  constructor(sourceFile: ts.SourceFile) {
    this.path = [sourceFile];
  }

  /** The deepest node holding `pos`; undefined when no node below the file does. */
  tokenAt(pos: number): ts.Node | undefined {
    this.pos = pos;
    const path = this.path;
    while (path.length > 1 && !(path[path.length - 1]!.pos <= pos && pos < path[path.length - 1]!.end)) path.pop();
    for (;;) {
      const child: ts.Node | undefined = this.childAt(path[path.length - 1]!);
      if (!child) return path.length > 1 ? path[path.length - 1] : undefined;
      path.push(child);
    }
  }

  /**
   * The child holding the position. The kinds most paths run through read their fields directly (the same
   * children, in the same order, as `forEachChild` visits); the rest go through `forEachChild`. Children
   * never overlap, so trying first the child most positions fall in (a function's body, a variable's
   * value) finds the same one.
   */
  private childAt(node: ts.Node): ts.Node | undefined {
    switch (node.kind) {
      case K_IDENTIFIER:
      case K_STRING:
        return undefined; // leaves
      case K_FUNCTION_DECLARATION:
      case K_FUNCTION_EXPRESSION:
      case K_ARROW:
      case K_METHOD: {
        const body = (node as ts.FunctionLikeDeclarationBase).body;
        return (body && this.inNode(body)) ?? forEachChild(node, this.inNode, this.inList);
      }
      case K_VARIABLE: {
        const initializer = (node as ts.VariableDeclaration).initializer;
        return (initializer && this.inNode(initializer)) ?? forEachChild(node, this.inNode, this.inList);
      }
      case K_TRY: {
        const statement = node as ts.TryStatement;
        return this.inNode(statement.tryBlock) ?? (statement.catchClause && this.inNode(statement.catchClause))
          ?? (statement.finallyBlock && this.inNode(statement.finallyBlock));
      }
      case K_VARIABLE_STATEMENT: {
        const statement = node as ts.VariableStatement;
        return this.inNode(statement.declarationList) ?? (statement.modifiers && this.inList(statement.modifiers));
      }
      case K_VARIABLE_LIST:
        return this.inList((node as ts.VariableDeclarationList).declarations);
      case K_AWAIT:
        return this.inNode((node as ts.AwaitExpression).expression);
      case K_RETURN: {
        const expression = (node as ts.ReturnStatement).expression;
        return expression && this.inNode(expression);
      }
      case K_BLOCK:
        return this.inList((node as ts.Block).statements);
      case K_EXPRESSION_STATEMENT:
      case K_PARENTHESIZED:
        return this.inNode((node as ts.ExpressionStatement).expression);
      case K_PROPERTY_ACCESS: {
        const access = node as ts.PropertyAccessExpression;
        return this.inNode(access.expression) ?? (access.questionDotToken && this.inNode(access.questionDotToken)) ?? this.inNode(access.name);
      }
      case K_CALL: {
        const call = node as ts.CallExpression;
        return this.inNode(call.expression) ?? (call.questionDotToken && this.inNode(call.questionDotToken))
          ?? (call.typeArguments && this.inList(call.typeArguments)) ?? this.inList(call.arguments);
      }
      default:
        return forEachChild(node, this.inNode, this.inList);
    }
  }
}

/** Whether the parser reported no syntax error (an internal field: when it is missing, assume errors). */
export function parsedCleanly(sourceFile: ts.SourceFile): boolean {
  const diagnostics = (sourceFile as { readonly parseDiagnostics?: readonly unknown[] }).parseDiagnostics;
  return diagnostics !== undefined && diagnostics.length === 0;
}

/** A `.` right before the name (`a.name`, `a?.name`), but not the spread `...name`. */
function isMemberDot(text: string, at: number): boolean {
  let i = at - 1;
  while (i >= 0 && isSpace(text.charCodeAt(i))) i--;
  return text.charCodeAt(i) === 46 && text.charCodeAt(i - 1) !== 46;
}

/** Characters that never follow a name bound to a value; anything else (comments, odd spaces) is looked at. */
const NOT_AFTER_VALUE = new Set([...')];.([+-*%&|^?<>'].map(c => c.charCodeAt(0)));

function cannotHoldValue(text: string, end: number): boolean {
  let i = end;
  while (i < text.length && isSpace(text.charCodeAt(i))) i++;
  const c = text.charCodeAt(i);
  if (c === 61 /* = */) {
    const next = text.charCodeAt(i + 1);
    return next === 61 || next === 62; // `==`, `===`, `=>`
  }
  return NOT_AFTER_VALUE.has(c);
}

/** `function name`, `function* name`: a declaration whose calls may yield the API. */
function afterFunctionKeyword(text: string, at: number): boolean {
  let i = at - 1;
  while (i >= 0 && (isSpace(text.charCodeAt(i)) || text.charCodeAt(i) === 42 /* * */)) i--;
  return i >= 7 && text.startsWith('function', i - 7) && !isIdentifierPart(text.charCodeAt(i - 8));
}

function nextNonSpace(text: string, from: number): number {
  let i = from;
  while (i < text.length && isSpace(text.charCodeAt(i))) i++;
  return text.charCodeAt(i);
}

function isSpace(c: number): boolean {
  return c === 32 || c === 9 || c === 10 || c === 13;
}

/** ASCII identifier characters; anything non-ASCII counts too, so a Unicode identifier is never split. */
function isIdentifierPart(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c === 36 || c === 95 || c === 92 || c > 127;
}

/** The node of `kind` spanning exactly [pos, end) in a parsed file, if there is one. */
export function nodeAt(descender: Descender, pos: number, end: number, kind: ts.SyntaxKind): ts.Node | undefined {
  for (let n = descender.tokenAt(pos); n; n = n.parent) {
    if (n.pos === pos && n.end === end && n.kind === kind) return n;
    if (n.pos < pos || n.end > end) return undefined;
  }
  return undefined;
}
