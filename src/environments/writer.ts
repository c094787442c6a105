/**
 * Adds environments to JSON-with-comments text (`.omnichannel/environments.json`, or the user's
 * settings.json under `omnichannel.environments`) as minimal edits: existing entries, comments and
 * formatting stay as they were. Pure text in, text out, so what a user's file becomes is unit tested.
 */
import { applyEdits, findNodeAtLocation, modify, parseTree, type FormattingOptions, type JSONPath, type Node as JsonNode, type ParseError } from 'jsonc-parser';
import { parseJsonFile } from '@omnichannel-tools/testing/json';
import { ENVIRONMENTS_SETTING, SIMULATOR_NAME, type EnvironmentDefinition } from './types';

const FORMAT: FormattingOptions = { insertSpaces: true, tabSize: 2, eol: '\n' };

/** Where the list lives: the workspace file's `environments`, or the settings key. */
export type EnvironmentsLocation = 'workspace-file' | 'settings';

export interface AddedEnvironments {
  readonly text: string;
  /** Offset and length of each added environment's URL value (without quotes), to put the cursor there. */
  readonly urlRanges: ReadonlyArray<{ readonly offset: number; readonly length: number }>;
}

/**
 * The commented template a new `.omnichannel/environments.json` starts from: valid against the schema,
 * one environment whose URL is the thing to change.
 */
export function environmentsFileTemplate(example: EnvironmentDefinition = TEMPLATE_ENVIRONMENT): string {
  return [
    '// Dataverse environments shared with everyone who opens this repository. No secrets belong here:',
    '// sign-in happens in VS Code, and a service principal\'s secret is kept in VS Code\'s secret storage.',
    '// Hover any property for its description; problems are underlined as you type.',
    '{',
    '  "environments": [',
    '    {',
    '      // The name shown in the environment picker and the status bar.',
    `      "name": ${JSON.stringify(example.name)},`,
    '      // The environment URL, as in the browser\'s address bar or the Power Platform admin center.',
    `      "url": ${JSON.stringify(example.url)},`,
    '      // "microsoft" (your Microsoft account; add "tenant" to pick one), "servicePrincipal" (with',
    '      // "tenant" and "clientId") or "azureCli". Set "production": true to confirm every write.',
    `      "authentication": { ${Object.entries(example.authentication).map(([k, v]) => `${JSON.stringify(k)}: ${JSON.stringify(v)}`).join(', ')} }`,
    '    }',
    '  ]',
    '}',
    '',
  ].join('\n');
}

/** The example a template or a new entry starts with. */
export const TEMPLATE_ENVIRONMENT: EnvironmentDefinition = {
  name: 'My Environment',
  url: 'https://contoso.crm.dynamics.com',
  authentication: { type: 'microsoft' },
};

/**
 * Appends environments to the list at `location` in `text` (empty text: a new file or settings). Throws a
 * sentence naming file, line and column when the text cannot be edited safely.
 */
export function addEnvironments(text: string, file: string, location: EnvironmentsLocation, environments: readonly EnvironmentDefinition[]): AddedEnvironments {
  const listPath: JSONPath = location === 'workspace-file' ? ['environments'] : [ENVIRONMENTS_SETTING];
  let current = text.trim() === '' ? (location === 'workspace-file' ? '{\n  "environments": []\n}\n' : '{\n}\n') : text;
  checkEditable(current, file, listPath);
  const tree = parseTree(current);
  const existing = tree ? findNodeAtLocation(tree, listPath) : undefined;
  if (!existing) {
    current = applyEdits(current, modify(current, listPath, environments.map(plain), { formattingOptions: FORMAT }));
  } else if (environments.length > 0) {
    current = insertItems(current, existing, environments.map(plain));
  }
  const root = parseTree(current);
  const list = root ? findNodeAtLocation(root, listPath) : undefined;
  const items = list?.children ?? [];
  const urlRanges = items.slice(items.length - environments.length).flatMap(item => {
    const url = findNodeAtLocation(item, ['url']);
    return url ? [{ offset: url.offset + 1, length: url.length - 2 }] : [];
  });
  return { text: current, urlRanges };
}

/** A name not yet taken (case-insensitively), `wanted` itself or with " 2", " 3", … appended. */
export function uniqueName(wanted: string, taken: Iterable<string>): string {
  const used = new Set([...taken, SIMULATOR_NAME].map(n => n.trim().toLowerCase()));
  const base = wanted.trim().slice(0, 76) || 'Environment';
  if (!used.has(base.toLowerCase())) return base;
  for (let n = 2; ; n++) {
    const candidate = `${base} ${n}`;
    if (!used.has(candidate.toLowerCase())) return candidate;
  }
}

/**
 * Inserts items at the end of an existing array as one text insertion, indented like its last item:
 * nothing already in the file is touched (a formatter would re-flow the neighbours).
 */
function insertItems(text: string, list: JsonNode, items: readonly unknown[]): string {
  const children = list.children ?? [];
  const listIndent = indentOf(text, list.offset);
  const last = children[children.length - 1];
  const childIndent = last && onOwnLine(text, last.offset) ? indentOf(text, last.offset) : `${listIndent}  `;
  const rendered = items.map(item => JSON.stringify(item, null, 2).split('\n').join(`\n${childIndent}`));
  if (last) {
    const at = last.offset + last.length;
    return `${text.slice(0, at)}${rendered.map(r => `,\n${childIndent}${r}`).join('')}${text.slice(at)}`;
  }
  const open = list.offset + 1;
  const inside = text.slice(open, list.offset + list.length - 1);
  const body = rendered.map(r => `\n${childIndent}${r}`).join(',');
  if (inside.trim() === '') return `${text.slice(0, open)}${body}\n${listIndent}${text.slice(list.offset + list.length - 1)}`;
  return `${text.slice(0, open)}${body}${text.slice(open)}`;
}

/** The whitespace at the start of the line holding `offset`. */
function indentOf(text: string, offset: number): string {
  const start = text.lastIndexOf('\n', offset - 1) + 1;
  return /^[ \t]*/.exec(text.slice(start))![0];
}

function onOwnLine(text: string, offset: number): boolean {
  const start = text.lastIndexOf('\n', offset - 1) + 1;
  return text.slice(start, offset).trim() === '';
}

function checkEditable(text: string, file: string, listPath: JSONPath): void {
  const parsed = parseJsonFile(text, file);
  if (parsed.syntaxErrors.length > 0) throw new Error(`${parsed.syntaxErrors[0]!.text} Fix it first: nothing was changed.`);
  const errors: ParseError[] = [];
  const root = parseTree(text, errors, { allowTrailingComma: true });
  if (!root || root.type !== 'object') throw new Error(`${file} does not hold a JSON object: nothing was changed.`);
  const list = findNodeAtLocation(root, listPath);
  if (list && list.type !== 'array') {
    const where = text.slice(0, list.offset).split('\n').length;
    throw new Error(`${file}:${where}: "${String(listPath[0])}" is not a list of environments, so nothing was added. Make it a list ([ … ]) first.`);
  }
}

/** The definition as written to a file: plain keys in the schema's order, nothing undefined. */
function plain(environment: EnvironmentDefinition): Record<string, unknown> {
  return {
    name: environment.name,
    url: environment.url,
    ...(environment.production === undefined ? {} : { production: environment.production }),
    authentication: { ...environment.authentication },
  };
}
