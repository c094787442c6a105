/** The analysis core's public surface. No editor, no LSP: text in, plain results out. */
export * from './types';
export * from './document';
export * from './analyze';
export * from './settings';
export * from './features';
export * from './catalogue';
export { ARGUMENT_RULE_IDS, RULES } from './rules/all-rules';
export { DOCS_HOME, ruleDocsUrl } from './rules/docs';
export { mayCallApi } from './calls';
export { ambientMicrosoftDeclarations, type AmbientMicrosoft, type AmbientMicrosoftDeclaration } from './calls/declare';
export { detectStyle, DEFAULT_STYLE, type CodeStyle } from './format/style';
