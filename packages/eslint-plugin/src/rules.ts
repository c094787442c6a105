/**
 * One ESLint rule per core rule, named by the core's rule id. A rule reads only `sourceCode.text`, so it
 * works with any parser; it reports the core's findings of its own id, converting the core's character
 * offsets with `getLocFromIndex` (ESLint's text is the core's text: both come without the BOM).
 */
import { resolveSettings, RULES } from '@omnichannel-tools/core';
import type { Finding, Rule as CoreRule, RuleId, TextEdit } from '@omnichannel-tools/core';
import type { Rule, SourceCode } from 'eslint';
import { analysisOf, register, type Registration } from './analysis';
import { CAPABILITIES, planFixes } from './fixes';
import { docsUrl } from './package-info';

/** The options of rules that have any: the core's settings that belong to that one rule. */
const OPTIONS: Partial<Record<RuleId, Rule.RuleMetaData['schema']>> = {
  'missing-ui-refresh': [{
    type: 'object',
    properties: {
      // Checked for being dotted names by the core, which reports the ones it ignores.
      refreshFunctions: { type: 'array', items: { type: 'string' }, description: 'Your own functions that refresh the UI, such as refreshCaseTab or Utils.refreshUi.' },
      refreshCall: { type: 'string', minLength: 1, description: 'The refresh call the suggestion inserts, without a trailing semicolon.' },
    },
    additionalProperties: false,
  }],
};

function registrationOf(ruleId: RuleId, options: readonly unknown[]): Registration {
  const given = options[0] as { refreshFunctions?: unknown; refreshCall?: unknown } | undefined;
  if (!OPTIONS[ruleId] || !given) return { ruleId };
  const { settings, problems } = resolveSettings({ refreshFunctions: given.refreshFunctions, refreshCall: given.refreshCall });
  return {
    ruleId,
    settings: { refreshFunctions: settings.refreshFunctions, refreshCall: settings.refreshCall },
    // The core names its settings `omnichannel.<name>`; here they are this rule's options.
    problems: problems.map(p => `Options of omnichannel/${ruleId}: ${p.replace(/^omnichannel\./, '')}`),
  };
}

function toEslintRule(core: CoreRule): Rule.RuleModule {
  const can = CAPABILITIES[core.id];
  return {
    meta: {
      // Every rule reports code that fails or misbehaves at run time in the agent's browser.
      type: 'problem',
      docs: { description: core.meta.description, url: docsUrl(core) },
      ...(can.autofix ? { fixable: 'code' as const } : {}),
      hasSuggestions: can.suggestions,
      schema: OPTIONS[core.id] ?? [],
    },
    create(context) {
      const sourceCode = context.sourceCode;
      register(sourceCode, context.filename, context.settings, registrationOf(core.id, context.options));
      return {
        Program() {
          const analysis = analysisOf(sourceCode);
          for (const note of analysis.notes) {
            if (note.ruleId === core.id) context.report({ loc: { line: 1, column: 0 }, message: note.message });
          }
          for (const finding of analysis.findings) {
            if (finding.ruleId === core.id) report(context, sourceCode, finding);
          }
        },
      };
    },
  };
}

function report(context: Rule.RuleContext, sourceCode: SourceCode, finding: Finding): void {
  const plan = planFixes(finding.fixes?.() ?? [], CAPABILITIES[finding.ruleId]);
  const replace = (edits: readonly TextEdit[]) => (fixer: Rule.RuleFixer) => edits.map(e => fixer.replaceTextRange([e.start, e.end], e.newText));
  context.report({
    loc: { start: sourceCode.getLocFromIndex(finding.start), end: sourceCode.getLocFromIndex(finding.end) },
    message: finding.message,
    ...(plan.autofix ? { fix: replace([plan.autofix]) } : {}),
    ...(plan.suggestions.length > 0 ? { suggest: plan.suggestions.map(fix => ({ desc: fix.title, fix: replace(fix.edits) })) } : {}),
  });
}

/** Every core rule as an ESLint rule, keyed by the core's rule id. */
export const rules = Object.fromEntries(RULES.map(rule => [rule.id, toEslintRule(rule)])) as Record<RuleId, Rule.RuleModule>;
