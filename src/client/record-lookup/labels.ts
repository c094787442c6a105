/**
 * How a record or conversation reads in completion and hover: "Case CAS-01024-Q8B2: Printer jams on
 * tray 2", "Contoso Ltd (account)", a conversation's title with its status, customer and case.
 */
import type { LookupItem } from '../../protocol/lookup';
import type { ConversationSummary } from '../../protocol/link';
import type { RecordSummary } from '../../backends/types';

const UNNAMED = '(no name)';
const CASE_NUMBER_FIRST = /^[A-Z]{2,}-\d+/;

export function recordItem(record: RecordSummary): LookupItem {
  const name = record.name ?? UNNAMED;
  const label = record.entityLogicalName !== 'incident' ? `${name} (${record.entityLogicalName})`
    : record.number ? `Case ${record.number}: ${name}`
    // A simulator seed often starts the name with the number ("CAS-01024: Printer offline").
    : CASE_NUMBER_FIRST.test(name) ? `Case ${name}` : `Case: ${name}`;
  const detail = [record.entityLogicalName, record.state?.toLowerCase()].filter(Boolean).join(' · ');
  return { id: record.id, label, detail, entityLogicalName: record.entityLogicalName };
}

export function conversationItem(conversation: ConversationSummary): LookupItem {
  const parts = [
    conversation.statusLabel + (conversation.focused ? ' (focused)' : ''),
    conversation.customer ? `customer ${conversation.customer.name ?? conversation.customer.id}` : 'no customer',
    ...(conversation.case ? [`case ${conversation.case.name ?? conversation.case.id}`] : []),
  ];
  return { id: conversation.id, label: conversation.title, detail: parts.join(' · ') };
}
