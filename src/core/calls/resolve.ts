/**
 * Evaluates an expression far enough to know whether it is the `Microsoft` root, an API namespace, one of
 * its members, or a string, following aliases, destructuring, global prefixes and same-file constants.
 */
import * as ts from 'typescript';
import { GLOBAL_PREFIXES } from '../../catalogue';
import type { ApiNamespace } from './types';
import type { Scope } from './scope';

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
/** Alias chains longer than this are not followed (and cycles end here). */
const MAX_DEPTH = 12;

/** Peels wrappers that do not change what an expression refers to: `(x)`, `x!`, `x as T`, `x satisfies T`. */
export function unwrap(expr: ts.Expression): ts.Expression {
  let e = expr;
  while (ts.isParenthesizedExpression(e) || ts.isNonNullExpression(e) || ts.isAsExpression(e) || ts.isTypeAssertionExpression(e) || ts.isSatisfiesExpression(e)) {
    e = e.expression;
  }
  return e;
}

/** The identifier at the left end of a member chain (`Microsoft` in `window.Microsoft.Omnichannel.x`). */
export function leftmostIdentifier(expr: ts.Expression): ts.Identifier | undefined {
  let e = unwrap(expr);
  while (ts.isPropertyAccessExpression(e) || ts.isElementAccessExpression(e)) e = unwrap(e.expression);
  return ts.isIdentifier(e) ? e : undefined;
}

export function evaluate(expr: ts.Expression, scope: Scope, depth = 0): Target | undefined {
  const e = unwrap(expr);
  switch (e.kind) {
    case ts.SyntaxKind.Identifier:
      return evaluateName(e as ts.Identifier, scope, depth);
    case ts.SyntaxKind.PropertyAccessExpression: {
      const access = e as ts.PropertyAccessExpression;
      const base = evaluate(access.expression, scope, depth);
      return base && memberOf(base, access.name.text, access.name);
    }
    case ts.SyntaxKind.ElementAccessExpression: {
      const access = e as ts.ElementAccessExpression;
      const key = unwrap(access.argumentExpression);
      if (!ts.isStringLiteral(key) && !ts.isNoSubstitutionTemplateLiteral(key)) return undefined;
      const base = evaluate(access.expression, scope, depth);
      return base && memberOf(base, key.text, key);
    }
    case ts.SyntaxKind.StringLiteral:
    case ts.SyntaxKind.NoSubstitutionTemplateLiteral: {
      const literal = e as ts.StringLiteral | ts.NoSubstitutionTemplateLiteral;
      return { kind: 'string', value: literal.text, node: literal };
    }
    default:
      return undefined;
  }
}

function evaluateName(id: ts.Identifier, scope: Scope, depth: number): Target | undefined {
  const binding = scope.lookup(id.text);
  if (!binding) {
    if (id.text === 'Microsoft') return ROOT;
    return GLOBALS.has(id.text) ? GLOBAL : undefined;
  }
  if (binding.kind === 'opaque' || depth >= MAX_DEPTH) return undefined;
  let target = evaluate(binding.init, binding.scope, depth + 1);
  for (const step of binding.path) {
    if (!target) return undefined;
    target = memberOf(target, step.name, step.node);
  }
  // A `let` or `var` string may be reassigned: only constants count as known strings.
  if (target?.kind === 'string' && !binding.isConst) return undefined;
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
