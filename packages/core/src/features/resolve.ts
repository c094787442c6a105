/**
 * Works out what an expression in the user's code stands for in the API: the `Microsoft` root, one of
 * the catalogue's namespaces, or one catalogue method. Editor features need this on code that is still
 * being typed (`Microsoft.Omnichannel.` with no member yet is not a call), so member expressions are
 * read from syntax (no type checker), accepting global prefixes (`window.`, `parent.`…) and same-file
 * aliases (`const oc = Microsoft.Omnichannel`, `const { linkToConversation } = Microsoft.Omnichannel`).
 * Calls are looked up in the core's call recognition instead.
 */
import * as ts from 'typescript';
import { ALL_METHODS, findMethod, type MethodInfo } from '../catalogue';
import { GLOBALS, findApiCalls, unwrap, type ApiCall } from '../calls';
import { walk } from './syntax';

/** The namespaces completion offers under `Microsoft.`. */
export const NAMESPACES = [...new Set(ALL_METHODS.map(m => m.namespace))];

export type ApiTarget =
  | { readonly kind: 'root' }
  | { readonly kind: 'namespace'; readonly namespace: string }
  | { readonly kind: 'method'; readonly method: MethodInfo };

/** Aliases are computed once per parsed file; every edit yields a new SourceFile, so this never goes stale. */
const aliasCache = new WeakMap<ts.SourceFile, ReadonlyMap<string, ApiTarget | null>>();
const callCache = new WeakMap<ts.SourceFile, ReadonlyMap<ts.Node, ApiCall>>();

/** What `expr` refers to in the API, if anything. */
export function resolveTarget(expr: ts.Expression, sourceFile: ts.SourceFile): ApiTarget | undefined {
  return resolveWith(expr, aliasesOf(sourceFile), 0);
}

/**
 * The catalogue method a call's callee names, if any. Complete calls are looked up in the core's
 * scope-aware call recognition (the one the rules use), so editor features and diagnostics agree.
 */
export function resolveCallee(call: ts.CallExpression, sourceFile: ts.SourceFile): MethodInfo | undefined {
  return callsByNode(sourceFile).get(call)?.method;
}

function callsByNode(sourceFile: ts.SourceFile): ReadonlyMap<ts.Node, ApiCall> {
  let map = callCache.get(sourceFile);
  if (!map) {
    map = new Map(findApiCalls(sourceFile).map(c => [c.node, c]));
    callCache.set(sourceFile, map);
  }
  return map;
}

function resolveWith(expr: ts.Expression, aliases: ReadonlyMap<string, ApiTarget | null>, depth: number): ApiTarget | undefined {
  if (depth > 8) return undefined;
  const e = unwrap(expr);
  if (ts.isIdentifier(e)) {
    const alias = aliases.get(e.text);
    if (alias) return alias;
    return e.text === 'Microsoft' && alias === undefined ? { kind: 'root' } : undefined;
  }
  const member = memberName(e);
  if (!member) return undefined;
  const [object, name] = member;
  if (name === 'Microsoft' && isGlobalObject(object)) return { kind: 'root' };
  const parent = resolveWith(object, aliases, depth + 1);
  return parent ? memberOf(parent, name) : undefined;
}

/** `a.b` and `a["b"]` as `[a, "b"]`. */
function memberName(e: ts.Expression): [ts.Expression, string] | undefined {
  if (ts.isPropertyAccessExpression(e)) return [e.expression, e.name.text];
  if (ts.isElementAccessExpression(e) && ts.isStringLiteralLike(e.argumentExpression)) return [e.expression, e.argumentExpression.text];
  return undefined;
}

/** `window`, `parent.top`, `window.parent`…: chains of global objects under which `Microsoft` lives. */
function isGlobalObject(expr: ts.Expression): boolean {
  for (let e = unwrap(expr); ; ) {
    if (ts.isIdentifier(e)) return GLOBALS.has(e.text);
    const member = memberName(e);
    if (member === undefined || !GLOBALS.has(member[1])) return false;
    e = unwrap(member[0]);
  }
}

/**
 * Names bound in this file to an API target. Scopes are ignored on purpose: an alias is a file-wide
 * habit, and a name bound to two different things is dropped (`null`) rather than guessed.
 */
function aliasesOf(sourceFile: ts.SourceFile): ReadonlyMap<string, ApiTarget | null> {
  const cached = aliasCache.get(sourceFile);
  if (cached) return cached;
  const bindings: { name: string; init: ts.Expression; property?: string }[] = [];
  walk(sourceFile, node => {
    if (ts.isVariableDeclaration(node) && node.initializer) {
      if (ts.isIdentifier(node.name)) {
        bindings.push({ name: node.name.text, init: node.initializer });
      } else if (ts.isObjectBindingPattern(node.name)) {
        for (const element of node.name.elements) {
          if (!ts.isIdentifier(element.name) || element.dotDotDotToken) continue;
          const property = element.propertyName && ts.isIdentifier(element.propertyName) ? element.propertyName.text : element.name.text;
          bindings.push({ name: element.name.text, init: node.initializer, property });
        }
      }
    }
    return true;
  });

  const aliases = new Map<string, ApiTarget | null>();
  // Aliases may build on aliases (`const ms = window.Microsoft; const oc = ms.Omnichannel`): a few rounds settle them.
  for (let round = 0; round < 3; round++) {
    let changed = false;
    for (const b of bindings) {
      let target = resolveWith(b.init, aliases, 0);
      if (target && b.property !== undefined) target = memberOf(target, b.property);
      if (!target) continue;
      const known = aliases.get(b.name);
      if (known === undefined) {
        aliases.set(b.name, target);
        changed = true;
      } else if (known !== null && !sameTarget(known, target)) {
        aliases.set(b.name, null);
        changed = true;
      }
    }
    if (!changed) break;
  }
  aliasCache.set(sourceFile, aliases);
  return aliases;
}

function memberOf(target: ApiTarget, name: string): ApiTarget | undefined {
  if (target.kind === 'root') {
    const namespace = `Microsoft.${name}`;
    return NAMESPACES.includes(namespace) ? { kind: 'namespace', namespace } : undefined;
  }
  if (target.kind === 'namespace') {
    const method = findMethod(target.namespace, name);
    return method ? { kind: 'method', method } : undefined;
  }
  return undefined;
}

function sameTarget(a: ApiTarget, b: ApiTarget): boolean {
  if (a.kind !== b.kind) return false;
  if (a.kind === 'namespace' && b.kind === 'namespace') return a.namespace === b.namespace;
  if (a.kind === 'method' && b.kind === 'method') return a.method === b.method;
  return true;
}
