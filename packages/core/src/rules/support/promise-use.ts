/**
 * What happens to the promise an API call returns: which `.then` / `.catch` / `.finally` steps follow it,
 * and whether it is awaited, dropped as a statement, returned to the caller or handed elsewhere. The
 * refresh and rejection rules both read this; a promise that leaves the function is the caller's business.
 */
// A plain require: `import * as` would wrap every `ts.X` in one more getter, and this runs per call.
import ts = require('typescript');
import { climbWrappers, unwrap } from '../../calls';

export interface ChainStep {
  readonly name: 'then' | 'catch' | 'finally';
  readonly call: ts.CallExpression;
  readonly access: ts.PropertyAccessExpression | ts.ElementAccessExpression;
}

export type Fate =
  /** `return call`, an arrow's expression body, `return await call`: the caller refreshes and handles. */
  | 'returned'
  /** Stored, passed as an argument, assigned…: we cannot follow it, so we stay quiet. */
  | 'escaped'
  | 'awaited'
  /** An expression statement: fire and forget. */
  | 'statement';

export interface PromiseUse {
  readonly steps: readonly ChainStep[];
  /** The outermost expression of the chain (the last step's call, or the API call itself). */
  readonly top: ts.Expression;
  readonly fate: Fate;
  readonly await?: ts.AwaitExpression;
  /** The statement holding the chain (for `awaited` and `statement`). */
  readonly statement?: ts.Statement;
  /** Whether the promise went through `Promise.allSettled`, which resolves whatever its inputs do: a rejection is absorbed. */
  readonly settled: boolean;
}

const STEP_NAMES = new Set(['then', 'catch', 'finally']);
/** `Promise` statics that take promises in an array and return one promise carrying their outcome. */
const COMBINATORS = new Set(['all', 'allSettled', 'race', 'any']);

/**
 * Per call: several rules ask about the same promise, and the answer depends on the parsed file only.
 * Kept across incremental updates without going stale: `ts.updateSourceFile` keeps an old node only as part
 * of a whole list element (a statement, a class or enum member, a case clause) that no edit touched, and the
 * answer reads only the nodes from the call up to its statement, all inside that element, whose parent
 * pointers the parser sets anew. A call whose statement an edit changes or moves is a new node, with no
 * entry here (`incremental.test.ts`, "how a promise is used, after an incremental update", holds both).
 */
const cache = new WeakMap<ts.CallExpression, PromiseUse>();

export function promiseUse(call: ts.CallExpression): PromiseUse {
  let use = cache.get(call);
  if (!use) {
    use = followPromise(call);
    cache.set(call, use);
  }
  return use;
}

function followPromise(call: ts.CallExpression): PromiseUse {
  const steps: ChainStep[] = [];
  let node: ts.Expression = call;
  let settled = false;
  for (let hops = 0; hops < 64; hops++) {
    node = climbChain(node, steps);
    const wrapper = enclosingWrapper(node);
    if (!wrapper) break;
    // `Promise.all([call, …])`, `Promise.resolve(call)`: the outcome travels on in the wrapper's promise.
    node = wrapper.call;
    settled ||= wrapper.name === 'allSettled';
  }
  return { steps, top: node, settled, ...fateOf(node) };
}

function climbChain(start: ts.Expression, steps: ChainStep[]): ts.Expression {
  let node = start;
  for (;;) {
    node = climbWrappers(node);
    const access = node.parent;
    if (!access || !(ts.isPropertyAccessExpression(access) || ts.isElementAccessExpression(access)) || access.expression !== node) return node;
    const name = ts.isPropertyAccessExpression(access) ? access.name.text : stringKey(access.argumentExpression);
    const outer = access.parent;
    if (!name || !STEP_NAMES.has(name) || !outer || !ts.isCallExpression(outer) || outer.expression !== access) return node;
    steps.push({ name: name as ChainStep['name'], call: outer, access });
    node = outer;
  }
}

function stringKey(expr: ts.Expression): string | undefined {
  return ts.isStringLiteral(expr) || ts.isNoSubstitutionTemplateLiteral(expr) ? expr.text : undefined;
}

/** `Promise.all([node, …])` (or allSettled/race/any) holding `node` as an element, or `Promise.resolve(node)`. */
function enclosingWrapper(node: ts.Expression): { call: ts.CallExpression; name: string } | undefined {
  const parent = node.parent;
  if (!parent) return undefined;
  const inArray = ts.isArrayLiteralExpression(parent);
  const call = inArray ? climbWrappers(parent).parent : parent;
  if (!call || !ts.isCallExpression(call) || call.arguments[0] !== (inArray ? climbWrappers(parent) : node)) return undefined;
  const callee = unwrap(call.expression);
  if (!ts.isPropertyAccessExpression(callee)) return undefined;
  const owner = unwrap(callee.expression);
  if (!ts.isIdentifier(owner) || owner.text !== 'Promise') return undefined;
  const name = callee.name.text;
  return (inArray ? COMBINATORS.has(name) : name === 'resolve') ? { call, name } : undefined;
}

function fateOf(top: ts.Expression): { fate: Fate; await?: ts.AwaitExpression; statement?: ts.Statement } {
  const parent = top.parent;
  if (!parent) return { fate: 'escaped' };
  if (ts.isReturnStatement(parent)) return { fate: 'returned' };
  if (ts.isArrowFunction(parent) && parent.body === top) return { fate: 'returned' };
  if (ts.isExpressionStatement(parent)) return { fate: 'statement', statement: parent };
  if (ts.isVoidExpression(parent)) {
    const outer = climbWrappers(parent).parent;
    return outer && ts.isExpressionStatement(outer) ? { fate: 'statement', statement: outer } : { fate: 'escaped' };
  }
  if (ts.isAwaitExpression(parent)) {
    const outer = climbWrappers(parent).parent;
    if (outer && (ts.isReturnStatement(outer) || (ts.isArrowFunction(outer) && outer.body === climbWrappers(parent)))) return { fate: 'returned' };
    const statement = enclosingStatement(parent);
    return statement ? { fate: 'awaited', await: parent, statement } : { fate: 'escaped' };
  }
  return { fate: 'escaped' };
}

/** The statement that contains `node`, stopping at a function boundary. */
export function enclosingStatement(node: ts.Node): ts.Statement | undefined {
  for (let n: ts.Node | undefined = node; n && !ts.isFunctionLike(n); n = n.parent) {
    const parent = n.parent;
    if (parent && isStatementList(parent)) return n as ts.Statement;
  }
  return undefined;
}

export function isStatementList(node: ts.Node): node is ts.Block | ts.SourceFile | ts.ModuleBlock | ts.CaseOrDefaultClause {
  return ts.isBlock(node) || ts.isSourceFile(node) || ts.isModuleBlock(node) || ts.isCaseClause(node) || ts.isDefaultClause(node);
}
