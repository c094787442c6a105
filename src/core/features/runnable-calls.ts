/**
 * Finds the link/unlink calls that can be run from the editor: their arguments are string literals or
 * same-file string constants, so the values are known without running the user's code.
 */
import * as ts from 'typescript';
import type { RunnableCall } from '../types';
import { resolveCallee, unwrap } from './resolve';
import { collect, type ParsedDocument } from './syntax';

type LinkMethod = RunnableCall['method'];
const LINK_METHODS: ReadonlySet<string> = new Set<LinkMethod>(['linkToConversation', 'unlinkFromConversation']);
const ARGUMENT_NAMES = ['entity logical name', 'record id', 'conversation id'];

const constantsCache = new WeakMap<ts.SourceFile, ReadonlyMap<string, string | null>>();

/** Every runnable link/unlink call in the document, in source order. */
export function runnableCalls(doc: ParsedDocument): RunnableCall[] {
  const sf = doc.sourceFile;
  const out: RunnableCall[] = [];
  for (const call of collect(sf, ts.isCallExpression)) {
    const method = linkMethod(call, sf);
    if (!method) continue;
    const result = toRunnable(call, method, sf);
    if (!('problem' in result)) out.push(result);
  }
  return out;
}

/** The link/unlink call around `offset`, or a sentence saying why there is nothing to run there. */
export function runnableCallAt(doc: ParsedDocument, offset: number): RunnableCall | { problem: string } {
  const sf = doc.sourceFile;
  let call: ts.CallExpression | undefined;
  let method: LinkMethod | undefined;
  const visit = (node: ts.Node): void => {
    if (offset < node.getStart(sf) || offset > node.end) return;
    const m = ts.isCallExpression(node) ? linkMethod(node, sf) : undefined;
    if (m) {
      call = node as ts.CallExpression;
      method = m;
    }
    ts.forEachChild(node, visit);
  };
  ts.forEachChild(sf, visit);
  if (!call || !method) {
    return { problem: 'There is no Microsoft.Omnichannel.linkToConversation or unlinkFromConversation call at the cursor. Put the cursor inside one and run again.' };
  }
  return toRunnable(call, method, sf);
}

function linkMethod(call: ts.CallExpression, sf: ts.SourceFile): LinkMethod | undefined {
  const method = resolveCallee(call, sf);
  return method && LINK_METHODS.has(method.name) ? (method.name as LinkMethod) : undefined;
}

function toRunnable(call: ts.CallExpression, method: LinkMethod, sf: ts.SourceFile): RunnableCall | { problem: string } {
  const values: string[] = [];
  const args = call.arguments;
  if (args.length > 3) return { problem: `This ${method} call has ${args.length} arguments; it takes at most 3 (entity logical name, record id, conversation id).` };
  for (let i = 0; i < Math.max(2, args.length); i++) {
    const arg = args[i];
    if (!arg || (ts.isIdentifier(arg) && arg.text === '')) {
      return { problem: `This ${method} call has no ${ARGUMENT_NAMES[i]} yet. Complete the call and run again.` };
    }
    const value = staticString(arg, sf);
    if (value === undefined) {
      const source = arg.getText(sf);
      return {
        problem: `The ${ARGUMENT_NAMES[i]} of this ${method} call (\`${source.length > 40 ? source.slice(0, 40) + '…' : source}\`) is only known at run time. ` +
          'Use a string literal or a string constant declared in this file to run the call from the editor, or use the Link Record command.',
      };
    }
    values.push(value);
  }
  const [entityLogicalName, recordId, conversationId] = values as [string, string, string | undefined];
  return {
    start: call.getStart(sf),
    end: call.end,
    method,
    entityLogicalName,
    recordId,
    ...(conversationId !== undefined ? { conversationId } : {}),
  };
}

/** The value of a string literal, or of an identifier bound once in this file to a string literal by `const`. */
export function staticString(expr: ts.Expression, sf: ts.SourceFile): string | undefined {
  const e = unwrap(expr);
  if (ts.isStringLiteralLike(e)) return e.text;
  if (ts.isIdentifier(e)) return constantsOf(sf).get(e.text) ?? undefined;
  return undefined;
}

/** `const NAME = "value"` bindings in the file; a name declared twice (or not as const) is unknown (`null`). */
function constantsOf(sf: ts.SourceFile): ReadonlyMap<string, string | null> {
  const cached = constantsCache.get(sf);
  if (cached) return cached;
  const constants = new Map<string, string | null>();
  for (const decl of collect(sf, ts.isVariableDeclaration)) {
    if (!ts.isIdentifier(decl.name)) continue;
    const name = decl.name.text;
    const isConst = ts.isVariableDeclarationList(decl.parent) && (decl.parent.flags & ts.NodeFlags.Const) !== 0;
    const init = decl.initializer && unwrap(decl.initializer);
    const value = isConst && init && ts.isStringLiteralLike(init) ? init.text : null;
    constants.set(name, constants.has(name) ? null : value);
  }
  constantsCache.set(sf, constants);
  return constants;
}

