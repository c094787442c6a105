/**
 * Reading hand-edited JSON with positions and checking it against a JSON schema with readable messages:
 * the simulator seed's checker, also used by the extension for its other configuration files.
 */
export { parseJsonFile, problemAt, tooDeepAt, type ParsedJson } from './position';
export { tooDeepMessage, MAX_NESTING } from './depth';
export { describeValue, fileProblem, formatField, settingProblem, type ConfigProblem, type FileLocation } from './problem';
export { schemaIssues, validatorFor, type SchemaIssue } from './validator';
