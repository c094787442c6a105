/**
 * Which conversations accept links, and the words for a conversation's status. Both backends use this
 * one module, so the simulator and a real environment apply the same rule (the
 * `omnichannel.simulator.linkableStatus` setting governs both) and describe a refusal the same way.
 */
import { CONVERSATION_STATUSES } from '@omnichannel-tools/core/catalogue';
import type { LinkMethod } from '../protocol/link';

/** The values of `omnichannel.simulator.linkableStatus`. */
export const LINKABLE_STATUSES = ['active', 'open'] as const;

/**
 * Which conversations accept links. The documentation says "active" without defining it:
 * `active` = statuscode 2 only (Active, assigned to an agent); `open` = statecode 0 (Open, Active,
 * Waiting, Wrap-up: statuscode 1, 2, 3, 5).
 */
export type LinkableStatus = (typeof LINKABLE_STATUSES)[number];

export function linkableStatuscodes(mode: LinkableStatus): readonly number[] {
  return mode === 'active' ? [2] : CONVERSATION_STATUSES.filter(s => s.statecode === 0).map(s => s.statuscode);
}

export function isLinkable(statuscode: number, mode: LinkableStatus): boolean {
  return linkableStatuscodes(mode).includes(statuscode);
}

export function statusLabel(statuscode: number): string {
  return CONVERSATION_STATUSES.find(s => s.statuscode === statuscode)?.label ?? `Status ${statuscode}`;
}

/** The end of a `conversation-not-active` message: which conversations are accepted, and what to do. */
export function notLinkableReason(fn: LinkMethod, mode: LinkableStatus): string {
  const verb = fn === 'linkToConversation' ? 'links are' : 'unlinking is';
  const rule = mode === 'active'
    ? 'active conversations (statuscode 2). Pick an active conversation, or set omnichannel.simulator.linkableStatus to "open" to also accept Open, Waiting and Wrap-up conversations'
    : 'open conversations (statuscode 1, 2, 3 or 5: Open, Active, Waiting, Wrap-up). Pick an open conversation';
  return `${verb} accepted only on ${rule}.`;
}
