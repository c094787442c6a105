/**
 * Live checking of a typed record id. The API wants a GUID in lower case, hyphenated, without braces;
 * `formContext.data.entity.getId()` gives `{UPPER-CASE}`, so that form is accepted and normalised, with
 * a hint saying so. Pure: no DOM.
 */
export type RecordIdCheck =
  | { readonly kind: 'empty' }
  | { readonly kind: 'valid'; readonly id: string }
  | { readonly kind: 'normalised'; readonly id: string; readonly hint: string }
  | { readonly kind: 'invalid'; readonly error: string };

const HEX32 = /^[0-9a-f]{32}$/i;
const HYPHENATED = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function checkRecordId(input: string): RecordIdCheck {
  const text = input.trim();
  if (text === '') return { kind: 'empty' };
  const braced = text.startsWith('{') || text.endsWith('}');
  if (braced && !(text.startsWith('{') && text.endsWith('}'))) {
    return { kind: 'invalid', error: 'Unbalanced braces: a GUID is either {…} or bare (the API wants it bare).' };
  }
  const core = braced ? text.slice(1, -1) : text;
  let id: string;
  if (HYPHENATED.test(core)) id = core.toLowerCase();
  else if (HEX32.test(core)) id = [core.slice(0, 8), core.slice(8, 12), core.slice(12, 16), core.slice(16, 20), core.slice(20)].join('-').toLowerCase();
  else return { kind: 'invalid', error: invalidReason(core) };
  if (id === text) return { kind: 'valid', id };
  const changes = [
    braced ? 'braces removed' : '',
    core !== core.toLowerCase() ? 'lower-cased' : '',
    !core.includes('-') ? 'hyphens added' : '',
  ].filter(Boolean).join(', ');
  return { kind: 'normalised', id, hint: `Sent as ${id} (${changes}): the API expects lower case without braces, unlike formContext.data.entity.getId().` };
}

function invalidReason(core: string): string {
  const bad = core.replace(/[0-9a-f-]/gi, '');
  if (bad !== '') return `Not a GUID: "${bad[0]}" is not a hexadecimal digit. Expected 8-4-4-4-12 hex digits, e.g. 5a2a6a28-9f8e-4c38-9a4f-1a0b3c2d4e5f.`;
  const digits = core.replace(/-/g, '').length;
  if (digits !== 32) return `Not a GUID: ${digits} hex digits instead of 32 (8-4-4-4-12).`;
  return 'Not a GUID: the hyphens must split it 8-4-4-4-12.';
}
