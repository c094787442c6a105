/**
 * Reads and edits `.omnichannel/webresources.json`, which says which local file is which web resource.
 * Checked with the same schema VS Code's `jsonValidation` uses, positions kept, so every problem names
 * the file, line, column and field. An entry with a problem is left out; the others still work.
 * Adding an entry edits the text in place (jsonc-parser), so comments and formatting survive.
 */
import { applyEdits, modify, parseTree, findNodeAtLocation } from 'jsonc-parser';
import schema from '../../schemas/webresources.schema.json';
import { parseJsonFile, problemAt, schemaIssues, validatorFor, type ConfigProblem } from '@omnichannel-tools/testing/json';

/** The mapping file, relative to the workspace folder. */
export const WEBRESOURCES_FILE = '.omnichannel/webresources.json';

export interface WebResourceMapping {
  /** The deployed file, relative to the workspace folder, with forward slashes. */
  readonly file: string;
  /** The web resource's unique name, e.g. `new_/scripts/case-form.js`. */
  readonly name: string;
  readonly displayName?: string;
  /** The solution a new web resource is created in (the entry's, else the file's default). */
  readonly solution?: string;
  /** A TypeScript source compiled to `file`. */
  readonly source?: string;
}

export interface MappingsResult {
  readonly mappings: WebResourceMapping[];
  readonly errors: ConfigProblem[];
}

export function mappingValidator() {
  return validatorFor('webresources', schema);
}

/** `./a\b.js` → `a/b.js`: how paths are compared. */
export function normalisePath(path: string): string {
  return path.replace(/\\/g, '/').replace(/^(\.\/)+/, '').replace(/\/{2,}/g, '/');
}

export function loadWebResourceMappings(text: string, label: string): MappingsResult {
  const parsed = parseJsonFile(text, label);
  if (parsed.syntaxErrors.length > 0) return { mappings: [], errors: parsed.syntaxErrors };
  const issues = schemaIssues(mappingValidator(), parsed.value);
  const errors = issues.map(i => problemAt(parsed, i.segments, i.message, i.key));
  const value = parsed.value as { solution?: unknown; webResources?: unknown } | null;
  const list = value?.webResources;
  if (!Array.isArray(list)) return { mappings: [], errors };
  // The default solution is used only when it is valid itself.
  const defaultBroken = issues.some(i => i.segments[0] === 'solution');
  const defaultSolution = !defaultBroken && typeof value?.solution === 'string' ? value.solution : undefined;
  const broken = new Set(issues.filter(i => i.segments[0] === 'webResources' && typeof i.segments[1] === 'number').map(i => i.segments[1]));
  const files = new Map<string, number>();
  const names = new Map<string, number>();
  const mappings: WebResourceMapping[] = [];
  list.forEach((item, index) => {
    if (broken.has(index)) return;
    const entry = item as WebResourceMapping;
    const file = normalisePath(entry.file);
    const fileKey = file.toLowerCase();
    const nameKey = entry.name.toLowerCase();
    if (files.has(fileKey)) {
      errors.push(problemAt(parsed, ['webResources', index, 'file'], `${file} is already mapped by entry ${files.get(fileKey)}: a file is one web resource.`));
      return;
    }
    if (names.has(nameKey)) {
      errors.push(problemAt(parsed, ['webResources', index, 'name'], `${entry.name} is already mapped by entry ${names.get(nameKey)}: web resource names are unique (ignoring case), so two files cannot both be it.`));
      return;
    }
    files.set(fileKey, index);
    names.set(nameKey, index);
    const solution = entry.solution ?? defaultSolution;
    mappings.push({
      file,
      name: entry.name,
      ...(entry.displayName === undefined ? {} : { displayName: entry.displayName }),
      ...(solution === undefined ? {} : { solution }),
      ...(entry.source === undefined ? {} : { source: normalisePath(entry.source) }),
    });
  });
  errors.sort((a, b) => (a.offset ?? 0) - (b.offset ?? 0));
  return { mappings, errors };
}

/** What publishing or pulling `relativePath` means: the mapping of that file, or the one it is the TypeScript source of. */
export function findMapping(mappings: readonly WebResourceMapping[], relativePath: string): { readonly mapping: WebResourceMapping; readonly fromSource: boolean } | undefined {
  const key = normalisePath(relativePath).toLowerCase();
  const direct = mappings.find(m => m.file.toLowerCase() === key);
  if (direct) return { mapping: direct, fromSource: false };
  const source = mappings.find(m => m.source?.toLowerCase() === key);
  return source ? { mapping: source, fromSource: true } : undefined;
}

/** Whether a path is a TypeScript file (what runs in the browser is its compiled JavaScript). */
export function isTypeScript(path: string): boolean {
  return /\.(c|m)?tsx?$/i.test(path) && !/\.d\.(c|m)?ts$/i.test(path);
}

/**
 * The mapping file's text with one more entry (a new file when `text` is undefined). Edits in place, so
 * the person's comments, order and formatting stay; a file without a `webResources` array gets one.
 */
export function addMappingText(text: string | undefined, mapping: WebResourceMapping): string {
  const entry: Record<string, string> = { file: normalisePath(mapping.file), name: mapping.name };
  if (mapping.solution !== undefined) entry.solution = mapping.solution;
  if (mapping.source !== undefined) entry.source = normalisePath(mapping.source);
  const formatting = { insertSpaces: true, tabSize: 2, eol: detectEol(text ?? '') };
  if (text === undefined || text.trim() === '') {
    return `${JSON.stringify({ $schema: 'https://omnichannel-tools.github.io/schemas/webresources.schema.json', webResources: [entry] }, null, 2)}\n`;
  }
  const root = parseTree(text, [], { allowTrailingComma: true, disallowComments: false });
  const list = root ? findNodeAtLocation(root, ['webResources']) : undefined;
  const path = list?.type === 'array' ? ['webResources', list.children?.length ?? 0] : ['webResources'];
  const value = list?.type === 'array' ? entry : [entry];
  const edits = modify(text, path, value, { formattingOptions: formatting, isArrayInsertion: list?.type === 'array' });
  return applyEdits(text, edits);
}

function detectEol(text: string): string {
  return text.includes('\r\n') ? '\r\n' : '\n';
}
