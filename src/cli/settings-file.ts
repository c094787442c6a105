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
  readonly problems: string[];
}

export function readWorkspaceSettings(cwd: string): SettingsFile {
  const file = path.join(cwd, '.vscode', 'settings.json');
  if (!existsSync(file)) return { raw: undefined, problems: [] };
  const errors: ParseError[] = [];
  let json: unknown;
  try {
    json = parse(readFileSync(file, 'utf8'), errors, { allowTrailingComma: true });
  } catch (error) {
    return { raw: undefined, file, problems: [`${file}: cannot read it (${String(error)}); using the default settings.`] };
  }
  if (errors.length > 0 || !json || typeof json !== 'object' || Array.isArray(json)) {
    const first = errors[0];
    const where = first ? ` (${printParseErrorCode(first.error)} at character ${first.offset})` : '';
    return { raw: undefined, file, problems: [`${file}: not a JSON object${where}; using the default settings.`] };
  }
  const raw: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(json as Record<string, unknown>)) {
    if (key.startsWith('omnichannel.')) raw[key.slice('omnichannel.'.length)] = value;
  }
  return { raw, file, problems: [] };
}
