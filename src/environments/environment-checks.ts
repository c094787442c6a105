/**
 * Checks of one environment shared by the workspace file and the user setting: the schema's, then
 * what a schema cannot say (reserved and duplicate names, a URL that really parses).
 */
import schema from '../../schemas/environments.schema.json';
import { schemaIssues, validatorFor, type SchemaIssue } from '@omnichannel-tools/testing/json';
import { environmentOrigin, parseEnvironmentUrl } from './environment-url';
import { SIMULATOR_NAME, type EnvironmentDefinition } from './types';

const ENVIRONMENTS_SCHEMA_KEY = 'environments';

/** The whole workspace file's validator (its items also forbid `command` sign-in). */
export function fileValidator() {
  return validatorFor(ENVIRONMENTS_SCHEMA_KEY, schema);
}

/** One environment's validator, as the user setting's items use it. */
export function environmentValidator() {
  return validatorFor(ENVIRONMENTS_SCHEMA_KEY, schema, '#/definitions/environment');
}

/** Issues of one schema-valid environment, relative to it; `taken` holds names already used (lower case → where). */
export function semanticIssues(env: EnvironmentDefinition, taken: Map<string, string>, where: string): SchemaIssue[] {
  const issues: SchemaIssue[] = [];
  const key = env.name.trim().toLowerCase();
  if (key === SIMULATOR_NAME.toLowerCase()) {
    issues.push({ segments: ['name'], message: `"${env.name}" is reserved for the built-in simulator: choose another name.` });
  } else if (taken.has(key)) {
    issues.push({ segments: ['name'], message: `"${env.name}" is already the name of ${taken.get(key)}: environment names must be unique.` });
  } else {
    taken.set(key, where);
  }
  const url = parseEnvironmentUrl(env.url);
  if (!url.ok) issues.push({ segments: ['url'], message: url.reason });
  return issues;
}

/** The definition as the rest of the product uses it: URL reduced to its origin (no trailing slash). Only for a checked one. */
export function normaliseEnvironment(env: EnvironmentDefinition): EnvironmentDefinition {
  // Rebuilt as plain objects: the JSON parser hands out prototype-less ones.
  return {
    name: env.name.trim(),
    url: environmentOrigin(env.url),
    ...(env.production === undefined ? {} : { production: env.production }),
    authentication: { ...env.authentication },
  };
}

export { schemaIssues };

