/**
 * A linked record as both link backends treat and name it: which of a conversation's two lookups it
 * fills, and how a message names it, so the simulator and a real environment say the same thing.
 */
import type { EntityLogicalName, RecordRef } from '../protocol/link';

/** The conversation's lookup a record of this table fills. */
export function slotName(entity: EntityLogicalName): 'case' | 'customer' {
  return entity === 'incident' ? 'case' : 'customer';
}

/** `account "Fabrikam"`, or `account <id>` when the name is unknown. */
export function describeRecord(ref: RecordRef): string {
  return ref.name === undefined ? `${ref.entityLogicalName} ${ref.id}` : `${ref.entityLogicalName} "${ref.name}"`;
}
