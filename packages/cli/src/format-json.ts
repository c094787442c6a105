/**
 * `--format json`: ESLint's `LintResult[]`, so ESLint formatters and the tools that read ESLint's JSON
 * read it too. ESLint has two severities: errors are 2; warnings and infos are 1 (and count as ESLint
 * warnings there, though --max-warnings counts warnings only). A file that was not analysed or could not
 * be read carries one message without a rule id, as ESLint reports an ignored or unparsable file.
 */
import type { FileReport, PlacedFix, Problem, RunReport } from './report';

export interface LintMessage {
  ruleId: string | null;
  severity: 1 | 2;
  message: string;
  fatal?: true;
  line?: number;
  column?: number;
  endLine?: number;
  endColumn?: number;
  fix?: { range: [number, number]; text: string };
}

export interface LintResult {
  filePath: string;
  messages: LintMessage[];
  suppressedMessages: [];
  errorCount: number;
  fatalErrorCount: number;
  warningCount: number;
  fixableErrorCount: number;
  fixableWarningCount: number;
  source?: string;
  output?: string;
  usedDeprecatedRules: [];
}

export function formatJson(report: RunReport): string {
  const results: LintResult[] = report.files.map(fileResult);
  for (const u of report.unreadable) {
    const message: LintMessage = report.unreadableIsError
      ? { ruleId: null, severity: 2, fatal: true, message: u.message }
      : { ruleId: null, severity: 1, message: u.message };
    results.push(result(u.absolute, [message]));
  }
  return JSON.stringify(results, null, 2) + '\n';
}

function fileResult(file: FileReport): LintResult {
  const messages = file.problems.map(p => message(p, file.text ?? ''));
  if (file.skipped) messages.push({ ruleId: null, severity: 1, message: `Not analysed: ${file.skipped}` });
  const r = result(file.absolute, messages);
  if (file.fixed && file.text !== undefined) r.output = file.text;
  else if (messages.length > 0 && file.text !== undefined) r.source = file.text;
  return r;
}

function result(filePath: string, messages: LintMessage[]): LintResult {
  const count = (severity: 1 | 2, fixable: boolean) => messages.filter(m => m.severity === severity && (!fixable || m.fix)).length;
  return {
    filePath,
    messages,
    suppressedMessages: [],
    errorCount: count(2, false),
    fatalErrorCount: messages.filter(m => m.fatal).length,
    warningCount: count(1, false),
    fixableErrorCount: count(2, true),
    fixableWarningCount: count(1, true),
    usedDeprecatedRules: [],
  };
}

function message(p: Problem, text: string): LintMessage {
  return {
    ruleId: p.ruleId,
    severity: p.severity === 'error' ? 2 : 1,
    message: p.message,
    line: p.line,
    column: p.column,
    endLine: p.endLine,
    endColumn: p.endColumn,
    ...(p.fix ? { fix: singleReplacement(p.fix, text) } : {}),
  };
}

/** ESLint's fix is one replacement: several edits become one spanning them, the text between kept. */
function singleReplacement(fix: PlacedFix, text: string): { range: [number, number]; text: string } {
  const edits = [...fix.edits].sort((a, b) => a.start - b.start);
  const start = edits[0]!.start;
  let end = start;
  let replacement = '';
  for (const edit of edits) {
    replacement += text.slice(end, edit.start) + edit.text;
    end = Math.max(end, edit.end);
  }
  return { range: [start, end], text: replacement };
}
