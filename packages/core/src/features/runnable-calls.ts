/**
 * Finds the link/unlink calls that can be run from the editor: their arguments are string literals or
 * same-file string constants, so the values are known without running the user's code. Built on the
 * core's call recognition, so a call the linter sees is exactly a call the editor can run.
 */
import type * as ts from 'typescript';
import { LINK_METHODS, OMNICHANNEL_NAMESPACE } from '../catalogue';
import { findApiCalls, type ApiCall } from '../calls';
import type { RunnableCall } from '../types';
import type { ParsedDocument } from './syntax';
import { isCallComplete } from './typing';

type LinkMethod = RunnableCall['method'];
const ARGUMENT_NAMES = ['entity logical name', 'record id', 'conversation id'];

/**
 * Every runnable link/unlink call in the document, in source order; with `complete`, only the calls that
 * are written out (closed, nothing the parser had to invent), as a code lens wants them.
 */
export function runnableCalls(doc: ParsedDocument, options: { readonly complete?: boolean } = {}): RunnableCall[] {
  const out: RunnableCall[] = [];
  for (const call of linkCalls(doc)) {
    if (options.complete && !isCallComplete(call, doc.sourceFile)) continue;
    const result = toRunnable(call, doc.sourceFile);
    if (!('problem' in result)) out.push(result);
  }
  return out;
}

/** The innermost link/unlink call around `offset`, or a sentence saying why there is nothing to run there. */
export function runnableCallAt(doc: ParsedDocument, offset: number): RunnableCall | { problem: string } {
  const sf = doc.sourceFile;
  let best: ApiCall | undefined;
  for (const call of linkCalls(doc)) {
    if (offset < call.node.getStart(sf) || offset > call.node.end) continue;
    if (!best || call.node.getStart(sf) >= best.node.getStart(sf)) best = call;
  }
  if (!best) {
    return { problem: 'There is no Microsoft.Omnichannel.linkToConversation or unlinkFromConversation call at the cursor. Put the cursor inside one and run again.' };
  }
  return toRunnable(best, sf);
}

function linkCalls(doc: ParsedDocument): ApiCall[] {
  return findApiCalls(doc.sourceFile).filter(c => c.namespace === OMNICHANNEL_NAMESPACE && c.method !== undefined && LINK_METHODS.has(c.member));
}

function toRunnable(call: ApiCall, sf: ts.SourceFile): RunnableCall | { problem: string } {
  const method = call.member as LinkMethod;
  const args = call.args;
  if (args.length > 3) return { problem: `This ${method} call has ${args.length} arguments; it takes at most 3 (entity logical name, record id, conversation id).` };
  const values: string[] = [];
  for (let i = 0; i < Math.max(2, args.length); i++) {
    const arg = args[i];
    if (!arg || arg.end - arg.getStart(sf) === 0) {
      return { problem: `This ${method} call has no ${ARGUMENT_NAMES[i]} yet. Complete the call and run again.` };
    }
    const value = call.resolveString(arg)?.value;
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
    start: call.node.getStart(sf),
    end: call.node.end,
    method,
    entityLogicalName,
    recordId,
    ...(conversationId !== undefined ? { conversationId } : {}),
  };
}
