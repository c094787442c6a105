/**
 * Checks of a link call's arguments, exactly as strict as the real API: entity logical names match
 * exactly, ids must be GUIDs. Each rejection says what is wrong and how to fix it.
 */
import { intendedEntity } from '@omnichannel-tools/core/catalogue';
import { GUID_EXAMPLE, readGuid } from '../../protocol/guid';
import { LinkError, type EntityLogicalName, type LinkMethod } from '../../protocol/link';

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

/**
 * The id in the API's form. Upper-case hex is accepted because Dataverse compares GUIDs
 * case-insensitively; spaces, braces and missing hyphens are rejected as the real API rejects them.
 */
export function checkGuid(fn: LinkMethod, value: unknown, argument: 'recordId' | 'conversationId'): string {
  const code = argument === 'recordId' ? 'invalid-record-id' : 'invalid-conversation-id';
  if (typeof value !== 'string' || value === '') {
    const got = typeof value === 'string' ? 'an empty string' : typeof value;
    throw new LinkError(fn, code, `${argument} must be a GUID string like ${GUID_EXAMPLE} (got ${got}).`);
  }
  const reading = readGuid(value);
  if (reading.kind !== 'guid') {
    const reason = reading.kind === 'empty' ? 'it holds only spaces' : reading.reason;
    throw new LinkError(fn, code, `${argument} "${shorten(value)}" is not a GUID: ${reason}; expected 32 hex digits in the form ${GUID_EXAMPLE}.`);
  }
  const { guid, departures } = reading;
  if (departures.includes('spaces')) throw new LinkError(fn, code, `${argument} "${value}" has spaces around it: remove them.`);
  if (departures.includes('braces')) {
    throw new LinkError(
      fn,
      code,
      `${argument} "${value}" has braces: remove the braces and pass "${guid}" (formContext.data.entity.getId() returns ids with braces).`,
    );
  }
  if (departures.includes('no-hyphens')) throw new LinkError(fn, code, `${argument} "${value}" has no hyphens: pass "${guid}".`);
  return guid;
}

function shorten(text: string): string {
  return text.length > 60 ? `${text.slice(0, 57)}…` : text;
}
