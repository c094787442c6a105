/**
 * Works out what an expression in the user's code stands for in the API: the `Microsoft` root, one of
 * the catalogue's namespaces, or one catalogue method. Editor features need this on code that is still
 * being typed (`Microsoft.Omnichannel.` with no member yet is not a call), so expressions are resolved by
 * the core's own resolver, the one the rules use: aliases, destructuring, global prefixes, guards and
 * accessor functions are followed, with scopes, exactly as diagnostics see them. Calls are looked up in
 * the core's call recognition.
 */
import * as ts from 'typescript';
import { findMethod, findNamespace, type MethodInfo, type PropertyInfo } from '../catalogue';
import { findApiCalls, targetOf, unwrap, type ApiCall } from '../calls';

export type ApiTarget =
  | { readonly kind: 'root' }
  | { readonly kind: 'namespace'; readonly namespace: string }
  | { readonly kind: 'method'; readonly method: MethodInfo }
  | { readonly kind: 'property'; readonly namespace: string; readonly property: PropertyInfo };

const callCache = new WeakMap<ts.SourceFile, ReadonlyMap<ts.Node, ApiCall>>();

/** What `expr` refers to in the API, if anything. */
export function resolveTarget(expr: ts.Expression, sourceFile: ts.SourceFile): ApiTarget | undefined {
  const target = targetOf(expr, sourceFile);
  switch (target?.kind) {
    case 'root':
      return { kind: 'root' };
    case 'namespace':
      return { kind: 'namespace', namespace: target.namespace };
    case 'member': {
      const method = findMethod(target.namespace, target.member);
      return method && { kind: 'method', method };
    }
    default:
      return propertyOf(expr, sourceFile);
  }
}

/** A property a customization assigns on a namespace (`….TranslationFramework.getTranslationProvider`): nothing the rules call. */
function propertyOf(expr: ts.Expression, sourceFile: ts.SourceFile): ApiTarget | undefined {
  const e = unwrap(expr);
  if (!ts.isPropertyAccessExpression(e)) return undefined;
  const owner = targetOf(e.expression, sourceFile);
  if (owner?.kind !== 'namespace') return undefined;
  const property = findNamespace(owner.namespace)?.properties?.find(p => p.name === e.name.text);
  return property && { kind: 'property', namespace: owner.namespace, property };
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
