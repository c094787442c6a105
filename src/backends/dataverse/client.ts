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
import { DATAVERSE } from '@omnichannel-tools/core/catalogue';
import type { CallOptions } from '../types';
import type { TokenProvider } from '../../sign-in/types';
import { checkTokenHost } from '../../sign-in/host-policy';
import { redact } from '../../sign-in/redact';
import { DataverseFailure } from './failure';
import { DAY_MS, delay, describeWait, raceSignal, retryAfterMs, throwIfCancelled } from './timing';

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
  /** The most a response body may hold once decompressed (default 16 MB); reading stops past it. */
  readonly maxResponseBytes?: number;
  /** Receives `METHOD /path STATUS N ms` per request; never headers, bodies or tokens. */
  readonly log?: (line: string) => void;
}

export interface ApiRequest {
  readonly method: 'GET' | 'PATCH' | 'POST' | 'DELETE';
  /** Path below the API root, already encoded, e.g. `msdyn_ocliveworkitems(…)`. */
  readonly path: string;
  /** Query string without `?`, already encoded. */
  readonly query?: string;
  readonly body?: unknown;
  readonly ifMatch?: string;
  /** Ask for lookup and formatted-value annotations. */
  readonly annotations?: boolean;
  /** Further Dataverse request headers, e.g. `MSCRM.SolutionUniqueName` on a create. */
  readonly headers?: Readonly<Record<string, string>>;
}

export interface ApiResponse {
  readonly status: number;
  /** The parsed body; `undefined` when empty (204). */
  readonly json: unknown;
  /** The answer's `OData-EntityId` header (a create answers 204 with the new row's URL there). */
  readonly entityId?: string;
}

const DEFAULT_MAX_THROTTLE_RETRIES = 10;
const DEFAULT_MAX_RESPONSE_BYTES = 16 * 1024 * 1024;
/** What an access token may hold in a header: visible ASCII, no spaces or line breaks. */
const TOKEN_CHARACTERS = /^[\x21-\x7e]+$/;

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
      if (response.status >= 300 && response.status < 400) throw this.redirected(response);
      const entityId = response.headers.get('odata-entityid');
      return { status: response.status, json: parseBody(response, this.name, request, token), ...(entityId ? { entityId } : {}) };
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
    // Checked here, before fetch refuses the header value with an error that reads like a lost connection.
    if (!TOKEN_CHARACTERS.test(token.trim())) {
      throw new DataverseFailure('token', `The sign-in for ${this.name} produced an invalid access token (it holds spaces, line breaks or characters outside ASCII), so nothing was sent.`);
    }
    return token.trim();
  }

  private async waitForRetry(retryAfter: string | null, attempt: number, call: CallOptions): Promise<void> {
    const maxRetries = this.options.maxThrottleRetries ?? DEFAULT_MAX_THROTTLE_RETRIES;
    if (attempt > maxRetries) {
      throw new DataverseFailure('throttled', `${this.name} kept throttling the request (HTTP 429, ${maxRetries} retries). Wait a few minutes and try again.`, 429);
    }
    const waitMs = retryAfterMs(retryAfter);
    if (waitMs > this.options.maxRetryAfterMs) {
      const wait = describeWait(waitMs);
      throw new DataverseFailure(
        'throttled',
        `${this.name} is throttling requests and asked to wait ${wait}, longer than the ${describeWait(this.options.maxRetryAfterMs)} allowed by omnichannel.dataverse.maxRetryAfterSeconds. Try again ${waitMs > 2 * DAY_MS ? 'later' : `in ${wait}`}.`,
        429,
      );
    }
    call.onProgress?.(`Throttled by ${this.name}: retrying in ${describeWait(waitMs)}`);
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
    // Extra headers never replace the ones above (the token above all).
    for (const [name, value] of Object.entries(request.headers ?? {})) {
      if (!Object.keys(headers).some(existing => existing.toLowerCase() === name.toLowerCase())) headers[name] = value;
    }

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
      const text = await readBounded(response, this.options.maxResponseBytes ?? DEFAULT_MAX_RESPONSE_BYTES, this.name);
      logLine(response.status);
      return { status: response.status, headers: response.headers, text, contentType: response.headers.get('content-type') ?? '' };
    } catch (error) {
      const failure = error instanceof DataverseFailure ? error : this.classify(error, signal, timeout.signal);
      logLine(failure.kind);
      throw failure;
    } finally {
      clearTimeout(timer);
    }
  }

  /** A redirect is never followed (it could carry the token elsewhere): say where it pointed and what to check. */
  private redirected(response: RawResponse): DataverseFailure {
    let target = '';
    try {
      const location = response.headers.get('location');
      if (location) target = ` to ${new URL(location, this.origin).host}`;
    } catch {
      // An unreadable Location names no host.
    }
    return new DataverseFailure(
      'redirect',
      `${this.name} answered with a redirect (HTTP ${response.status}${target}), which is not followed because it could carry your access token to another host. Check the environment URL: use the address your browser ends up at.`,
      response.status,
    );
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
function parseBody(response: RawResponse, env: string, request: ApiRequest, token: string): unknown {
  const { status, text } = response;
  const ok = status >= 200 && status < 300;
  if (!ok) {
    const error = readErrorBody(text);
    const message = error.message ?? (text.trim() !== '' && !response.contentType.includes('html') ? text.trim().slice(0, 300) : `HTTP ${status}`);
    // A server may echo the request, token included: the message reaches the log and the history.
    throw new DataverseFailure('http', redact(message, [token]), status, error.code);
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

/**
 * Reads a body (decompressed, as fetch hands it over) up to `maxBytes`, then stops and cancels the rest:
 * a small gzip answer can unpack to gigabytes, and the extension host is shared by every extension.
 */
async function readBounded(response: Response, maxBytes: number, env: string): Promise<string> {
  if (!response.body) return '';
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > maxBytes) {
      await reader.cancel().catch(() => undefined);
      const mb = Math.round((maxBytes / (1024 * 1024)) * 10) / 10;
      throw new DataverseFailure('bad-response', `${env} answered with more than ${mb} MB, more than omnichannel.dataverse.maxResponseMegabytes allows, so the answer was not read.`);
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks).toString('utf8');
}

