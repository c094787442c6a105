/**
 * What an edit changed in a tree's statements, read from the trees before and after it: the innermost
 * statement list holding the edit, the statements of it the edit changed (the others keep their spans,
 * and with them their text and the parser's state), and the names those statements declare for the code
 * around them. Incremental analysis (`../incremental.ts`) builds on this.
 */
// A plain require, as in the other files of this folder (runs once per edit, so kinds are read in place).
import ts = require('typescript');

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
  return statement?.kind === ts.SyntaxKind.ExpressionStatement && (statement as ts.ExpressionStatement).expression.kind === ts.SyntaxKind.StringLiteral;
}

/** The innermost block or file whose statements hold [start, end); or, given the list before an edit, that list. */
function listAt(sourceFile: ts.SourceFile, start: number, end: number, was: StatementList | undefined): ts.Block | ts.SourceFile | undefined {
  let list: ts.Block | ts.SourceFile | undefined;
  let node: ts.Node | undefined = sourceFile;
  while (node) {
    if (was) {
      if (node.pos === was.pos && node.kind === was.kind) return node as ts.Block;
    } else if (node.kind === ts.SyntaxKind.Block || node.kind === ts.SyntaxKind.SourceFile) {
      const statements = (node as ts.Block).statements;
      if (statements.length > 0 && statements[0]!.pos <= start && end <= statements[statements.length - 1]!.end) list = node as ts.Block;
    }
    const parent: ts.Node = node;
    node = ts.forEachChild(parent, child => (child.pos <= start && start < child.end && end <= child.end ? child : undefined));
  }
  return list;
}

/** The names a statement declares for the code around it (conservatively: any declaration outside a nested function). */
function declaredIn(root: ts.Node, add: (name: string) => void): void {
  const visit = (node: ts.Node): void => {
    const name = (node as ts.NamedDeclaration).name;
    switch (node.kind) {
      case ts.SyntaxKind.VariableDeclaration:
      case ts.SyntaxKind.BindingElement:
      case ts.SyntaxKind.ClassDeclaration:
      case ts.SyntaxKind.FunctionDeclaration:
      case ts.SyntaxKind.ImportEqualsDeclaration:
      case ts.SyntaxKind.ImportClause:
      case ts.SyntaxKind.NamespaceImport:
      case ts.SyntaxKind.ImportSpecifier:
      case ts.SyntaxKind.EnumDeclaration:
      case ts.SyntaxKind.ModuleDeclaration:
        if (name && name.kind === ts.SyntaxKind.Identifier) add((name as ts.Identifier).text);
        break;
      default:
        break;
    }
    if (ts.isFunctionLike(node) || ts.isClassLike(node)) {
      if (node.kind === ts.SyntaxKind.FunctionDeclaration || node.kind === ts.SyntaxKind.ClassDeclaration) return;
      if (node !== root) return;
    }
    ts.forEachChild(node, visit);
  };
  visit(root);
}
