/**
 * The HTTP client for one Dataverse environment: host policy, bearer token (one silent refresh after a
 * 401), throttling (honours Retry-After within a bound, cancellable, with progress), a timeout on every
 * request, Dataverse's standard headers, and JSON parsing that never throws anything but a
 * `DataverseFailure`.
 *
 * Why Node's fetch and not `dynamics-web-api` for the transport: in dynamics-web-api 2.5 a 2xx response
 * whose body is not valid JSON makes `JSON.parse` throw inside the response's `end` handler, which is an
 * uncaught exception in the extension host and a promise that never settles (checked against 2.5.0);
 * no hook lets a caller parse the body itself. Its timeout is also a socket-idle timeout that destroys the
 * request with the same error as a connection reset, so a timeout could not be told from a lost connection,
 * which decides whether a write is read back or reported. Both are on every request's path, so the
 * transport is a small fetch wrapper; the queries follow Dataverse's documented Web API shapes.
 */
import { DATAVERSE } from '../../catalogue';
import type { CallOptions, TokenProvider } from '../types';
import { checkTokenHost } from '../auth/host-policy';
import { DataverseFailure } from './failure';

export interface DataverseClientOptions {
  /** The environment's display name, used in sentences. */
  readonly name: string;
  /** Environment URL, e.g. `https://contoso.crm.dynamics.com` (only its origin is used). */
  readonly url: string;
  readonly tokenProvider: TokenProvider;
  readonly trustedHosts: readonly string[];
  readonly timeoutMs: number;
  readonly maxRetryAfterMs: number;
  /** How many 429 answers one request may get before it fails (default 10). */
  readonly maxThrottleRetries?: number;
  /** Receives `METHOD /path STATUS N ms` per request; never headers, bodies or tokens. */
  readonly log?: (line: string) => void;
}

export interface ApiRequest {
  readonly method: 'GET' | 'PATCH' | 'DELETE';
  /** Path below the API root, already encoded, e.g. `msdyn_ocliveworkitems(…)`. */
  readonly path: string;
  /** Query string without `?`, already encoded. */
  readonly query?: string;
  readonly body?: unknown;
  readonly ifMatch?: string;
  /** Ask for lookup and formatted-value annotations. */
  readonly annotations?: boolean;
}

export interface ApiResponse {
  readonly status: number;
  /** The parsed body; `undefined` when empty (204). */
  readonly json: unknown;
}

const DEFAULT_MAX_THROTTLE_RETRIES = 10;

export class DataverseClient {
  private readonly origin: string | undefined;
  private readonly hostRefusal: string | undefined;

  constructor(private readonly options: DataverseClientOptions) {
    const check = checkTokenHost(options.url, options.trustedHosts);
    if (check.ok) this.origin = new URL(options.url).origin;
    else this.hostRefusal = check.reason;
  }

  get name(): string {
    return this.options.name;
  }

  /** Sends one logical request: re-sends after one token refresh (401) and after throttling waits (429). */
  async send(request: ApiRequest, call: CallOptions = {}): Promise<ApiResponse> {
    if (this.origin === undefined) throw new DataverseFailure('untrusted-host', this.hostRefusal ?? 'The environment URL is not allowed.');
    throwIfCancelled(call.signal);
    let refreshed = false;
    let throttled = 0;
    for (;;) {
      const token = await this.token(refreshed, call.signal);
      const response = await this.exchange(this.origin, request, token, call.signal);
      if (response.status === 401) {
        // A token can expire between two requests: get a fresh one once, silently; a second 401 is real.
        if (refreshed) throw new DataverseFailure('unauthorized', `${this.name} refused the access token (HTTP 401).`, 401);
        refreshed = true;
        continue;
      }
      if (response.status === 429) {
        throttled++;
        await this.waitForRetry(response.headers.get('retry-after'), throttled, call);
        continue;
      }
      return { status: response.status, json: parseBody(response, this.name, request) };
    }
  }

  private async token(forceRefresh: boolean, signal: AbortSignal | undefined): Promise<string> {
    let token: string;
    try {
      token = await raceSignal(this.options.tokenProvider(forceRefresh), signal);
    } catch (error) {
      if (error instanceof DataverseFailure) throw error;
      const reason = error instanceof Error ? error.message : String(error);
      throw new DataverseFailure('token', `Could not get an access token for ${this.name}: ${reason}`);
    }
    if (typeof token !== 'string' || token.trim() === '') {
      throw new DataverseFailure('token', `Could not get an access token for ${this.name}: the sign-in returned an empty token.`);
    }
    return token.trim();
  }

  private async waitForRetry(retryAfter: string | null, attempt: number, call: CallOptions): Promise<void> {
    const maxRetries = this.options.maxThrottleRetries ?? DEFAULT_MAX_THROTTLE_RETRIES;
    if (attempt > maxRetries) {
      throw new DataverseFailure('throttled', `${this.name} kept throttling the request (HTTP 429, ${maxRetries} retries). Wait a few minutes and try again.`, 429);
    }
    const waitMs = retryAfterMs(retryAfter);
    const seconds = Math.ceil(waitMs / 1000);
    if (waitMs > this.options.maxRetryAfterMs) {
      throw new DataverseFailure(
        'throttled',
        `${this.name} is throttling requests and asked to wait ${seconds} s, longer than the ${Math.round(this.options.maxRetryAfterMs / 1000)} s allowed by omnichannel.dataverse.maxRetryAfterSeconds. Try again in ${seconds} s.`,
        429,
      );
    }
    call.onProgress?.(`Throttled by ${this.name}: retrying in ${seconds} s`);
    await delay(waitMs, call.signal);
  }

  /** One HTTP exchange, body read included, bounded by the timeout and the caller's signal. */
  private async exchange(origin: string, request: ApiRequest, token: string, signal: AbortSignal | undefined): Promise<RawResponse> {
    const pathname = `${DATAVERSE.apiPath}/${request.path}`;
    const url = `${origin}${pathname}${request.query ? `?${request.query}` : ''}`;
    const headers: Record<string, string> = {
      Authorization: `Bearer ${token}`,
      Accept: 'application/json',
      'OData-MaxVersion': '4.0',
      'OData-Version': '4.0',
    };
    if (request.body !== undefined) headers['Content-Type'] = 'application/json; charset=utf-8';
    if (request.ifMatch !== undefined) headers['If-Match'] = request.ifMatch;
    if (request.annotations) headers['Prefer'] = 'odata.include-annotations="*"';

    const timeout = new AbortController();
    const timer = setTimeout(() => timeout.abort(), this.options.timeoutMs);
    const combined = signal ? AbortSignal.any([signal, timeout.signal]) : timeout.signal;
    const started = Date.now();
    const logLine = (outcome: string | number) => this.options.log?.(`${request.method} ${pathname} ${outcome} ${Date.now() - started} ms`);
    try {
      const response = await fetch(url, {
        method: request.method,
        headers,
        body: request.body === undefined ? null : JSON.stringify(request.body),
        signal: combined,
        // A redirect could carry the token to another host: never follow one.
        redirect: 'manual',
      });
      const text = await response.text();
      logLine(response.status);
      return { status: response.status, headers: response.headers, text, contentType: response.headers.get('content-type') ?? '' };
    } catch (error) {
      const failure = this.classify(error, signal, timeout.signal);
      logLine(failure.kind);
      throw failure;
    } finally {
      clearTimeout(timer);
    }
  }

  private classify(error: unknown, signal: AbortSignal | undefined, timeout: AbortSignal): DataverseFailure {
    if (signal?.aborted) return new DataverseFailure('cancelled', 'Cancelled.', undefined, undefined, true);
    if (timeout.aborted) {
      return new DataverseFailure('timeout', `${this.name} did not answer within ${Math.round(this.options.timeoutMs / 1000)} s (omnichannel.dataverse.timeoutSeconds).`);
    }
    const cause = (error as { cause?: { code?: string; message?: string } } | undefined)?.cause;
    const code = cause?.code ?? '';
    // Refused / not found: the request never left, so nothing can have been applied.
    if (['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH', 'UND_ERR_CONNECT_TIMEOUT'].includes(code)) {
      return new DataverseFailure('network', `Could not connect to ${this.name} (${code}). Check the environment URL and your network connection.`);
    }
    return new DataverseFailure('connection-lost', `The connection to ${this.name} was lost before it answered${code ? ` (${code})` : ''}.`);
  }
}

interface RawResponse {
  readonly status: number;
  readonly headers: Headers;
  readonly text: string;
  readonly contentType: string;
}

/** Parses a body; a non-2xx answer becomes a `DataverseFailure('http')` with Dataverse's code and message. */
function parseBody(response: RawResponse, env: string, request: ApiRequest): unknown {
  const { status, text } = response;
  const ok = status >= 200 && status < 300;
  if (!ok) {
    const error = readErrorBody(text);
    const message = error.message ?? (text.trim() !== '' && !response.contentType.includes('html') ? text.trim().slice(0, 300) : `HTTP ${status}`);
    throw new DataverseFailure('http', message, status, error.code);
  }
  if (text.trim() === '') return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new DataverseFailure('bad-response', `${env} answered ${request.method} ${request.path.split('(')[0]} with a body that is not valid JSON.`);
  }
}

function readErrorBody(text: string): { code?: string; message?: string } {
  try {
    const parsed = JSON.parse(text) as { error?: { code?: unknown; message?: unknown } };
    const code = typeof parsed.error?.code === 'string' ? parsed.error.code : undefined;
    const message = typeof parsed.error?.message === 'string' ? parsed.error.message : undefined;
    return { ...(code !== undefined ? { code } : {}), ...(message !== undefined ? { message } : {}) };
  } catch {
    return {};
  }
}

/** `Retry-After` is seconds or an HTTP date; a missing or unreadable one means one second. */
export function retryAfterMs(value: string | null, now = Date.now()): number {
  if (value === null || value.trim() === '') return 1000;
  const trimmed = value.trim();
  if (/^\d+(\.\d+)?$/.test(trimmed)) return Math.round(Number(trimmed) * 1000);
  const date = Date.parse(trimmed);
  return Number.isNaN(date) ? 1000 : Math.max(0, date - now);
}

function cancelled(): DataverseFailure {
  return new DataverseFailure('cancelled', 'Cancelled.');
}

function throwIfCancelled(signal: AbortSignal | undefined): void {
  if (signal?.aborted) throw cancelled();
}

/** Waits `ms`, or rejects with `cancelled` as soon as the signal fires. */
function delay(ms: number, signal: AbortSignal | undefined): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(cancelled());
    const onAbort = () => {
      clearTimeout(timer);
      reject(cancelled());
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

/** Lets a caller cancel while a token provider (possibly interactive) is still working. */
function raceSignal<T>(promise: Promise<T>, signal: AbortSignal | undefined): Promise<T> {
  if (!signal) return promise;
  if (signal.aborted) return Promise.reject(cancelled());
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(cancelled());
    signal.addEventListener('abort', onAbort, { once: true });
    promise.then(
      value => {
        signal.removeEventListener('abort', onAbort);
        resolve(value);
      },
      (error: unknown) => {
        signal.removeEventListener('abort', onAbort);
        reject(error instanceof Error ? error : new Error(String(error)));
      },
    );
  });
}
