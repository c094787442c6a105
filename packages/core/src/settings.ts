/**
 * The analyzer's settings and their validation. Settings arrive as untyped JSON (the editor's
 * `omnichannel` configuration section, a CLI config file); every wrong value falls back to its default
 * with one message naming the setting, so a typo never silences the analyzer.
 */
import { DEFAULT_REFRESH_CALL } from './catalogue';
import { refreshCallProblem } from './refresh-call';
import { DEFAULT_SEVERITIES, RULE_IDS, type AnalyzerSettings, type RuleId, type Severity } from './types';

export const DEFAULT_MAX_FILE_SIZE = 4 * 1024 * 1024;

export const DEFAULT_SETTINGS: AnalyzerSettings = Object.freeze({
  rules: Object.freeze({}),
  refreshFunctions: Object.freeze([]),
  refreshCall: DEFAULT_REFRESH_CALL,
  maxFileSize: DEFAULT_MAX_FILE_SIZE,
});

const SEVERITIES: readonly Severity[] = ['error', 'warning', 'info', 'off'];
const DOTTED_NAME = /^[A-Za-z_$][\w$]*(\.[A-Za-z_$][\w$]*)*$/;

export function resolveSettings(raw: unknown): { settings: AnalyzerSettings; problems: string[] } {
  const problems: string[] = [];
  if (raw === undefined || raw === null) return { settings: DEFAULT_SETTINGS, problems };
  if (!isObject(raw)) {
    problems.push(`omnichannel: expected an object of settings, got ${describe(raw)}; using the defaults.`);
    return { settings: DEFAULT_SETTINGS, problems };
  }
  return {
    settings: {
      rules: resolveRules(raw.rules, problems),
      refreshFunctions: resolveRefreshFunctions(raw.refreshFunctions, problems),
      refreshCall: resolveRefreshCall(raw.refreshCall, problems),
      maxFileSize: resolveMaxFileSize(raw.maxFileSize, problems),
    },
    problems,
  };
}

function resolveRules(value: unknown, problems: string[]): Partial<Record<RuleId, Severity>> {
  if (value === undefined || value === null) return {};
  if (!isObject(value)) {
    problems.push(`omnichannel.rules: expected an object mapping rule ids to ${SEVERITIES.join(', ')}, got ${describe(value)}; using the defaults.`);
    return {};
  }
  const rules: Partial<Record<RuleId, Severity>> = {};
  for (const [id, severity] of Object.entries(value)) {
    if (!(RULE_IDS as readonly string[]).includes(id)) {
      problems.push(`omnichannel.rules: "${id}" is not a rule; the rules are ${RULE_IDS.join(', ')}.`);
      continue;
    }
    const ruleId = id as RuleId;
    if (typeof severity === 'string' && (SEVERITIES as readonly string[]).includes(severity)) {
      rules[ruleId] = severity as Severity;
    } else {
      problems.push(`omnichannel.rules.${id}: ${describe(severity)} is not one of ${SEVERITIES.join(', ')}; using "${DEFAULT_SEVERITIES[ruleId]}".`);
    }
  }
  return rules;
}

function resolveRefreshFunctions(value: unknown, problems: string[]): readonly string[] {
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value)) {
    problems.push(`omnichannel.refreshFunctions: expected a list of function names such as ["refreshCaseTab", "Utils.refreshUi"], got ${describe(value)}; using [].`);
    return [];
  }
  const names: string[] = [];
  value.forEach((name: unknown, index) => {
    if (typeof name === 'string' && DOTTED_NAME.test(name.trim())) names.push(name.trim());
    else problems.push(`omnichannel.refreshFunctions[${index}]: ${describe(name)} is not a function name (letters, digits, _ and $, dotted like Utils.refreshUi); ignored.`);
  });
  return names;
}

function resolveRefreshCall(value: unknown, problems: string[]): string {
  if (value === undefined || value === null) return DEFAULT_REFRESH_CALL;
  if (typeof value !== 'string' || value.trim() === '') {
    problems.push(`omnichannel.refreshCall: expected the source text of a call such as "${DEFAULT_REFRESH_CALL}", got ${describe(value)}; using the default.`);
    return DEFAULT_REFRESH_CALL;
  }
  // The fix appends a semicolon itself; one typed in the setting would double it.
  const call = value.trim().replace(/;+$/, '').trimEnd();
  const refused = refreshCallProblem(call);
  if (refused) {
    problems.push(`omnichannel.refreshCall: ${describe(value, 80)} is refused because ${refused}. Fixes insert this text into your code, so it must be a single call such as "formContext.data.refresh(false)" whose arguments are literals, names or member chains; using the default "${DEFAULT_REFRESH_CALL}".`);
    return DEFAULT_REFRESH_CALL;
  }
  return call;
}

function resolveMaxFileSize(value: unknown, problems: string[]): number {
  if (value === undefined || value === null) return DEFAULT_MAX_FILE_SIZE;
  if (typeof value !== 'number' || !Number.isFinite(value) || value < 0) {
    problems.push(`omnichannel.maxFileSize: expected a number of characters, 0 or more, got ${describe(value)}; using ${DEFAULT_MAX_FILE_SIZE}.`);
    return DEFAULT_MAX_FILE_SIZE;
  }
  return Math.floor(value);
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function describe(value: unknown, maxLength = Infinity): string {
  if (typeof value === 'string') return JSON.stringify(value.length > maxLength ? `${value.slice(0, maxLength - 1)}…` : value);
  if (Array.isArray(value)) return 'a list';
  if (value === null) return 'null';
  if (typeof value === 'object') return 'an object';
  return String(value);
}
