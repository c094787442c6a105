/** Lints one file with the core analyzer and reports its findings with one-based line and column. */
import { readFileSync } from 'node:fs';
import { analyze } from '@omnichannel-tools/core';
import { OmnichannelDocument } from '@omnichannel-tools/core';
import type { AnalyzerSettings } from '@omnichannel-tools/core';
import type { FileReport } from './format';

export function lintFile(file: string, displayName: string, settings: AnalyzerSettings): FileReport {
  const text = readFileSync(file, 'utf8');
  if (text.length > settings.maxFileSize) {
    return { file: displayName, problems: [], skipped: `${text.length} characters, more than omnichannel.maxFileSize (${settings.maxFileSize}).` };
  }
  const doc = new OmnichannelDocument(file, text);
  const result = analyze(doc, settings);
  if (result.skippedReason) return { file: displayName, problems: [], skipped: result.skippedReason };
  return {
    file: displayName,
    problems: result.findings.map(f => {
      const start = doc.positionAt(f.start);
      const end = doc.positionAt(f.end);
      return {
        ruleId: f.ruleId,
        severity: f.severity,
        message: f.message,
        line: start.line + 1,
        column: start.character + 1,
        endLine: end.line + 1,
        endColumn: end.character + 1,
      };
    }),
  };
}
