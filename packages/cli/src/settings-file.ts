/**
 * Reads the team's editor settings for the CLI: the `omnichannel.*` keys of `.vscode/settings.json`
 * (JSON with comments), so CI lints with the same rule severities as the editor.
 */
import { existsSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { parse, printParseErrorCode, type ParseError } from 'jsonc-parser';

export interface SettingsFile {
  /** The `omnichannel` section as an object (`omnichannel.rules` → `rules`), or undefined without a file. */
  readonly raw: Record<string, unknown> | undefined;
  readonly file?: string;
  /** What is wrong with the file; the caller names the file. */
  readonly problems: string[];
}

export function readWorkspaceSettings(cwd: string): SettingsFile {
  const file = path.join(cwd, '.vscode', 'settings.json');
  if (!existsSync(file)) return { raw: undefined, problems: [] };
  const errors: ParseError[] = [];
  let json: unknown;
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
    json = parse(text, errors, { allowTrailingComma: true });
  } catch (error) {
    return { raw: undefined, file, problems: [`cannot read it (${String(error)}); using the default settings.`] };
  }
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
