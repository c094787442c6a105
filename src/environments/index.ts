/**
 * Environment definitions: types, the workspace file, the user setting, and the merged list. Loaded with
 * the first reload after activation (its validators need ajv); the client imports `./types` up front.
 */
export * from './types';
export { loadWorkspaceEnvironments, type EnvironmentsResult } from './workspace-file';
export { validateSettingsEnvironments } from './settings';
export { mergeEnvironments } from './merge';
export type { ConfigProblem } from '@omnichannel-tools/testing/json';
export { addEnvironments, environmentsFileTemplate, uniqueName, TEMPLATE_ENVIRONMENT, type AddedEnvironments, type EnvironmentsLocation } from './writer';
export { readPacProfiles, pacProfileCandidates, type PacProfileOffer, type PacProfilesResult, type PacLocationInput } from '../pac/auth-profiles';
