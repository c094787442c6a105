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

/** A statement of a list, as offsets. */
export interface StatementSpan {
  readonly kind: ts.SyntaxKind;
  readonly pos: number;
  readonly end: number;
}

/** How far around the statements an edit touches their declarations are read: an edit can join statements. */
const WINDOW = 8;

/**
 * The innermost statement list (a block or the file) holding an edit, as offsets, read before the edit:
 * every statement's span, and for the statements near the edit the names they declare for the code around
 * them (their variables, functions and classes; nothing inside a function).
 */
export interface StatementList {
  readonly pos: number;
  readonly end: number;
  readonly kind: ts.SyntaxKind;
  readonly spans: readonly StatementSpan[];
  /** The statements whose declarations were read: [first, last]. */
  readonly first: number;
  readonly last: number;
  readonly declared: readonly (readonly string[])[];
  /** The list starts with a directive (`"use strict"`). */
  readonly directive: boolean;
}

/** The list holding [start, end), with the declarations near it; undefined when no list's statements hold it. */
export function statementsAround(sourceFile: ts.SourceFile, start: number, end: number): StatementList | undefined {
  const list = listAt(sourceFile, start, end, undefined);
  if (!list) return undefined;
  const statements = list.statements;
  let touched = statements.findIndex(s => s.end >= start);
  if (touched < 0) touched = statements.length - 1;
  const first = Math.max(0, touched - 2);
  let last = touched;
  while (last + 1 < statements.length && statements[last + 1]!.pos <= end) last++;
  last = Math.min(statements.length - 1, last + WINDOW);
  const declared: string[][] = [];
  for (let i = first; i <= last; i++) {
    const names: string[] = (declared[i - first] = []);
    declaredIn(statements[i]!, name => names.push(name));
  }
  return {
    pos: list.pos, end: list.end, kind: list.kind, first, last, declared,
    spans: statements.map(s => ({ kind: s.kind, pos: s.pos, end: s.end })),
    directive: isDirective(statements[0]),
  };
}

/** The statements an edit changed: [from, to) before it and [from, newTo) after it, and the names they declare. */
export interface ChangedRun {
  readonly from: number;
  readonly to: number;
  readonly newTo: number;
  readonly declared: ReadonlySet<string>;
}

/**
 * Compares the list holding an edit after it with the same list before it: the statements before the edit
 * and after it that kept their spans are the same statements (their text and the parser's state are the
 * same); the others are the run the edit changed. A reason instead when the list is not the same list, or
 * the run reaches past the statements whose declarations were read, or touches a directive.
 */
export function changedRun(sourceFile: ts.SourceFile, edit: { start: number; oldEnd: number; newEnd: number }, was: StatementList): ChangedRun | string {
  const delta = edit.newEnd - edit.oldEnd;
  const list = listAt(sourceFile, edit.start, edit.newEnd, was);
  if (!list || list.end !== was.end + delta) return 'the list of statements around the edit changed';
  const now = list.statements;
  const old = was.spans;
  let p = 0;
  while (p < now.length && p < old.length && old[p]!.end < edit.start && same(now[p]!, old[p]!, 0)) p++;
  let q = 0;
  while (q < now.length - p && q < old.length - p && old[old.length - 1 - q]!.pos > edit.oldEnd && same(now[now.length - 1 - q]!, old[old.length - 1 - q]!, delta)) q++;
  const lastOld = old.length - 1 - q;
  if (p < was.first || lastOld > was.last) return 'the edit reaches past the statements read before it';
  if (p === 0 && (was.directive || isDirective(now[0]))) return 'the edit is at a directive prologue';
  const from = Math.min(edit.start, p > 0 ? old[p - 1]!.end : old[0]?.pos ?? was.pos);
  const lastNew = now.length - 1 - q;
  const to = Math.max(edit.oldEnd, lastOld >= p ? old[lastOld]!.end : from);
  const newTo = Math.max(edit.newEnd, lastNew >= p ? now[lastNew]!.end : from);
  if (newTo - to !== delta) return 'the statements around the edit changed';
  const declared = new Set<string>();
  for (let i = p; i <= lastOld; i++) for (const name of was.declared[i - was.first]!) declared.add(name);
  for (let i = p; i <= lastNew; i++) declaredIn(now[i]!, name => declared.add(name));
  return { from, to, newTo, declared };
}

function same(statement: ts.Statement, span: StatementSpan, delta: number): boolean {
  return statement.kind === span.kind && statement.pos === span.pos + delta && statement.end === span.end + delta;
}

function isDirective(statement: ts.Statement | undefined): boolean {
  return statement?.kind === K_EXPRESSION_STATEMENT && (statement as ts.ExpressionStatement).expression.kind === K_STRING;
}

/** The innermost block or file whose statements hold [start, end); or, given the list before an edit, that list. */
function listAt(sourceFile: ts.SourceFile, start: number, end: number, was: StatementList | undefined): ts.Block | ts.SourceFile | undefined {
  let list: ts.Block | ts.SourceFile | undefined;
  let node: ts.Node | undefined = sourceFile;
  while (node) {
    if (was) {
      if (node.pos === was.pos && node.kind === was.kind) return node as ts.Block;
    } else if (node.kind === K_BLOCK || node.kind === ts.SyntaxKind.SourceFile) {
      const statements = (node as ts.Block).statements;
      if (statements.length > 0 && statements[0]!.pos <= start && end <= statements[statements.length - 1]!.end) list = node as ts.Block;
    }
    const parent: ts.Node = node;
    node = forEachChild(parent, child => (child.pos <= start && start < child.end && end <= child.end ? child : undefined));
  }
  return list;
}

/** The names a statement declares for the code around it (conservatively: any declaration outside a nested function). */
function declaredIn(root: ts.Node, add: (name: string) => void): void {
  const visit = (node: ts.Node): void => {
    const name = (node as ts.NamedDeclaration).name;
    switch (node.kind) {
      case K_VARIABLE:
      case ts.SyntaxKind.BindingElement:
      case ts.SyntaxKind.ClassDeclaration:
      case ts.SyntaxKind.FunctionDeclaration:
      case ts.SyntaxKind.ImportEqualsDeclaration:
      case ts.SyntaxKind.ImportClause:
      case ts.SyntaxKind.NamespaceImport:
      case ts.SyntaxKind.ImportSpecifier:
      case ts.SyntaxKind.EnumDeclaration:
      case ts.SyntaxKind.ModuleDeclaration:
        if (name && name.kind === K_IDENTIFIER) add((name as ts.Identifier).text);
        break;
      default:
        break;
    }
    if (ts.isFunctionLike(node) || ts.isClassLike(node)) {
      if (node.kind === ts.SyntaxKind.FunctionDeclaration || node.kind === ts.SyntaxKind.ClassDeclaration) return;
      if (node !== root) return;
    }
    forEachChild(node, visit);
  };
  visit(root);
}

/** The node of `kind` spanning exactly [pos, end) in a parsed file, if there is one. */
export function nodeAt(descender: Descender, pos: number, end: number, kind: ts.SyntaxKind): ts.Node | undefined {
  for (let n = descender.tokenAt(pos); n; n = n.parent) {
    if (n.pos === pos && n.end === end && n.kind === kind) return n;
    if (n.pos < pos || n.end > end) return undefined;
  }
  return undefined;
}
