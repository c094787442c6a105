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

function encode(value: string): string {
  return encodeURIComponent(value);
}
