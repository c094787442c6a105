/**
 * Validates the user setting `omnichannel.environments`. VS Code shows schema squiggles in
 * settings.json but still hands over whatever is written, so every item is checked again here and
 * messages name the setting, index and field.
 */
import { formatField, settingProblem, describeValue, type ConfigProblem } from '@omnichannel-tools/testing/json';
import { environmentValidator, normaliseEnvironment, schemaIssues, semanticIssues } from './environment-checks';
import { ENVIRONMENTS_SETTING, type EnvironmentDefinition } from './types';

export function validateSettingsEnvironments(value: unknown): { environments: EnvironmentDefinition[]; errors: ConfigProblem[] } {
  if (value === undefined || value === null) return { environments: [], errors: [] };
  if (!Array.isArray(value)) {
    return { environments: [], errors: [settingProblem(ENVIRONMENTS_SETTING, `must be an array of environments (got ${describeValue(value)}).`)] };
  }
  const environments: EnvironmentDefinition[] = [];
  const errors: ConfigProblem[] = [];
  const taken = new Map<string, string>();
  value.forEach((item, index) => {
    const prefix = formatField([index], ENVIRONMENTS_SETTING);
    let issues = schemaIssues(environmentValidator(), item);
    if (issues.length === 0) issues = semanticIssues(item as EnvironmentDefinition, taken, prefix);
    if (issues.length === 0) environments.push(normaliseEnvironment(item as EnvironmentDefinition));
    for (const issue of issues) {
      const segments = issue.key === undefined ? issue.segments : [...issue.segments, issue.key];
      errors.push(settingProblem(formatField([index, ...segments], ENVIRONMENTS_SETTING), issue.message));
    }
  });
  return { environments, errors };
}
