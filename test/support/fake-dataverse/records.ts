/**
 * Reading one account, contact or case by id (`GET accounts(<id>)?$select=…`), as simulator seeding does
 * for each linked record: Dataverse's 404 body for a missing row, 400 for an unknown column.
 */
import { parseSelect, ODataParseError } from './odata';
import type { FakeState } from './state';
import type { RouteRequest, RouteResponse } from './routes';

const TABLES = {
  accounts: { table: 'account', key: 'accountid', name: 'name' },
  contacts: { table: 'contact', key: 'contactid', name: 'fullname' },
  incidents: { table: 'incident', key: 'incidentid', name: 'title' },
} as const;

/** The answer for a by-id record read, or undefined when the request is something else. */
export function recordById(state: FakeState, req: RouteRequest): RouteResponse | undefined {
  const match = /^(accounts|contacts|incidents)\(([^)]*)\)$/.exec(req.path);
  if (!match || req.method !== 'GET') return undefined;
  const info = TABLES[match[1] as keyof typeof TABLES];
  const id = match[2]!.toLowerCase();
  const select = parseSelect(req.query.get('$select')) ?? [info.key, info.name];
  for (const column of select) {
    if (column !== info.key && column !== info.name) throw new ODataParseError(`Could not find a property named '${column}' on type 'Microsoft.Dynamics.CRM.${info.table}'.`);
  }
  const record = state.tables[info.table].get(id);
  if (!record) return { status: 404, body: { error: { code: '0x80040217', message: `${info.table} With Id = ${id} Does Not Exist` } } };
  const row: Record<string, unknown> = { '@odata.context': `$metadata#${match[1]}(${select.join(',')})/$entity` };
  if (select.includes(info.key)) row[info.key] = record.id;
  if (select.includes(info.name)) row[info.name] = record.name;
  return { status: 200, body: row };
}
