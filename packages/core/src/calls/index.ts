/** Call recognition: which calls in a file are calls of the API's namespaces, and what their string arguments hold. */
export type { ApiCall, ApiNamespace, ResolvedString } from './types';
export { findApiCalls, mayCallApi, prefetchArgumentNames, type HasSourceFile } from './find';
export { resolveStringConstant, targetOf } from './strings';
export type { Target } from './resolve';
export { GLOBALS, climbWrappers, unwrap } from './resolve';
export { usesOf, type FunctionUses } from './uses';
export type { FunctionNode } from './functions';
