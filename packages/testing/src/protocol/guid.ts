/**
 * The one reader of GUIDs (record, conversation and app ids). The API's form is lower case, hyphenated
 * 8-4-4-4-12, without braces; the reading names every way a text departs from it (surrounding spaces,
 * braces as `getId()` returns them, upper case, no hyphens) and each caller decides which it tolerates.
 * Pure, no Node or DOM: the webview bundle imports it too.
 */
import { bracedIdMessage } from '@omnichannel-tools/core/catalogue';

export const GUID_EXAMPLE = '5a2a6a28-9f8e-4c38-9a4f-1a0b3c2d4e5f';

/** The API's form as a JSON-schema pattern: the webview message schema states this rule (a test compares). */
export const CANONICAL_GUID_PATTERN = '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$';

/** Hyphenated in either case: the config schemas' rule, since Dataverse compares ids case-insensitively. */
export const HYPHENATED_GUID_PATTERN = '^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$';

/** A way a GUID's text departs from the API's form, in the order they are described. */
export type GuidDeparture = 'spaces' | 'braces' | 'upper-case' | 'no-hyphens';

export type GuidReading =
  /** Nothing but whitespace. */
  | { readonly kind: 'empty' }
  /** `guid` is the API's form; `departures` is empty when the text was exactly that. */
  | { readonly kind: 'guid'; readonly guid: string; readonly departures: readonly GuidDeparture[] }
  /** `reason` is a clause saying why, e.g. `31 hex digits instead of 32`. */
  | { readonly kind: 'invalid'; readonly reason: string };

const CANONICAL = new RegExp(CANONICAL_GUID_PATTERN);
const HYPHENATED = new RegExp(CANONICAL_GUID_PATTERN, 'i');

export function isCanonicalGuid(text: string): boolean {
  return CANONICAL.test(text);
}

export function readGuid(text: string): GuidReading {
  const trimmed = text.trim();
  if (trimmed === '') return { kind: 'empty' };
  const opens = trimmed.startsWith('{');
  if (opens !== trimmed.endsWith('}')) return { kind: 'invalid', reason: 'unbalanced braces (a GUID is either {…} or bare)' };
  const core = opens ? trimmed.slice(1, -1) : trimmed;
  const stray = core.replace(/[0-9a-f-]/gi, '');
  if (stray !== '') return { kind: 'invalid', reason: `"${stray[0]}" is not a hexadecimal digit` };
  const hex = core.replace(/-/g, '').toLowerCase();
  if (hex.length !== 32) return { kind: 'invalid', reason: `${hex.length} hex digits instead of 32` };
  const hyphenated = core.includes('-');
  if (hyphenated && !HYPHENATED.test(core)) return { kind: 'invalid', reason: 'the hyphens must split it 8-4-4-4-12' };
  const departures: GuidDeparture[] = [];
  if (trimmed !== text) departures.push('spaces');
  if (opens) departures.push('braces');
  if (/[A-F]/.test(core)) departures.push('upper-case');
  if (!hyphenated) departures.push('no-hyphens');
  const guid = `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
  return { kind: 'guid', guid, departures };
}

/** Whether `text` begins like a GUID (8 hex digits and a hyphen, braced or not): an id being typed, not a name. */
export function startsLikeGuid(text: string): boolean {
  return /^\{?[0-9a-f]{8}-/i.test(text.trim());
}

/** The API's form of `text` when it departs from it only in the `tolerated` ways; else undefined. */
export function guidTolerating(text: string, tolerated: readonly GuidDeparture[]): string | undefined {
  const reading = readGuid(text);
  return reading.kind === 'guid' && reading.departures.every(d => tolerated.includes(d)) ? reading.guid : undefined;
}

/**
 * What text typed or pasted by a person becomes: upper case, missing hyphens and spaces are normalised
 * (that is what the person meant), and `changes` names the visible ones (`lower-cased`); spaces go
 * unmentioned. Braces are the one rule every part of the product applies alike: refused, with the
 * analyzer's message and the normalised id offered in their place, never stripped silently.
 */
export type TypedGuid =
  | { readonly kind: 'empty' }
  | { readonly kind: 'valid'; readonly guid: string }
  | { readonly kind: 'normalised'; readonly guid: string; readonly changes: string }
  | { readonly kind: 'braced'; readonly guid: string; readonly message: string }
  | { readonly kind: 'invalid'; readonly reason: string };

const CHANGE_WORDS: Record<Exclude<GuidDeparture, 'spaces'>, string> = {
  'braces': 'braces removed',
  'upper-case': 'lower-cased',
  'no-hyphens': 'hyphens added',
};

/** `argument` names the id in the braces message (`recordId`, as the API's parameter is named). */
export function readTypedGuid(text: string, argument = 'recordId'): TypedGuid {
  const reading = readGuid(text);
  if (reading.kind !== 'guid') return reading;
  if (reading.departures.includes('braces')) return { kind: 'braced', guid: reading.guid, message: bracedIdMessage(argument, reading.guid) };
  const changes = reading.departures.flatMap(d => (d === 'spaces' ? [] : [CHANGE_WORDS[d]]));
  return changes.length === 0 ? { kind: 'valid', guid: reading.guid } : { kind: 'normalised', guid: reading.guid, changes: changes.join(', ') };
}
