/**
 * Declarations of the names that matter (API aliases, destructured members, string constants and
 * whatever shadows them), each with the node whose range is its scope. A use resolves to the
 * declaration with the innermost scope containing it, which is how JavaScript's lexical scoping works
 * (hoisting included: a scope covers its whole range).
 */
// A plain require: `import * as` would wrap every `ts.X` in one more getter, and this runs per call.
import ts = require('typescript');
import type { Target } from './resolve';
import { noteLookup } from '../reads';

export interface PathStep {
  readonly name: string;
  readonly node: ts.Node;
}

export interface Declaration {
  /** The node whose range is the declaration's scope. */
  readonly scope: ts.Node;
  /** A function the name is bound to (`function getOc() {…}`, `const getOc = () => …`): what a call of it yields. */
  readonly fn?: ts.SignatureDeclaration;
  /** Undefined for a name that only shadows. */
  readonly value?: {
    readonly init: ts.Expression;
    /** Property names to follow from `init` (`const { Omnichannel: { linkToConversation } } = Microsoft`). */
    readonly path: readonly PathStep[];
    readonly isConst: boolean;
  };
}

/**
 * The declarations of each name, gathered the first time the name is looked up (see `declare.ts`), so
 * only names that some call or argument actually uses are ever searched for.
 */
export class Declarations {
  private readonly byName = new Map<string, readonly Declaration[]>();
  /** What each same-file function yields, once worked out (null: nothing known, or still being worked out). */
  readonly yields = new Map<ts.Node, Target | null>();

  /** `collect` gathers every declaration of each name, in the order ties are decided (first wins). */
  constructor(private readonly collect: (names: readonly string[]) => ReadonlyMap<string, readonly Declaration[]>) {}

  /** The names looked up (or gathered) so far. */
  names(): string[] {
    return [...this.byName.keys()];
  }

  /** Gathers the declarations of several names at once (one sweep of the file instead of one per name). */
  prefetch(names: Iterable<string>): void {
    const missing = [...new Set(names)].filter(name => !this.byName.has(name));
    if (missing.length === 0) return;
    const found = this.collect(missing);
    for (const name of missing) this.byName.set(name, found.get(name) ?? []);
  }

  /** The declaration of `name` visible at `use`, if any. */
  lookup(name: string, use: ts.Node): Declaration | undefined {
    noteLookup(name);
    let list = this.byName.get(name);
    if (!list) {
      list = this.collect([name]).get(name) ?? [];
      this.byName.set(name, list);
    }
    let best: Declaration | undefined;
    for (const d of list) {
      if (d.scope.pos <= use.pos && use.end <= d.scope.end && (!best || d.scope.end - d.scope.pos < best.scope.end - best.scope.pos)) best = d;
    }
    return best;
  }
}

/** The node whose range a declaration's name is visible in. */
export function scopeOf(name: ts.BindingName): ts.Node {
  let node: ts.Node = name;
  while (ts.isBindingElement(node.parent) || ts.isObjectBindingPattern(node.parent) || ts.isArrayBindingPattern(node.parent)) node = node.parent;
  const owner = node.parent;
  if (ts.isParameter(owner)) return owner.parent;
  if (ts.isFunctionExpression(owner) || ts.isClassExpression(owner)) return owner; // its own name
  if (ts.isVariableDeclaration(owner) && ts.isVariableDeclarationList(owner.parent)) {
    const list = owner.parent;
    const blockScoped = (list.flags & ts.NodeFlags.BlockScoped) !== 0;
    return blockScoped ? enclosingBlock(list) : enclosingFunction(list);
  }
  if (ts.isVariableDeclaration(owner)) return owner.parent; // catch clause
  if (ts.isFunctionDeclaration(owner)) return enclosingBlock(owner.parent);
  return enclosingBlock(owner);
}

function enclosingBlock(start: ts.Node): ts.Node {
  for (let n: ts.Node = start; ; n = n.parent) {
    if (!n.parent || ts.isBlock(n) || ts.isCaseBlock(n) || ts.isModuleBlock(n) || ts.isForStatement(n) || ts.isForInStatement(n) || ts.isForOfStatement(n) || ts.isCatchClause(n)) return n;
    if (ts.isFunctionLike(n)) return n;
  }
}

function enclosingFunction(start: ts.Node): ts.Node {
  for (let n: ts.Node = start; ; n = n.parent) {
    if (!n.parent || ts.isFunctionLike(n)) return n;
  }
}
