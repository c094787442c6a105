/**
 * One problem found in a configuration value (a workspace JSON file or a user setting), carrying
 * everything a person needs to find and fix it: where (file, line, column, field) and what to do.
 * The client turns these into notifications and diagnostics; tests assert on `text`.
 */

export interface ConfigProblem {
  /** The file as the caller named it (usually workspace-relative); absent for settings. */
  readonly file?: string;
  /** 1-based, as editors show it; absent for settings. */
  readonly line?: number;
  /** 1-based, as editors show it; absent for settings. */
  readonly column?: number;
  /** Character offset and length in the file, for a diagnostic's range; absent for settings. */
  readonly offset?: number;
  readonly length?: number;
  /** Dotted path of the offending value, e.g. `conversations[1].statuscode`; empty for the whole file. */
  readonly field: string;
  /** What is wrong and how to fix it, without the location. */
  readonly message: string;
  /** The full sentence: `file:line:column: field message` or `setting.field: message`. */
  readonly text: string;
}

/** A place in a JSON file, as found by `position.ts`. */
export interface FileLocation {
  readonly file: string;
  readonly line: number;
  readonly column: number;
  readonly offset: number;
  readonly length: number;
}

/** `.omnichannel/simulator.json:12:20: conversations[1].statuscode must be … (got "2").` */
export function fileProblem(location: FileLocation, field: string, message: string): ConfigProblem {
  const subject = field === '' ? '' : `${field} `;
  return {
    ...location,
    field,
    message,
    text: `${location.file}:${location.line}:${location.column}: ${subject}${message}`,
  };
}

/** `omnichannel.environments[2].url: must be …` */
export function settingProblem(field: string, message: string): ConfigProblem {
  return { field, message, text: `${field}: ${message}` };
}

/** Formats path segments as a field: `conversations[1].statuscode`, `records["odd key"]`. */
export function formatField(segments: readonly (string | number)[], prefix = ''): string {
  let out = prefix;
  for (const segment of segments) {
    if (typeof segment === 'number') out += `[${segment}]`;
    else if (/^[A-Za-z_$][\w$]*$/.test(segment)) out += out === '' ? segment : `.${segment}`;
    else out += `[${JSON.stringify(segment)}]`;
  }
  return out;
}

/** A value quoted for a message, shortened so a pasted blob cannot flood a notification. */
export function describeValue(value: unknown): string {
  let text: string;
  try {
    text = value === undefined ? 'nothing' : JSON.stringify(value);
  } catch {
    // Too deep to print (or not JSON at all): say what kind of value it is; String() could throw too.
    text = Array.isArray(value) ? '[…]' : typeof value === 'object' && value !== null ? '{…}' : typeof value;
  }
  return text.length > 60 ? `${text.slice(0, 57)}…` : text;
}
