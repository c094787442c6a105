/**
 * Just enough OData query parsing for the requests the product sends: `$filter` made of clauses joined
 * by `and`, each an `eq`, a `contains(field,'text')`, a `startswith(field,'text')`, or a parenthesised
 * `or` of those functions; `$select`; `$orderby createdon desc`; `$top`.
 * Anything else is reported as an error so a query the stand-in does not understand fails loudly.
 */

export type TextClause = { readonly kind: 'contains' | 'startswith'; readonly field: string; readonly text: string };

export type FilterClause =
  | { readonly kind: 'eq'; readonly field: string; readonly value: string | number | null }
  | TextClause
  | { readonly kind: 'or'; readonly clauses: readonly TextClause[] };

const TEXT_FUNCTION = /^(contains|startswith)\(\s*([A-Za-z_]\w*)\s*,\s*'((?:[^']|'')*)'\s*\)$/;

function textClause(part: string): TextClause | undefined {
  const m = TEXT_FUNCTION.exec(part.trim());
  return m ? { kind: m[1] as TextClause['kind'], field: m[2]!, text: m[3]!.replace(/''/g, "'") } : undefined;
}

/** Whether a text clause holds for a value (Dataverse compares text case-insensitively). */
export function textMatches(clause: TextClause, value: string | null | undefined): boolean {
  if (typeof value !== 'string') return false;
  const v = value.toLowerCase();
  const t = clause.text.toLowerCase();
  return clause.kind === 'contains' ? v.includes(t) : v.startsWith(t);
}

export class ODataParseError extends Error {}

export function parseFilter(filter: string | null): FilterClause[] {
  if (filter === null || filter.trim() === '') return [];
  return filter.split(/\s+and\s+/).map((part): FilterClause => {
    const text = textClause(part);
    if (text) return text;
    const group = /^\s*\((.*)\)\s*$/.exec(part);
    if (group) {
      const clauses = group[1]!.split(/\s+or\s+/).map(textClause);
      if (clauses.every((c): c is TextClause => c !== undefined)) return { kind: 'or', clauses };
      throw new ODataParseError(`The query parameter $filter has an unsupported clause: ${part}`);
    }
    const eq = /^\s*([A-Za-z_]\w*)\s+eq\s+(.+?)\s*$/.exec(part);
    if (!eq) throw new ODataParseError(`The query parameter $filter has an unsupported clause: ${part}`);
    return { kind: 'eq', field: eq[1], value: parseValue(eq[2]) };
  });
}

function parseValue(text: string): string | number | null {
  if (text === 'null') return null;
  if (/^-?\d+$/.test(text)) return Number(text);
  if (/^[0-9a-fA-F-]{36}$/.test(text)) return text.toLowerCase();
  const quoted = /^'((?:[^']|'')*)'$/.exec(text);
  if (quoted) return quoted[1].replace(/''/g, "'");
  throw new ODataParseError(`Syntax error in $filter value: ${text}`);
}

export function parseSelect(select: string | null): string[] | undefined {
  if (select === null || select.trim() === '') return undefined;
  return select.split(',').map(s => s.trim());
}

export function parseTop(top: string | null): number | undefined {
  if (top === null) return undefined;
  if (!/^\d+$/.test(top)) throw new ODataParseError(`Invalid value for $top: ${top}`);
  return Number(top);
}
