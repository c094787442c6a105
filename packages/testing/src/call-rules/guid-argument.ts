/**
 * The id rule both link backends apply to recordId and conversationId, exactly as strict as the real API:
 * upper case passes, every other departure from the API's form is rejected with the id to pass instead.
 * The reading is the shared GUID reader's.
 */
import { bracedIdMessage } from '@omnichannel-tools/core/catalogue';
import { GUID_EXAMPLE, readGuid } from '../protocol/guid';
import { LinkError, type LinkMethod } from '../protocol/link';

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
    // The one rule for braces, in the analyzer's words (the panel and the palette say the same).
    throw new LinkError(fn, code, bracedIdMessage(argument, guid));
  }
  if (departures.includes('no-hyphens')) throw new LinkError(fn, code, `${argument} "${value}" has no hyphens: pass "${guid}".`);
  return guid;
}

function shorten(text: string): string {
  return text.length > 60 ? `${text.slice(0, 57)}…` : text;
}
