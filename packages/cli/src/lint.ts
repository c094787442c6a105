/**
 * Lints one text with the core analyzer and places its findings (and their preferred fixes) in
 * one-based lines and columns. Reading the file and fixing it are the callers' business.
 */
import { analyzeOnce, type AnalyzerSettings, type OmnichannelDocument, type Finding, type TextEdit } from './core';
import type { FileReport, PlacedEdit, PlacedFix, Problem } from './report';

export interface LintOptions {
  /** Called when a rule throws: its findings for one call are then missing, which the user must hear. */
  readonly onRuleError?: (ruleId: string, error: unknown) => void;
}

export function lintText(absolute: string, file: string, text: string, settings: AnalyzerSettings, options: LintOptions = {}): FileReport {
  // A file that cannot hold a call is not parsed (no findings, so no document to place them in).
  const { doc, findings, skippedReason } = analyzeOnce(absolute, text, settings, { onRuleError: options.onRuleError });
  if (skippedReason) return { file, absolute, problems: [], skipped: skippedReason, text };
  return { file, absolute, problems: doc ? findings.map(f => place(doc, f)) : [], text };
}

function place(doc: OmnichannelDocument, finding: Finding): Problem {
  const start = doc.positionAt(finding.start);
  const end = doc.positionAt(finding.end);
  const lineStart = doc.offsetAt({ line: start.line, character: 0 });
  const lineEnd = doc.offsetAt({ line: start.line, character: Number.MAX_SAFE_INTEGER });
  const fix = preferredFix(doc, finding);
  return {
    ruleId: finding.ruleId,
    severity: finding.severity,
    message: finding.message,
    ...(finding.detail ? { detail: finding.detail } : {}),
    line: start.line + 1,
    column: start.character + 1,
    endLine: end.line + 1,
    endColumn: end.character + 1,
    lineText: doc.text.slice(lineStart, lineEnd).trim(),
    ...(fix ? { fix } : {}),
  };
}

function preferredFix(doc: OmnichannelDocument, finding: Finding): PlacedFix | undefined {
  const fix = finding.fixes?.().find(f => f.isPreferred);
  if (!fix || fix.edits.length === 0) return undefined;
  if (fix.edits.some(e => e.start < 0 || e.end > doc.text.length || e.end < e.start)) return undefined;
  return { title: fix.title, edits: fix.edits.map(e => placeEdit(doc, e)) };
}

function placeEdit(doc: OmnichannelDocument, edit: TextEdit): PlacedEdit {
  const start = doc.positionAt(edit.start);
  const end = doc.positionAt(edit.end);
  return {
    start: edit.start,
    end: edit.end,
    text: edit.newText,
    line: start.line + 1,
    column: start.character + 1,
    endLine: end.line + 1,
    endColumn: end.character + 1,
  };
}
