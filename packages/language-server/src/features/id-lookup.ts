/**
 * Records and conversations of the client's active environment inside a link/unlink call's id arguments:
 * completion items that show a name and insert the GUID, and a hover section saying which record an id
 * is. The data comes from the client through `omnichannel/lookupIds`, only when the client announced it
 * answers that request; every failure (no answer in time, a cancelled request, an error) means no items.
 */
import {
  CancellationTokenSource,
  CompletionItemKind,
  type CancellationToken,
  type CompletionItem,
  type CompletionList,
} from 'vscode-languageserver/node';
import { idArgumentForCompletion, idArgumentForHover, type IdArgument, type OmnichannelDocument } from '@omnichannel-tools/core';
import type { ServerContext } from '../context';
import { toRange } from '../convert';
import { describeError } from '../guard';
import { LOOKUP_IDS_OPTION, LOOKUP_TIMEOUT_MS, LookupIdsRequest, type LookupIdsParams, type LookupIdsResult } from '../protocol';

/** Whether the client said, in `initializationOptions`, that it answers `omnichannel/lookupIds`. */
export function clientAnswersLookups(initializationOptions: unknown): boolean {
  return typeof initializationOptions === 'object' && initializationOptions !== null && (initializationOptions as Record<string, unknown>)[LOOKUP_IDS_OPTION] === true;
}

/**
 * Completion inside an id argument: `undefined` when the cursor is not in one (other completion runs),
 * otherwise the environment's items, marked incomplete so the editor asks again as the user types
 * (the typed text filters on the environment's side).
 */
export async function idCompletions(ctx: ServerContext, doc: OmnichannelDocument, offset: number, token: CancellationToken): Promise<CompletionList | undefined> {
  if (!ctx.lookupIds) return undefined;
  const arg = idArgumentForCompletion(doc, offset);
  if (!arg) return undefined;
  const result = await lookup(ctx, { kind: 'search', role: arg.role, ...entity(arg), text: arg.text }, token);
  if (!result) return { isIncomplete: true, items: [] };
  const range = toRange(doc, arg.replace);
  const items: CompletionItem[] = result.items.map((item, index) => ({
    label: item.label,
    kind: arg.role === 'record' ? CompletionItemKind.Reference : CompletionItemKind.Event,
    ...(item.detail === undefined ? {} : { detail: item.detail }),
    documentation: `${item.id} in ${result.environment}`,
    textEdit: { range, newText: arg.quote ? `"${item.id}"` : item.id },
    // The typed text first, so a list still on screen keeps its items while the next answer is on its way.
    filterText: `${arg.text} ${item.label} ${item.id}`,
    sortText: String(index).padStart(4, '0'),
  }));
  if (result.notice) {
    items.push({
      label: result.notice.title,
      kind: CompletionItemKind.Text,
      // Picking it changes nothing in the text; it runs the command (e.g. sign-in).
      textEdit: { range, newText: doc.text.slice(arg.replace.start, arg.replace.end) },
      filterText: `${arg.text} ${result.notice.title}`,
      sortText: '9999',
      command: { title: result.notice.title, command: result.notice.command, ...(result.notice.arguments ? { arguments: [...result.notice.arguments] } : {}) },
    });
  }
  return { isIncomplete: true, items };
}

/** A hover section naming the record or conversation an id literal points to, or saying there is none. */
export async function idHoverSection(ctx: ServerContext, doc: OmnichannelDocument, offset: number, token: CancellationToken): Promise<string | undefined> {
  if (!ctx.lookupIds) return undefined;
  const arg = idArgumentForHover(doc, offset);
  if (!arg || arg.text.trim() === '') return undefined;
  const result = await lookup(ctx, { kind: 'resolve', role: arg.role, ...entity(arg), id: arg.text }, token);
  if (!result || result.notAnId) return undefined;
  const [found] = result.items;
  if (found) return `**${escape(found.label)}**${found.detail ? ` — ${escape(found.detail)}` : ''} (${escape(result.environment)})`;
  if (result.notice) return `${escape(result.notice.title)}.`;
  const what = arg.role === 'conversation' ? 'conversation' : arg.entityLogicalName && isEntity(arg.entityLogicalName) ? `${arg.entityLogicalName} record` : 'account, contact or incident record';
  return `The active environment, ${escape(result.environment)}, has no ${what} with this id.`;
}

/** Sends the request; gives up (quietly) when the asking feature is cancelled or the client is slow. */
async function lookup(ctx: ServerContext, params: LookupIdsParams, token: CancellationToken): Promise<LookupIdsResult | undefined> {
  const source = new CancellationTokenSource();
  const onCancel = token.onCancellationRequested(() => source.cancel());
  let timer: NodeJS.Timeout | undefined;
  const givenUp = new Promise<undefined>(resolve => {
    timer = setTimeout(() => {
      source.cancel();
      resolve(undefined);
    }, LOOKUP_TIMEOUT_MS);
    source.token.onCancellationRequested(() => resolve(undefined));
  });
  try {
    const answer = ctx.connection.sendRequest<LookupIdsResult | null>(LookupIdsRequest, params, source.token).then(
      r => (isResult(r) ? r : undefined),
      error => {
        if (!source.token.isCancellationRequested) ctx.log.warn(`The client could not look up ids: ${describeError(error)}`);
        return undefined;
      },
    );
    return await Promise.race([answer, givenUp]);
  } finally {
    clearTimeout(timer);
    onCancel.dispose();
    source.dispose();
  }
}

/** The answer crosses a process boundary: a malformed one counts as no answer. */
function isResult(value: unknown): value is LookupIdsResult {
  if (typeof value !== 'object' || value === null) return false;
  const r = value as Partial<LookupIdsResult>;
  return typeof r.environment === 'string' && Array.isArray(r.items) && r.items.every(i => typeof i?.id === 'string' && typeof i.label === 'string');
}

function entity(arg: IdArgument): { entityLogicalName?: string } {
  return arg.entityLogicalName === undefined ? {} : { entityLogicalName: arg.entityLogicalName };
}

function isEntity(name: string): boolean {
  return name === 'account' || name === 'contact' || name === 'incident';
}

/** Names come from the environment's data: keep Markdown from reading them as formatting. */
function escape(text: string): string {
  return text.replace(/[\\`*_{}[\]()#+!|<>]/g, '\\$&');
}
