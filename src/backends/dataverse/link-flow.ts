/**
 * Link and unlink against Dataverse, with the rules Dataverse itself does not enforce (exact entity
 * names, GUIDs, active conversations only, unlink only what is linked) and a write that is never
 * duplicated nor silently lost.
 *
 * Decisions about a write (PATCH bind / DELETE $ref) whose outcome is unknown:
 * - 401 and 429 mean the write was not processed: the client re-sends it (token refresh, Retry-After).
 * - A timeout, a lost connection, a 5xx or an unreadable 2xx body may hide an applied write, so the
 *   conversation is read back first. Applied → success (no second write).
 * - Not applied after a 5xx / lost connection / unreadable body → one retry. Setting a lookup to a value,
 *   or removing a reference, is idempotent, so even a late-landing first attempt cannot double anything.
 * - Not applied after a timeout → read back once more after a short wait (the request may still be on its
 *   way through the server); then the timeout is reported without a retry, saying the change was not
 *   confirmed and may still land, because a write the server is still processing cannot be ruled out.
 * - Cancelled while the write was in flight → read back: applied → success (the cancel came too late and
 *   the result says what is true); not applied → `cancelled`. A cancel during a throttling wait needs no
 *   read-back: nothing was sent.
 * - If the read-back fails too, the error says the outcome is unknown and to check before retrying.
 * Every successful write is confirmed by a read-back; the result reports what the slot held before.
 */
import { LinkError, type ConversationSummary, type EntityLogicalName, type LinkMethod, type LinkRequest, type LinkSuccess, type RecordRef } from '../../protocol/link';
import { notLinkableReason, statusLabel, type LinkableStatus, checkEntityName, checkGuid, describeRecord as describe, slotName } from '@omnichannel-tools/testing/call-rules';
import type { CallOptions } from '../types';
import type { ApiRequest, DataverseClient } from './client';
import { toLinkError, type Situation } from './errors';
import { DataverseFailure } from './failure';
import { bindRecord, unbindRecord } from './queries';
import { delay } from './timing';


export interface LinkFlowContext {
  readonly client: DataverseClient;
  readonly env: string;
  readonly linkableStatus: LinkableStatus;
  /** Reads one conversation (throws `DataverseFailure`). */
  readonly read: (conversationId: string, call: CallOptions) => Promise<ConversationSummary>;
  /** How long to wait before the second read-back after a timed-out write (default 3 s). */
  readonly settleMs?: number;
}

const DEFAULT_SETTLE_MS = 3000;

interface Checked {
  readonly entity: EntityLogicalName;
  readonly recordId: string;
  readonly conversationId: string;
}

export async function linkRecord(ctx: LinkFlowContext, request: LinkRequest, call: CallOptions): Promise<LinkSuccess> {
  const fn: LinkMethod = 'linkToConversation';
  const { entity, recordId, conversationId } = check(fn, request, ctx.env);
  const s: Situation = { functionName: fn, env: ctx.env, action: `link ${entity} ${recordId} to conversation ${conversationId}`, conversationId, record: { entity, id: recordId }, missing: 'conversation' };
  const before = await readActive(ctx, conversationId, fn, s, call);
  const previous = slotOf(before, entity);
  const base = { status: 'success' as const, entityLogicalName: entity, recordId, conversationId };
  const where = `conversation "${before.title}" in ${ctx.env}`;
  if (previous && sameRecord(previous, entity, recordId)) {
    return { ...base, message: `${describe(previous)} was already linked to ${where}: nothing changed.` };
  }
  // A 404 on the PATCH is about the bound record: a missing conversation answers 412 (If-Match: *).
  const after = await write(ctx, bindRecord(conversationId, entity, recordId), s, { ...s, missing: 'record' }, call, state => {
    const now = slotOf(state, entity);
    return now !== null && sameRecord(now, entity, recordId);
  });
  const linked = slotOf(after, entity) ?? { entityLogicalName: entity, id: recordId };
  const replacedText = previous ? ` It replaced ${describe(previous)} as the conversation's ${slotName(entity)}.` : '';
  return {
    ...base,
    message: `Linked ${describe(linked)} to ${where}.${replacedText} The agent's open session shows it after a refresh.`,
    ...(previous ? { replaced: previous } : {}),
  };
}

export async function unlinkRecord(ctx: LinkFlowContext, request: LinkRequest, call: CallOptions): Promise<LinkSuccess> {
  const fn: LinkMethod = 'unlinkFromConversation';
  const { entity, recordId, conversationId } = check(fn, request, ctx.env);
  const s: Situation = { functionName: fn, env: ctx.env, action: `unlink ${entity} ${recordId} from conversation ${conversationId}`, conversationId, record: { entity, id: recordId }, missing: 'conversation' };
  const before = await readActive(ctx, conversationId, fn, s, call);
  const current = slotOf(before, entity);
  const slot = slotName(entity);
  const where = `conversation "${before.title}" in ${ctx.env}`;
  if (!current || !sameRecord(current, entity, recordId)) {
    // DELETE $ref would remove whatever the slot holds: only unlink the record that is actually linked.
    const linked = current ? `its ${slot} is ${describe(current)}` : `it has no ${slot} linked`;
    throw new LinkError(fn, 'not-linked', `${entity} ${recordId} is not linked to ${where}: ${linked}.`);
  }
  await write(ctx, unbindRecord(conversationId, entity), s, s, call, state => {
    const now = slotOf(state, entity);
    return now === null || !sameRecord(now, entity, recordId);
  });
  return { status: 'success', entityLogicalName: entity, recordId, conversationId, message: `Unlinked ${describe(current)} from ${where}. The agent's open session shows it after a refresh.` };
}

/** A real environment has no focused conversation: the id is required. */
function check(fn: LinkMethod, request: LinkRequest, env: string): Checked {
  const entity = checkEntityName(fn, request.entityLogicalName);
  const recordId = checkGuid(fn, request.recordId, 'recordId');
  const raw: unknown = request.conversationId;
  if (raw === undefined || raw === null || raw === '') {
    throw new LinkError(fn, 'no-focused-conversation', `${env} is a real environment and has no focused conversation here: pass the conversation id (the third argument), or pick a conversation in the panel.`);
  }
  return { entity, recordId, conversationId: checkGuid(fn, raw, 'conversationId') };
}

async function readActive(ctx: LinkFlowContext, conversationId: string, fn: LinkMethod, s: Situation, call: CallOptions): Promise<ConversationSummary> {
  let conversation: ConversationSummary;
  try {
    conversation = await ctx.read(conversationId, call);
  } catch (error) {
    throw toLinkError(error, s);
  }
  if (!conversation.linkable) {
    // Dataverse would accept the write; the API refuses links on conversations that are not active.
    throw new LinkError(
      fn,
      'conversation-not-active',
      `Conversation "${conversation.title}" in ${ctx.env} is ${statusLabel(conversation.statuscode)} (statuscode ${conversation.statuscode}): ${notLinkableReason(fn, ctx.linkableStatus)}`,
    );
  }
  return conversation;
}

/** Sends a write and returns the conversation read back with the change confirmed (see the module comment). */
async function write(
  ctx: LinkFlowContext,
  request: ApiRequest,
  s: Situation,
  writeSituation: Situation,
  call: CallOptions,
  isApplied: (state: ConversationSummary) => boolean,
): Promise<ConversationSummary> {
  const conversationId = s.conversationId ?? '';
  for (let attempt = 1; ; attempt++) {
    try {
      await ctx.client.send(request, call);
      break;
    } catch (error) {
      if (!(error instanceof DataverseFailure) || !error.ambiguous) throw toLinkError(error, writeSituation);
      // After a cancel the caller's signal is spent: read back without it (still bounded by the timeout).
      const readCall = error.kind === 'cancelled' ? { ...(call.onProgress ? { onProgress: call.onProgress } : {}) } : call;
      const state = await readAfterAmbiguous(ctx, conversationId, error, writeSituation, readCall);
      if (isApplied(state)) return state;
      if (error.kind === 'timeout') {
        // The server may still be working on the write it never answered: look once more before saying so.
        await delay(ctx.settleMs ?? DEFAULT_SETTLE_MS, call.signal).catch(() => undefined);
        const later = await readAfterAmbiguous(ctx, conversationId, error, writeSituation, readCall);
        if (isApplied(later)) return later;
        const failure = toLinkError(error, writeSituation);
        throw new LinkError(
          failure.functionName,
          failure.code,
          `${failure.message} The change is not confirmed: reading conversation ${conversationId} back twice does not show it, but a request the server is still processing may land later. Check the conversation before trying again.`,
        );
      }
      if (error.kind === 'cancelled' || attempt >= 2) {
        const failure = toLinkError(error, writeSituation);
        throw new LinkError(failure.functionName, failure.code, `${failure.message} Reading the conversation back shows the change was not applied.`);
      }
      // Not applied: one retry, safe because the write is idempotent.
    }
  }
  let after: ConversationSummary;
  try {
    after = await ctx.read(conversationId, call);
  } catch (error) {
    const failure = toLinkError(error, s);
    throw new LinkError(failure.functionName, failure.code, `${ctx.env} accepted the change, but reading it back failed: ${failure.message}`);
  }
  if (!isApplied(after)) {
    const entity = s.record?.entity ?? 'account';
    const slot = slotName(entity);
    const now = slotOf(after, entity);
    throw new LinkError(
      s.functionName,
      'server-error',
      `${ctx.env} accepted the change, but conversation ${conversationId} now shows ${now ? describe(now) : `no ${slot}`} as its ${slot}: someone may have changed it at the same time. Check the conversation and try again.`,
    );
  }
  return after;
}

async function readAfterAmbiguous(ctx: LinkFlowContext, conversationId: string, original: DataverseFailure, s: Situation, call: CallOptions): Promise<ConversationSummary> {
  try {
    return await ctx.read(conversationId, call);
  } catch (readError) {
    const failure = toLinkError(original, s);
    const cancelled = readError instanceof DataverseFailure && readError.kind === 'cancelled';
    const unknown = cancelled ? 'Cancelled before the result could be checked' : 'Reading the conversation back failed too';
    throw new LinkError(failure.functionName, failure.code, `${failure.message} ${unknown}, so whether the change was applied is unknown: check conversation ${conversationId} before trying again.`);
  }
}

function slotOf(conversation: ConversationSummary, entity: EntityLogicalName): RecordRef | null {
  return entity === 'incident' ? conversation.case : conversation.customer;
}

function sameRecord(ref: RecordRef, entity: EntityLogicalName, id: string): boolean {
  return ref.entityLogicalName === entity && ref.id === id;
}
