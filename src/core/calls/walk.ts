/**
 * The one walk over a file: it records declarations into scopes and collects call expressions, and does
 * nothing else, so that it stays a small fraction of the parse. An explicit stack (not recursion) keeps
 * 10,000-level nesting from overflowing the call stack.
 */
import * as ts from 'typescript';
import { OPAQUE, Scope, type PathStep } from './scope';

export interface CallSite {
  readonly call: ts.CallExpression;
  readonly scope: Scope;
}

export interface WalkResult {
  readonly calls: CallSite[];
  /** Names bound to something other than OPAQUE anywhere in the file: the only aliases worth looking up. */
  readonly valueNames: Set<string>;
}

export function walk(sourceFile: ts.SourceFile): WalkResult {
  const calls: CallSite[] = [];
  const valueNames = new Set<string>();
  const nodes: ts.Node[] = [sourceFile];
  const scopes: Scope[] = [new Scope(undefined, true)];
  let current: Scope = scopes[0]!;
  const push = (child: ts.Node): undefined => {
    nodes.push(child);
    scopes.push(current);
    return undefined;
  };

  const declareOpaque = (name: ts.BindingName, scope: Scope): void => {
    if (ts.isIdentifier(name)) {
      scope.declare(name.text, OPAQUE);
      return;
    }
    for (const element of name.elements) {
      if (!ts.isOmittedExpression(element)) declareOpaque(element.name, scope);
    }
  };

  const declareValue = (name: ts.BindingName, init: ts.Expression, path: readonly PathStep[], isConst: boolean, scope: Scope, evalScope: Scope): void => {
    if (ts.isIdentifier(name)) {
      scope.declare(name.text, { kind: 'value', init, path, isConst, scope: evalScope });
      valueNames.add(name.text);
      return;
    }
    if (ts.isArrayBindingPattern(name)) {
      declareOpaque(name, scope);
      return;
    }
    for (const element of name.elements) {
      const key = element.propertyName ?? (ts.isIdentifier(element.name) ? element.name : undefined);
      const keyText = key && (ts.isIdentifier(key) || ts.isStringLiteral(key)) ? key.text : undefined;
      if (element.dotDotDotToken || keyText === undefined) declareOpaque(element.name, scope);
      else declareValue(element.name, init, [...path, { name: keyText, node: key! }], isConst, scope, evalScope);
    }
  };

  while (nodes.length > 0) {
    const node = nodes.pop()!;
    current = scopes.pop()!;
    const kind = node.kind;
    // Types never hold calls of the API; skipping them keeps TypeScript files cheap.
    if (kind >= ts.SyntaxKind.FirstTypeNode && kind <= ts.SyntaxKind.LastTypeNode) continue;
    switch (kind) {
      case ts.SyntaxKind.CallExpression:
        calls.push({ call: node as ts.CallExpression, scope: current });
        break;
      case ts.SyntaxKind.VariableDeclaration: {
        const decl = node as ts.VariableDeclaration;
        const list = decl.parent;
        if (!ts.isVariableDeclarationList(list)) {
          declareOpaque(decl.name, current); // catch clause variable
          break;
        }
        const blockScoped = (list.flags & ts.NodeFlags.BlockScoped) !== 0;
        const target = blockScoped ? current : current.functionScope;
        if (decl.initializer) declareValue(decl.name, decl.initializer, [], (list.flags & ts.NodeFlags.Const) !== 0, target, current);
        else declareOpaque(decl.name, target);
        break;
      }
      case ts.SyntaxKind.Parameter:
        declareOpaque((node as ts.ParameterDeclaration).name, current);
        break;
      case ts.SyntaxKind.FunctionDeclaration:
      case ts.SyntaxKind.ClassDeclaration: {
        const name = (node as ts.FunctionDeclaration | ts.ClassDeclaration).name;
        if (name) current.declare(name.text, OPAQUE);
        if (kind === ts.SyntaxKind.FunctionDeclaration) current = new Scope(current, true);
        break;
      }
      case ts.SyntaxKind.FunctionExpression:
      case ts.SyntaxKind.ArrowFunction:
      case ts.SyntaxKind.MethodDeclaration:
      case ts.SyntaxKind.Constructor:
      case ts.SyntaxKind.GetAccessor:
      case ts.SyntaxKind.SetAccessor: {
        current = new Scope(current, true);
        const name = (node as ts.FunctionExpression).name;
        if (kind === ts.SyntaxKind.FunctionExpression && name) current.declare(name.text, OPAQUE);
        break;
      }
      case ts.SyntaxKind.Block:
      case ts.SyntaxKind.CaseBlock:
      case ts.SyntaxKind.ModuleBlock:
      case ts.SyntaxKind.ForStatement:
      case ts.SyntaxKind.ForInStatement:
      case ts.SyntaxKind.ForOfStatement:
      case ts.SyntaxKind.CatchClause:
        current = new Scope(current, false);
        break;
      case ts.SyntaxKind.ImportClause:
      case ts.SyntaxKind.NamespaceImport:
      case ts.SyntaxKind.ImportSpecifier:
      case ts.SyntaxKind.ImportEqualsDeclaration: {
        const name = (node as ts.ImportClause).name;
        if (name) current.declare(name.text, OPAQUE);
        break;
      }
      default:
        break;
    }
    ts.forEachChild(node, push);
  }
  return { calls, valueNames };
}
