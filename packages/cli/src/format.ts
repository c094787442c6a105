/** The CLI's two outputs: `file:line:col severity rule-id message` lines with a summary, or JSON. */
import type { ReportedSeverity, RuleId } from '@omnichannel-tools/core';

export interface Problem {
  readonly ruleId: RuleId;
  readonly severity: ReportedSeverity;
  readonly message: string;
  /** One-based, as editors and CI annotations show them. */
  readonly line: number;
  readonly column: number;
  readonly endLine: number;
  readonly endColumn: number;
}

export interface FileReport {
  /** Relative to the working folder. */
  readonly file: string;
  readonly problems: readonly Problem[];
  /** Set when the file was not analysed (too large). */
  readonly skipped?: string;
}

export interface Summary {
  readonly files: number;
  readonly errors: number;
  readonly warnings: number;
  readonly infos: number;
}

export function summarize(reports: readonly FileReport[]): Summary {
  const count = (s: ReportedSeverity) => reports.reduce((n, r) => n + r.problems.filter(p => p.severity === s).length, 0);
  return { files: reports.length, errors: count('error'), warnings: count('warning'), infos: count('info') };
}

export function formatText(reports: readonly FileReport[], summary: Summary): string {
  const lines: string[] = [];
  for (const r of reports) {
    for (const p of r.problems) lines.push(`${r.file}:${p.line}:${p.column} ${p.severity} ${p.ruleId} ${p.message}`);
    if (r.skipped) lines.push(`${r.file}: skipped: ${r.skipped}`);
  }
  const total = summary.errors + summary.warnings + summary.infos;
  const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
  lines.push(
    `${plural(total, 'problem')} (${plural(summary.errors, 'error')}, ${plural(summary.warnings, 'warning')}, ${plural(summary.infos, 'info')}) in ${plural(summary.files, 'file')}.`,
  );
  return lines.join('\n') + '\n';
}

export function formatJson(reports: readonly FileReport[], summary: Summary): string {
  return JSON.stringify({ files: reports, summary }, null, 2) + '\n';
}
