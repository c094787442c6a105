/**
 * The record quick pick's words for a typed id: what it will be sent as, or why it is not a GUID. The
 * reading itself is the shared GUID reader's (`protocol/guid`); pure, so it is unit tested.
 */
import { GUID_EXAMPLE, readTypedGuid } from '../../protocol/guid';

/** Result of reading typed text as a record id. */
export type GuidInput =
  | { readonly kind: 'empty' }
  | { readonly kind: 'valid'; readonly guid: string }
  /** Usable after normalising (braces, upper case, missing hyphens): `hint` says what changes. */
  | { readonly kind: 'normalised'; readonly guid: string; readonly hint: string }
  /** Braced, as `getId()` returns it: refused with `message`; `guid` is offered as an explicit choice. */
  | { readonly kind: 'braced'; readonly guid: string; readonly message: string }
  | { readonly kind: 'invalid'; readonly message: string };

/** Reads typed text as a GUID, normalising the forms `getId()` and copy-paste produce. */
export function readGuidInput(text: string): GuidInput {
  const typed = readTypedGuid(text);
  switch (typed.kind) {
    case 'normalised':
      return { kind: 'normalised', guid: typed.guid, hint: `Will be sent as ${typed.guid} (${typed.changes}).` };
    case 'braced':
      return typed;
    case 'invalid':
      return { kind: 'invalid', message: `"${shorten(text.trim())}" is not a GUID: ${typed.reason}. Expected 32 hex digits like ${GUID_EXAMPLE}.` };
    default:
      return typed;
  }
}

function shorten(text: string): string {
  return text.length > 48 ? `${text.slice(0, 45)}…` : text;
}
