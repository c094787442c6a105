/**
 * Finds every call of an API namespace's member (`Microsoft.Omnichannel`, `Microsoft.Apm`, the preview
 * `Microsoft.CCaaS.StandaloneSDK` modules) in a file, in source order.
 * Results are cached per parsed file (an edit yields a new SourceFile), so rules and editor features share one search.
 *
 * Every such call names a namespace somewhere in the text (`.Omnichannel`, `["Apm"]`, or a destructuring
 * key), so the search starts from those spellings and follows the values they produce: up member chains to
 * a call, and through variables into the places their names occur. Nothing else in the file is visited;
 * each candidate call is then confirmed by the scope-aware evaluation.
 */
// A plain require: `import * as` would wrap every `ts.X` in one more getter, and this runs per call.
import ts = require('typescript');
import { findMethod } from '../catalogue';
import type { ApiCall, ResolvedString } from './types';
import { climbWrappers, evaluate, isGuard, unwrap } from './resolve';
import { callOf, functionReturning, immediateCallOf, namesOf, yieldsItsReturns } from './functions';
import { collectDeclarations } from './declare';
import { occurrences } from './locate';
import { Declarations, scopeOf } from './scope';

const K_IDENTIFIER = ts.SyntaxKind.Identifier;
const K_PROPERTY_ACCESS = ts.SyntaxKind.PropertyAccessExpression;
const K_ELEMENT_ACCESS = ts.SyntaxKind.ElementAccessExpression;
const K_CALL = ts.SyntaxKind.CallExpression;
const K_VARIABLE = ts.SyntaxKind.VariableDeclaration;
const K_BINDING_ELEMENT = ts.SyntaxKind.BindingElement;
const K_OMITTED = ts.SyntaxKind.OmittedExpression;
const K_BINARY = ts.SyntaxKind.BinaryExpression;
const K_CONDITIONAL = ts.SyntaxKind.ConditionalExpression;
/**
 * The names every call of the API spells somewhere: a namespace two member accesses or fewer above the
 * method (`Microsoft.Omnichannel.x()`, `Microsoft.CCaaS.StandaloneSDK.voice.x()`).
 */
const NAMESPACE_NAMES = ['Omnichannel', 'Apm', 'StandaloneSDK'];

/**
 * Whether `text` can hold a call of the API: the search below starts only from the namespace names, so a
 * text that spells none of them (not even in a comment or string) has no call. Every rule reports on a
 * call (`Rule.check` takes one), so such a text has no finding either, and a one-shot analysis need not
 * parse it.
 */
export function mayCallApi(text: string): boolean {
  for (const name of NAMESPACE_NAMES) if (text.includes(name)) return true;
  return false;
}
/** Member accesses followed above a namespace: the member itself; anything deeper is not an API call. */
const MAX_ACCESSES = 2;

/** What one search of a file yields: the recognised calls and the declarations to resolve names with. */
export interface FileIndex {
  readonly calls: readonly ApiCall[];
  readonly declarations: Declarations;
  /** The names followed as possible aliases, and the names of functions whose calls (or reads, `get `) were followed. */
  readonly followed: ReadonlySet<string>;
  readonly followedCalls: ReadonlySet<string>;
}

/** A search of one region of a file, seeded with the names a search of the whole file followed. */
export interface RegionSearch {
  readonly from: number;
  readonly to: number;
  readonly followed: ReadonlySet<string>;
  readonly followedCalls: ReadonlySet<string>;
}

const cache = new WeakMap<ts.SourceFile, FileIndex>();
const declarationCache = new WeakMap<ts.SourceFile, Declarations>();

/** Anything holding a parsed file: a `ts.SourceFile` or an `OmnichannelDocument`. */
export type HasSourceFile = ts.SourceFile | { readonly sourceFile: ts.SourceFile };

export function findApiCalls(source: HasSourceFile): readonly ApiCall[] {
  return indexOf('kind' in source ? source : source.sourceFile).calls;
}

export function indexOf(sourceFile: ts.SourceFile): FileIndex {
  let index = cache.get(sourceFile);
  if (!index) {
    index = build(sourceFile);
    cache.set(sourceFile, index);
  }
  return index;
}

/**
 * Readies the string constants every call's arguments may name, in one sweep of the file: the rules
 * resolve each identifier argument, and searching name by name costs a sweep each.
 */
export function prefetchArgumentNames(sourceFile: ts.SourceFile): void {
  const index = indexOf(sourceFile);
  const names: string[] = [];
  for (const call of index.calls) {
    for (const arg of call.args) {
      const e = unwrap(arg);
      if (e.kind === K_IDENTIFIER) names.push((e as ts.Identifier).text);
    }
  }
  index.declarations.prefetch(names);
}

/** The file's declarations, gathered name by name as lookups need them; shared by call recognition and editor features. */
export function declarationsIn(sourceFile: ts.SourceFile): Declarations {
  let declarations = declarationCache.get(sourceFile);
  if (!declarations) {
    declarations = new Declarations(names => collectDeclarations(sourceFile, names));
    declarationCache.set(sourceFile, declarations);
  }
  return declarations;
}

/** Uses an index built elsewhere (by incremental analysis) for a file, as if the file had been searched. */
export function seedIndex(sourceFile: ts.SourceFile, index: FileIndex): void {
  cache.set(sourceFile, index);
}

/**
 * The calls in one region of a file (a function body an edit changed), found as a search of the whole file
 * would find them there: from the API's names and the names that search followed. Undefined when a value
 * found there leaves through a function's `return`: its calls may be anywhere, so the whole file is searched.
 */
export function findCallsIn(sourceFile: ts.SourceFile, region: RegionSearch): FileIndex | undefined {
  return build(sourceFile, region);
}

function build(sourceFile: ts.SourceFile): FileIndex;
function build(sourceFile: ts.SourceFile, region: RegionSearch): FileIndex | undefined;
function build(sourceFile: ts.SourceFile, region?: RegionSearch): FileIndex | undefined {
  const text = sourceFile.text;
  const declarations = declarationsIn(sourceFile);
  const followed = new Set<string>();
  const followedCalls = new Set<string>();
  if (!region && !mayCallApi(text)) return { calls: [], declarations, followed, followedCalls };
  const within = region && { from: region.from, to: region.to };
  const candidates = new Set<ts.CallExpression>();
  const pending: string[] = [];
  const pendingCalls: { readonly name: string; readonly reads: boolean }[] = [];
  let leaves = false;

  /**
   * Follows a value that may be a namespace or member upwards: through guards and choices (`a && a.b`,
   * `c ? x : null`), to the call it is, the variable it fills, or the function it is returned from.
   */
  const flow = (start: ts.Node): void => {
    let node = start;
    for (let accesses = 0; ; ) {
      node = climbWrappers(node);
      const parent = node.parent;
      if (!parent) return;
      const kind = parent.kind;
      if ((kind === K_PROPERTY_ACCESS || kind === K_ELEMENT_ACCESS) && (parent as ts.PropertyAccessExpression).expression === node) {
        if (++accesses > MAX_ACCESSES) return;
        node = parent;
      } else if (kind === K_CALL && (parent as ts.CallExpression).expression === node) {
        candidates.add(parent as ts.CallExpression);
        return;
      } else if (kind === K_VARIABLE && (parent as ts.VariableDeclaration).initializer === node) {
        follow((parent as ts.VariableDeclaration).name);
        return;
      } else if (passesThrough(parent, node)) {
        node = parent;
      } else {
        // `return window.top.Microsoft.Omnichannel;`: the API is what calls of the function yield (reads, for a getter).
        const fn = accesses === 0 ? functionReturning(node) : undefined;
        if (!fn || !yieldsItsReturns(fn)) return;
        leaves = true;
        for (const name of namesOf(fn)) followCalls(name.text, ts.isGetAccessorDeclaration(fn));
        const immediate = immediateCallOf(fn);
        if (immediate) flow(immediate);
        return;
      }
    }
  };
  /** Every name a binding declares becomes a possible alias: its occurrences are followed too. */
  const follow = (name: ts.BindingName): void => {
    if (name.kind === K_IDENTIFIER) {
      // In a region, a new alias seen outside it has uses a search of the region does not find.
      if (region && !followed.has(name.text)) {
        const scope = scopeOf(name);
        if (scope.pos < region.from || scope.end > region.to) leaves = true;
      }
      if (!followed.has(name.text)) {
        followed.add(name.text);
        pending.push(name.text);
      }
      return;
    }
    for (const element of name.elements) {
      if (element.kind !== K_OMITTED) follow(element.name);
    }
  };
  /**
   * A function that returns the API: each call of it by name (`getOc()`, `api.getOc()`, `this.getOc()`) is
   * followed, or each read of its name for a getter (`this.oc`).
   */
  const followCalls = (name: string, reads: boolean): void => {
    const key = `${reads ? 'get ' : ''}${name}`;
    if (!followedCalls.has(key)) {
      followedCalls.add(key);
      pendingCalls.push({ name, reads });
    }
  };

  if (region) {
    for (const name of region.followed) {
      followed.add(name);
      pending.push(name);
    }
    for (const key of region.followedCalls) {
      followedCalls.add(key);
      pendingCalls.push({ name: key.replace(/^get /, ''), reads: key.startsWith('get ') });
    }
  }
  for (const node of occurrences(sourceFile, NAMESPACE_NAMES, { strings: true, within })) {
    const parent = node.parent;
    if (parent.kind === K_BINDING_ELEMENT) {
      const element = parent as ts.BindingElement;
      // `const { Omnichannel: oc } = Microsoft`, `const { Omnichannel } = Microsoft`
      if (element.propertyName === node || element.name === node) follow(element.name);
    } else if (parent.kind === K_PROPERTY_ACCESS) {
      if ((parent as ts.PropertyAccessExpression).name === node) flow(parent);
    } else {
      const key = climbWrappers(node);
      const access = key.parent;
      if (access?.kind === K_ELEMENT_ACCESS && (access as ts.ElementAccessExpression).argumentExpression === key) flow(access);
    }
  }
  while (pending.length > 0 || pendingCalls.length > 0) {
    for (let name = pending.pop(); name !== undefined; name = pending.pop()) {
      for (const use of occurrences(sourceFile, name, { within })) flow(use);
    }
    for (let next = pendingCalls.pop(); next !== undefined; next = pendingCalls.pop()) {
      for (const use of occurrences(sourceFile, next.name, { within })) {
        const value = next.reads ? readOf(use) : callOf(use);
        if (value) flow(value);
      }
    }
  }

  const found: ApiCall[] = [];
  for (const call of candidates) {
    const target = evaluate(call.expression, declarations);
    if (target?.kind !== 'member') continue;
    found.push(new RecognisedCall(target.namespace, target.member, target.node, call, declarations));
  }
  if (region && leaves) return undefined;
  found.sort((a, b) => a.node.pos - b.node.pos || b.node.end - a.node.end);
  return { calls: found, declarations, followed, followedCalls };
}

/** Whether the value of `node` is the value of `parent`: an operand of `&&` (its right), `||`, `??`, or a branch of `?:`. */
function passesThrough(parent: ts.Node, node: ts.Node): boolean {
  if (parent.kind === K_BINARY) {
    const binary = parent as ts.BinaryExpression;
    const operator = binary.operatorToken.kind;
    return isGuard(operator) && (binary.right === node || operator !== ts.SyntaxKind.AmpersandAmpersandToken);
  }
  return parent.kind === K_CONDITIONAL && (parent as ts.ConditionalExpression).condition !== node;
}

/** A member read through a getter's name: `x.name`. */
function readOf(use: ts.Node): ts.Node | undefined {
  const parent = use.parent;
  return parent.kind === K_PROPERTY_ACCESS && (parent as ts.PropertyAccessExpression).name === use ? parent : undefined;
}

/** A recognised call, made from what recognising it found (for calls carried over from an earlier tree). */
export function recognisedCall(namespace: ApiCall['namespace'], member: string, memberNode: ts.Node, node: ts.CallExpression, declarations: Declarations): ApiCall {
  return new RecognisedCall(namespace, member, memberNode, node, declarations);
}

class RecognisedCall implements ApiCall {
  readonly method;
  readonly args;

  constructor(
    readonly namespace: ApiCall['namespace'],
    readonly member: string,
    readonly memberNode: ts.Node,
    readonly node: ts.CallExpression,
    private readonly declarations: Declarations,
  ) {
    this.method = findMethod(namespace, member);
    this.args = node.arguments;
  }

  resolveString(expr: ts.Expression): ResolvedString | undefined {
    const target = evaluate(expr, this.declarations);
    return target?.kind === 'string' ? { value: target.value, node: target.node } : undefined;
  }
}
