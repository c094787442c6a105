/**
 * Renders a run's report in the chosen format. `text` is `file:line:col severity rule-id message` lines
 * (with `explain`, each followed by the rule's explanation, indented) and a summary; `json`, `sarif` and
 * `github` live in their own modules.
 */
import type { Format } from './args';
import { formatGithub } from './format-github';
import { formatJson } from './format-json';
import { formatSarif } from './format-sarif';
import { summaryLine, type RunReport } from './report';

export interface TextOptions {
  /** Print each problem's `detail` under it, indented. */
  readonly explain?: boolean;
}

export function formatReport(format: Format, report: RunReport, text: TextOptions = {}): string {
  switch (format) {
    case 'text':
      return formatText(report, text);
    case 'json':
      return formatJson(report);
    case 'sarif':
      return formatSarif(report);
    case 'github':
      return formatGithub(report);
  }
}

export function formatText(report: RunReport, options: TextOptions = {}): string {
  const lines: string[] = [];
  for (const r of report.files) {
    for (const p of r.problems) {
      lines.push(`${r.file}:${p.line}:${p.column} ${p.severity} ${p.ruleId} ${p.message}`);
      if (options.explain && p.detail) lines.push(...p.detail.split(/\r?\n/).map(line => `    ${line}`.trimEnd()));
    }
    if (r.skipped) lines.push(`${r.file}: skipped: ${r.skipped}`);
  }
  lines.push(summaryLine(report));
  return lines.join('\n') + '\n';
}
