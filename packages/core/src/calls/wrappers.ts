/** Syntax that does not change what an expression refers to: `(x)`, `x!`, `x as T`, `<T>x`, `x satisfies T`. */
// A plain require: `import * as` would wrap every `ts.X` in one more getter, and this runs per call.
import ts = require('typescript');

const WRAPPERS: ReadonlySet<ts.SyntaxKind> = new Set([
  ts.SyntaxKind.ParenthesizedExpression, ts.SyntaxKind.NonNullExpression, ts.SyntaxKind.AsExpression,
  ts.SyntaxKind.TypeAssertionExpression, ts.SyntaxKind.SatisfiesExpression,
]);

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
