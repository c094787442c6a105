/**
 * The stand-in's web resources: `webresourceset` (GET by id, GET with `$filter` of `name eq '…'`,
 * `webresourcetype eq N` and `contains(name,'…')` joined by `and`, `$select`, `$top`; PATCH guarded by
 * `If-Match` → 412 on a stale version; POST create honouring `MSCRM.SolutionUniqueName`) and `PublishXml`,
 * which records which web resources each call published. Every write gives the row a new version (ETag).
 */
import { randomUUID } from 'node:crypto';
import type { RouteRequest, RouteResponse } from './routes';

export interface FakeWebResourceSeed {
  readonly id?: string;
  readonly name: string;
  readonly displayName?: string;
  /** Default 3 (JavaScript). */
  readonly type?: number;
  /** The content as text (stored base64, as Dataverse does). */
  readonly content?: string;
  readonly solution?: string;
}

export interface FakeWebResource {
  readonly id: string;
  name: string;
  displayName: string;
  type: number;
  /** base64 */
  content: string;
  version: number;
  modifiedOn: string;
  modifiedBy: string;
  solution: string;
}

const COLUMNS = ['webresourceid', 'name', 'displayname', 'webresourcetype', 'content', 'modifiedon', '_modifiedby_value'];
const FORMATTED = '@OData.Community.Display.V1.FormattedValue';
const ENTITY_TYPE = 'Microsoft.Dynamics.CRM.webresource';

export class FakeWebResources {
  readonly rows = new Map<string, FakeWebResource>();
  /** The web resource ids of each PublishXml call, in order. */
  readonly publishes: string[][] = [];
  /** Solutions that exist (a create naming another one fails as Dataverse does). */
  readonly solutions = new Set<string>(['Default', 'ContosoCustomizations']);
  // Starts now, so a change made here reads as later than a publish made a moment ago.
  private clock = Math.floor(Date.now() / 1000) * 1000;
  private versionCounter = 1000;

  constructor(seed: readonly FakeWebResourceSeed[] = []) {
    for (const s of seed) this.put(s);
  }

  put(s: FakeWebResourceSeed, by = 'Seed User'): FakeWebResource {
    const row: FakeWebResource = {
      id: (s.id ?? randomUUID()).toLowerCase(),
      name: s.name,
      displayName: s.displayName ?? s.name.split('/').pop() ?? s.name,
      type: s.type ?? 3,
      content: Buffer.from(s.content ?? '', 'utf8').toString('base64'),
      version: ++this.versionCounter,
      modifiedOn: this.tick(),
      modifiedBy: by,
      solution: s.solution ?? 'Default',
    };
    this.rows.set(row.id, row);
    return row;
  }

  byName(name: string): FakeWebResource | undefined {
    return [...this.rows.values()].find(r => r.name.toLowerCase() === name.toLowerCase());
  }

  /** The content as text. */
  text(name: string): string | undefined {
    const row = this.byName(name);
    return row === undefined ? undefined : Buffer.from(row.content, 'base64').toString('utf8');
  }

  /** Someone else edits it in the environment (a maker, another developer): a new version. */
  changeElsewhere(name: string, content: string, by = 'Another Developer'): void {
    const row = this.byName(name);
    if (!row) throw new Error(`No web resource ${name}`);
    this.write(row, { content: Buffer.from(content, 'utf8').toString('base64') }, by);
  }

  /** Names published so far, over all PublishXml calls. */
  publishedNames(): string[] {
    return this.publishes.flat().map(id => this.rows.get(id)?.name ?? id);
  }

  etagOf(row: FakeWebResource): string {
    return `W/"${row.version}"`;
  }

  write(row: FakeWebResource, changes: { content?: string; displayName?: string }, by: string): void {
    if (changes.content !== undefined) row.content = changes.content;
    if (changes.displayName !== undefined) row.displayName = changes.displayName;
    row.version = ++this.versionCounter;
    row.modifiedOn = this.tick();
    row.modifiedBy = by;
  }

  private tick(): string {
    this.clock += 60_000;
    return new Date(this.clock).toISOString().replace('.000Z', 'Z');
  }
}

function error(status: number, code: string, message: string): RouteResponse {
  return { status, body: { error: { code, message } } };
}

/** The web resource routes; undefined when the request is not one of them. */
export function routeWebResources(table: FakeWebResources, req: RouteRequest): RouteResponse | undefined {
  const { method, path } = req;
  if (path === 'PublishXml') return method === 'POST' ? publishXml(table, req) : error(405, '0x80060888', 'PublishXml is an action: use POST.');
  if (path === 'webresourceset') {
    if (method === 'GET') return list(table, req);
    if (method === 'POST') return create(table, req);
    return undefined;
  }
  const one = /^webresourceset\(([^)]*)\)$/.exec(path);
  if (!one) return undefined;
  const row = table.rows.get(one[1].toLowerCase());
  if (method === 'GET') return row ? { status: 200, body: rowJson(table, row, select(req), true) } : notExist(one[1]);
  if (method === 'PATCH') return patch(table, row, one[1], req);
  return undefined;
}

function notExist(id: string): RouteResponse {
  return error(404, '0x80040217', `webresource With Id = ${id} Does Not Exist`);
}

function select(req: RouteRequest): string[] {
  const text = req.query.get('$select');
  if (text === null || text.trim() === '') return COLUMNS;
  const columns = text.split(',').map(c => c.trim());
  for (const c of columns) {
    if (!COLUMNS.includes(c)) throw new Error(`unsupported column ${c}`);
  }
  return columns;
}

function rowJson(table: FakeWebResources, row: FakeWebResource, columns: readonly string[], annotate: boolean): Record<string, unknown> {
  const all: Record<string, unknown> = {
    webresourceid: row.id,
    name: row.name,
    displayname: row.displayName,
    webresourcetype: row.type,
    content: row.content,
    modifiedon: row.modifiedOn,
    _modifiedby_value: '0a0b0c0d-1111-4222-8333-444455556666',
  };
  const json: Record<string, unknown> = { '@odata.etag': table.etagOf(row) };
  for (const c of columns) {
    json[c] = all[c];
    if (annotate && c === '_modifiedby_value') json[`_modifiedby_value${FORMATTED}`] = row.modifiedBy;
  }
  return json;
}

type Clause = { kind: 'eq'; field: string; value: string | number } | { kind: 'contains'; field: string; text: string };

function parseClauses(filter: string | null): Clause[] | RouteResponse {
  if (filter === null || filter.trim() === '') return [];
  const clauses: Clause[] = [];
  for (const part of filter.split(/\s+and\s+/)) {
    const contains = /^\s*contains\(\s*(\w+)\s*,\s*'((?:[^']|'')*)'\s*\)\s*$/.exec(part);
    if (contains) {
      clauses.push({ kind: 'contains', field: contains[1], text: contains[2].replace(/''/g, "'") });
      continue;
    }
    const eq = /^\s*(\w+)\s+eq\s+(?:'((?:[^']|'')*)'|(-?\d+))\s*$/.exec(part);
    if (!eq) return error(400, '0x0', `The query parameter $filter has an unsupported clause: ${part}`);
    clauses.push({ kind: 'eq', field: eq[1], value: eq[3] !== undefined ? Number(eq[3]) : (eq[2] ?? '').replace(/''/g, "'") });
  }
  for (const c of clauses) {
    if (!['name', 'webresourcetype', 'displayname'].includes(c.field)) return error(400, '0x0', `Could not find a property named '${c.field}' on type '${ENTITY_TYPE}'.`);
  }
  return clauses;
}

function matches(row: FakeWebResource, clause: Clause): boolean {
  const value = clause.field === 'name' ? row.name : clause.field === 'displayname' ? row.displayName : row.type;
  // Dataverse compares strings without regard to case.
  if (clause.kind === 'contains') return String(value).toLowerCase().includes(clause.text.toLowerCase());
  return typeof value === 'string' && typeof clause.value === 'string' ? value.toLowerCase() === clause.value.toLowerCase() : value === clause.value;
}

function list(table: FakeWebResources, req: RouteRequest): RouteResponse {
  const clauses = parseClauses(req.query.get('$filter'));
  if (!Array.isArray(clauses)) return clauses;
  let columns: string[];
  try {
    columns = select(req);
  } catch (e) {
    return error(400, '0x0', `Could not find a property named '${(e as Error).message.split(' ').pop()}' on type '${ENTITY_TYPE}'.`);
  }
  const top = req.query.get('$top');
  let rows = [...table.rows.values()].filter(r => clauses.every(c => matches(r, c)));
  if (top !== null) rows = rows.slice(0, Number(top));
  const prefer = String(req.headers['prefer'] ?? '');
  return { status: 200, body: { '@odata.context': 'webresourceset', value: rows.map(r => rowJson(table, r, columns, prefer.includes('odata.include-annotations'))) } };
}

function readBody(req: RouteRequest): Record<string, unknown> | undefined {
  try {
    const parsed: unknown = JSON.parse(req.body);
    return parsed && typeof parsed === 'object' && !Array.isArray(parsed) ? (parsed as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

function header(req: RouteRequest, name: string): string | undefined {
  const value = req.headers[name.toLowerCase()];
  return Array.isArray(value) ? value[0] : value;
}

function patch(table: FakeWebResources, row: FakeWebResource | undefined, id: string, req: RouteRequest): RouteResponse {
  const body = readBody(req);
  if (!body) return error(400, '0x80048d19', "Error identified in Payload provided by the user for Entity :'webresourceset'.");
  for (const key of Object.keys(body)) {
    if (!['content', 'displayname'].includes(key)) return error(400, '0x80060888', `The property '${key}' cannot be updated on type '${ENTITY_TYPE}' in this stand-in.`);
  }
  const ifMatch = header(req, 'if-match');
  if (!row) {
    if (ifMatch !== undefined) return error(412, '0x80060882', 'A record with matching key values does not exist.');
    return error(400, '0x0', 'The stand-in does not upsert web resources: send If-Match.');
  }
  if (ifMatch !== undefined && ifMatch !== '*' && ifMatch !== table.etagOf(row)) {
    return error(412, '0x80060882', "The version of the existing record doesn't match the RowVersion property provided.");
  }
  if (body.content !== undefined && (typeof body.content !== 'string' || !/^[A-Za-z0-9+/]*={0,2}$/.test(body.content))) {
    return error(400, '0x80048d19', 'The content of a web resource must be base64.');
  }
  table.write(row, { ...(typeof body.content === 'string' ? { content: body.content } : {}), ...(typeof body.displayname === 'string' ? { displayName: body.displayname } : {}) }, 'You');
  return { status: 204, applied: true };
}

function create(table: FakeWebResources, req: RouteRequest): RouteResponse {
  const body = readBody(req);
  if (!body || typeof body.name !== 'string' || typeof body.displayname !== 'string' || typeof body.webresourcetype !== 'number') {
    return error(400, '0x80048d19', 'A web resource needs name, displayname and webresourcetype.');
  }
  if (table.byName(body.name)) return error(400, '0x80040237', `A web resource with the name ${body.name} already exists.`);
  const solution = header(req, 'mscrm.solutionuniquename');
  if (solution !== undefined && !table.solutions.has(solution)) {
    return error(404, '0x8004f5d1', `The solution with unique name ${solution} does not exist.`);
  }
  const row = table.put({ name: body.name, displayName: body.displayname, type: body.webresourcetype, solution: solution ?? 'Default' }, 'You');
  if (typeof body.content === 'string') row.content = body.content;
  return { status: 204, applied: true, headers: { 'OData-EntityId': `${req.headers.host ? `http://${String(req.headers.host)}` : ''}/api/data/v9.2/webresourceset(${row.id})` } };
}

function publishXml(table: FakeWebResources, req: RouteRequest): RouteResponse {
  const body = readBody(req);
  const xml = typeof body?.ParameterXml === 'string' ? body.ParameterXml : undefined;
  if (!xml || !/^<importexportxml>[\s\S]*<\/importexportxml>$/.test(xml.trim())) {
    return error(400, '0x80048d19', 'PublishXml needs ParameterXml holding <importexportxml>…</importexportxml>.');
  }
  const ids = [...xml.matchAll(/<webresource>\s*\{?([0-9a-fA-F-]{36})\}?\s*<\/webresource>/g)].map(m => m[1].toLowerCase());
  for (const id of ids) if (!table.rows.has(id)) return notExist(id);
  table.publishes.push(ids);
  return { status: 204, applied: true };
}
