/**
 * Evaluates an expression far enough to know whether it is the `Microsoft` root, an API namespace, one of
 * its members, or a string, following aliases, destructuring, global prefixes, guards (`a && a.b`,
 * `x || y`, `c ? x : null`), same-file accessor functions and same-file constants.
 */
// A plain require: `import * as` would wrap every `ts.X` in one more getter, and this runs per call.
import ts = require('typescript');
import { ALL_METHODS, GLOBAL_PREFIXES, NAMESPACES } from '../catalogue';
import type { ApiNamespace } from './types';
import type { Declarations } from './scope';
import { couldNameFunction, functionOf, returnedExpressions, yieldsItsReturns, type FunctionNode } from './functions';
import { unwrap } from './wrappers';

export { climbWrappers, unwrap } from './wrappers';

export type Target =
  | { readonly kind: 'global' }
  | { readonly kind: 'root' }
  | { readonly kind: 'namespace'; readonly namespace: ApiNamespace }
  | { readonly kind: 'member'; readonly namespace: ApiNamespace; readonly member: string; readonly node: ts.Node }
  | { readonly kind: 'string'; readonly value: string; readonly node: ts.StringLiteral | ts.NoSubstitutionTemplateLiteral };

export const GLOBALS: ReadonlySet<string> = new Set<string>(GLOBAL_PREFIXES);
/** The namespace tree, parent path to member name to child path: `Microsoft` → `Omnichannel` → `Microsoft.Omnichannel`. */
const CHILDREN = new Map<string, Map<string, string>>();
for (const { path } of NAMESPACES) {
  const cut = path.lastIndexOf('.');
  const parent = path.slice(0, cut);
  if (!CHILDREN.has(parent)) CHILDREN.set(parent, new Map());
  CHILDREN.get(parent)!.set(path.slice(cut + 1), path);
}
/** Namespaces whose members are methods: any other member name there is a call of an unknown member. */
const WITH_METHODS: ReadonlySet<string> = new Set(ALL_METHODS.map(m => m.namespace));
const GLOBAL: Target = { kind: 'global' };
const ROOT: Target = { kind: 'root' };
// Kinds read once: through the module object every `ts.X` access is a getter call, and these run per call in the file.
const K_IDENTIFIER = ts.SyntaxKind.Identifier;
const K_PROPERTY_ACCESS = ts.SyntaxKind.PropertyAccessExpression;
const K_ELEMENT_ACCESS = ts.SyntaxKind.ElementAccessExpression;
const K_STRING = ts.SyntaxKind.StringLiteral;
const K_TEMPLATE = ts.SyntaxKind.NoSubstitutionTemplateLiteral;
const K_BINARY = ts.SyntaxKind.BinaryExpression;
const K_CONDITIONAL = ts.SyntaxKind.ConditionalExpression;
const K_CALL = ts.SyntaxKind.CallExpression;
const K_NULL = ts.SyntaxKind.NullKeyword;
const K_VOID = ts.SyntaxKind.VoidExpression;
/** Operators whose result is one of their operands: the API object flows through them. */
const EITHER_OPERAND: ReadonlySet<ts.SyntaxKind> = new Set([ts.SyntaxKind.BarBarToken, ts.SyntaxKind.QuestionQuestionToken]);
/** Alias chains longer than this are not followed (and cycles end here). */
const MAX_DEPTH = 12;

/** The identifier at the left end of a member chain (`Microsoft` in `window.Microsoft.Omnichannel.x`). */
export function leftmostIdentifier(expr: ts.Expression): ts.Identifier | undefined {
  let e = unwrap(expr);
  while (e.kind === K_PROPERTY_ACCESS || e.kind === K_ELEMENT_ACCESS) e = unwrap((e as ts.PropertyAccessExpression).expression);
  return e.kind === K_IDENTIFIER ? e as ts.Identifier : undefined;
}

/**
 * Whether a variable's initial value could hold the API or a string, so its name is worth following: a
 * string, a member chain, a call (an accessor), a guard or choice between such values, or an object
 * literal (whose methods may be accessors).
 */
export function couldNameApi(init: ts.Expression): boolean {
  const e = unwrap(init);
  switch (e.kind) {
    case K_STRING:
    case K_TEMPLATE:
    case ts.SyntaxKind.ObjectLiteralExpression:
      return true;
    case K_CALL:
      return couldNameFunction((e as ts.CallExpression).expression);
    case K_BINARY: {
      const binary = e as ts.BinaryExpression;
      return isGuard(binary.operatorToken.kind) && (couldNameApi(binary.left) || couldNameApi(binary.right));
    }
    case K_CONDITIONAL:
      return couldNameApi((e as ts.ConditionalExpression).whenTrue) || couldNameApi((e as ts.ConditionalExpression).whenFalse);
    default:
      return leftmostIdentifier(e) !== undefined;
  }
}

/** `&&`, `||`, `??`: the operators a guarded alias is written with. */
export function isGuard(operator: ts.SyntaxKind): boolean {
  return operator === ts.SyntaxKind.AmpersandAmpersandToken || EITHER_OPERAND.has(operator);
}

export function evaluate(expr: ts.Expression, decls: Declarations, depth = 0): Target | undefined {
  // Down the member chain in a loop, then back up: `window.window.…` may be thousands of accesses long.
  const steps: { name: string; node: ts.Node; access?: ts.PropertyAccessExpression }[] = [];
  let e = unwrap(expr);
  for (;;) {
    if (e.kind === K_PROPERTY_ACCESS) {
      const access = e as ts.PropertyAccessExpression;
      steps.push({ name: access.name.text, node: access.name, access });
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
  let target = evaluateBase(e, decls, depth);
  for (let i = steps.length - 1; i >= 0; i--) {
    const step = steps[i]!;
    if (target) {
      target = memberOf(target, step.name, step.node);
      continue;
    }
    // `api.oc` / `this.oc` where `get oc() { return Microsoft.Omnichannel; }`: a read runs the getter.
    if (!step.access || depth >= MAX_DEPTH) return undefined;
    const getter = functionOf(step.access, decls, true);
    target = getter && yieldOfFunction(getter, decls, depth + 1);
  }
  return target;
}

/** What the start of a member chain names: a variable, a string, a guard or choice between values, an accessor's result. */
function evaluateBase(e: ts.Expression, decls: Declarations, depth: number): Target | undefined {
  switch (e.kind) {
    case K_IDENTIFIER:
      return evaluateName(e as ts.Identifier, decls, depth);
    case K_STRING:
    case K_TEMPLATE: {
      const literal = e as ts.StringLiteral | ts.NoSubstitutionTemplateLiteral;
      return { kind: 'string', value: literal.text, node: literal };
    }
    case K_BINARY: {
      const binary = e as ts.BinaryExpression;
      const operator = binary.operatorToken.kind;
      // `a && a.b` is `a.b` when it matters (a falsy guard means the API is absent); `a || b` is either.
      if (operator === ts.SyntaxKind.AmpersandAmpersandToken) return apiObject(evaluate(binary.right, decls, depth));
      return EITHER_OPERAND.has(operator) ? agree([binary.left, binary.right], decls, depth) : undefined;
    }
    case K_CONDITIONAL:
      return agree([(e as ts.ConditionalExpression).whenTrue, (e as ts.ConditionalExpression).whenFalse], decls, depth);
    case K_CALL:
      return depth < MAX_DEPTH ? yieldOf(e as ts.CallExpression, decls, depth + 1) : undefined;
    default:
      return undefined;
  }
}

/**
 * What a call of a same-file function yields: the API object every value it returns agrees on (`null`
 * and `undefined` are the "not found" answers of a frame-walking helper, not values). Async functions
 * and generators yield a promise or an iterator instead.
 */
function yieldOf(call: ts.CallExpression, decls: Declarations, depth: number): Target | undefined {
  const fn = functionOf(call.expression, decls);
  return fn && yieldOfFunction(fn, decls, depth);
}

function yieldOfFunction(fn: FunctionNode, decls: Declarations, depth: number): Target | undefined {
  if (!yieldsItsReturns(fn)) return undefined;
  const known = decls.yields.get(fn);
  if (known !== undefined) return known ?? undefined;
  decls.yields.set(fn, null); // a function that returns its own call yields nothing known
  const target = agree(returnedExpressions(fn), decls, depth);
  const result = target && target.kind !== 'member' ? target : undefined;
  decls.yields.set(fn, result ?? null);
  return result;
}

/** The API object all the alternatives evaluate to, ignoring `null` / `undefined`; undefined when they differ. */
function agree(alternatives: readonly ts.Expression[], decls: Declarations, depth: number): Target | undefined {
  let found: Target | undefined;
  for (const alternative of alternatives) {
    if (isNothing(alternative)) continue;
    const target = apiObject(evaluate(alternative, decls, depth));
    if (!target || (found && !sameTarget(found, target))) return undefined;
    found = target;
  }
  return found;
}

/** Only the API (not a string) flows through guards, choices and accessors. */
function apiObject(target: Target | undefined): Target | undefined {
  return target?.kind === 'string' ? undefined : target;
}

function isNothing(expr: ts.Expression): boolean {
  const e = unwrap(expr);
  return e.kind === K_NULL || e.kind === K_VOID || (e.kind === K_IDENTIFIER && (e as ts.Identifier).text === 'undefined');
}

function sameTarget(a: Target, b: Target): boolean {
  if (a.kind !== b.kind) return false;
  if (a.kind === 'namespace' || a.kind === 'member') {
    const other = b as typeof a;
    return a.namespace === other.namespace && (a.kind !== 'member' || a.member === (other as typeof a).member);
  }
  return true;
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
    case 'root':
    case 'namespace': {
      const child = CHILDREN.get(base.kind === 'root' ? 'Microsoft' : base.namespace)?.get(name);
      if (child) return { kind: 'namespace', namespace: child };
      // Below a namespace that only leads to others (or holds properties), an unknown name is not ours.
      return base.kind === 'namespace' && WITH_METHODS.has(base.namespace) ? { kind: 'member', namespace: base.namespace, member: name, node } : undefined;
    }
    default:
      return undefined;
  }
}
