/**
 * How a record or conversation reads in completion and hover: "Case CAS-01024-Q8B2: Printer jams on
 * tray 2", "Contoso Ltd (account)", a conversation's title with its status, customer and case.
 */
import type { LookupItem } from '@omnichannel-tools/language-server';
import type { ConversationSummary } from '../../protocol/link';
import type { RecordSummary } from '../../backends/types';

const UNNAMED = '(no name)';

export function recordItem(record: RecordSummary): LookupItem {
  const name = record.name ?? UNNAMED;
  const label = record.entityLogicalName === 'incident'
    ? `Case${record.number ? ` ${record.number}` : ''}: ${name}`
    : `${name} (${record.entityLogicalName})`;
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
