/**
 * Turns whatever a backend rejected with into the API's failure shape, so callers always get a
 * `LinkFailure` with a sentence, never a bare exception. Pure.
 */
import { isLinkError, type LinkFailure, type LinkMethod } from '../../protocol/link';

export function toFailure(method: LinkMethod, error: unknown, signal?: AbortSignal): LinkFailure {
  if (isLinkError(error)) return error.toFailure();
  if (isFailureShape(error)) return { status: 'failure', functionName: method, code: error.code, message: error.message };
  if (signal?.aborted) return failure(method, 'cancelled', 'Cancelled.');
  // An unexpected error keeps its message: nothing is silent.
  const message = error instanceof Error ? error.message : String(error);
  return failure(method, 'server-error', `Unexpected error: ${message}`);
}

export function failure(method: LinkMethod, code: LinkFailure['code'], message: string): LinkFailure {
  return { status: 'failure', functionName: method, code, message };
}

function isFailureShape(error: unknown): error is LinkFailure {
  return typeof error === 'object' && error !== null && (error as { status?: unknown }).status === 'failure'
    && typeof (error as { code?: unknown }).code === 'string' && typeof (error as { message?: unknown }).message === 'string';
}

/**
 * The one thing that helps after a failure, besides the log: sign in again, fix a setting, or simply try
 * again. A `Record` over every rejection code, so a new code cannot be added without deciding; the
 * notifications, the palette flow and the panel all read this table.
 */
export type FailureRemedy =
  | { readonly kind: 'signIn' }
  | { readonly kind: 'openSettings'; readonly setting: string }
  | { readonly kind: 'retry' }
  | { readonly kind: 'none' };

const NONE: FailureRemedy = { kind: 'none' };
const RETRY: FailureRemedy = { kind: 'retry' };

export const FAILURE_REMEDIES: Record<LinkFailure['code'], FailureRemedy> = {
  // The arguments or the data are wrong: trying again changes nothing, the message says what to fix.
  'invalid-entity-name': NONE,
  'invalid-record-id': NONE,
  'invalid-conversation-id': NONE,
  'record-not-found': NONE,
  'conversation-not-found': NONE,
  'conversation-not-active': NONE,
  'no-focused-conversation': NONE,
  'not-linked': NONE,
  'forbidden': NONE,
  'cancelled': NONE,
  'untrusted-workspace': NONE,
  // Dataverse refused the sign-in, or there was no token to send.
  'unauthorized': { kind: 'signIn' },
  // Passing conditions: throttling, a slow or unreachable server, a broken answer.
  'throttled': RETRY,
  'timeout': RETRY,
  'network': RETRY,
  'server-error': RETRY,
  'bad-response': RETRY,
  // A setting is wrong: the host is not trusted, or the environment is not defined.
  'untrusted-host': { kind: 'openSettings', setting: 'omnichannel.trustedHosts' },
  'unknown-environment': { kind: 'openSettings', setting: 'omnichannel.environments' },
};

/** The button label of each remedy. */
export const REMEDY_LABELS: Record<Exclude<FailureRemedy['kind'], 'none'>, string> = {
  signIn: 'Sign In',
  openSettings: 'Open Settings',
  retry: 'Retry',
};

export function remedyFor(code: LinkFailure['code']): FailureRemedy {
  return FAILURE_REMEDIES[code] ?? NONE;
}
