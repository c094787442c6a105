/**
 * What went wrong talking to Dataverse, before it becomes a user-facing `LinkError`. The client only
 * knows HTTP; the backend knows what was being done (which record, which conversation), so the sentence
 * is written there from this. Kept separate so both sides share one vocabulary.
 */

export type FailureKind =
  /** The host policy refused the URL; `message` is the full sentence. */
  | 'untrusted-host'
  /** The token provider failed; `message` is its sentence. */
  | 'token'
  /** 401 even after a fresh token. */
  | 'unauthorized'
  /** 429 with a Retry-After beyond the bound, or too many 429s; `message` is the full sentence. */
  | 'throttled'
  /** Cancelled by the caller; `inFlight` when the request had already been sent. */
  | 'cancelled'
  | 'timeout'
  /** Nothing was sent: connection refused, host not found. */
  | 'network'
  /** The connection broke after the request went out: it may or may not have taken effect. */
  | 'connection-lost'
  /** Not JSON, or JSON of the wrong shape; `message` says what. */
  | 'bad-response'
  /** A 3xx answer, never followed; `message` is the full sentence. */
  | 'redirect'
  /** Any other non-2xx status; `status`, `code` and `message` come from Dataverse's error body. */
  | 'http';

export class DataverseFailure extends Error {
  constructor(
    readonly kind: FailureKind,
    message: string,
    readonly status?: number,
    /** Dataverse's error code, e.g. `0x80040217`. */
    readonly code?: string,
    /** For `cancelled`: the request was already on its way, so it may have taken effect. */
    readonly inFlight = false,
  ) {
    super(message);
    this.name = 'DataverseFailure';
  }

  /** A write that failed like this may still have been applied: read the state back before deciding. */
  get ambiguous(): boolean {
    return this.kind === 'timeout' || (this.kind === 'cancelled' && this.inFlight) || this.kind === 'connection-lost' || this.kind === 'bad-response' || (this.kind === 'http' && (this.status ?? 0) >= 500);
  }
}

/** Dataverse error codes the product names. */
export const DATAVERSE_CODES = {
  objectDoesNotExist: '0x80040217',
  privilegeDenied: '0x80040220',
} as const;
