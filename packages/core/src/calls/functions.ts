/**
 * Same-file functions as the analysis sees them: which function a callee names (`getOc()`, `api.getOc()`,
 * `this.getOc()`), the expressions it returns, and the names it is called by. Accessors that return the
 * namespace (`function getOc() { return window.top.Microsoft.Omnichannel; }`) are read through these.
 */
// A plain require: `import * as` would wrap every `ts.X` in one more getter, and this runs per call.
import ts = require('typescript');
import type { Declarations } from './scope';
import { climbWrappers, unwrap } from './wrappers';

export type FunctionNode = ts.SignatureDeclaration & { readonly body?: ts.Node };

/** Function and arrow expressions, whose value is the function itself. */
export function isFunctionValue(node: ts.Node): node is ts.FunctionExpression | ts.ArrowFunction {
  return node.kind === ts.SyntaxKind.FunctionExpression || node.kind === ts.SyntaxKind.ArrowFunction;
}

/** An async function or a generator returns a promise or an iterator, never what its `return` names. */
export function yieldsItsReturns(fn: FunctionNode): boolean {
  if ((fn as ts.FunctionDeclaration).asteriskToken) return false;
  return !(ts.getCombinedModifierFlags(fn as ts.Declaration) & ts.ModifierFlags.Async);
}

/** Whether a callee has a shape `functionOf` can follow: `f`, `obj.f`, `this.f`, or a function expression. */
export function couldNameFunction(callee: ts.Expression): boolean {
  const e = unwrap(callee);
  if (e.kind === ts.SyntaxKind.Identifier || isFunctionValue(e)) return true;
  if (e.kind !== ts.SyntaxKind.PropertyAccessExpression) return false;
  const owner = unwrap((e as ts.PropertyAccessExpression).expression).kind;
  return owner === ts.SyntaxKind.Identifier || owner === ts.SyntaxKind.ThisKeyword;
}

/**
 * The function a callee names in this file, if it can be told without running the code; with `getter`,
 * the getter a member read runs instead (`api.oc`, `this.oc` where `get oc() { … }`).
 */
export function functionOf(callee: ts.Expression, decls: Declarations, getter = false): FunctionNode | undefined {
  const e = unwrap(callee);
  if (getter && e.kind !== ts.SyntaxKind.PropertyAccessExpression) return undefined;
  if (isFunctionValue(e)) return e; // `(() => …)()`
  if (e.kind === ts.SyntaxKind.Identifier) return decls.lookup((e as ts.Identifier).text, e)?.fn;
  if (e.kind !== ts.SyntaxKind.PropertyAccessExpression) return undefined;
  const access = e as ts.PropertyAccessExpression;
  const owner = unwrap(access.expression);
  const name = access.name.text;
  if (owner.kind === ts.SyntaxKind.ThisKeyword) {
    const cls = enclosingClass(owner);
    return cls && memberFunction(cls.members, name, getter);
  }
  if (owner.kind !== ts.SyntaxKind.Identifier) return undefined;
  // `api.getOc()` where `const api = { getOc() { … } }`
  const init = decls.lookup((owner as ts.Identifier).text, owner)?.value?.init;
  const literal = init && unwrap(init);
  return literal && ts.isObjectLiteralExpression(literal) ? memberFunction(literal.properties, name, getter) : undefined;
}

/** A member named `name` that is a function: a method, or a property holding a function expression (or the getter). */
function memberFunction(members: ts.NodeArray<ts.Node>, name: string, getter: boolean): FunctionNode | undefined {
  for (const m of members) {
    const member = m as ts.NamedDeclaration;
    const key = member.name;
    if (!key || !(ts.isIdentifier(key) || ts.isStringLiteral(key)) || key.text !== name) continue;
    if (getter) {
      if (ts.isGetAccessorDeclaration(member) && member.body) return member;
      continue;
    }
    if (ts.isMethodDeclaration(member) && member.body) return member;
    const init = (ts.isPropertyAssignment(member) || ts.isPropertyDeclaration(member)) ? member.initializer : undefined;
    if (init && isFunctionValue(unwrap(init))) return unwrap(init) as ts.ArrowFunction;
  }
  return undefined;
}

/** The class whose `this` a `this` expression is: arrow functions see through, other functions do not. */
function enclosingClass(node: ts.Node): ts.ClassLikeDeclaration | undefined {
  for (let n = node.parent; n; n = n.parent) {
    if (ts.isClassLike(n)) return n;
    if (ts.isObjectLiteralExpression(n)) return undefined; // a method of an object: `this` is the object
    if (ts.isFunctionLike(n) && !ts.isArrowFunction(n) && !ts.isMethodDeclaration(n) && !ts.isConstructorDeclaration(n) && !ts.isAccessor(n)) return undefined;
  }
  return undefined;
}

/** The expressions a function returns (an arrow's expression body, or each `return x` outside nested functions). */
export function returnedExpressions(fn: FunctionNode): ts.Expression[] {
  const body = fn.body;
  if (!body) return [];
  if (!ts.isBlock(body)) return [body as ts.Expression];
  const found: ts.Expression[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isFunctionLike(node) || ts.isClassLike(node)) return;
    if (ts.isReturnStatement(node)) {
      if (node.expression) found.push(node.expression);
      return;
    }
    ts.forEachChild(node, visit);
  };
  ts.forEachChild(body, visit);
  return found;
}

/** The function whose result `node` is: the function of a `return node`, or the arrow whose body it is. */
export function functionReturning(node: ts.Node): FunctionNode | undefined {
  const parent = node.parent;
  if (!parent) return undefined;
  if (ts.isArrowFunction(parent) && parent.body === node) return parent;
  if (!ts.isReturnStatement(parent)) return undefined;
  for (let n: ts.Node | undefined = parent.parent; n; n = n.parent) {
    if (ts.isFunctionLike(n)) return n as FunctionNode;
    if (ts.isClassStaticBlockDeclaration(n) || ts.isSourceFile(n)) return undefined;
  }
  return undefined;
}

/**
 * The names a function is called by: its own name, the variable or property it initialises, or the
 * method name. Calls through these names are where its result goes.
 */
export function namesOf(fn: FunctionNode): ts.Identifier[] {
  if (ts.isFunctionDeclaration(fn) || ts.isMethodDeclaration(fn) || ts.isGetAccessorDeclaration(fn)) return fn.name && ts.isIdentifier(fn.name) ? [fn.name] : [];
  if (!isFunctionValue(fn)) return [];
  let holder: ts.Node = fn;
  while (holder.parent && ts.isParenthesizedExpression(holder.parent)) holder = holder.parent;
  const parent = holder.parent;
  if (parent && (ts.isVariableDeclaration(parent) || ts.isPropertyAssignment(parent) || ts.isPropertyDeclaration(parent))
    && parent.initializer === holder && ts.isIdentifier(parent.name)) return [parent.name];
  return [];
}

/** `(() => …)()`: the call of a function expression where it is written, if any. */
export function immediateCallOf(fn: FunctionNode): ts.CallExpression | undefined {
  if (!isFunctionValue(fn)) return undefined;
  const callee = climbWrappers(fn);
  const call = callee.parent;
  return call && ts.isCallExpression(call) && call.expression === callee ? call : undefined;
}

/** The call made through a function's name: `name(…)`, or `x.name(…)` for a method. */
export function callOf(use: ts.Node): ts.CallExpression | undefined {
  let node = use;
  if (ts.isPropertyAccessExpression(node.parent) && node.parent.name === node) node = node.parent;
  node = climbWrappers(node);
  const call = node.parent;
  return call && ts.isCallExpression(call) && call.expression === node ? call : undefined;
}
