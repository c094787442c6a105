/**
 * How a link call is put into words for a person: tables by their display names ("case", not
 * `incident`, taken from the catalogue's entity table), records by their names, conversations by their
 * customer and channel, and a finished call as one sentence ("Linked case CAS-01024: Printer offline to
 * the conversation with Maria Campbell (chat)"). The notifications, the palette flow and the panel all
 * use these, so a call reads the same everywhere. Pure, no `vscode` import.
 */
import { ENTITIES } from '@omnichannel-tools/core/catalogue';
import type { CallNames, CallSource, ConversationSummary, HistoryEntry, LinkMethod, LinkOutcome, LinkRequest } from '../../protocol/link';

/** "case" for `incident`, "account", "contact"; an unknown logical name is shown as given. */
export function entityWord(logicalName: string): string {
  const entity = ENTITIES.find(e => e.logicalName === logicalName);
  return entity ? entity.displayName.toLowerCase() : logicalName;
}

/** "Case" for `incident` (a sentence's first word, a heading). */
export function entityTitle(logicalName: string): string {
  const word = entityWord(logicalName);
  return word.charAt(0).toUpperCase() + word.slice(1);
}

/** The first 8 hex digits and an ellipsis: enough to tell ids apart in a sentence. */
export function shortId(id: string): string {
  return id.length > 13 ? `${id.slice(0, 8)}…` : id;
}

/** "case CAS-01024: Printer offline", or "case c0ffee00…" when the name is unknown. */
export function recordPhrase(logicalName: string, recordId: string, name: string | undefined): string {
  return `${entityWord(logicalName)} ${(typeof name === 'string' && name.trim()) || shortId(recordId)}`;
}

/**
 * The channel a conversation title starts with ("Chat: …" → "chat", "SMS: …" → "SMS"), and the rest of
 * the title. Titles without such a prefix have no channel.
 */
export function splitTitle(title: string): { readonly channel?: string; readonly topic: string } {
  const match = /^\s*([A-Za-z][A-Za-z ]{0,19}):\s+(\S.*)$/.exec(title);
  if (!match) return { topic: title.trim() };
  const prefix = match[1]!.trim();
  // Acronyms (SMS) stay as they are; words (Chat, Voice) read better in lower case mid-sentence.
  const channel = prefix === prefix.toUpperCase() ? prefix : prefix.toLowerCase();
  return { channel, topic: match[2]!.trim() };
}

/**
 * "the conversation with Maria Campbell (chat)"; without a customer, "the conversation “Invoice shows
 * the wrong VAT rate” (voice)"; with neither, "conversation 9d8e7f60…"; no id, "the focused conversation".
 */
export function conversationPhrase(conversationId: string | undefined, names: Pick<CallNames, 'conversationTitle' | 'customer'> = {}): string {
  // Names may come from stored history: anything but a string counts as unknown.
  const { channel, topic } = splitTitle(typeof names.conversationTitle === 'string' ? names.conversationTitle : '');
  const customer = typeof names.customer === 'string' ? names.customer.trim() : '';
  const via = channel ? ` (${channel})` : '';
  if (customer) return `the conversation with ${customer}${via}`;
  if (topic) return `the conversation “${topic}”${via}`;
  if (conversationId === undefined) return 'the focused conversation';
  return `conversation ${shortId(conversationId)}`;
}

/** The names a conversation summary gives (title and customer). */
export function conversationNames(conversation: Pick<ConversationSummary, 'title' | 'customer'>): Pick<CallNames, 'conversationTitle' | 'customer'> {
  return {
    ...(conversation.title ? { conversationTitle: conversation.title } : {}),
    ...(conversation.customer?.name ? { customer: conversation.customer.name } : {}),
  };
}

/** "Link" / "Unlink". */
export function verb(method: LinkMethod): string {
  return method === 'linkToConversation' ? 'Link' : 'Unlink';
}

/**
 * One sentence for a finished call: "Linked case CAS-01024: Printer offline to the conversation with
 * Maria Campbell (chat)", "Unlinked … from …", "Could not link … to …". The reason of a failure is
 * the outcome's own message, shown next to it.
 */
export function callSentence(method: LinkMethod, request: LinkRequest, outcome: LinkOutcome | undefined, names: CallNames = {}): string {
  const record = recordPhrase(request.entityLogicalName, request.recordId, names.record);
  const conversationId = outcome?.status === 'success' ? outcome.conversationId : request.conversationId;
  // A success names the conversation the API used, which for an omitted id is the focused one.
  const conversation = conversationPhrase(request.conversationId === undefined && outcome?.status !== 'success' ? undefined : conversationId, names);
  const preposition = method === 'linkToConversation' ? 'to' : 'from';
  if (outcome === undefined) return `${verb(method)} ${record} ${preposition} ${conversation}`;
  if (outcome.status === 'success') return `${verb(method)}ed ${record} ${preposition} ${conversation}`;
  return `Could not ${verb(method).toLowerCase()} ${record} ${preposition} ${conversation}`;
}

/** The sentence of a history entry. */
export function entrySentence(entry: Pick<HistoryEntry, 'method' | 'request' | 'outcome' | 'names'>): string {
  return callSentence(entry.method, entry.request, entry.outcome, entry.names);
}

/** "from the palette", "from a code lens": where a call was started, for the panel's history. */
export const SOURCE_WORDS: Record<CallSource, string> = {
  panel: 'from the panel',
  palette: 'from the palette',
  codeLens: 'from a code lens',
  cursor: 'from Run Call at Cursor',
  command: 'from a command',
  notification: 'from a notification',
};

/** The call that reverses a method: unlink for a link, link for an unlink. */
export function inverseMethod(method: LinkMethod): LinkMethod {
  return method === 'linkToConversation' ? 'unlinkFromConversation' : 'linkToConversation';
}

/**
 * The request that undoes a successful call: the same record on the conversation the API actually
 * used (for an omitted id, the one that was focused then, which may not be focused any more).
 */
export function undoRequest(request: LinkRequest, outcome: LinkOutcome): LinkRequest | undefined {
  if (outcome.status !== 'success') return undefined;
  return { entityLogicalName: request.entityLogicalName, recordId: request.recordId, conversationId: outcome.conversationId };
}
