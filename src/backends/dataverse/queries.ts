/**
 * The Web API requests the backend sends, built in one place so tests and the stand-in can be checked
 * against the documented shapes (entity sets, navigation properties, columns, escaping).
 */
import { DATAVERSE } from '@omnichannel-tools/core/catalogue';
import type { EntityLogicalName } from '../../protocol/link';
import type { ApiRequest } from './client';

const SET = DATAVERSE.conversationEntitySet;

/** Columns read for every conversation. */
const CONVERSATION_SELECT = [
  'activityid',
  'msdyn_title',
  'subject',
  'statecode',
  'statuscode',
  'createdon',
  DATAVERSE.customerColumn,
  DATAVERSE.caseColumn,
].join(',');

/** Entity set, key and primary-name column of each linkable table. */
export const RECORD_TABLES: Readonly<Record<EntityLogicalName, { set: string; key: string; name: string }>> = {
  account: { set: 'accounts', key: 'accountid', name: 'name' },
  contact: { set: 'contacts', key: 'contactid', name: 'fullname' },
  incident: { set: 'incidents', key: 'incidentid', name: 'title' },
};

export function whoAmI(): ApiRequest {
  return { method: 'GET', path: 'WhoAmI' };
}

/** Open conversations (statecode 0), newest first; `agentId` limits them to one agent's. */
export function listConversations(agentId: string | undefined): ApiRequest {
  const filter = agentId === undefined ? 'statecode eq 0' : `statecode eq 0 and _msdyn_activeagentid_value eq ${agentId}`;
  return { method: 'GET', path: SET, query: `$select=${CONVERSATION_SELECT}&$filter=${encode(filter)}&$orderby=${encode('createdon desc')}`, annotations: true };
}

export function getConversation(conversationId: string): ApiRequest {
  return { method: 'GET', path: `${SET}(${conversationId})`, query: `$select=${CONVERSATION_SELECT}`, annotations: true };
}

/**
 * Sets one lookup. `If-Match: *` makes it an update only: without it PATCH is an upsert and a wrong
 * conversation id would create a new row.
 */
export function bindRecord(conversationId: string, entity: EntityLogicalName, recordId: string): ApiRequest {
  const nav = DATAVERSE.navigation[entity];
  return { method: 'PATCH', path: `${SET}(${conversationId})`, ifMatch: '*', body: { [`${nav}@odata.bind`]: `/${RECORD_TABLES[entity].set}(${recordId})` } };
}

export function unbindRecord(conversationId: string, entity: EntityLogicalName): ApiRequest {
  return { method: 'DELETE', path: `${SET}(${conversationId})/${DATAVERSE.navigation[entity]}/$ref` };
}

export function findRecords(entity: EntityLogicalName, text: string, top: number): ApiRequest {
  const table = RECORD_TABLES[entity];
  // OData string literals escape a quote by doubling it.
  const literal = text.replace(/'/g, "''");
  return { method: 'GET', path: table.set, query: `$select=${table.key},${table.name}&$filter=${encode(`contains(${table.name},'${literal}')`)}&$top=${top}` };
}

/** Columns a record is shown with in completion and hover: key, primary name, state, and a case's number. */
function recordSelect(entity: EntityLogicalName): string {
  const table = RECORD_TABLES[entity];
  return [table.key, table.name, 'statecode', ...(entity === 'incident' ? [CASE_NUMBER] : [])].join(',');
}

/** A case's number (`CAS-01024-Q8B2`), searched with `startswith` beside the title. */
export const CASE_NUMBER = 'ticketnumber';

/**
 * Records for completion as the user types: the primary name contains `text`, or (cases) the case
 * number starts with it; the first `top`, with the state's label. An empty `text` lists the first `top`.
 */
export function searchRecords(entity: EntityLogicalName, text: string, top: number): ApiRequest {
  const table = RECORD_TABLES[entity];
  const literal = odataString(text);
  const name = `contains(${table.name},${literal})`;
  const filter = text === '' ? '' : entity === 'incident' ? `(${name} or startswith(${CASE_NUMBER},${literal}))` : name;
  return { method: 'GET', path: table.set, query: `$select=${recordSelect(entity)}${filter === '' ? '' : `&$filter=${encode(filter)}`}&$top=${top}`, annotations: true };
}

/** One record by id, for hover (404 when there is none). */
export function getRecord(entity: EntityLogicalName, id: string): ApiRequest {
  return { method: 'GET', path: `${RECORD_TABLES[entity].set}(${id})`, query: `$select=${recordSelect(entity)}`, annotations: true };
}

/** Open conversations whose title contains `text` (all open ones for an empty `text`), newest first, at most `top`. */
export function searchConversations(agentId: string | undefined, text: string, top: number): ApiRequest {
  const clauses = ['statecode eq 0', ...(agentId === undefined ? [] : [`_msdyn_activeagentid_value eq ${agentId}`]), ...(text === '' ? [] : [`contains(msdyn_title,${odataString(text)})`])];
  return { method: 'GET', path: SET, query: `$select=${CONVERSATION_SELECT}&$filter=${encode(clauses.join(' and '))}&$orderby=${encode('createdon desc')}&$top=${top}`, annotations: true };
}

/** An OData string literal: quoted, a quote inside doubled. */
function odataString(text: string): string {
  return `'${text.replace(/'/g, "''")}'`;
}

function encode(value: string): string {
  return encodeURIComponent(value);
}
