/**
 * The documented behaviour of `linkToConversation` / `unlinkFromConversation`, as pure functions
 * from (state, request) to (new state, API-shaped result). The simulator class only adds storage
 * and events around them.
 */
import { LinkError, type EntityLogicalName, type LinkMethod, type LinkRequest, type LinkSuccess, type RecordRef } from '../protocol/link';
import { isLinkable, notLinkableReason, statusLabel, type LinkableStatus } from '../call-rules/conversation-status';
import { checkEntityName } from '../call-rules/entity-name';
import { checkGuid } from '../call-rules/guid-argument';
import { describeRecord as describe, slotName } from '../call-rules/records';
import { SEED_FILE, type SimulatorConversation, type SimulatorData } from './types';

export interface RuleOutcome {
  readonly data: SimulatorData;
  readonly success: LinkSuccess;
  /** False when the call changed nothing (linking what is already linked). */
  readonly changed: boolean;
}

export function recordName(data: SimulatorData, entity: EntityLogicalName, id: string): string | undefined {
  return data.records[entity].find(r => r.id === id)?.name;
}

export function link(data: SimulatorData, request: LinkRequest, mode: LinkableStatus): RuleOutcome {
  const fn: LinkMethod = 'linkToConversation';
  const { entity, recordId, conversation } = resolve(fn, data, request, mode);
  const name = recordName(data, entity, recordId);
  if (name === undefined) {
    throw new LinkError(
      fn,
      'record-not-found',
      `No ${entity} with id "${recordId}" exists in the simulator: pick a record from the panel's search, or add it to records.${entity} in ${SEED_FILE}.`,
    );
  }
  const target = describe({ entityLogicalName: entity, id: recordId, name });
  const where = `conversation "${conversation.title}"`;
  const current = currentLink(data, conversation, entity);
  const base = { status: 'success' as const, entityLogicalName: entity, recordId, conversationId: conversation.id };
  if (current && current.entityLogicalName === entity && current.id === recordId) {
    return { data, changed: false, success: { ...base, message: `${target} was already linked to ${where}: nothing changed.` } };
  }
  const updated: SimulatorConversation = entity === 'incident'
    ? { ...conversation, case: { id: recordId } }
    : { ...conversation, customer: { entity, id: recordId } };
  const replacedText = current ? ` It replaced ${describe(current)} as the conversation's ${slotName(entity)}.` : '';
  return {
    data: withConversation(data, updated),
    changed: true,
    success: { ...base, message: `Linked ${target} to ${where}.${replacedText}`, ...(current ? { replaced: current } : {}) },
  };
}

/**
 * Unlinking follows the same active-conversation rule as linking: the documentation only states
 * the rule for links, but a closed conversation is a record of what happened, so changing its
 * links either way is refused.
 */
export function unlink(data: SimulatorData, request: LinkRequest, mode: LinkableStatus): RuleOutcome {
  const fn: LinkMethod = 'unlinkFromConversation';
  const { entity, recordId, conversation } = resolve(fn, data, request, mode);
  const current = currentLink(data, conversation, entity);
  const slot = slotName(entity);
  const name = recordName(data, entity, recordId);
  const target = describe({ entityLogicalName: entity, id: recordId, ...(name === undefined ? {} : { name }) });
  const where = `conversation "${conversation.title}"`;
  if (!current || current.entityLogicalName !== entity || current.id !== recordId) {
    const linked = current ? `its ${slot} is ${describe(current)}` : `it has no ${slot} linked`;
    throw new LinkError(fn, 'not-linked', `${capitalise(target)} is not linked to ${where}: ${linked}.`);
  }
  const updated: SimulatorConversation = entity === 'incident' ? { ...conversation, case: null } : { ...conversation, customer: null };
  return {
    data: withConversation(data, updated),
    changed: true,
    success: { status: 'success', entityLogicalName: entity, recordId, conversationId: conversation.id, message: `Unlinked ${target} from ${where}.` },
  };
}

/** The checks both calls share, in the order the arguments are written. */
function resolve(fn: LinkMethod, data: SimulatorData, request: LinkRequest, mode: LinkableStatus) {
  const entity = checkEntityName(fn, request.entityLogicalName);
  const recordId = checkGuid(fn, request.recordId, 'recordId');
  const conversation = findTarget(fn, data, request.conversationId);
  if (!isLinkable(conversation.statuscode, mode)) {
    throw new LinkError(
      fn,
      'conversation-not-active',
      `Conversation "${conversation.title}" is ${statusLabel(conversation.statuscode)} (statuscode ${conversation.statuscode}): ${notLinkableReason(fn, mode)}`,
    );
  }
  return { entity, recordId, conversation };
}

/** An omitted conversation id (undefined, null or "") means the focused conversation, as in the agent's session. */
function findTarget(fn: LinkMethod, data: SimulatorData, conversationId: unknown): SimulatorConversation {
  if (conversationId === undefined || conversationId === null || conversationId === '') {
    const focused = data.conversations.find(c => c.id === data.focusedConversationId);
    if (!focused) {
      throw new LinkError(
        fn,
        'no-focused-conversation',
        'No conversationId was passed and no conversation is focused in the simulator: pass a conversation id, or focus a conversation in the panel.',
      );
    }
    return focused;
  }
  const id = checkGuid(fn, conversationId, 'conversationId');
  const conversation = data.conversations.find(c => c.id === id);
  if (!conversation) {
    throw new LinkError(
      fn,
      'conversation-not-found',
      `No conversation with id "${id}" exists in the simulator: pick one from the panel's list, or add it to conversations in ${SEED_FILE}.`,
    );
  }
  return conversation;
}

/** What fills the slot `entity` belongs to (customer for account/contact, case for incident). */
function currentLink(data: SimulatorData, conversation: SimulatorConversation, entity: EntityLogicalName): RecordRef | undefined {
  const ref = entity === 'incident'
    ? conversation.case && { entityLogicalName: 'incident' as const, id: conversation.case.id }
    : conversation.customer && { entityLogicalName: conversation.customer.entity, id: conversation.customer.id };
  if (!ref) return undefined;
  const name = recordName(data, ref.entityLogicalName, ref.id);
  return name === undefined ? ref : { ...ref, name };
}

function withConversation(data: SimulatorData, updated: SimulatorConversation): SimulatorData {
  return { ...data, conversations: data.conversations.map(c => (c.id === updated.id ? updated : c)) };
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
