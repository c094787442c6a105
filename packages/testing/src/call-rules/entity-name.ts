/**
 * The entity-name rule both link backends apply, exactly as strict as the real API: the logical name
 * must match exactly. A rejection names the table meant and why the text given is not its name.
 */
import { intendedEntity } from '@omnichannel-tools/core/catalogue';
import { LinkError, type EntityLogicalName, type LinkMethod } from '../protocol/link';

const ENTITY_NAMES: readonly EntityLogicalName[] = ['account', 'contact', 'incident'];

/** The exact logical name, or a rejection that names the one meant. */
export function checkEntityName(fn: LinkMethod, value: unknown): EntityLogicalName {
  if (typeof value !== 'string') {
    throw new LinkError(fn, 'invalid-entity-name', `entityLogicalName must be a string: "account", "contact" or "incident" (got ${typeof value}).`);
  }
  const exact = ENTITY_NAMES.find(n => n === value);
  if (exact) return exact;
  if (value.trim() === '') {
    throw new LinkError(fn, 'invalid-entity-name', 'entityLogicalName is empty: pass "account", "contact" or "incident".');
  }
  const meant = intendedEntity(value);
  if (meant) {
    const why = value.toLowerCase() === meant.logicalName
      ? 'lower case'
      : value.trim() === meant.logicalName
        ? 'without spaces'
        : value.toLowerCase() === meant.entitySet
          ? `logical names are singular; "${meant.entitySet}" is the entity set name`
          : `the logical name of the ${meant.displayName} table`;
    throw new LinkError(fn, 'invalid-entity-name', `"${value}" is not an entity logical name: use "${meant.logicalName}" (${why}).`);
  }
  throw new LinkError(
    fn,
    'invalid-entity-name',
    `"${value}" cannot be linked to a conversation: only "account", "contact" (the customer) and "incident" (the case) can.`,
  );
}
