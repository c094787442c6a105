/**
 * Evaluates an expression far enough to know whether it is the `Microsoft` root, an API namespace, one of
 * its members, or a string, following aliases, destructuring, global prefixes and same-file constants.
 */
// A plain require: `import * as` would wrap every `ts.X` in one more getter, and this runs per call.
import ts = require('typescript');
import { GLOBAL_PREFIXES } from '../catalogue';
import type { ApiNamespace } from './types';
import type { Declarations } from './scope';

export type Target =
  | { readonly kind: 'global' }
  | { readonly kind: 'root' }
  | { readonly kind: 'namespace'; readonly namespace: ApiNamespace }
  | { readonly kind: 'member'; readonly namespace: ApiNamespace; readonly member: string; readonly node: ts.Node }
  | { readonly kind: 'string'; readonly value: string; readonly node: ts.StringLiteral | ts.NoSubstitutionTemplateLiteral };

export const GLOBALS: ReadonlySet<string> = new Set<string>(GLOBAL_PREFIXES);
const NAMESPACES: ReadonlyMap<string, ApiNamespace> = new Map([['Omnichannel', 'Microsoft.Omnichannel'], ['Apm', 'Microsoft.Apm']]);
const GLOBAL: Target = { kind: 'global' };
const ROOT: Target = { kind: 'root' };
// Kinds read once: through the module object every `ts.X` access is a getter call, and these run per call in the file.
const K_IDENTIFIER = ts.SyntaxKind.Identifier;
const K_PROPERTY_ACCESS = ts.SyntaxKind.PropertyAccessExpression;
const K_ELEMENT_ACCESS = ts.SyntaxKind.ElementAccessExpression;
const K_STRING = ts.SyntaxKind.StringLiteral;
const K_TEMPLATE = ts.SyntaxKind.NoSubstitutionTemplateLiteral;
const WRAPPERS: ReadonlySet<ts.SyntaxKind> = new Set([
  ts.SyntaxKind.ParenthesizedExpression, ts.SyntaxKind.NonNullExpression, ts.SyntaxKind.AsExpression,
  ts.SyntaxKind.TypeAssertionExpression, ts.SyntaxKind.SatisfiesExpression,
]);
/** Alias chains longer than this are not followed (and cycles end here). */
const MAX_DEPTH = 12;

/** Peels wrappers that do not change what an expression refers to: `(x)`, `x!`, `x as T`, `x satisfies T`. */
export function unwrap(expr: ts.Expression): ts.Expression {
  let e = expr;
  while (WRAPPERS.has(e.kind)) e = (e as ts.ParenthesizedExpression).expression;
  return e;
}

/** The outermost of the wrappers around `node` that do not change what it refers to: `(x)`, `x!`, `x as T`. */
export function climbWrappers(node: ts.Expression): ts.Expression;
export function climbWrappers(node: ts.Node): ts.Node;
export function climbWrappers(node: ts.Node): ts.Node {
  let n = node;
  while (n.parent && WRAPPERS.has(n.parent.kind)) n = n.parent;
  return n;
}

/** The identifier at the left end of a member chain (`Microsoft` in `window.Microsoft.Omnichannel.x`). */
export function leftmostIdentifier(expr: ts.Expression): ts.Identifier | undefined {
  let e = unwrap(expr);
  while (e.kind === K_PROPERTY_ACCESS || e.kind === K_ELEMENT_ACCESS) e = unwrap((e as ts.PropertyAccessExpression).expression);
  return e.kind === K_IDENTIFIER ? e as ts.Identifier : undefined;
}

export function evaluate(expr: ts.Expression, decls: Declarations, depth = 0): Target | undefined {
  // Down the member chain in a loop, then back up: `window.window.…` may be thousands of accesses long.
  const steps: { name: string; node: ts.Node }[] = [];
  let e = unwrap(expr);
  for (;;) {
    if (e.kind === K_PROPERTY_ACCESS) {
      const access = e as ts.PropertyAccessExpression;
      steps.push({ name: access.name.text, node: access.name });
      e = unwrap(access.expression);
    } else if (e.kind === K_ELEMENT_ACCESS) {
      const access = e as ts.ElementAccessExpression;
      const key = unwrap(access.argumentExpression);
      if (key.kind !== K_STRING && key.kind !== K_TEMPLATE) return undefined;
      steps.push({ name: (key as ts.StringLiteral).text, node: key });
      e = unwrap(access.expression);
    } else {
      break;
    }
  }
  let target: Target | undefined;
  if (e.kind === K_IDENTIFIER) {
    target = evaluateName(e as ts.Identifier, decls, depth);
  } else if (e.kind === K_STRING || e.kind === K_TEMPLATE) {
    const literal = e as ts.StringLiteral | ts.NoSubstitutionTemplateLiteral;
    target = { kind: 'string', value: literal.text, node: literal };
  }
  for (let i = steps.length - 1; i >= 0 && target; i--) target = memberOf(target, steps[i]!.name, steps[i]!.node);
  return target;
}

function evaluateName(id: ts.Identifier, decls: Declarations, depth: number): Target | undefined {
  const declaration = decls.lookup(id.text, id);
  if (!declaration) {
    if (id.text === 'Microsoft') return ROOT;
    return GLOBALS.has(id.text) ? GLOBAL : undefined;
  }
  const value = declaration.value;
  if (!value || depth >= MAX_DEPTH) return undefined;
  let target = evaluate(value.init, decls, depth + 1);
  for (const step of value.path) {
    if (!target) return undefined;
    target = memberOf(target, step.name, step.node);
  }
  // A `let` or `var` string may be reassigned: only constants count as known strings.
  if (target?.kind === 'string' && !value.isConst) return undefined;
  return target;
}

function memberOf(base: Target, name: string, node: ts.Node): Target | undefined {
  switch (base.kind) {
    case 'global':
      if (name === 'Microsoft') return ROOT;
      return GLOBALS.has(name) ? GLOBAL : undefined;
    case 'root': {
      const namespace = NAMESPACES.get(name);
      return namespace ? { kind: 'namespace', namespace } : undefined;
    }
    case 'namespace':
      return { kind: 'member', namespace: base.namespace, member: name, node };
    default:
      return undefined;
  }
}
