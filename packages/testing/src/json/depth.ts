/**
 * A bound on nesting for our JSON files and values: none of them needs more than a few levels, and the
 * parser, the schema validator and value printing all recurse once per level. Both checks are loops, so a
 * file or value nested thousands deep is reported as a problem instead of running out of stack.
 */

/** More levels than any file or setting of ours has; deeper input is refused before it is parsed. */
export const MAX_NESTING = 64;

/** The phrase for input nested beyond `MAX_NESTING`; `where` such as "at line 3, column 7" when the text is known. */
export function tooDeepMessage(where?: string): string {
  return `nested too deeply (more than ${MAX_NESTING} levels)${where ? ` ${where}` : ''}: a few levels are all it needs, so check the brackets opened before that point`;
}

/**
 * The offset of the first `[` or `{` that opens level `MAX_NESTING + 1` in JSON text (comments and strings
 * skipped as the lenient parser reads them), or undefined when the text stays within the bound.
 */
export function tooDeepOffset(text: string): number | undefined {
  let depth = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 34 /* " */) {
      for (i++; i < text.length; i++) {
        const s = text.charCodeAt(i);
        if (s === 92 /* \ */) i++;
        else if (s === 34 || s === 10 || s === 13) break; // a line break ends an unterminated string, as in the parser
      }
    } else if (c === 47 /* / */ && text.charCodeAt(i + 1) === 47) {
      while (i < text.length && text.charCodeAt(i) !== 10 && text.charCodeAt(i) !== 13) i++;
    } else if (c === 47 && text.charCodeAt(i + 1) === 42 /* * */) {
      const close = text.indexOf('*/', i + 2);
      i = close < 0 ? text.length : close + 1;
    } else if (c === 91 /* [ */ || c === 123 /* { */) {
      if (++depth > MAX_NESTING) return i;
    } else if ((c === 93 /* ] */ || c === 125 /* } */) && depth > 0) {
      depth--;
    }
  }
  return undefined;
}

/** The path of the first array or object at level `MAX_NESTING + 1` in a parsed value, or undefined. */
export function tooDeepPath(value: unknown): (string | number)[] | undefined {
  const pending: { value: unknown; path: (string | number)[] }[] = [{ value, path: [] }];
  const seen = new Set<object>();
  for (let next = pending.pop(); next; next = pending.pop()) {
    const current = next.value;
    if (typeof current !== 'object' || current === null || seen.has(current)) continue;
    if (next.path.length >= MAX_NESTING) return next.path;
    seen.add(current);
    const entries: [string | number, unknown][] = Array.isArray(current) ? current.map((v, i) => [i, v]) : Object.entries(current);
    for (let i = entries.length - 1; i >= 0; i--) pending.push({ value: entries[i]![1], path: [...next.path, entries[i]![0]] });
  }
  return undefined;
}
