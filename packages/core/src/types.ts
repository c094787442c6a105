/**
 * The analysis core's own plain types. Positions are character offsets into the document text;
 * translating them to editor positions is the caller's job. Nothing here knows an editor or LSP.
 */

/** Every rule id. Adding one without a default severity in `DEFAULT_SEVERITIES` does not compile. */
export type RuleId =
  | 'invalid-entity-name'
  | 'invalid-record-id'
  | 'missing-ui-refresh'
  | 'unhandled-rejection'
  | 'invalid-arguments'
  | 'unknown-api-member'
  | 'link-overridden';

export type Severity = 'error' | 'warning' | 'info' | 'off';
export type ReportedSeverity = Exclude<Severity, 'off'>;

export const DEFAULT_SEVERITIES: Record<RuleId, Severity> = {
  'invalid-entity-name': 'error',
  'invalid-record-id': 'error',
  'missing-ui-refresh': 'warning',
  'unhandled-rejection': 'warning',
  'invalid-arguments': 'error',
  'unknown-api-member': 'error',
  'link-overridden': 'info',
};

export const RULE_IDS = Object.keys(DEFAULT_SEVERITIES) as RuleId[];

export interface TextSpan {
  readonly start: number;
  readonly end: number;
}

export interface TextEdit extends TextSpan {
  readonly newText: string;
}

export interface Fix {
  readonly title: string;
  readonly edits: readonly TextEdit[];
  /** The one fix an editor should offer first (and apply on "fix all"). */
  readonly isPreferred?: boolean;
}

export interface Finding extends TextSpan {
  readonly ruleId: RuleId;
  /** What to do, first, and short: the Problems panel cuts long messages. */
  readonly message: string;
  /** Why, and the facts behind it (Markdown): shown when hovering the finding, not in the Problems panel. */
  readonly detail?: string;
  /** Severity after settings; a rule may lower its own default (e.g. fixable id forms are warnings). */
  readonly severity: ReportedSeverity;
  /** Computed only when an editor asks for fixes at this finding. */
  readonly fixes?: () => readonly Fix[];
}

export interface AnalyzerSettings {
  /** Severity overrides per rule; missing ids keep their default. */
  readonly rules: Partial<Record<RuleId, Severity>>;
  /** User function names (possibly dotted) that count as a UI refresh. */
  readonly refreshFunctions: readonly string[];
  /** Source text of the refresh call the quick fix inserts, without a trailing semicolon. */
  readonly refreshCall: string;
  /** Documents longer than this many characters are not analysed. */
  readonly maxFileSize: number;
}

export interface AnalysisResult {
  readonly findings: readonly Finding[];
  /** Set when the document was not analysed (too large); a sentence for the user. */
  readonly skippedReason?: string;
}

/** The text change of one edit, for incremental re-parsing. */
export interface TextChange {
  readonly start: number;
  readonly end: number;
  readonly newText: string;
}

export type CompletionKind = 'method' | 'property' | 'entity' | 'snippet' | 'value';

export interface CompletionEntry {
  readonly label: string;
  readonly kind: CompletionKind;
  readonly detail?: string;
  /** Markdown. */
  readonly documentation?: string;
  /** Text to insert; `insertTextIsSnippet` says whether it uses `${1:placeholder}` syntax. */
  readonly insertText?: string;
  readonly insertTextIsSnippet?: boolean;
  /** The span the entry replaces (e.g. the partial word or the string's contents). */
  readonly replace?: TextSpan;
  readonly sortText?: string;
  /** What the typed word is matched against, when not the label. */
  readonly filterText?: string;
  /** The one entry to select when the list opens (the most useful member of a namespace). */
  readonly preselect?: boolean;
  /** Accepting it leaves the cursor in an argument list: the editor should show the parameter hints. */
  readonly opensSignatureHelp?: boolean;
}

export interface HoverInfo extends TextSpan {
  /** Markdown. */
  readonly contents: string;
}

export interface SignatureInfo {
  readonly label: string;
  readonly documentation: string;
  readonly parameters: readonly { readonly label: string; readonly documentation: string }[];
  readonly activeParameter: number;
}

/** A link/unlink call whose arguments are all literals: what "run this call" executes. */
export interface RunnableCall extends TextSpan {
  readonly method: 'linkToConversation' | 'unlinkFromConversation';
  readonly entityLogicalName: string;
  readonly recordId: string;
  readonly conversationId?: string;
}
