/**
 * The one walk over a file. It only collects nodes into flat lists (calls, declarations) and builds
 * nothing per node, so that it costs a small fraction of the parse; scopes are worked out afterwards for
 * the few names that matter. An explicit stack (not recursion) keeps 10,000-level nesting from
 * overflowing the call stack.
 */
import * as ts from 'typescript';

// Kinds read once: `ts.SyntaxKind.X` is a property lookup through the module object on every use.
const K_CallExpression = ts.SyntaxKind.CallExpression;
const K_VariableDeclaration = ts.SyntaxKind.VariableDeclaration;
const K_Parameter = ts.SyntaxKind.Parameter;
const K_FunctionDeclaration = ts.SyntaxKind.FunctionDeclaration;
const K_FunctionExpression = ts.SyntaxKind.FunctionExpression;
const K_ClassDeclaration = ts.SyntaxKind.ClassDeclaration;
const K_ClassExpression = ts.SyntaxKind.ClassExpression;
const K_ImportClause = ts.SyntaxKind.ImportClause;
const K_NamespaceImport = ts.SyntaxKind.NamespaceImport;
const K_ImportSpecifier = ts.SyntaxKind.ImportSpecifier;
const K_ImportEqualsDeclaration = ts.SyntaxKind.ImportEqualsDeclaration;
const K_FirstTypeNode = ts.SyntaxKind.FirstTypeNode;
const K_LastTypeNode = ts.SyntaxKind.LastTypeNode;

export interface WalkResult {
  readonly calls: ts.CallExpression[];
  /** Variable declarations with an initializer: the candidates for aliases and string constants. */
  readonly values: ts.VariableDeclaration[];
  /** Names declared without a known value (parameters, functions, classes, imports, bare `let x;`): they only shadow. */
  readonly opaque: ts.BindingName[];
}

export function walk(sourceFile: ts.SourceFile): WalkResult {
  const calls: ts.CallExpression[] = [];
  const values: ts.VariableDeclaration[] = [];
  const opaque: ts.BindingName[] = [];
  const stack: ts.Node[] = [sourceFile];
  const forEachChild = ts.forEachChild;
  const push = (child: ts.Node): undefined => {
    stack.push(child);
    return undefined;
  };
  while (stack.length > 0) {
    const node = stack.pop()!;
    const kind = node.kind;
    // Types never hold calls of the API; skipping them keeps TypeScript files cheap.
    if (kind >= K_FirstTypeNode && kind <= K_LastTypeNode) continue;
    switch (kind) {
      case K_CallExpression:
        calls.push(node as ts.CallExpression);
        break;
      case K_VariableDeclaration: {
        const decl = node as ts.VariableDeclaration;
        if (decl.initializer && ts.isVariableDeclarationList(decl.parent)) values.push(decl);
        else opaque.push(decl.name);
        break;
      }
      case K_Parameter:
        opaque.push((node as ts.ParameterDeclaration).name);
        break;
      case K_FunctionDeclaration:
      case K_FunctionExpression:
      case K_ClassDeclaration:
      case K_ClassExpression:
      case K_ImportClause:
      case K_NamespaceImport:
      case K_ImportSpecifier:
      case K_ImportEqualsDeclaration: {
        const name = (node as ts.FunctionDeclaration).name;
        if (name) opaque.push(name);
        break;
      }
      default:
        break;
    }
    forEachChild(node, push);
  }
  return { calls, values, opaque };
}
