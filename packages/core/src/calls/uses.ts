/**
 * Where a same-file function's result goes: the calls of it in this file, or somewhere we cannot see (it
 * is exported, or handed over as a value: an event handler, a callback, `module.exports`).
 */
// A plain require: `import * as` would wrap every `ts.X` in one more getter, and this runs per call.
import ts = require('typescript');
import { declarationsIn } from './find';
import { callOf, functionOf, namesOf, type FunctionNode } from './functions';
import { occurrences } from './locate';

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
    for (const use of occurrences(sourceFile, name.text)) {
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
