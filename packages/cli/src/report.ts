/**
 * What one run of the CLI found, in one-based lines and columns (UTF-16 code units, as editors count):
 * the shape every output format reads. Nothing here knows the core or a format.
 */
import type { ReportedSeverity, RuleId } from './core';

export interface PlacedEdit {
  /** Offsets into the text (BOM excluded), end exclusive. */
  readonly start: number;
  readonly end: number;
  readonly text: string;
  readonly line: number;
  readonly column: number;
  readonly endLine: number;
  readonly endColumn: number;
}

export interface PlacedFix {
  readonly title: string;
  readonly edits: readonly PlacedEdit[];
}

export interface Problem {
  readonly ruleId: RuleId;
  readonly severity: ReportedSeverity;
  readonly message: string;
  /** Why, and the facts behind it (Markdown), as hover shows it; `--explain` prints it. */
  readonly detail?: string;
  readonly line: number;
  readonly column: number;
  /** Exclusive: the column just after the last character. */
  readonly endLine: number;
  readonly endColumn: number;
  /** The text of `line`, trimmed: what a fingerprint that survives moved lines is made of. */
  readonly lineText: string;
  /** The preferred fix, when the finding has one. */
  readonly fix?: PlacedFix;
}

export interface FileReport {
  /** Relative to the working folder (or absolute outside it), as the user typed paths. */
  readonly file: string;
  readonly absolute: string;
  readonly problems: readonly Problem[];
  /** Set when the file was read but not analysed (too large); a sentence for the user. */
  readonly skipped?: string;
  /** The text the positions refer to: after --fix or --fix-dry-run changed the file, the fixed text. */
  readonly text?: string;
  /** Set when --fix (or --fix-dry-run) changed the text. */
  readonly fixed?: boolean;
}

export interface UnreadableReport {
  readonly file: string;
  readonly absolute: string;
  /** What is wrong and what to do, as a sentence. */
  readonly message: string;
}

export interface Summary {
  readonly files: number;
  readonly errors: number;
  readonly warnings: number;
  readonly infos: number;
}

export interface RunReport {
  /** The working folder (absolute): what relative paths and SARIF's %SRCROOT% mean. */
  readonly cwd: string;
  readonly files: readonly FileReport[];
  readonly unreadable: readonly UnreadableReport[];
  /** False with --no-error-on-unreadable: unreadable files are then reported as warnings, not errors. */
  readonly unreadableIsError: boolean;
  readonly summary: Summary;
}

export function summarize(reports: readonly FileReport[]): Summary {
  const count = (s: ReportedSeverity) => reports.reduce((n, r) => n + r.problems.filter(p => p.severity === s).length, 0);
  return { files: reports.length, errors: count('error'), warnings: count('warning'), infos: count('info') };
}

/** "3 problems (1 error, 2 warnings, 0 infos) in 2 files." and what was not analysed or read. */
export function summaryLine(report: RunReport): string {
  const s = report.summary;
  const total = s.errors + s.warnings + s.infos;
  const skipped = report.files.filter(f => f.skipped).length;
  const linted = s.files - skipped;
  let line = `${plural(total, 'problem')} (${plural(s.errors, 'error')}, ${plural(s.warnings, 'warning')}, ${plural(s.infos, 'info')}) in ${plural(linted, 'file')}`;
  if (skipped > 0) line += `; ${plural(skipped, 'file')} not analysed`;
  if (report.unreadable.length > 0) line += `; ${plural(report.unreadable.length, 'path')} could not be read`;
  return line + '.';
}

export function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}
