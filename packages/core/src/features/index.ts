/** The core's editor features: completion, hover, signature help and runnable link calls. */
export { completions, type CompletionOptions } from './completions';
export { hover } from './hover';
export { signatureHelp } from './signature-help';
export { runnableCalls, runnableCallAt } from './runnable-calls';
export { resolveTarget, resolveCallee, type ApiTarget } from './resolve';
export type { ParsedDocument } from './syntax';
export { callsBeingWritten, isCallComplete, type CallBeingWritten } from './typing';
export { idArgumentForCompletion, idArgumentForHover, type IdArgument } from './id-argument';
