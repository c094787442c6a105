/**
 * Runs every rule over every recognised API call of a document and applies settings (severity, off) and
 * in-source suppressions. Also builds the fixes that do not belong to one rule: "disable for this line"
 * here, "fix all" in `fix-all.ts`.
 */
import { mayCallApi } from './calls';
import { OmnichannelDocument } from './document';
import { checkCalls, forgetCalls } from './incremental';
import { indentAt, newlineOf } from './rules/support/text';
import { readSuppressions } from './suppressions';
import type { AnalysisResult, AnalyzerSettings, Finding, Fix, TextEdit } from './types';

export { RULES } from './rules/all-rules';
export { fixAllEdits } from './fix-all';
export { INCREMENTAL, howAnalysed, type HowAnalysed } from './incremental';
export type { Rule, RuleMeta } from './rules/types';

export interface AnalyzeOptions {
  /** Called when a rule throws; the rule's findings for that call are dropped and analysis goes on. */
  readonly onRuleError?: (ruleId: string, error: unknown) => void;
  /**
   * The document will not be edited and analysed again (a CLI or ESLint run): what each check read is not
   * recorded and nothing is kept for a next analysis, which is then a full one. The language server leaves it off.
   */
  readonly oneShot?: boolean;
}

export function analyze(doc: OmnichannelDocument, settings: AnalyzerSettings, options: AnalyzeOptions = {}): AnalysisResult {
  const text = doc.text;
  if (text.length > settings.maxFileSize) {
    forgetCalls(doc);
    return { findings: [], skippedReason: `${baseName(doc.fileName)} is ${size(text.length)}, above omnichannel.maxFileSize (${size(settings.maxFileSize)}): not analysed. Raise the setting to analyse it.` };
  }
  if (doc.parseFailure !== undefined) {
    forgetCalls(doc);
    return { findings: [], skippedReason: doc.parseFailure };
  }
  const suppressions = readSuppressions(text, offset => doc.positionAt(offset).line);
  if (suppressions.wholeFile) {
    forgetCalls(doc);
    return { findings: [] };
  }
  // Settings and suppressions apply to every call's reports afresh; only the rules' reports are carried over an edit.
  return { findings: checkCalls(doc, settings, suppressions, options) };
}

export interface OneShotOptions extends Omit<AnalyzeOptions, 'oneShot'> {
  /** What the caller has as the text's tree, used only if it is the core's own (see `OmnichannelDocument`). */
  readonly parsed?: unknown;
}

/** A one-shot analysis of a text, and the document it parsed (none when the text could not hold a call). */
export interface OneShotResult extends AnalysisResult {
  readonly doc?: OmnichannelDocument;
}

/**
 * Analyses a text once, for a run that does not edit it (CLI, ESLint plugin): a text that names none of the
 * API's namespaces (`mayCallApi`) is not parsed, as it has no call to report on; otherwise `analyze` with
 * `oneShot`. The findings are those of `analyze` on a fresh document.
 */
export function analyzeOnce(fileName: string, text: string, settings: AnalyzerSettings, options: OneShotOptions = {}): OneShotResult {
  // Too large is said whatever the text holds, as `analyze` says it.
  if (text.length <= settings.maxFileSize && !mayCallApi(text)) return { findings: [] };
  const doc = new OmnichannelDocument(fileName, text, options.parsed);
  return { ...analyze(doc, settings, { onRuleError: options.onRuleError, oneShot: true }), doc };
}

// Whitespace that is not a line terminator: a `//` comment ends at U+2028/U+2029 too, and what follows is code, not ids.
const BLANK = String.raw`[^\S\r\n\u2028\u2029]`;
const EXISTING_DISABLE = new RegExp(String.raw`^(${BLANK}*\/\/${BLANK}*omnichannel-disable-next-line)(${BLANK}+[\w-]+(?:${BLANK}*,${BLANK}*[\w-]+)*)${BLANK}*$`);

/** "Disable for this line": a `// omnichannel-disable-next-line <id>` comment above the finding's line, with its indentation. */
export function disableForLineFix(doc: OmnichannelDocument, finding: Finding): Fix {
  const text = doc.text;
  const line = doc.positionAt(finding.start).line;
  const lineStart = doc.offsetAt({ line, character: 0 });
  const title = `Disable ${finding.ruleId} for this line`;
  if (line > 0) {
    // Extend an existing comment on the line above rather than stacking a second one.
    const previousStart = doc.offsetAt({ line: line - 1, character: 0 });
    const previous = text.slice(previousStart, lineStart).replace(/(?:\r\n|\r|\n)$/, '');
    const existing = EXISTING_DISABLE.exec(previous);
    if (existing) {
      const end = previousStart + existing[1]!.length + existing[2]!.length;
      return { title, edits: [{ start: end, end, newText: `, ${finding.ruleId}` }] };
    }
  }
  const indent = indentAt(text, lineStart);
  return { title, edits: [{ start: lineStart, end: lineStart, newText: `${indent}// omnichannel-disable-next-line ${finding.ruleId}${newlineOf(text)}` }] };
}

/** Applies non-overlapping edits (any order) to a text: what an editor does with a fix's edits. */
export function applyEdits(text: string, edits: readonly TextEdit[]): string {
  const ordered = edits.map((edit, index) => ({ edit, index })).sort((a, b) => a.edit.start - b.edit.start || a.index - b.index);
  // Pieces joined once: re-slicing the whole text per edit is quadratic on a large file.
  const pieces: string[] = [];
  let done = 0;
  for (const { edit } of ordered) {
    pieces.push(text.slice(done, Math.max(done, edit.start)), edit.newText);
    done = Math.max(done, edit.end);
  }
  pieces.push(text.slice(done));
  return pieces.join('');
}

function baseName(fileName: string): string {
  return fileName.split(/[\\/]/).pop() || fileName;
}

function size(chars: number): string {
  if (chars >= 1024 * 1024) return `${trim(chars / (1024 * 1024))} MB`;
  if (chars >= 1024) return `${trim(chars / 1024)} KB`;
  return `${chars} characters`;
}

function trim(n: number): string {
  return n.toFixed(1).replace(/\.0$/, '');
}
