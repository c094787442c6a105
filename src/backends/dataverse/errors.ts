/**
 * Turns a `DataverseFailure` into the `LinkError` a user reads: one sentence naming the environment and
 * the thing involved, and what to do. Which thing a 404 is about is decided from Dataverse's message
 * (`incident With Id = … Does Not Exist`) and, failing that, from the request that was sent.
 */
import { LinkError, type EntityLogicalName, type LinkMethod } from '../../protocol/link';
import { DATAVERSE_CODES, DataverseFailure } from './failure';

/** What was being done when the failure happened. */
export interface Situation {
  readonly functionName: LinkMethod;
  readonly env: string;
  /** Completes "could not …", e.g. `link incident 6b72… to conversation 1f3c…`. */
  readonly action: string;
  readonly conversationId?: string;
  readonly record?: { readonly entity: EntityLogicalName; readonly id: string };
  /** Which thing a 404 without a telling message is about. */
  readonly missing?: 'conversation' | 'record';
}

const SIGN_IN_AGAIN = 'Sign in again: run “Omnichannel: Sign In to Environment”.';

export function toLinkError(error: unknown, s: Situation): LinkError {
  if (error instanceof LinkError) return error;
  if (!(error instanceof DataverseFailure)) {
    const text = error instanceof Error ? error.message : String(error);
    return new LinkError(s.functionName, 'server-error', `Could not ${s.action} in ${s.env}: ${text}`);
  }
  const e = (code: ConstructorParameters<typeof LinkError>[1], message: string) => new LinkError(s.functionName, code, message);
  switch (error.kind) {
    case 'untrusted-host':
      return e('untrusted-host', error.message);
    case 'token':
      return e('unauthorized', `${error.message} ${SIGN_IN_AGAIN}`);
    case 'unauthorized':
      return e('unauthorized', `${s.env} did not accept your sign-in (HTTP 401), even with a fresh token. ${SIGN_IN_AGAIN}`);
    case 'throttled':
      return e('throttled', error.message);
    case 'cancelled':
      return e('cancelled', `Cancelled: did not ${s.action} in ${s.env}.`);
    case 'timeout':
      return e('timeout', `Could not ${s.action}: ${error.message}`);
    case 'network':
    case 'connection-lost':
      return e('network', `Could not ${s.action}: ${error.message}`);
    case 'bad-response':
      return e('bad-response', `Could not ${s.action}: ${error.message}`);
    case 'redirect':
      return e('server-error', `Could not ${s.action}: ${error.message}`);
    case 'http':
      return fromStatus(error, s, e);
  }
}

function fromStatus(error: DataverseFailure, s: Situation, e: (code: ConstructorParameters<typeof LinkError>[1], message: string) => LinkError): LinkError {
  const status = error.status ?? 0;
  const detail = `(HTTP ${status}${error.code ? ` ${error.code}` : ''}: ${error.message})`;
  if (status === 404 || error.code === DATAVERSE_CODES.objectDoesNotExist) {
    const missing = whichIsMissing(error.message, s);
    if (missing === 'record' && s.record) return e('record-not-found', `${s.record.entity} ${s.record.id} does not exist in ${s.env}.`);
    if (s.conversationId) return e('conversation-not-found', `Conversation ${s.conversationId} does not exist in ${s.env}.`);
    return e('server-error', `Could not ${s.action}: ${s.env} says a record does not exist ${detail}.`);
  }
  if (status === 412 && s.conversationId) {
    // The update carried If-Match: *, so 412 means the row was not there to update.
    return e('conversation-not-found', `Conversation ${s.conversationId} does not exist in ${s.env}.`);
  }
  if (status === 403 || error.code === DATAVERSE_CODES.privilegeDenied) {
    return e(
      'forbidden',
      `You do not have the privileges in ${s.env} to ${s.action} ${detail}. Ask an administrator for a security role with Write and Append on Conversation and Append To on the linked table.`,
    );
  }
  if (status >= 500) return e('server-error', `${s.env} failed to ${s.action} ${detail}. Try again later.`);
  return e('server-error', `${s.env} rejected the request to ${s.action} ${detail}.`);
}

function whichIsMissing(message: string, s: Situation): 'conversation' | 'record' | undefined {
  const named = /^\s*([a-z_]+) With Id = /i.exec(message)?.[1]?.toLowerCase();
  if (named === 'msdyn_ocliveworkitem') return 'conversation';
  if (named !== undefined && named === s.record?.entity) return 'record';
  return s.missing;
}
