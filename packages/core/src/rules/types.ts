/** The one shape every rule has, and what a rule sees while it checks a call. */
import type * as ts from 'typescript';
import type { ApiCall } from '../calls';
import type { AnalyzerSettings, Fix, ReportedSeverity, RuleId, Severity } from '../types';

export interface RuleMeta {
  /** One sentence for the README's rules table and for hover on the diagnostic code. */
  readonly description: string;
  readonly defaultSeverity: Severity;
  /** The README anchor of the rule's section. */
  readonly docs: string;
  /** The rule checks a call's arguments: a call it reports is not offered to run, and its detail replaces the argument's hover. */
  readonly checksArguments?: boolean;
}

/** What a rule reports; `analyze` adds the rule id and the severity from settings. */
export interface Report {
  readonly start: number;
  readonly end: number;
  /** What to do, first, in about 80 characters at most. */
  readonly message: string;
  /** The why and the details, for hover (Markdown). */
  readonly detail?: string;
  /** A severity of the rule's own, used when the user has not configured the rule (e.g. fixable forms). */
  readonly severity?: ReportedSeverity;
  readonly fixes?: () => readonly Fix[];
}

export interface RuleContext {
  readonly sourceFile: ts.SourceFile;
  readonly text: string;
  readonly settings: AnalyzerSettings;
  /** Every recognised call of the file, in source order. */
  readonly calls: readonly ApiCall[];
  /** The recognised call at a call expression, if it is one. */
  callAt(node: ts.Node): ApiCall | undefined;
}

export interface Rule {
  readonly id: RuleId;
  readonly meta: RuleMeta;
  check(call: ApiCall, ctx: RuleContext): readonly Report[];
}
