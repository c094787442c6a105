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

/**
 * Whether the client answers `omnichannel/lookupIds`: it says so in `initializationOptions`
 * (`{ "lookupIds": true }`). The server never sends the request to a client that did not; other editors
 * simply get no record or conversation items.
 */
export const LOOKUP_IDS_OPTION = 'lookupIds';

/**
 * Request `omnichannel/lookupIds`, server → client: records or conversations of the client's active
 * environment, for completion and hover inside a link/unlink call's id arguments. The server cancels it
 * when the completion or hover that asked is superseded, and gives up after `LOOKUP_TIMEOUT_MS`.
 * A client that cannot answer (not signed in, network down) resolves with no items, never an error.
 */
export const LookupIdsRequest = 'omnichannel/lookupIds';
export const LOOKUP_TIMEOUT_MS = 4000;

export type LookupIdsParams =
  /** Completion: items whose name (or case number, or id) matches `text`, at most a handful. */
  | { readonly kind: 'search'; readonly role: LookupRole; readonly entityLogicalName?: string; readonly text: string }
  /** Hover: the one record or conversation whose id is `id` (the literal as written). */
  | { readonly kind: 'resolve'; readonly role: LookupRole; readonly entityLogicalName?: string; readonly id: string };

/** `record`: the record id (second argument); `conversation`: the conversation id (third). */
export type LookupRole = 'record' | 'conversation';

export interface LookupIdsResult {
  /** The active environment's name ("Simulator", "Contoso Dev"). */
  readonly environment: string;
  readonly items: readonly LookupItem[];
  /**
   * Why there are no items, when the user can do something about it (a real environment not signed in):
   * shown as one completion entry that runs `command`. Absent when nothing is wrong.
   */
  readonly notice?: { readonly title: string; readonly command: string; readonly arguments?: readonly unknown[] };
  /** `resolve` only: the text is not a GUID at all (the `invalid-record-id` diagnostic already says so). */
  readonly notAnId?: boolean;
}

export interface LookupItem {
  /** Lower case, hyphenated, no braces: what a completion inserts. */
  readonly id: string;
  /** What the user reads: "Case CAS-01024: Printer offline", "Contoso Ltd (account)", a conversation's title. */
  readonly label: string;
  /** One more clause: a record's state ("active", "resolved"), a conversation's status, customer and case. */
  readonly detail?: string;
  /** `account`, `contact` or `incident` for a record; absent for a conversation. */
  readonly entityLogicalName?: string;
}
