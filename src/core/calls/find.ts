/**
 * Finds every call of a `Microsoft.Omnichannel` or `Microsoft.Apm` member in a file, in source order.
 * Results are cached per parsed file (an edit yields a new SourceFile), so rules and editor features share one walk.
 */
import * as ts from 'typescript';
import { findMethod } from '../../catalogue';
import type { ApiCall, ResolvedString } from './types';
import { evaluate, GLOBALS, leftmostIdentifier, unwrap } from './resolve';

const K_STRING = ts.SyntaxKind.StringLiteral;
const K_TEMPLATE = ts.SyntaxKind.NoSubstitutionTemplateLiteral;
import { Declarations, scopeOf, type PathStep } from './scope';
import { walk } from './walk';

/** What one walk of a file yields: the recognised calls and the declarations to resolve names with. */
export interface FileIndex {
  readonly calls: readonly ApiCall[];
  readonly declarations: Declarations;
}

const cache = new WeakMap<ts.SourceFile, FileIndex>();

/** Anything holding a parsed file: a `ts.SourceFile` or an `OmnichannelDocument`. */
export type HasSourceFile = ts.SourceFile | { readonly sourceFile: ts.SourceFile };

export function findApiCalls(source: HasSourceFile): readonly ApiCall[] {
  return indexOf('kind' in source ? source : source.sourceFile).calls;
}

export function indexOf(sourceFile: ts.SourceFile): FileIndex {
  let index = cache.get(sourceFile);
  if (!index) {
    index = build(sourceFile);
    cache.set(sourceFile, index);
  }
  return index;
}

function build(sourceFile: ts.SourceFile): FileIndex {
  const declarations = new Declarations();
  // Every recognised call names a namespace somewhere in the text (property, string key or destructuring key).
  const text = sourceFile.text;
  if (!text.includes('Omnichannel') && !text.includes('Apm')) return { calls: [], declarations };
  const { calls, values, opaque } = walk(sourceFile);
  // Only initializers that could name the API or a string are values; the rest (calls, objects…) only shadow.
  const others: ts.BindingName[] = [];
  for (const decl of values) {
    if (!couldBeAliasOrString(decl.initializer!)) {
      others.push(decl.name);
      continue;
    }
    const isConst = (decl.parent.flags & ts.NodeFlags.Const) !== 0;
    addValue(declarations, decl.name, decl.initializer!, [], isConst);
  }
  // Shadowing matters only for names that could mean something: the roots and the names bound to values.
  for (const name of others) addOpaque(declarations, name);
  for (const name of opaque) addOpaque(declarations, name);
  const found: ApiCall[] = [];
  for (const call of calls) {
    // Cheap test first: the chain must start at `Microsoft`, a global prefix or a name bound to a value.
    const left = leftmostIdentifier(call.expression);
    if (!left || !(left.text === 'Microsoft' || GLOBALS.has(left.text) || declarations.has(left.text))) continue;
    const target = evaluate(call.expression, declarations);
    if (target?.kind !== 'member') continue;
    found.push(new RecognisedCall(target.namespace, target.member, target.node, call, declarations));
  }
  found.sort((a, b) => a.node.pos - b.node.pos || b.node.end - a.node.end);
  return { calls: found, declarations };
}

/** A string literal, or a member chain starting at an identifier (`Microsoft.Omnichannel`, `window["Microsoft"]`). */
function couldBeAliasOrString(init: ts.Expression): boolean {
  const e = unwrap(init);
  return e.kind === K_STRING || e.kind === K_TEMPLATE || leftmostIdentifier(e) !== undefined;
}

function addValue(declarations: Declarations, name: ts.BindingName, init: ts.Expression, path: readonly PathStep[], isConst: boolean): void {
  if (ts.isIdentifier(name)) {
    declarations.add(name.text, { scope: scopeOf(name), value: { init, path, isConst } });
    return;
  }
  if (ts.isArrayBindingPattern(name)) {
    addOpaque(declarations, name, true);
    return;
  }
  for (const element of name.elements) {
    const key = element.propertyName ?? (ts.isIdentifier(element.name) ? element.name : undefined);
    const keyText = key && (ts.isIdentifier(key) || ts.isStringLiteral(key)) ? key.text : undefined;
    if (element.dotDotDotToken || keyText === undefined) addOpaque(declarations, element.name, true);
    else addValue(declarations, element.name, init, [...path, { name: keyText, node: key! }], isConst);
  }
}

function addOpaque(declarations: Declarations, name: ts.BindingName, always = false): void {
  if (ts.isIdentifier(name)) {
    const text = name.text;
    if (always || text === 'Microsoft' || GLOBALS.has(text) || declarations.has(text)) declarations.add(text, { scope: scopeOf(name) });
    return;
  }
  for (const element of name.elements) {
    if (!ts.isOmittedExpression(element)) addOpaque(declarations, element.name, always);
  }
}

class RecognisedCall implements ApiCall {
  readonly method;
  readonly args;

  constructor(
    readonly namespace: ApiCall['namespace'],
    readonly member: string,
    readonly memberNode: ts.Node,
    readonly node: ts.CallExpression,
    private readonly declarations: Declarations,
  ) {
    this.method = findMethod(namespace, member);
    this.args = node.arguments;
  }

  resolveString(expr: ts.Expression): ResolvedString | undefined {
    const target = evaluate(expr, this.declarations);
    return target?.kind === 'string' ? { value: target.value, node: target.node } : undefined;
  }
}
