/**
 * Where a same-file function's result goes: the calls of it in this file, or somewhere we cannot see (it
 * is exported, or handed over as a value: an event handler, a callback, `module.exports`).
 */
// A plain require: `import * as` would wrap every `ts.X` in one more getter, and this runs per call.
import ts = require('typescript');
import { declarationsIn, findApiCalls } from './find';
import { callOf, functionOf, namesOf, type FunctionNode } from './functions';
import { occurrences } from './locate';
import { climbWrappers } from './wrappers';
import { noteName } from '../reads';

// Read once: through the module object every `ts.X` access is a getter call, and these run per call in the file.
const isFunctionLike = ts.isFunctionLike;
const K_PROPERTY_ACCESS = ts.SyntaxKind.PropertyAccessExpression;
const K_CALL = ts.SyntaxKind.CallExpression;
const K_RETURN = ts.SyntaxKind.ReturnStatement;
const K_ARROW = ts.SyntaxKind.ArrowFunction;
const K_AWAIT = ts.SyntaxKind.AwaitExpression;
const K_TRY = ts.SyntaxKind.TryStatement;

/** Per file: the occurrences of function names looked up so far, by name. */
const nameCache = new WeakMap<ts.SourceFile, Map<string, readonly ts.Node[]>>();

export interface FunctionUses {
  /** Exported or referenced other than by a call: its result goes to code this file does not show. */
  readonly passedOn: boolean;
  /** The calls of it in this file (empty when it is passed on). */
  readonly calls: readonly ts.CallExpression[];
}

/** The uses of a named function; undefined for an anonymous one (a callback, whose caller is not in view). */
export function usesOf(fn: FunctionNode): FunctionUses | undefined {
  const names = namesOf(fn);
  if (names.length === 0) return undefined;
  if (isExported(fn)) return { passedOn: true, calls: [] };
  const sourceFile = fn.getSourceFile();
  const decls = declarationsIn(sourceFile);
  const calls: ts.CallExpression[] = [];
  for (const name of names) {
    noteName(name.text);
    for (const use of occurrencesOf(sourceFile, name.text)) {
      if (use === name || isKey(use)) continue;
      const call = callOf(use);
      if (call && functionOf(call.expression, decls) === fn) {
        calls.push(call);
        continue;
      }
      const reference = ts.isPropertyAccessExpression(use.parent) && use.parent.name === use ? use.parent : use;
      if (functionOf(reference as ts.Expression, decls) === fn) return { passedOn: true, calls: [] };
    }
  }
  return { passedOn: false, calls };
}

/**
 * The occurrences of a function's name. The first question about a file asks at once about the names of
 * the functions whose result an API call's promise may become (the ones the rules follow): one pass of the
 * text instead of one each. Any other name is looked up on its own.
 */
function occurrencesOf(sourceFile: ts.SourceFile, name: string): readonly ts.Node[] {
  let cache = nameCache.get(sourceFile);
  if (!cache) {
    cache = new Map();
    nameCache.set(sourceFile, cache);
    const names = new Set<string>();
    for (const call of findApiCalls(sourceFile)) {
      if (!leavesItsFunction(call.node)) continue;
      let fn: ts.Node | undefined = call.node.parent;
      while (fn && !isFunctionLike(fn)) fn = fn.parent;
      if (fn) for (const id of namesOf(fn as FunctionNode)) names.add(id.text);
    }
    for (const n of names) cache.set(n, []);
    for (const node of occurrences(sourceFile, [...names])) (cache.get((node as ts.Identifier).text) as ts.Node[]).push(node);
  }
  let found = cache.get(name);
  if (!found) {
    found = occurrences(sourceFile, name);
    cache.set(name, found);
  }
  return found;
}

/** `return call`, `await call`, `=> call`, also after `.then(…)` / `.catch(…)` steps: the promise may settle the function's own. */
function leavesItsFunction(call: ts.CallExpression): boolean {
  let node: ts.Node = climbWrappers(call);
  for (let parent = node.parent; ; parent = node.parent) {
    if (parent.kind === K_PROPERTY_ACCESS && (parent as ts.PropertyAccessExpression).expression === node
      && parent.parent.kind === K_CALL && (parent.parent as ts.CallExpression).expression === parent) {
      node = climbWrappers(parent.parent);
      continue;
    }
    // An `await` inside `try { … } catch` is usually dealt with there: such a function is looked up on its own if ever.
    return parent.kind === K_RETURN || (parent.kind === K_ARROW && (parent as ts.ArrowFunction).body === node) || (parent.kind === K_AWAIT && !insideTry(parent));
  }
}

function insideTry(node: ts.Node): boolean {
  for (let n: ts.Node = node; n.parent && !isFunctionLike(n.parent); n = n.parent) {
    if (n.parent.kind === K_TRY && (n.parent as ts.TryStatement).tryBlock === n && (n.parent as ts.TryStatement).catchClause) return true;
  }
  return false;
}

/** A property or method name in a declaration (`{ link: x }`, `link() {}`), not a reference to the function. */
function isKey(use: ts.Node): boolean {
  const parent = use.parent;
  return (ts.isPropertyAssignment(parent) || ts.isMethodDeclaration(parent) || ts.isPropertyDeclaration(parent)
    || ts.isPropertySignature(parent) || ts.isMethodSignature(parent)) && parent.name === use;
}

/** `export function f`, `export const f = …`, `export default …`, or a method of an exported class or object. */
function isExported(fn: ts.Node): boolean {
  for (let n: ts.Node = fn; !ts.isSourceFile(n) && !ts.isBlock(n) && !ts.isModuleBlock(n); n = n.parent) {
    if (ts.isExportAssignment(n)) return true;
    const modifiers = (n as { readonly modifiers?: ts.NodeArray<ts.ModifierLike> }).modifiers;
    if (modifiers?.some(m => m.kind === ts.SyntaxKind.ExportKeyword)) return true;
  }
  return false;
}
