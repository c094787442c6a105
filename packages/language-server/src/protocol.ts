/**
 * Custom messages between the extension client and the language server, declared once for both sides.
 * Plain JSON shapes; positions and ranges are LSP's (zero-based line and UTF-16 character).
 */

export interface LspPosition { readonly line: number; readonly character: number }
export interface LspRange { readonly start: LspPosition; readonly end: LspPosition }

/** A link/unlink call with literal arguments, located in a document: what "run this call" executes. */
export interface RunnableCallInfo {
  readonly uri: string;
  readonly range: LspRange;
  readonly method: 'linkToConversation' | 'unlinkFromConversation';
  readonly entityLogicalName: string;
  readonly recordId: string;
  readonly conversationId?: string;
}

/**
 * Request `omnichannel/callAtPosition`: the Omnichannel link/unlink call that contains a position.
 * Resolves `{ call }` when its arguments are literals (or same-file string constants), `{ problem }`
 * with a sentence for the user when there is no call there or its arguments are only known at run time.
 */
export const CallAtPositionRequest = 'omnichannel/callAtPosition';
export interface CallAtPositionParams {
  readonly textDocument: { readonly uri: string };
  readonly position: LspPosition;
}
export type CallAtPositionResult = { readonly call: RunnableCallInfo } | { readonly problem: string };

/** The client command a code lens runs, with a `RunnableCallInfo` argument (the client may add an environment name). */
export const RunCallCommand = 'omnichannel.runCall';

/** The diagnostic `source` of every finding. */
export const DIAGNOSTIC_SOURCE = 'omnichannel';
