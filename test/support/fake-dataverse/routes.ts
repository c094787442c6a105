/**
 * The Web API calls the stand-in answers, with Dataverse's status codes and error bodies: WhoAmI,
 * conversation list/get, PATCH with `@odata.bind` (If-Match aware), DELETE `$ref`, record lookups.
 * Pure request → response over `FakeState`; the HTTP plumbing and fault injection live in server.ts.
 */
import { FakeState, type FakeConversation, type FakeRecord, type CustomerTable } from './state';
import { parseFilter, parseSelect, parseTop, textMatches, ODataParseError, type FilterClause, type TextClause } from './odata';
import { routeWebResources } from './webresources';

export interface RouteRequest {
  readonly method: string;
  /** Decoded path below `/api/data/v9.2/`. */
  readonly path: string;
  readonly query: URLSearchParams;
  readonly headers: Readonly<Record<string, string | string[] | undefined>>;
  readonly body: string;
}

export interface RouteResponse {
  readonly status: number;
  readonly body?: unknown;
  /** True when the request changed the state (a write that took effect). */
  readonly applied?: boolean;
  /** Response headers (e.g. `OData-EntityId` after a create). */
  readonly headers?: Readonly<Record<string, string>>;
}

export const NAVIGATION: Readonly<Record<string, { slot: 'customer' | 'case'; table: 'account' | 'contact' | 'incident'; set: string }>> = {
  msdyn_customer_msdyn_ocliveworkitem_account: { slot: 'customer', table: 'account', set: 'accounts' },
  msdyn_customer_msdyn_ocliveworkitem_contact: { slot: 'customer', table: 'contact', set: 'contacts' },
  msdyn_IssueId_msdyn_ocliveworkitem: { slot: 'case', table: 'incident', set: 'incidents' },
};

const CONVERSATION_COLUMNS = ['activityid', 'msdyn_title', 'subject', 'statecode', 'statuscode', 'createdon', '_msdyn_customer_value', '_msdyn_issueid_value', '_msdyn_activeagentid_value'];
const LOOKUP_TABLES = { account: { set: 'accounts', key: 'accountid', name: 'name' }, contact: { set: 'contacts', key: 'contactid', name: 'fullname' }, incident: { set: 'incidents', key: 'incidentid', name: 'title' } } as const;
const STATUS_LABELS: Record<number, string> = { 1: 'Open', 2: 'Active', 3: 'Waiting', 4: 'Closed', 5: 'Wrap-up', 6: 'Resolved', 7: 'Scheduled' };
const FORMATTED = '@OData.Community.Display.V1.FormattedValue';
const LOGICAL = '@Microsoft.Dynamics.CRM.lookuplogicalname';

export function dataverseError(status: number, code: string, message: string): RouteResponse {
  return { status, body: { error: { code, message } } };
}

export function route(state: FakeState, req: RouteRequest): RouteResponse {
  try {
    return dispatch(state, req);
  } catch (error) {
    if (error instanceof ODataParseError) return dataverseError(400, '0x0', error.message);
    throw error;
  }
}

function dispatch(state: FakeState, req: RouteRequest): RouteResponse {
  const { method, path } = req;
  if (method === 'GET' && (path === 'WhoAmI' || path === 'WhoAmI()')) {
    return { status: 200, body: { '@odata.context': 'WhoAmIResponse', BusinessUnitId: state.businessUnitId, UserId: state.userId, OrganizationId: state.organizationId } };
  }
  const webResource = routeWebResources(state.webResources, req);
  if (webResource) return webResource;
  if (method === 'GET' && path === 'msdyn_ocliveworkitems') return listConversations(state, req);
  const one = /^msdyn_ocliveworkitems\(([^)]*)\)$/.exec(path);
  if (one && method === 'GET') return getConversation(state, one[1], req);
  if (one && method === 'PATCH') return patchConversation(state, one[1], req);
  const ref = /^msdyn_ocliveworkitems\(([^)]*)\)\/([^/]+)\/\$ref$/.exec(path);
  if (ref && method === 'DELETE') return deleteRef(state, ref[1], ref[2]);
  for (const [table, info] of Object.entries(LOOKUP_TABLES) as Array<[keyof typeof LOOKUP_TABLES, (typeof LOOKUP_TABLES)[keyof typeof LOOKUP_TABLES]]>) {
    if (method === 'GET' && path === info.set) return findRecords(state, table, req);
    const byId = new RegExp(`^${info.set}\\(([^)]*)\\)$`).exec(path);
    if (method === 'GET' && byId) return getRecord(state, table, byId[1]!, req);
  }
  return dataverseError(404, '0x8006088a', `Resource not found for the segment '${path.split(/[/(]/)[0]}'.`);
}

function wantsAnnotations(req: RouteRequest): boolean {
  const prefer = req.headers['prefer'];
  const text = Array.isArray(prefer) ? prefer.join(',') : prefer ?? '';
  return text.includes('odata.include-annotations');
}

function conversationRow(state: FakeState, c: FakeConversation, select: string[] | undefined, annotate: boolean): Record<string, unknown> {
  const all: Record<string, unknown> = {
    activityid: c.activityid,
    msdyn_title: c.msdyn_title ?? null,
    subject: c.subject ?? null,
    statecode: c.statecode,
    statuscode: c.statuscode,
    createdon: c.createdon,
    _msdyn_customer_value: c.customer?.id ?? null,
    _msdyn_issueid_value: c.caseId,
    _msdyn_activeagentid_value: c.agentId,
  };
  const columns = select ?? CONVERSATION_COLUMNS;
  for (const column of columns) {
    if (!CONVERSATION_COLUMNS.includes(column)) throw new ODataParseError(`Could not find a property named '${column}' on type 'Microsoft.Dynamics.CRM.msdyn_ocliveworkitem'.`);
  }
  const row: Record<string, unknown> = { '@odata.etag': `W/"${c.createdon.length}${c.statuscode}"` };
  for (const column of columns) {
    row[column] = all[column];
    if (!annotate) continue;
    if (column === 'statuscode') row[`statuscode${FORMATTED}`] = STATUS_LABELS[c.statuscode] ?? String(c.statuscode);
    if (column === '_msdyn_customer_value' && c.customer) {
      row[`_msdyn_customer_value${LOGICAL}`] = c.customer.table;
      row[`_msdyn_customer_value${FORMATTED}`] = state.nameOf(c.customer.table, c.customer.id) ?? '';
    }
    if (column === '_msdyn_issueid_value' && c.caseId) {
      row[`_msdyn_issueid_value${LOGICAL}`] = 'incident';
      row[`_msdyn_issueid_value${FORMATTED}`] = state.nameOf('incident', c.caseId) ?? '';
    }
  }
  return row;
}

function matchesClause(c: FakeConversation, clause: FilterClause): boolean {
  if (clause.kind === 'contains' && clause.field === 'msdyn_title') return textMatches(clause, c.msdyn_title);
  if (clause.kind !== 'eq') throw new ODataParseError(`This stand-in filters msdyn_ocliveworkitems only with eq and contains(msdyn_title,'…').`);
  const values: Record<string, unknown> = { statecode: c.statecode, statuscode: c.statuscode, _msdyn_activeagentid_value: c.agentId, activityid: c.activityid };
  if (!(clause.field in values)) throw new ODataParseError(`Could not find a property named '${clause.field}' on type 'Microsoft.Dynamics.CRM.msdyn_ocliveworkitem'.`);
  return values[clause.field] === clause.value;
}

function listConversations(state: FakeState, req: RouteRequest): RouteResponse {
  const clauses = parseFilter(req.query.get('$filter'));
  const select = parseSelect(req.query.get('$select'));
  const top = parseTop(req.query.get('$top'));
  let rows = [...state.conversations.values()].filter(c => clauses.every(clause => matchesClause(c, clause)));
  const orderby = req.query.get('$orderby');
  if (orderby !== null) {
    const m = /^createdon( asc| desc)?$/.exec(orderby.trim());
    if (!m) throw new ODataParseError(`The query parameter $orderby is not supported: ${orderby}`);
    const sign = m[1] === ' desc' ? -1 : 1;
    rows.sort((a, b) => sign * a.createdon.localeCompare(b.createdon));
  }
  if (top !== undefined) rows = rows.slice(0, top);
  const annotate = wantsAnnotations(req);
  return { status: 200, body: { '@odata.context': 'msdyn_ocliveworkitems', value: rows.map(c => conversationRow(state, c, select, annotate)) } };
}

function getConversation(state: FakeState, id: string, req: RouteRequest): RouteResponse {
  const c = state.conversations.get(id.toLowerCase());
  if (!c) return notExist('msdyn_ocliveworkitem', id);
  return { status: 200, body: conversationRow(state, c, parseSelect(req.query.get('$select')), wantsAnnotations(req)) };
}

function notExist(table: string, id: string): RouteResponse {
  return dataverseError(404, '0x80040217', `${table} With Id = ${id} Does Not Exist`);
}

function parseJsonBody(body: string): Record<string, unknown> | RouteResponse {
  try {
    const parsed: unknown = JSON.parse(body);
    if (parsed && typeof parsed === 'object' && !Array.isArray(parsed)) return parsed as Record<string, unknown>;
  } catch {
    // fall through
  }
  return dataverseError(400, '0x80048d19', 'Error identified in Payload provided by the user for Entity :\'msdyn_ocliveworkitems\'.');
}

function patchConversation(state: FakeState, id: string, req: RouteRequest): RouteResponse {
  const body = parseJsonBody(req.body);
  if ('status' in body && typeof body.status === 'number') return body as RouteResponse;
  const changes: Array<(c: FakeConversation) => void> = [];
  for (const [key, value] of Object.entries(body as Record<string, unknown>)) {
    const bind = /^(.+)@odata\.bind$/.exec(key);
    if (!bind) {
      if (['msdyn_title', 'subject'].includes(key) && typeof value === 'string') {
        changes.push(c => (c[key as 'msdyn_title' | 'subject'] = value));
        continue;
      }
      return dataverseError(400, '0x80060888', `The property '${key}' does not exist on type 'Microsoft.Dynamics.CRM.msdyn_ocliveworkitem'. Make sure to only use property names that are defined by the type.`);
    }
    const nav = NAVIGATION[bind[1]];
    if (!nav) {
      return dataverseError(400, '0x80060888', `An undeclared property '${bind[1]}' which only has property annotations in the payload but no property value was found in the payload. In OData, only declared navigation properties and declared named streams can be represented as properties without values.`);
    }
    const target = typeof value === 'string' ? /(?:^|\/api\/data\/v9\.\d)\/?([a-z_]+)\(([0-9a-fA-F-]{36})\)$/.exec(value) : null;
    if (!target || target[1] !== nav.set) {
      return dataverseError(400, '0x80048d19', `Error identified in Payload provided by the user for Entity :'msdyn_ocliveworkitems'. The value '${String(value)}' of '${key}' is not a reference to ${nav.set}.`);
    }
    const recordId = target[2].toLowerCase();
    if (!state.tables[nav.table].has(recordId)) return notExist(nav.table, recordId);
    changes.push(c => {
      if (nav.slot === 'customer') c.customer = { table: nav.table as CustomerTable, id: recordId };
      else c.caseId = recordId;
    });
  }
  let row = state.conversations.get(id.toLowerCase());
  if (!row) {
    // Without If-Match, PATCH is an upsert: it creates the row. This is why the product always sends If-Match: *.
    if (req.headers['if-match'] === '*') return dataverseError(412, '0x80060882', 'A record with matching key values does not exist.');
    if (!/^[0-9a-fA-F-]{36}$/.test(id)) return dataverseError(400, '0x80060891', `Bad Request - Error in query syntax: ${id}`);
    row = state.putConversation({ activityid: id.toLowerCase(), agentId: null, statuscode: 1 });
  }
  for (const change of changes) change(row);
  return { status: 204, applied: true };
}

function deleteRef(state: FakeState, id: string, navName: string): RouteResponse {
  const nav = NAVIGATION[navName];
  if (!nav) return dataverseError(400, '0x80060888', `Could not find a property named '${navName}' on type 'Microsoft.Dynamics.CRM.msdyn_ocliveworkitem'.`);
  const row = state.conversations.get(id.toLowerCase());
  if (!row) return notExist('msdyn_ocliveworkitem', id);
  // Removing a reference the row does not hold succeeds without change, as Dataverse does.
  if (nav.slot === 'customer' && row.customer?.table === nav.table) row.customer = null;
  if (nav.slot === 'case') row.caseId = null;
  return { status: 204, applied: true };
}

/** The columns a record row has: key, primary name, state, and a case's number. */
function recordColumns(table: keyof typeof LOOKUP_TABLES): string[] {
  const info = LOOKUP_TABLES[table];
  return table === 'incident' ? [info.key, info.name, 'statecode', 'ticketnumber'] : [info.key, info.name, 'statecode'];
}

const RECORD_STATES: Record<keyof typeof LOOKUP_TABLES, Record<number, string>> = {
  account: { 0: 'Active', 1: 'Inactive' },
  contact: { 0: 'Active', 1: 'Inactive' },
  incident: { 0: 'Active', 1: 'Resolved', 2: 'Cancelled' },
};

function recordRow(table: keyof typeof LOOKUP_TABLES, r: FakeRecord, select: readonly string[], annotate: boolean): Record<string, unknown> {
  const info = LOOKUP_TABLES[table];
  const all: Record<string, unknown> = { [info.key]: r.id, [info.name]: r.name, statecode: r.statecode ?? 0, ticketnumber: r.ticketnumber ?? null };
  const row: Record<string, unknown> = {};
  for (const column of select) {
    row[column] = all[column];
    if (annotate && column === 'statecode') row[`statecode${FORMATTED}`] = RECORD_STATES[table][r.statecode ?? 0];
  }
  return row;
}

function recordSelect(table: keyof typeof LOOKUP_TABLES, req: RouteRequest): string[] {
  const info = LOOKUP_TABLES[table];
  const select = parseSelect(req.query.get('$select')) ?? [info.key, info.name];
  const columns = recordColumns(table);
  for (const column of select) {
    if (!columns.includes(column)) throw new ODataParseError(`Could not find a property named '${column}' on type 'Microsoft.Dynamics.CRM.${table}'.`);
  }
  return select;
}

function recordMatches(table: keyof typeof LOOKUP_TABLES, r: FakeRecord, clause: FilterClause): boolean {
  const info = LOOKUP_TABLES[table];
  const text = (c: TextClause): boolean => {
    if (c.field === info.name) return textMatches(c, r.name);
    if (table === 'incident' && c.field === 'ticketnumber') return textMatches(c, r.ticketnumber);
    throw new ODataParseError(`This stand-in filters ${info.set} only on ${info.name}${table === 'incident' ? ' and ticketnumber' : ''}.`);
  };
  if (clause.kind === 'or') return clause.clauses.some(text);
  if (clause.kind === 'eq') throw new ODataParseError(`This stand-in filters ${info.set} only with contains() and startswith().`);
  return text(clause);
}

function findRecords(state: FakeState, table: keyof typeof LOOKUP_TABLES, req: RouteRequest): RouteResponse {
  const clauses = parseFilter(req.query.get('$filter'));
  const top = parseTop(req.query.get('$top'));
  const select = recordSelect(table, req);
  let rows = [...state.tables[table].values()].filter(r => clauses.every(clause => recordMatches(table, r, clause)));
  if (top !== undefined) rows = rows.slice(0, top);
  const annotate = wantsAnnotations(req);
  return { status: 200, body: { value: rows.map(r => recordRow(table, r, select, annotate)) } };
}

function getRecord(state: FakeState, table: keyof typeof LOOKUP_TABLES, id: string, req: RouteRequest): RouteResponse {
  const select = recordSelect(table, req);
  const r = state.tables[table].get(id.toLowerCase());
  if (!r) return notExist(table, id);
  return { status: 200, body: recordRow(table, r, select, wantsAnnotations(req)) };
}
