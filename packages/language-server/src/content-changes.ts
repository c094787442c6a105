/**
 * Checks `textDocument/didChange` parameters before a change is applied. A malformed message (changes that
 * are not a list, a change that is not an object, a text that is not a string, a range without an end, a
 * negative or reversed range, a line past the end of the document) is refused whole, with one sentence.
 */
import type { DidChangeTextDocumentParams } from 'vscode-languageserver/node';

export interface Position {
  readonly line: number;
  readonly character: number;
}

export interface CheckedChange {
  readonly text: string;
  /** Absent for a whole-document replacement. */
  readonly range?: { readonly start: Position; readonly end: Position };
}

export type CheckedChanges =
  | { readonly uri: string; readonly version: number; readonly changes: readonly CheckedChange[] }
  | { readonly uri?: string; readonly version?: number; readonly problem: string };

/** The parameters as they are, when every part has the shape LSP gives it; else what is wrong. */
export function checkChangeParams(params: DidChangeTextDocumentParams): CheckedChanges {
  const raw = params as unknown as Record<string, unknown> | null;
  const document = isObject(raw) ? raw['textDocument'] : undefined;
  const uri = isObject(document) ? document['uri'] : undefined;
  if (typeof uri !== 'string') return { problem: `textDocument.uri is not a string (got ${describe(uri)})` };
  const version = isObject(document) ? document['version'] : undefined;
  if (!Number.isInteger(version)) return { uri, problem: `textDocument.version is not a whole number (got ${describe(version)})` };
  const known = { uri, version: version as number };
  const changes = raw!['contentChanges'];
  if (!Array.isArray(changes)) return { ...known, problem: `contentChanges is not a list (got ${describe(changes)})` };
  for (const [index, change] of changes.entries()) {
    const problem = changeProblem(change);
    if (problem) return { ...known, problem: `change ${index + 1} of ${changes.length} ${problem}` };
  }
  return { ...known, changes: changes as CheckedChange[] };
}

function changeProblem(change: unknown): string | undefined {
  if (!isObject(change)) return `is not an object (got ${describe(change)})`;
  if (typeof change['text'] !== 'string') return `has a text that is not a string (got ${describe(change['text'])})`;
  const range = change['range'];
  if (range === undefined) return undefined;
  if (!isObject(range)) return `has a range that is not an object (got ${describe(range)})`;
  for (const end of ['start', 'end'] as const) {
    const position = range[end];
    if (position === undefined) return `has a range without ${end === 'start' ? 'a start' : 'an end'}`;
    if (!isPosition(position)) return `has a range whose ${end} is not a line and character, both whole numbers from 0 (got ${describe(position)})`;
  }
  const { start, end } = range as unknown as { start: Position; end: Position };
  if (start.line > end.line || (start.line === end.line && start.character > end.character)) {
    return `has a range that ends (${at(end)}) before it starts (${at(start)})`;
  }
  return undefined;
}

/**
 * Whether a checked range lies in a document of `lineCount` lines: a line past the last one is refused,
 * except the end-of-document position (the line after the last, character 0) some clients send. A
 * character past the end of its line is not an error: LSP says it stands for the line's end.
 */
export function rangeProblem(range: CheckedChange['range'], lineCount: number): string | undefined {
  if (!range) return undefined;
  for (const position of [range.start, range.end]) {
    if (position.line > lineCount || (position.line === lineCount && position.character > 0)) {
      return `has a range past the end of the document (${at(position)}; the document has ${lineCount} line${lineCount === 1 ? '' : 's'})`;
    }
  }
  return undefined;
}

/** The sentence logged for a refused message. */
export function rejection(uri: string | undefined, version: number | undefined, problem: string, keptVersion?: number): string {
  const which = uri === undefined ? 'textDocument/didChange' : `textDocument/didChange for ${uri}${version === undefined ? '' : ` (version ${version})`}`;
  const kept = keptVersion === undefined ? 'Nothing was changed.' : `The document is kept as it was (version ${keptVersion}); later edits apply to that text.`;
  return `Refused ${which}: ${problem}. ${kept} If the editor did apply the change, close and reopen the file to bring the server back in step.`;
}

function isPosition(value: unknown): value is Position {
  return isObject(value) && isCount(value['line']) && isCount(value['character']);
}

function isCount(value: unknown): boolean {
  return Number.isInteger(value) && (value as number) >= 0;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function at(position: Position): string {
  return `line ${position.line}, character ${position.character}`;
}

function describe(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') {
    let json: string;
    try {
      json = JSON.stringify(value);
    } catch {
      return 'an object'; // nested too deeply to print
    }
    return json.length > 60 ? 'an object' : json;
  }
  if (typeof value === 'string') return value.length > 40 ? 'a string' : JSON.stringify(value);
  return `${typeof value === 'number' ? 'the number' : typeof value} ${String(value)}`;
}
