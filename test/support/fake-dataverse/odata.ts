/**
 * Just enough OData query parsing for the requests the product sends: `$filter` made of `eq` clauses
 * joined by `and`, or one `contains(field,'text')`; `$select`; `$orderby createdon desc`; `$top`.
 * Anything else is reported as an error so a query the stand-in does not understand fails loudly.
 */

export type FilterClause =
  | { readonly kind: 'eq'; readonly field: string; readonly value: string | number | null }
  | { readonly kind: 'contains'; readonly field: string; readonly text: string };

export class ODataParseError extends Error {}

export function parseFilter(filter: string | null): FilterClause[] {
  if (filter === null || filter.trim() === '') return [];
  const contains = /^contains\(\s*([A-Za-z_]\w*)\s*,\s*'((?:[^']|'')*)'\s*\)$/.exec(filter.trim());
  if (contains) return [{ kind: 'contains', field: contains[1], text: contains[2].replace(/''/g, "'") }];
  return filter.split(/\s+and\s+/).map(part => {
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
