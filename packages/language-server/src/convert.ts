/**
 * Translation between the core's offsets and plain types and LSP's positions and shapes. The only place
 * that knows both vocabularies, so features stay short.
 */
import {
  CompletionItemKind,
  DiagnosticSeverity,
  type Diagnostic,
  type Range,
  type TextEdit as LspTextEdit,
} from 'vscode-languageserver/node';
import { ruleDocsUrl, type OmnichannelDocument } from '@omnichannel-tools/core';
import type { CompletionKind, Finding, ReportedSeverity, TextEdit, TextSpan } from '@omnichannel-tools/core';
import { DIAGNOSTIC_SOURCE } from './protocol';


export function toRange(doc: OmnichannelDocument, span: TextSpan): Range {
  return { start: doc.positionAt(span.start), end: doc.positionAt(span.end) };
}

export function toSpan(doc: OmnichannelDocument, range: Range): TextSpan {
  return { start: doc.offsetAt(range.start), end: doc.offsetAt(range.end) };
}

const SEVERITY: Record<ReportedSeverity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  info: DiagnosticSeverity.Information,
};

export function toDiagnostic(doc: OmnichannelDocument, finding: Finding): Diagnostic {
  return {
    range: toRange(doc, finding),
    severity: SEVERITY[finding.severity],
    source: DIAGNOSTIC_SOURCE,
    code: finding.ruleId,
    codeDescription: { href: ruleDocsUrl({ docs: finding.ruleId }) },
    message: finding.message,
  };
}

export function toTextEdit(doc: OmnichannelDocument, edit: TextEdit): LspTextEdit {
  return { range: toRange(doc, edit), newText: edit.newText };
}

export const COMPLETION_KIND: Record<CompletionKind, CompletionItemKind> = {
  method: CompletionItemKind.Method,
  property: CompletionItemKind.Module,
  entity: CompletionItemKind.EnumMember,
  snippet: CompletionItemKind.Snippet,
  value: CompletionItemKind.Value,
};

/** Whether two LSP ranges share at least a position (an empty range touching a finding counts). */
export function rangesTouch(a: Range, b: Range): boolean {
  return !(before(a.end, b.start) || before(b.end, a.start));
}

function before(p: Range['start'], q: Range['start']): boolean {
  return p.line < q.line || (p.line === q.line && p.character < q.character);
}
