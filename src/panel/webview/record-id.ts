/**
 * The panel's words for a typed record id, checked live. The API wants a GUID in lower case, hyphenated,
 * without braces; `formContext.data.entity.getId()` gives `{UPPER-CASE}`, so that form is accepted and
 * normalised, with a hint saying so. The reading is the shared GUID reader's; pure, no DOM.
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
      return { kind: 'normalised', id: typed.guid, hint: `Sent as ${typed.guid} (${typed.changes}): the API expects lower case without braces, unlike formContext.data.entity.getId().` };
    case 'invalid':
      return { kind: 'invalid', error: `Not a GUID. ${typed.reason.charAt(0).toUpperCase()}${typed.reason.slice(1)}. A record id is 32 hex digits split 8-4-4-4-12, e.g. ${GUID_EXAMPLE}.` };
  }
}
