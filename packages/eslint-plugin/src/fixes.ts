/**
 * Which of the core's fixes ESLint applies on `--fix` and which it only suggests. An autofix must be a
 * correction of text that is already there (one preferred edit replacing a literal or a name); a fix that
 * adds code (a refresh, a `.catch`, a try/catch) changes what the program does, so it is a suggestion.
 */
import type { Fix, RuleId, TextEdit } from '@omnichannel-tools/core';

export interface Capabilities {
  /** The rule's preferred one-edit replacement is applied by `eslint --fix` (`meta.fixable: 'code'`). */
  readonly autofix: boolean;
  /** The rule's other fixes are offered as suggestions (`meta.hasSuggestions`). */
  readonly suggestions: boolean;
}

/**
 * ESLint wants these declared up front, and throws if a rule reports a fix it did not declare; `planFixes`
 * never hands over an undeclared kind, so a new fix in the core can at worst be missing here, never crash.
 * A Record over every rule id, so a new rule does not compile until it is decided.
 */
export const CAPABILITIES: Readonly<Record<RuleId, Capabilities>> = {
  // "case" → "incident"; with no likely intent, each of the three names is a suggestion.
  'invalid-entity-name': { autofix: true, suggestions: true },
  // A braced or upper-case literal is rewritten; appending the normalisation to getId() is suggested.
  'invalid-record-id': { autofix: true, suggestions: true },
  // Adds a refresh call: new behaviour.
  'missing-ui-refresh': { autofix: false, suggestions: true },
  // Adds error handling (a `.catch` or a try/catch): new behaviour.
  'unhandled-rejection': { autofix: false, suggestions: true },
  // `"true"` → `true`.
  'invalid-arguments': { autofix: true, suggestions: false },
  // `linkToConverstion` → `linkToConversation`.
  'unknown-api-member': { autofix: true, suggestions: false },
  // Which of the two links was meant is the author's call.
  'link-overridden': { autofix: false, suggestions: false },
};

export interface FixPlan {
  /** The edit `eslint --fix` applies. */
  readonly autofix?: TextEdit;
  readonly suggestions: readonly Fix[];
}

export function planFixes(fixes: readonly Fix[], can: Capabilities): FixPlan {
  const preferred = fixes.find(fix => fix.isPreferred);
  const edit = preferred?.edits.length === 1 ? preferred.edits[0]! : undefined;
  const autofix = can.autofix && edit !== undefined && edit.end > edit.start ? edit : undefined;
  const rest = fixes.filter(fix => fix.edits.length > 0 && !(autofix && fix === preferred));
  return { ...(autofix ? { autofix } : {}), suggestions: can.suggestions ? rest : [] };
}
