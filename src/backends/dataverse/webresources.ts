/**
 * Web resources over the Dataverse Web API: find one by its unique name, search the JavaScript ones,
 * update one guarded by its ETag, create one in a solution, publish, and read back. Every request goes
 * through `DataverseClient` (host policy, token refresh, throttling, timeout); this module only knows the
 * web resource shapes and turns failures into `WebResourceError`s a person can act on. No `vscode` import.
 */
import type { CallOptions } from '../types';
import type { ApiRequest, DataverseClient } from './client';
import { DataverseFailure } from './failure';

export const WEB_RESOURCE_SET = 'webresourceset';
/** `webresourcetype` of a JavaScript (JScript) web resource. */
export const JAVASCRIPT_TYPE = 3;

/** One web resource as read from the environment. */
export interface WebResourceRow {
  readonly id: string;
  readonly name: string;
  readonly displayName: string;
  readonly type: number;
  /** The content, decoded from base64; empty for a web resource without content. */
  readonly content: Buffer;
  /** The row version to send back in `If-Match`, e.g. `W/"1234567"`. */
  readonly etag: string;
  /** ISO time of the last change. */
  readonly modifiedOn: string;
  /** Who changed it last, when the environment says. */
  readonly modifiedBy?: string;
}

/** A row of the name search (no content). */
export interface WebResourceSummary {
  readonly id: string;
  readonly name: string;
  readonly displayName: string;
}

export type WebResourceErrorCode =
  | 'not-found'
  /** The environment's copy changed after it was read (HTTP 412 on If-Match): nothing was written. */
  | 'conflict'
  /** A write whose answer never came and which reading back does not show (yet). */
  | 'not-confirmed'
  | 'unauthorized'
  | 'untrusted-host'
  | 'throttled'
  | 'cancelled'
  | 'forbidden'
  | 'failed';

export class WebResourceError extends Error {
  constructor(readonly code: WebResourceErrorCode, message: string) {
    super(message);
    this.name = 'WebResourceError';
  }
}

const ROW_SELECT = 'webresourceid,name,displayname,webresourcetype,content,modifiedon,_modifiedby_value';
const FORMATTED = '@OData.Community.Display.V1.FormattedValue';

/** OData string literals escape a quote by doubling it. */
function literal(text: string): string {
  return `'${text.replace(/'/g, "''")}'`;
}

export const webResourceRequests = {
  byName(name: string): ApiRequest {
    return { method: 'GET', path: WEB_RESOURCE_SET, query: `$select=${ROW_SELECT}&$filter=${encodeURIComponent(`name eq ${literal(name)}`)}`, annotations: true };
  },
  byId(id: string): ApiRequest {
    return { method: 'GET', path: `${WEB_RESOURCE_SET}(${id})`, query: `$select=${ROW_SELECT}`, annotations: true };
  },
  searchJavaScript(text: string, top: number): ApiRequest {
    const filter = `webresourcetype eq ${JAVASCRIPT_TYPE} and contains(name,${literal(text)})`;
    return { method: 'GET', path: WEB_RESOURCE_SET, query: `$filter=${encodeURIComponent(filter)}&$select=name,displayname,webresourceid&$top=${top}` };
  },
  /** An update only (If-Match), never an upsert, and only of the version that was read. */
  update(id: string, content: Uint8Array, etag: string): ApiRequest {
    return { method: 'PATCH', path: `${WEB_RESOURCE_SET}(${id})`, ifMatch: etag, body: { content: Buffer.from(content).toString('base64') } };
  },
  create(name: string, displayName: string, content: Uint8Array, solution: string | undefined): ApiRequest {
    return {
      method: 'POST',
      path: WEB_RESOURCE_SET,
      body: { name, displayname: displayName, webresourcetype: JAVASCRIPT_TYPE, content: Buffer.from(content).toString('base64') },
      ...(solution ? { headers: { 'MSCRM.SolutionUniqueName': solution } } : {}),
    };
  },
  publish(ids: readonly string[]): ApiRequest {
    const xml = `<importexportxml><webresources>${ids.map(id => `<webresource>{${id}}</webresource>`).join('')}</webresources></importexportxml>`;
    return { method: 'POST', path: 'PublishXml', body: { ParameterXml: xml } };
  },
};

/** The web resource requests of one environment. Every method throws `WebResourceError` only. */
export class WebResourceApi {
  constructor(private readonly client: DataverseClient) {}

  get environmentName(): string {
    return this.client.name;
  }

  /** The web resource with this unique name (names are unique and compared case-insensitively), or undefined. */
  async find(name: string, call: CallOptions = {}): Promise<WebResourceRow | undefined> {
    const response = await this.send(webResourceRequests.byName(name), call, `read web resource ${name}`);
    const rows = readValue(response.json, this.client.name);
    return rows.length === 0 ? undefined : readRow(rows[0], this.client.name);
  }

  async get(id: string, call: CallOptions = {}): Promise<WebResourceRow> {
    const response = await this.send(webResourceRequests.byId(id), call, `read web resource ${id}`);
    return readRow(response.json, this.client.name);
  }

  async searchJavaScript(text: string, call: CallOptions = {}, top = 50): Promise<WebResourceSummary[]> {
    const response = await this.send(webResourceRequests.searchJavaScript(text, top), call, 'search the JavaScript web resources');
    return readValue(response.json, this.client.name).map(row => {
      const r = row as Record<string, unknown>;
      return { id: String(r.webresourceid ?? ''), name: String(r.name ?? ''), displayName: typeof r.displayname === 'string' ? r.displayname : '' };
    });
  }

  /** Sends the update as is: the caller decides what an ambiguous failure means (it reads back first). */
  async update(id: string, content: Uint8Array, etag: string, call: CallOptions = {}): Promise<void> {
    await this.client.send(webResourceRequests.update(id, content, etag), call);
  }

  /** Sends the create as is and returns the new row's id when the answer names it. */
  async create(name: string, displayName: string, content: Uint8Array, solution: string | undefined, call: CallOptions = {}): Promise<string | undefined> {
    const response = await this.client.send(webResourceRequests.create(name, displayName, content, solution), call);
    return /\(([0-9a-fA-F-]{36})\)\s*$/.exec(response.entityId ?? '')?.[1]?.toLowerCase();
  }

  /** Sends PublishXml for these web resources as is (it is idempotent: the caller may send it again). */
  async publish(ids: readonly string[], call: CallOptions = {}): Promise<void> {
    await this.client.send(webResourceRequests.publish(ids), call);
  }

  private async send(request: ApiRequest, call: CallOptions, action: string) {
    try {
      return await this.client.send(request, call);
    } catch (error) {
      throw toWebResourceError(error, this.client.name, action);
    }
  }
}

/** One sentence for a failure while doing `action` (completes "could not …") in `env`. */
export function toWebResourceError(error: unknown, env: string, action: string): WebResourceError {
  if (error instanceof WebResourceError) return error;
  if (!(error instanceof DataverseFailure)) {
    return new WebResourceError('failed', `Could not ${action} in ${env}: ${error instanceof Error ? error.message : String(error)}`);
  }
  switch (error.kind) {
    case 'untrusted-host':
      return new WebResourceError('untrusted-host', error.message);
    case 'token':
    case 'unauthorized':
      return new WebResourceError('unauthorized', `Could not ${action}: ${error.kind === 'token' ? error.message : `${env} did not accept your sign-in (HTTP 401), even with a fresh token.`} Sign in again: run “Omnichannel: Sign In to Environment”.`);
    case 'throttled':
      return new WebResourceError('throttled', `Could not ${action}: ${error.message}`);
    case 'cancelled':
      return new WebResourceError('cancelled', `Cancelled: did not ${action} in ${env}.`);
    case 'http': {
      const status = error.status ?? 0;
      const detail = `(HTTP ${status}${error.code ? ` ${error.code}` : ''}: ${error.message})`;
      if (status === 412) return new WebResourceError('conflict', `Could not ${action}: the web resource changed in ${env} after it was read ${detail}.`);
      if (status === 404) return new WebResourceError('not-found', `Could not ${action}: ${env} says it does not exist ${detail}.`);
      if (status === 403) return new WebResourceError('forbidden', `You do not have the privileges in ${env} to ${action} ${detail}. Ask an administrator for the System Customizer role (or Write on Web Resource and Publish Customizations).`);
      return new WebResourceError('failed', `${env} rejected the request to ${action} ${detail}.`);
    }
    default:
      return new WebResourceError('failed', `Could not ${action}: ${error.message}`);
  }
}

function readValue(json: unknown, env: string): unknown[] {
  const value = (json as { value?: unknown } | undefined)?.value;
  if (!Array.isArray(value)) throw new WebResourceError('failed', `${env} answered the web resource query with something that is not a list.`);
  return value;
}

function readRow(json: unknown, env: string): WebResourceRow {
  const r = (json ?? {}) as Record<string, unknown>;
  const id = r.webresourceid;
  const etag = r['@odata.etag'];
  if (typeof id !== 'string' || typeof r.name !== 'string' || typeof etag !== 'string') {
    throw new WebResourceError('failed', `${env} answered with a web resource row without its id, name or version (@odata.etag).`);
  }
  const modifiedBy = r[`_modifiedby_value${FORMATTED}`];
  return {
    id: id.toLowerCase(),
    name: r.name,
    displayName: typeof r.displayname === 'string' ? r.displayname : '',
    type: typeof r.webresourcetype === 'number' ? r.webresourcetype : 0,
    content: typeof r.content === 'string' ? Buffer.from(r.content, 'base64') : Buffer.alloc(0),
    etag,
    modifiedOn: typeof r.modifiedon === 'string' ? r.modifiedon : '',
    ...(typeof modifiedBy === 'string' && modifiedBy !== '' ? { modifiedBy } : {}),
  };
}
