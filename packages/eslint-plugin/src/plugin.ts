/**
 * The plugin object: the core's rules as `omnichannel/<rule-id>` and `configs.recommended`, which a flat config
 * takes either spread (`...omnichannel.configs.recommended`) or as one entry (`omnichannel.configs.recommended`).
 */
import { DEFAULT_SEVERITIES, RULES } from '@omnichannel-tools/core';
import type { RuleId, Severity } from '@omnichannel-tools/core';
import type { ESLint, Linter, Rule } from 'eslint';
import { PLUGIN_NAME, PLUGIN_VERSION } from './package-info';
import { rules } from './rules';

/** ESLint has no "info": an info rule (`link-overridden`) still points at likely data loss, so it warns. */
export const ESLINT_SEVERITY: Readonly<Record<Severity, Linter.StringSeverity>> = {
  error: 'error',
  warning: 'warn',
  info: 'warn',
  off: 'off',
};

/** A config object that also spreads into an array as itself. */
export type RecommendedConfig = Linter.Config & Iterable<Linter.Config>;

export interface OmnichannelPlugin extends ESLint.Plugin {
  readonly meta: { readonly name: string; readonly version: string; readonly namespace: string };
  readonly rules: Record<RuleId, Rule.RuleModule>;
  readonly configs: { readonly recommended: RecommendedConfig };
}

const recommended: Linter.Config = {
  name: 'omnichannel/recommended',
  rules: Object.fromEntries(RULES.map(rule => [`omnichannel/${rule.id}`, ESLINT_SEVERITY[DEFAULT_SEVERITIES[rule.id]]])),
};

export const plugin: OmnichannelPlugin = {
  meta: { name: PLUGIN_NAME, version: PLUGIN_VERSION, namespace: 'omnichannel' },
  rules,
  configs: { recommended: recommended as RecommendedConfig },
};
recommended.plugins = { omnichannel: plugin };
// Not enumerable: ESLint validates a config's keys, and `{ ...recommended, files }` must copy only config keys.
// ESLint flattens nested arrays with Array.isArray, so an iterable object is still read as one config.
Object.defineProperty(recommended, Symbol.iterator, {
  enumerable: false,
  value: function* (): Generator<Linter.Config> {
    yield recommended;
  },
});
