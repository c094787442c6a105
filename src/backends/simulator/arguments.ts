/**
 * Checks of a link call's arguments, exactly as strict as the real API: entity logical names match
 * exactly, ids must be GUIDs. Each rejection says what is wrong and how to fix it.
 */
import { intendedEntity } from '@omnichannel-tools/core/catalogue';
import { LinkError, type EntityLogicalName, type LinkMethod } from '../../protocol/link';

const ENTITY_NAMES: readonly EntityLogicalName[] = ['account', 'contact', 'incident'];
const CANONICAL = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const BRACED = /^\{([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})\}$/i;
const BARE = /^[0-9a-f]{32}$/i;
const EXAMPLE = '5a2a6a28-9f8e-4c38-9a4f-1a0b3c2d4e5f';

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
 * The id in lower case. Upper-case hex is accepted because Dataverse compares GUIDs
 * case-insensitively; braces and missing hyphens are rejected as the real API rejects them.
 */
export function checkGuid(fn: LinkMethod, value: unknown, argument: 'recordId' | 'conversationId'): string {
  const code = argument === 'recordId' ? 'invalid-record-id' : 'invalid-conversation-id';
  if (typeof value !== 'string' || value === '') {
    const got = typeof value === 'string' ? 'an empty string' : typeof value;
    throw new LinkError(fn, code, `${argument} must be a GUID string like ${EXAMPLE} (got ${got}).`);
  }
  if (CANONICAL.test(value)) return value.toLowerCase();
  const braced = BRACED.exec(value);
  if (braced) {
    throw new LinkError(
      fn,
      code,
      `${argument} "${value}" has braces: remove the braces and pass "${braced[1].toLowerCase()}" (formContext.data.entity.getId() returns ids with braces).`,
    );
  }
  if (CANONICAL.test(value.trim()) || BRACED.test(value.trim())) {
    throw new LinkError(fn, code, `${argument} "${value}" has spaces around it: remove them.`);
  }
  if (BARE.test(value)) {
    const hex = value.toLowerCase();
    const hyphenated = `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
    throw new LinkError(fn, code, `${argument} "${value}" has no hyphens: pass "${hyphenated}".`);
  }
  throw new LinkError(fn, code, `${argument} "${shorten(value)}" is not a GUID: expected 32 hex digits in the form ${EXAMPLE}.`);
}

function shorten(text: string): string {
  return text.length > 60 ? `${text.slice(0, 57)}…` : text;
}
