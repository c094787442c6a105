/**
 * `--format github`: GitHub Actions workflow commands (`::error file=…,line=…::message`), which annotate
 * the changed lines of a pull request without code scanning. Errors are `::error`, warnings `::warning`,
 * infos `::notice`; paths are relative to the working folder, so run it from the repository root.
 */
import type { ReportedSeverity } from './core';
import { summaryLine, type RunReport } from './report';

const COMMAND: Record<ReportedSeverity, string> = { error: 'error', warning: 'warning', info: 'notice' };

export function formatGithub(report: RunReport): string {
  const lines: string[] = [];
  for (const f of report.files) {
    const file = slashes(f.file);
    for (const p of f.problems) {
      const props = { file, line: p.line, col: p.column, endLine: p.endLine, endColumn: p.endColumn, title: `omnichannel/${p.ruleId}` };
      lines.push(command(COMMAND[p.severity], props, p.message));
    }
    if (f.skipped) lines.push(command('warning', { file: slashes(f.file), title: 'omnichannel-lint: not analysed' }, f.skipped));
  }
  for (const u of report.unreadable) {
    lines.push(command(report.unreadableIsError ? 'error' : 'warning', { file: slashes(u.file), title: 'omnichannel-lint: cannot read' }, u.message));
  }
  lines.push(summaryLine(report));
  return lines.join('\n') + '\n';
}

function command(name: string, props: Record<string, string | number>, message: string): string {
  const list = Object.entries(props).map(([k, v]) => `${k}=${escapeProperty(String(v))}`).join(',');
  return `::${name} ${list}::${escapeData(message)}`;
}

/** GitHub's escaping for a command's message: `%`, CR and LF. */
export function escapeData(s: string): string {
  return s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

/** A property value also escapes `:` and `,`, which would end it. */
export function escapeProperty(s: string): string {
  return escapeData(s).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

function slashes(file: string): string {
  return file.split('\\').join('/');
}
