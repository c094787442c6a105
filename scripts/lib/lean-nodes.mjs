// Leaner nodes for the parser-only TypeScript: every node TypeScript allocates is given, when it is made, a slot
// for each field the binder, the checker and the emitter may fill later (the symbol, the flow node, the scope's
// locals, an emit node, a node id...), set to `undefined` or 0 so that all nodes of a kind share one shape. The
// server only parses: those fields stay empty, and on a 50k-line file the empty slots are about a quarter of the
// tree's memory. This pass removes those initial assignments, and only those: a field that is absent reads as
// `undefined`, as it did, and every read of the 0-initialised ones (`!node.id`, `node.modifierFlagsCache & f`)
// gives the same answer for `undefined`. What could tell the difference (`"field" in node`, own-property
// listings) is checked in the finished bundle by `assertNoPresenceTests`.
import ts from 'typescript';

/** The fields whose initial assignments go, and the value each is initialised with. */
export const LEAN_FIELDS = new Map([
  // node ids and caches, filled when first asked for
  ['id', '0'],
  ['modifierFlagsCache', '0'],
  // the emitter's and the transformers'
  ['original', 'void 0'],
  ['emitNode', 'void 0'],
  // the binder's
  ['symbol', 'void 0'],
  ['localSymbol', 'void 0'],
  ['locals', 'void 0'],
  ['nextContainer', 'void 0'],
  ['flowNode', 'void 0'],
  ['endFlowNode', 'void 0'],
  ['returnFlowNode', 'void 0'],
  ['flowNodeWhenTrue', 'void 0'],
  ['flowNodeWhenFalse', 'void 0'],
  // set by the parser on the nodes that have JSDoc; the others need no slot
  ['jsDoc', 'void 0'],
]);

// In the form typescript.js 6.0 has them; fewer means the shape of typescript.js changed, and the build says so.
const EXPECTED = { constructors: 5, factoryAssignments: 150 };

/**
 * `body` (typescript.js's closure) without the initial assignments of LEAN_FIELDS in the node constructors (the
 * functions and classes whose constructor begins `this.pos = pos; this.end = end; this.kind = kind;`) and in the
 * node factory (`node.field = void 0;` statements in `createNodeFactory`). Throws if either is not found.
 */
export function leanNodes(body) {
  const file = ts.createSourceFile('typescript.js', body, ts.ScriptTarget.Latest, true, ts.ScriptKind.JS);
  const removals = [];
  let constructors = 0;
  let factoryAssignments = 0;
  const initialAssignment = (statement, receiver) => {
    if (!ts.isExpressionStatement(statement) || !ts.isBinaryExpression(statement.expression)) return false;
    const { left, operatorToken, right } = statement.expression;
    if (operatorToken.kind !== ts.SyntaxKind.EqualsToken || !ts.isPropertyAccessExpression(left)) return false;
    const object = left.expression.kind === ts.SyntaxKind.ThisKeyword ? 'this' : ts.isIdentifier(left.expression) ? left.expression.text : '';
    if (object !== receiver) return false;
    const value = right.getText(file).replace(/\s*\/\*.*\*\/$/, '');
    return LEAN_FIELDS.get(left.name.text) === value;
  };
  const visit = node => {
    const body = nodeConstructorBody(node);
    if (body) {
      constructors++;
      for (const statement of body.statements) if (initialAssignment(statement, 'this')) removals.push(statement);
      return;
    }
    if (ts.isFunctionDeclaration(node) && node.name?.text === 'createNodeFactory') {
      const inFactory = inner => {
        if (ts.isBlock(inner) || ts.isCaseOrDefaultClause(inner)) {
          for (const statement of inner.statements) {
            if (initialAssignment(statement, 'node')) {
              removals.push(statement);
              factoryAssignments++;
            }
          }
        }
        ts.forEachChild(inner, inFactory);
      };
      ts.forEachChild(node, inFactory);
      return;
    }
    ts.forEachChild(node, visit);
  };
  visit(file);
  if (constructors < EXPECTED.constructors || factoryAssignments < EXPECTED.factoryAssignments) {
    throw new Error(`typescript.js: expected the node constructors and the node factory's initial assignments in the form scripts/lib/lean-nodes.mjs describes (found ${constructors} constructors, ${factoryAssignments} assignments)`);
  }
  let text = '';
  let at = 0;
  for (const statement of removals.sort((a, b) => a.pos - b.pos)) {
    text += body.slice(at, statement.getStart(file));
    at = statement.end;
  }
  return text + body.slice(at);
}

/** The body of a node constructor (a function or a class constructor that starts by setting pos, end and kind). */
function nodeConstructorBody(node) {
  const body = (ts.isFunctionDeclaration(node) || ts.isConstructorDeclaration(node)) ? node.body : undefined;
  if (!body || body.statements.length < 3) return undefined;
  const first = body.statements.slice(0, 3).map(s => s.getText().replace(/\s+/g, ' '));
  return first.join(' ') === 'this.pos = pos; this.end = end; this.kind = kind;' ? body : undefined;
}

/**
 * Throws if the finished bundle (`text`, not minified) could tell a lean node from one with every field: an `in`
 * test or an own-property test of a LEAN_FIELDS name.
 */
export function assertNoPresenceTests(text) {
  for (const field of LEAN_FIELDS.keys()) {
    const presence = new RegExp(`["'\`]${field}["'\`]\\s+in\\b|hasOwnProperty(?:\\.call)?\\([^)]*["'\`]${field}["'\`]|hasProperty\\([^)]*["'\`]${field}["'\`]`);
    const found = presence.exec(text);
    if (found) {
      throw new Error(`the server bundle tests whether a node has "${field}" (${found[0]}), a field the parser-only TypeScript leaves out (scripts/lib/lean-nodes.mjs)`);
    }
  }
}
