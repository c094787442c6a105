/**
 * Same-file resolution for code that holds a node but not its call (editor features: completion after a
 * dot, hover, constants). Uses the file's cached declarations, so it resolves exactly as the rules do.
 */
import type * as ts from 'typescript';
import type { ResolvedString } from './types';
import { declarationsIn } from './find';
import { evaluate, type Target } from './resolve';

/** The string a literal, a no-substitution template, or an identifier naming a same-file `const` holds. */
export function resolveStringConstant(node: ts.Expression): ResolvedString | undefined {
  const target = evaluate(node, declarationsIn(node.getSourceFile()));
  return target?.kind === 'string' ? { value: target.value, node: target.node } : undefined;
}

/** What an expression is in the API (the `Microsoft` root, a namespace, a member), by the rules' own resolver. */
export function targetOf(expr: ts.Expression, sourceFile: ts.SourceFile): Target | undefined {
  return evaluate(expr, declarationsIn(sourceFile));
}
