/**
 * The CLI's one door into the analysis core and the TypeScript parser the core uses. No other CLI module
 * imports them, so the CLI can live in its own package by changing only the paths below.
 */
import ts = require('typescript');
import { scriptKindOf } from '@omnichannel-tools/core';

export { analyzeOnce, applyEdits, DOCS_HOME, fixAllEdits, OmnichannelDocument, resolveSettings, ruleDocsUrl, RULES, RULE_IDS } from '@omnichannel-tools/core';
export type { AnalyzerSettings, Finding, ReportedSeverity, RuleId, RuleMeta, Severity, TextEdit } from '@omnichannel-tools/core';

export interface ParseProblem {
  /** The parser's message code, with its text: what makes two errors "the same" across edits. */
  readonly key: string;
  readonly message: string;
  readonly start: number;
}

const EXTENSION_OF: Record<number, string> = {
  [ts.ScriptKind.TS]: '.ts',
  [ts.ScriptKind.TSX]: '.tsx',
  [ts.ScriptKind.JSX]: '.jsx',
  [ts.ScriptKind.JS]: '.js',
};

/**
 * The syntax errors the TypeScript parser finds in a text, parsed as the core parses that file name
 * (an unknown extension reads as JavaScript). Uses the public transpiler, which reports exactly the
 * parser's (syntactic) diagnostics and needs no other file.
 */
export function syntaxErrors(fileName: string, text: string): ParseProblem[] {
  const name = `file${EXTENSION_OF[scriptKindOf(fileName)] ?? '.js'}`;
  const { diagnostics = [] } = ts.transpileModule(text, { fileName: name, reportDiagnostics: true, compilerOptions: { jsx: ts.JsxEmit.Preserve } });
  return diagnostics.map(d => {
    const message = ts.flattenDiagnosticMessageText(d.messageText, ' ');
    return { key: `TS${d.code} ${message}`, message, start: d.start ?? 0 };
  });
}
