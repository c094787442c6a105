/**
 * Reads the team's editor settings for the CLI: the `omnichannel.*` keys of `.vscode/settings.json`
 * (JSON with comments, a BOM allowed as VS Code allows it), so CI lints with the editor's rule severities.
 */
import { lstatSync } from 'node:fs';
import * as path from 'node:path';
import { parse, printParseErrorCode, type ParseError } from 'jsonc-parser';
import { readSource } from './read';

export interface SettingsFile {
  /** The `omnichannel` section as an object (`omnichannel.rules` → `rules`), or undefined without a file. */
  readonly raw: Record<string, unknown> | undefined;
  readonly file?: string;
  /** What is wrong with the file; the caller names the file. */
  readonly problems: string[];
  /** Set when the file exists but could not be read: the run then lints with settings the team did not choose. */
  readonly unreadable?: string;
}

export function readWorkspaceSettings(cwd: string): SettingsFile {
  const file = path.join(cwd, '.vscode', 'settings.json');
  try {
    lstatSync(file);
  } catch {
    return { raw: undefined, problems: [] };
  }
  const read = readSource(file);
  if (!read.ok) {
    const reason = `cannot read it: ${read.reason}; linting with the default settings. Make it a readable file, or remove it`;
    return { raw: undefined, file, problems: [], unreadable: reason };
  }
  const text = read.source.text; // without its BOM, so line and column are the editor's
  const errors: ParseError[] = [];
  const json: unknown = parse(text, errors, { allowTrailingComma: true });
  const first = errors[0];
  if (first) {
    const { line, column } = lineAndColumn(text, first.offset);
    return { raw: undefined, file, problems: [`not valid JSON (${printParseErrorCode(first.error)} at line ${line}, column ${column}); using the default settings until it is fixed.`] };
  }
  if (!json || typeof json !== 'object' || Array.isArray(json)) {
    return { raw: undefined, file, problems: ['expected a JSON object of settings such as { "omnichannel.rules": { … } }; using the default settings.'] };
  }
  const raw: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(json as Record<string, unknown>)) {
    if (key.startsWith('omnichannel.')) raw[key.slice('omnichannel.'.length)] = value;
  }
  return { raw, file, problems: [] };
}

/** One-based line and column of an offset, as an editor shows them. */
function lineAndColumn(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, offset).split(/\r\n|\r|\n/);
  return { line: before.length, column: before[before.length - 1]!.length + 1 };
}
