/**
 * Reads `.omnichannel/environments.json`, the environments a team shares in its repository. Each
 * environment stands alone: one with an error is left out (and reported with file, line, column
 * and field) while the others still load.
 */
import { parseJsonFile, problemAt } from '@omnichannel-tools/testing/json';
import type { ConfigProblem } from '@omnichannel-tools/testing/json';
import { fileValidator, normaliseEnvironment, schemaIssues, semanticIssues } from './environment-checks';
import type { EnvironmentDefinition } from './types';

export interface EnvironmentsResult {
  readonly environments: EnvironmentDefinition[];
  readonly errors: ConfigProblem[];
}

export function loadWorkspaceEnvironments(text: string, filePath: string): EnvironmentsResult {
  const parsed = parseJsonFile(text, filePath);
  if (parsed.syntaxErrors.length > 0) return { environments: [], errors: parsed.syntaxErrors };
  const issues = schemaIssues(fileValidator(), parsed.value);
  const errors = issues.map(i => problemAt(parsed, i.segments, i.message, i.key));
  const list = (parsed.value as { environments?: unknown } | null)?.environments;
  if (!Array.isArray(list)) return { environments: [], errors };
  // An item is usable when no schema issue points into it (including the `command` rule).
  const broken = new Set(issues.filter(i => i.segments[0] === 'environments' && typeof i.segments[1] === 'number').map(i => i.segments[1]));
  const environments: EnvironmentDefinition[] = [];
  const taken = new Map<string, string>();
  list.forEach((item, index) => {
    if (broken.has(index)) return;
    const env = item as EnvironmentDefinition;
    const more = semanticIssues(env, taken, `environments[${index}]`);
    if (more.length === 0) environments.push(normaliseEnvironment(env));
    for (const issue of more) errors.push(problemAt(parsed, ['environments', index, ...issue.segments], issue.message, issue.key));
  });
  errors.sort((a, b) => (a.offset ?? 0) - (b.offset ?? 0));
  return { environments, errors };
}
