/** Environment definitions: types, the workspace file, the user setting, and the merged list. */
export * from './types';
export { loadWorkspaceEnvironments, type EnvironmentsResult } from './workspace-file';
export { validateSettingsEnvironments } from './settings';
export { mergeEnvironments } from './merge';
export type { ConfigProblem } from '../json/problem';
