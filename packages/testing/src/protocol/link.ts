/**
 * The link-call vocabulary: what the API's two link calls take, resolve with and reject with. Shared by
 * the simulator engine, the test double and the extension's backends, client and panel. Plain data
 * (and one error class) only: no Node, no DOM.
 */

export type EntityLogicalName = 'account' | 'contact' | 'incident';
export type LinkMethod = 'linkToConversation' | 'unlinkFromConversation';

/** A record linked to a conversation, or a record that can be linked. */
export interface RecordRef {
  readonly entityLogicalName: EntityLogicalName;
  readonly id: string;
  /** Primary name, when known. */
  readonly name?: string;
}


/** The arguments of one link/unlink call, as the API takes them. */
export interface LinkRequest {
  readonly entityLogicalName: string;
  readonly recordId: string;
  /** Omitted: the focused conversation (the simulator); a real environment needs one. */
  readonly conversationId?: string;
}

/** What the API's promise resolves with. */
export interface LinkSuccess {
  readonly status: 'success';
  readonly entityLogicalName: EntityLogicalName;
  readonly recordId: string;
  readonly conversationId: string;
  readonly message: string;
  /** The link this call replaced (same slot), if any. */
  readonly replaced?: RecordRef;
}

export type LinkErrorCode =
  | 'invalid-entity-name'
  | 'invalid-record-id'
  | 'invalid-conversation-id'
  | 'record-not-found'
  | 'conversation-not-found'
  | 'conversation-not-active'
  | 'no-focused-conversation'
  | 'not-linked'
  | 'unauthorized'
  | 'forbidden'
  | 'throttled'
  | 'timeout'
  | 'cancelled'
  | 'server-error'
  | 'bad-response'
  | 'network'
  | 'untrusted-host'
  | 'untrusted-workspace'
  | 'unknown-environment';

/** What the API's promise rejects with. */
export interface LinkFailure {
  readonly status: 'failure';
  readonly functionName: LinkMethod;
  readonly code: LinkErrorCode;
  /** Says what is wrong and how to fix it. */
  readonly message: string;
}

export type LinkOutcome = LinkSuccess | LinkFailure;

/** Thrown (rejected) by a backend; carries the API-shaped failure. */
export class LinkError extends Error {
  readonly status = 'failure' as const;
  constructor(
    readonly functionName: LinkMethod,
    readonly code: LinkErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'LinkError';
  }
  toFailure(): LinkFailure {
    return { status: 'failure', functionName: this.functionName, code: this.code, message: this.message };
  }
}

/**
 * Whether `error` is a `LinkError` by shape, not by class: the backends and the panel ship in bundles of
 * their own, each with its own copy of the class, so `instanceof` fails across them.
 */
export function isLinkError(error: unknown): error is LinkError {
  if (typeof error !== 'object' || error === null) return false;
  const e = error as { status?: unknown; code?: unknown; functionName?: unknown; message?: unknown; toFailure?: unknown };
  return e.status === 'failure' && typeof e.code === 'string' && typeof e.functionName === 'string'
    && typeof e.message === 'string' && typeof e.toFailure === 'function';
}
