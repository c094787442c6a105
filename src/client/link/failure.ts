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
