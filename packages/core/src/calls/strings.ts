/**
 * Same-file string constants for code that holds a node but not its call (editor features). Uses the
 * file's cached index, so it resolves exactly as the rules do.
 */
import type * as ts from 'typescript';
import type { ResolvedString } from './types';
import { indexOf } from './find';
import { evaluate } from './resolve';

/** The string a literal, a no-substitution template, or an identifier naming a same-file `const` holds. */
export function resolveStringConstant(node: ts.Expression): ResolvedString | undefined {
  const target = evaluate(node, indexOf(node.getSourceFile()).declarations);
  return target?.kind === 'string' ? { value: target.value, node: target.node } : undefined;
}
