/**
 * Same-file string constants for code that holds a node but not its scope (editor features): walks up
 * from the node and reads the nearest declaration of the name. Rules use the scope-exact `ApiCall.resolveString`.
 */
import * as ts from 'typescript';
import type { ResolvedString } from './types';
import { unwrap } from './resolve';

/** The string a literal, a no-substitution template, or an identifier naming a same-file `const` holds. */
export function resolveStringConstant(node: ts.Expression): ResolvedString | undefined {
  return resolveAt(node, 0);
}

function resolveAt(node: ts.Expression, depth: number): ResolvedString | undefined {
  const e = unwrap(node);
  if (ts.isStringLiteral(e) || ts.isNoSubstitutionTemplateLiteral(e)) return { value: e.text, node: e };
  if (!ts.isIdentifier(e) || depth > 8) return undefined;
  const decl = findDeclaration(e);
  if (!decl || !decl.initializer || !ts.isVariableDeclarationList(decl.parent)) return undefined;
  if ((decl.parent.flags & ts.NodeFlags.Const) === 0) return undefined;
  return resolveAt(decl.initializer, depth + 1);
}

/** The nearest enclosing declaration of the identifier's name, or undefined (also when a parameter shadows it). */
function findDeclaration(id: ts.Identifier): ts.VariableDeclaration | undefined {
  const name = id.text;
  for (let node: ts.Node | undefined = id.parent; node; node = node.parent) {
    if (ts.isFunctionLike(node) && node.parameters.some(p => ts.isIdentifier(p.name) && p.name.text === name)) return undefined;
    const statements = ts.isSourceFile(node) || ts.isBlock(node) || ts.isModuleBlock(node) || ts.isCaseClause(node) || ts.isDefaultClause(node)
      ? node.statements : undefined;
    if (!statements) continue;
    for (const statement of statements) {
      if (!ts.isVariableStatement(statement)) continue;
      for (const decl of statement.declarationList.declarations) {
        if (ts.isIdentifier(decl.name) && decl.name.text === name) return decl;
      }
    }
  }
  return undefined;
}
