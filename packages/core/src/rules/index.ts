/** The rules and their shape. */
export { RULES } from './all-rules';
export type { Rule, RuleMeta, RuleContext, Report } from './types';
