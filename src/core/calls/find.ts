/**
 * Finds every call of a `Microsoft.Omnichannel` or `Microsoft.Apm` member in a file, in source order.
 * Results are cached per parsed file (an edit yields a new SourceFile), so rules and editor features share one walk.
 */
import * as ts from 'typescript';
import { findMethod } from '../../catalogue';
import type { ApiCall, ResolvedString } from './types';
import { evaluate, GLOBALS, leftmostIdentifier } from './resolve';
import type { Scope } from './scope';
import { walk } from './walk';

const cache = new WeakMap<ts.SourceFile, readonly ApiCall[]>();

/** Anything holding a parsed file: a `ts.SourceFile` or an `OmnichannelDocument`. */
export type HasSourceFile = ts.SourceFile | { readonly sourceFile: ts.SourceFile };

export function findApiCalls(source: HasSourceFile): readonly ApiCall[] {
  const sourceFile = 'kind' in source ? source : source.sourceFile;
  let calls = cache.get(sourceFile);
  if (!calls) {
    calls = collect(sourceFile);
    cache.set(sourceFile, calls);
  }
  return calls;
}

function collect(sourceFile: ts.SourceFile): readonly ApiCall[] {
  const { calls, valueNames } = walk(sourceFile);
  const found: ApiCall[] = [];
  for (const { call, scope } of calls) {
    // Cheap test first: the chain must start at `Microsoft`, a global prefix or a name bound to a value.
    const left = leftmostIdentifier(call.expression);
    if (!left || !(left.text === 'Microsoft' || GLOBALS.has(left.text) || valueNames.has(left.text))) continue;
    const target = evaluate(call.expression, scope);
    if (target?.kind !== 'member') continue;
    found.push(new RecognisedCall(target.namespace, target.member, target.node, call, scope));
  }
  return found.sort((a, b) => a.node.pos - b.node.pos);
}

class RecognisedCall implements ApiCall {
  readonly method;
  readonly args;

  constructor(
    readonly namespace: ApiCall['namespace'],
    readonly member: string,
    readonly memberNode: ts.Node,
    readonly node: ts.CallExpression,
    private readonly scope: Scope,
  ) {
    this.method = findMethod(namespace, member);
    this.args = node.arguments;
  }

  resolveString(expr: ts.Expression): ResolvedString | undefined {
    const target = evaluate(expr, this.scope);
    return target?.kind === 'string' ? { value: target.value, node: target.node } : undefined;
  }
}
