/**
 * The stand-in's HTTP side: a server on 127.0.0.1 (random port) that checks the bearer token, logs every
 * request, and injects failures a test asks for (401, 429 with Retry-After, 5xx, a response that never
 * comes, broken JSON, a destroyed connection), before or after the request takes effect.
 */
import * as http from 'node:http';
import * as zlib from 'node:zlib';
import type { AddressInfo } from 'node:net';
import { FakeState, type FakeDataverseSeed, type FakeConversation } from './state';
import { route, dataverseError, type RouteResponse } from './routes';

export const API_PATH = '/api/data/v9.2/';

/** A failure to inject. */
export type Fault =
  | { readonly kind: 'status'; readonly status: number; readonly code?: string; readonly message?: string }
  | { readonly kind: 'throttle'; readonly retryAfter: string | number }
  /** Accept the request and never answer: the client must time out. */
  | { readonly kind: 'hang' }
  /** 200 with `Content-Type: application/json` and a body that is not JSON. */
  | { readonly kind: 'broken-json' }
  /** 200 with valid JSON of the wrong shape. */
  | { readonly kind: 'wrong-shape' }
  /** Destroy the socket without an answer. */
  | { readonly kind: 'destroy' }
  /** 200 whose gzip body unpacks to `megabytes` of JSON-looking text. */
  | { readonly kind: 'gzip-bomb'; readonly megabytes: number }
  /** 200 with a plain body of `megabytes`, streamed. */
  | { readonly kind: 'huge-body'; readonly megabytes: number }
  /** A redirect to `location`. */
  | { readonly kind: 'redirect'; readonly status: number; readonly location: string }
  /** A 400 that echoes the request's Authorization header, as plain text or in Dataverse's error body. */
  | { readonly kind: 'echo-authorization'; readonly as: 'text' | 'json' }
  /** Never answer, and apply the write only once the next request has been answered (a write that lands late). */
  | { readonly kind: 'lands-late' };

export interface FaultOptions {
  /** How many matching requests get the fault (default 1). */
  readonly times?: number;
  /** Only requests with this method (e.g. `PATCH`). */
  readonly method?: string;
  /** Apply the request to the state first, then fail the response (an ambiguous write). */
  readonly afterApply?: boolean;
}

/** One request as the stand-in saw it. */
export interface LoggedRequest {
  readonly method: string;
  /** Decoded path below the API root, e.g. `msdyn_ocliveworkitems(…)`. */
  readonly path: string;
  readonly query: URLSearchParams;
  readonly headers: http.IncomingHttpHeaders;
  readonly body: string;
  /** Status sent, or `undefined` for hung/destroyed requests. */
  status?: number;
  /** Whether the request changed the state. */
  applied: boolean;
}

/** A request held by `hold()`: the test learns when it arrives and decides when it is answered. */
export interface HeldRequest {
  /** Resolves with the request once it has arrived (and is waiting). */
  readonly arrived: Promise<LoggedRequest>;
  /** Lets the request go on: it is then applied and answered as usual (faults included). */
  release(): void;
}

interface Hold {
  readonly method: string | undefined;
  readonly arrived: (request: LoggedRequest) => void;
  readonly released: Promise<void>;
}

interface QueuedFault {
  readonly fault: Fault;
  readonly options: FaultOptions;
  remaining: number;
}

export class FakeDataverse {
  readonly state: FakeState;
  readonly requests: LoggedRequest[] = [];
  token: string;
  /** Called with each request as soon as it is logged (before it is answered or applied). */
  onRequest: ((request: LoggedRequest) => void) | undefined;
  private readonly faults: QueuedFault[] = [];
  private readonly holds: Hold[] = [];
  private throttleMode: { retryAfter: string | number; counter: number; pendingRetries: Map<string, number> } | undefined;
  private readonly hung: http.ServerResponse[] = [];
  private landLate: (() => void) | undefined;

  private constructor(private readonly server: http.Server, seed: FakeDataverseSeed) {
    this.state = new FakeState(seed);
    this.token = seed.token ?? 'test-token';
  }

  static async start(seed: FakeDataverseSeed = {}): Promise<FakeDataverse> {
    let instance: FakeDataverse | undefined;
    const server = http.createServer((req, res) => instance?.handle(req, res));
    instance = new FakeDataverse(server, seed);
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(0, '127.0.0.1', () => resolve());
    });
    return instance;
  }

  /** The environment URL, e.g. `http://127.0.0.1:51234`. */
  get url(): string {
    const address = this.server.address() as AddressInfo;
    return `http://127.0.0.1:${address.port}`;
  }

  /** `host:port`, as it goes into `omnichannel.trustedHosts`. */
  get host(): string {
    return new URL(this.url).host;
  }

  /** Queues a failure for the next matching request(s). */
  inject(fault: Fault, options: FaultOptions = {}): void {
    this.faults.push({ fault, options, remaining: options.times ?? 1 });
  }

  /**
   * Holds the next request (with `method`, if given) until the test releases it: a slow answer that ends
   * exactly when the test says, so a test can look at what a person sees meanwhile without waiting on time.
   */
  hold(options: { readonly method?: string } = {}): HeldRequest {
    let arrived: (request: LoggedRequest) => void = () => undefined;
    let release: () => void = () => undefined;
    const arrival = new Promise<LoggedRequest>(resolve => { arrived = resolve; });
    const released = new Promise<void>(resolve => { release = resolve; });
    this.holds.push({ method: options.method, arrived, released });
    return { arrived: arrival, release };
  }

  /**
   * Throttle mode: every other new request gets 429 with `Retry-After`; a retry of a throttled request
   * (same method, path and body) goes through, so each request is throttled at most once.
   */
  throttle(retryAfter: string | number = 0): void {
    this.throttleMode = { retryAfter, counter: 0, pendingRetries: new Map() };
  }

  stopThrottling(): void {
    this.throttleMode = undefined;
  }

  conversation(id: string): FakeConversation | undefined {
    return this.state.conversations.get(id);
  }

  /** Requests matching a method and (optionally) a path prefix. */
  logged(method: string, pathPrefix = ''): LoggedRequest[] {
    return this.requests.filter(r => r.method === method && r.path.startsWith(pathPrefix));
  }

  /** Writes (PATCH/DELETE) that took effect. */
  get appliedWrites(): number {
    return this.requests.filter(r => r.applied).length;
  }

  async close(): Promise<void> {
    for (const res of this.hung) res.destroy();
    this.server.closeAllConnections();
    await new Promise<void>(resolve => this.server.close(() => resolve()));
  }

  private handle(req: http.IncomingMessage, res: http.ServerResponse): void {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => this.respond(req, res, Buffer.concat(chunks).toString('utf8')));
  }

  private respond(req: http.IncomingMessage, res: http.ServerResponse, body: string): void {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const path = decodeURIComponent(url.pathname.startsWith(API_PATH) ? url.pathname.slice(API_PATH.length) : url.pathname);
    const method = req.method ?? 'GET';
    const entry: LoggedRequest = { method, path, query: url.searchParams, headers: req.headers, body, applied: false };
    this.requests.push(entry);
    this.onRequest?.(entry);
    const held = this.holds.findIndex(h => h.method === undefined || h.method === method);
    if (held >= 0) {
      const [hold] = this.holds.splice(held, 1);
      hold!.arrived(entry);
      void hold!.released.then(() => this.answer(req, res, url, entry));
      return;
    }
    this.answer(req, res, url, entry);
  }

  /** Applies a logged request and answers it, with the faults and throttling the test asked for. */
  private answer(req: http.IncomingMessage, res: http.ServerResponse, url: URL, entry: LoggedRequest): void {
    const { method, path, body } = entry;
    if (this.shouldThrottle(method, req.url ?? '', body)) return this.fail(res, entry, { kind: 'throttle', retryAfter: this.throttleMode!.retryAfter }, req);
    const late = this.landLate;
    if (late) res.once('finish', () => late());
    this.landLate = undefined;
    const before = this.takeFault(method, false);
    if (before?.kind === 'lands-late') {
      this.hung.push(res);
      this.landLate = () => {
        entry.applied = route(this.state, { method, path, query: url.searchParams, headers: req.headers, body }).applied === true;
      };
      return;
    }
    if (before) return this.fail(res, entry, before, req);
    if (req.headers.authorization !== `Bearer ${this.token}`) {
      return this.send(res, entry, { status: 401 }, { 'WWW-Authenticate': 'Bearer authorization_uri=https://login.microsoftonline.com/common/oauth2/authorize' });
    }
    if (!url.pathname.startsWith(API_PATH)) return this.send(res, entry, dataverseError(404, '0x0', 'Not found.'));
    const result = route(this.state, { method, path, query: url.searchParams, headers: req.headers, body });
    entry.applied = result.applied === true;
    const after = this.takeFault(method, true);
    if (after) return this.fail(res, entry, after, req);
    this.send(res, entry, result, { ...result.headers });
  }

  private shouldThrottle(method: string, rawUrl: string, body: string): boolean {
    const mode = this.throttleMode;
    if (!mode) return false;
    const key = `${method} ${rawUrl} ${body}`;
    const pending = mode.pendingRetries.get(key) ?? 0;
    if (pending > 0) {
      mode.pendingRetries.set(key, pending - 1);
      return false;
    }
    mode.counter++;
    if (mode.counter % 2 === 0) return false;
    mode.pendingRetries.set(key, pending + 1);
    return true;
  }

  private takeFault(method: string, afterApply: boolean): Fault | undefined {
    const queued = this.faults.find(
      f => f.remaining > 0 && (f.options.afterApply === true) === afterApply && (f.options.method === undefined || f.options.method === method),
    );
    if (!queued) return undefined;
    queued.remaining--;
    if (queued.remaining === 0) this.faults.splice(this.faults.indexOf(queued), 1);
    return queued.fault;
  }

  private fail(res: http.ServerResponse, entry: LoggedRequest, fault: Fault, req: http.IncomingMessage): void {
    switch (fault.kind) {
      case 'status':
        if (fault.status === 401) return this.send(res, entry, { status: 401 });
        return this.send(res, entry, dataverseError(fault.status, fault.code ?? '0x80040216', fault.message ?? 'An unexpected error occurred.'));
      case 'throttle':
        return this.send(res, entry, dataverseError(429, '0x80072321', 'Number of requests exceeded the limit of 6000 over time window of 300 seconds.'), {
          'Retry-After': String(fault.retryAfter),
        });
      case 'hang':
        this.hung.push(res);
        return;
      case 'broken-json':
        entry.status = 200;
        res.writeHead(200, { 'Content-Type': 'application/json; odata.metadata=minimal' });
        res.end('{"value": [{"activityid": ');
        return;
      case 'wrong-shape':
        return this.send(res, entry, { status: 200, body: { unexpected: true, value: 'not a list' } });
      case 'destroy':
        res.socket?.destroy();
        return;
      case 'lands-late':
        this.hung.push(res);
        return;
      case 'gzip-bomb': {
        // One small gzip member of 1 MB of spaces, sent again and again: gzip readers join members.
        entry.status = 200;
        res.writeHead(200, { 'Content-Type': 'application/json', 'Content-Encoding': 'gzip' });
        const member = zlib.gzipSync(Buffer.alloc(1024 * 1024, 0x20));
        let left = fault.megabytes;
        const pump = (): void => {
          while (left > 0 && !res.destroyed) {
            left--;
            if (!res.write(member)) return void res.once('drain', pump);
          }
          if (!res.destroyed) res.end();
        };
        res.on('close', () => { left = 0; });
        pump();
        return;
      }
      case 'huge-body':
        entry.status = 200;
        res.writeHead(200, { 'Content-Type': 'application/json' });
        streamBytes(res, fault.megabytes * 1024 * 1024);
        return;
      case 'redirect':
        return this.send(res, entry, { status: fault.status }, { Location: fault.location });
      case 'echo-authorization': {
        const echoed = `Bad request. You sent: Authorization: ${req.headers.authorization ?? ''}`;
        if (fault.as === 'json') return this.send(res, entry, dataverseError(400, '0x80048d19', echoed));
        entry.status = 400;
        res.writeHead(400, { 'Content-Type': 'text/plain' });
        res.end(echoed);
        return;
      }
    }
  }

  private send(res: http.ServerResponse, entry: LoggedRequest, result: RouteResponse, headers: Record<string, string> = {}): void {
    entry.status = result.status;
    const all: Record<string, string> = { 'OData-Version': '4.0', ...headers };
    if (result.body === undefined) {
      res.writeHead(result.status, all);
      res.end();
      return;
    }
    res.writeHead(result.status, { ...all, 'Content-Type': 'application/json; odata.metadata=minimal' });
    res.end(JSON.stringify(result.body));
  }
}

/** Writes `total` bytes of spaces in 64 KB chunks, respecting back-pressure, and stops if the client goes. */
function streamBytes(res: http.ServerResponse, total: number): void {
  const chunk = Buffer.alloc(64 * 1024, 0x20);
  let sent = 0;
  const pump = (): void => {
    while (sent < total && !res.destroyed) {
      sent += chunk.length;
      if (!res.write(chunk)) return void res.once('drain', pump);
    }
    if (!res.destroyed) res.end();
  };
  res.on('close', () => { sent = total; });
  pump();
}
