/**
 * The panel's words for a typed record id, checked live. The API wants a GUID in lower case, hyphenated,
 * without braces. Upper case is accepted and normalised, with a hint saying so; braces (as
 * `formContext.data.entity.getId()` gives them) are refused with the analyzer's message, which names the
 * id to use instead. The reading is the shared GUID reader's; pure, no DOM.
 */
import { GUID_EXAMPLE, readTypedGuid } from '../../protocol/guid';

export type RecordIdCheck =
  | { readonly kind: 'empty' }
  | { readonly kind: 'valid'; readonly id: string }
  | { readonly kind: 'normalised'; readonly id: string; readonly hint: string }
  | { readonly kind: 'invalid'; readonly error: string };

export function checkRecordId(input: string): RecordIdCheck {
  const typed = readTypedGuid(input);
  switch (typed.kind) {
    case 'empty':
      return typed;
    case 'valid':
      return { kind: 'valid', id: typed.guid };
    case 'normalised':
      return { kind: 'normalised', id: typed.guid, hint: `Sent as ${typed.guid} (${typed.changes}): the API expects lower case.` };
    case 'braced':
      // Refused as the editor and the simulator refuse it, with the id to use instead.
      return { kind: 'invalid', error: typed.message };
    case 'invalid':
      return { kind: 'invalid', error: `Not a GUID. ${typed.reason.charAt(0).toUpperCase()}${typed.reason.slice(1)}. A record id is 32 hex digits split 8-4-4-4-12, e.g. ${GUID_EXAMPLE}.` };
  }
}
