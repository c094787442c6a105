/**
 * Follows a promise's outcome out of its function. A promise returned, or awaited outside `try` in an
 * async function, settles the function's own promise: success and failure continue at the function's calls
 * in this file, so those are judged instead. A function that is exported or handed over as a value belongs
 * to callers we cannot see; a named function never called here keeps the finding where the call is.
 */
// A plain require: `import * as` would wrap every `ts.X` in one more getter, and this runs per call.
import ts = require('typescript');
import { usesOf, type FunctionNode } from '../../calls';
import { promiseUse, type PromiseUse } from './promise-use';
import { noteFunctionOf } from '../../reads';

/** A call whose promise nobody deals with: the API call itself, or a call of a function it flows out of. */
export interface Dropped {
  readonly call: ts.CallExpression;
  readonly use: PromiseUse;
}

/** Callers are followed this many functions out (a chain of wrappers), and no further. */
const MAX_HOPS = 4;

/**
 * The calls where the outcome of `call` is dropped, given what counts as dealing with it where it is
 * used (`handled`: a `.catch`, a `try` around the `await`, a refresh after it…). What `handled` does not
 * settle in an async function's `await`, or in a `return`, is followed to the function's calls.
 */
export function droppedAt(call: ts.CallExpression, handled: (use: PromiseUse) => boolean): Dropped[] {
  const visited = new Set<ts.Node>();
  const visit = (node: ts.CallExpression, hops: number): Dropped[] => {
    noteFunctionOf(node); // what is judged here is read in the function holding the call
    const use = promiseUse(node);
    if (use.fate === 'escaped' || handled(use)) return [];
    const here = [{ call: node, use }];
    if (use.fate === 'statement') return here;
    const fn = use.fate === 'returned' ? functionOf(use.top) : asyncFunctionOf(use.await);
    // A returned promise with no function to follow is its caller's, as it always was.
    if (!fn) return use.fate === 'returned' ? [] : here;
    // Back at a function already followed (recursion), or too many functions out: its other calls decide.
    if (visited.has(fn) || hops >= MAX_HOPS) return [];
    visited.add(fn);
    const uses = usesOf(fn);
    if (!uses) return use.fate === 'returned' ? [] : here;
    if (uses.passedOn) return [];
    if (uses.calls.length === 0) return use.fate === 'returned' ? [] : here;
    return uses.calls.flatMap(c => visit(c, hops + 1));
  };
  return visit(call, 0);
}

/** The function a returned expression leaves: the one its `return` (or arrow body) belongs to. */
function functionOf(top: ts.Expression): FunctionNode | undefined {
  let node: ts.Node = top;
  while (node.parent && (ts.isAwaitExpression(node.parent) || ts.isParenthesizedExpression(node.parent))) node = node.parent;
  for (let n: ts.Node | undefined = node.parent; n; n = n.parent) {
    if (ts.isFunctionLike(n)) return n as FunctionNode;
  }
  return undefined;
}

/** The async function an `await` is in (a top-level `await` belongs to no function). */
function asyncFunctionOf(node: ts.Node | undefined): FunctionNode | undefined {
  for (let n = node?.parent; n; n = n.parent) {
    if (ts.isFunctionLike(n)) return (ts.getCombinedModifierFlags(n as ts.Declaration) & ts.ModifierFlags.Async) ? n as FunctionNode : undefined;
  }
  return undefined;
}
