/**
 * GUID checks for what a person types into an input box. Pure (no `vscode`), so the input-box
 * validation and the value finally sent share one rule and can be unit tested.
 */

const CANONICAL = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const LOOSE = /^\{?([0-9a-fA-F]{8}-?[0-9a-fA-F]{4}-?[0-9a-fA-F]{4}-?[0-9a-fA-F]{4}-?[0-9a-fA-F]{12})\}?$/;

/** Result of reading typed text as a record id. */
export type GuidInput =
  | { readonly kind: 'empty' }
  | { readonly kind: 'valid'; readonly guid: string }
  /** Usable after normalising (braces, upper case, missing hyphens): `hint` says what changes. */
  | { readonly kind: 'normalised'; readonly guid: string; readonly hint: string }
  | { readonly kind: 'invalid'; readonly message: string };

/** Whether `text` is already in the form the API's examples use: lower case, hyphenated, no braces. */
export function isCanonicalGuid(text: string): boolean {
  return CANONICAL.test(text);
}

/** Reads typed text as a GUID, normalising the forms `getId()` and copy-paste produce. */
export function readGuidInput(text: string): GuidInput {
  const trimmed = text.trim();
  if (trimmed === '') return { kind: 'empty' };
  if (CANONICAL.test(trimmed)) return { kind: 'valid', guid: trimmed };
  const match = LOOSE.exec(trimmed);
  const hasOpen = trimmed.startsWith('{');
  const hasClose = trimmed.endsWith('}');
  if (!match || hasOpen !== hasClose) {
    return {
      kind: 'invalid',
      message: `"${shorten(trimmed)}" is not a GUID: expected 32 hex digits like 5a2a6a28-9f8e-4c38-9a4f-1a0b3c2d4e5f.`,
    };
  }
  const hex = match[1].replace(/-/g, '').toLowerCase();
  const guid = `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
  const changes: string[] = [];
  if (hasOpen) changes.push('braces removed');
  if (/[A-F]/.test(match[1])) changes.push('lower-cased');
  if (!match[1].includes('-')) changes.push('hyphens added');
  return { kind: 'normalised', guid, hint: `Will be sent as ${guid} (${changes.join(', ')}).` };
}

function shorten(text: string): string {
  return text.length > 48 ? `${text.slice(0, 45)}…` : text;
}
