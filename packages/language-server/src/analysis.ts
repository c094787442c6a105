/**
 * The latest analysis of each open document, keyed by document version and settings, so diagnostics
 * and code actions share one result and a code action never uses findings of an older text.
 */
import { analyze } from '@omnichannel-tools/core';
import type { AnalysisResult, AnalyzerSettings } from '@omnichannel-tools/core';
import type { OpenDocument } from './documents';

interface Entry {
  readonly version: number;
  readonly settings: AnalyzerSettings;
  readonly result: AnalysisResult;
}

export class AnalysisCache {
  private readonly entries = new Map<string, Entry>();

  /** `onRuleError` hears about a rule that threw (its findings are dropped; the others still show). */
  constructor(private readonly onRuleError: (ruleId: string, error: unknown) => void) {}

  /** The document's findings for its current version; `undefined` when it is too large to analyse. */
  get(doc: OpenDocument, settings: AnalyzerSettings): AnalysisResult | undefined {
    if (isTooLarge(doc, settings)) return undefined;
    const cached = this.entries.get(doc.uri);
    if (cached && cached.version === doc.version && cached.settings === settings) return cached.result;
    const result = analyze(doc.doc, settings, { onRuleError: this.onRuleError });
    this.entries.set(doc.uri, { version: doc.version, settings, result });
    return result;
  }

  forget(uri: string): void {
    this.entries.delete(uri);
  }
}

export function isTooLarge(doc: OpenDocument, settings: AnalyzerSettings): boolean {
  return doc.doc.text.length > settings.maxFileSize;
}
