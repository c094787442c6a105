/**
 * Reads Dataverse JSON into the link vocabulary, checking its shape: a body that is not what the Web API
 * documents becomes a `bad-response` failure with a sentence, never a `TypeError` deep in the panel.
 */
import { DATAVERSE } from '@omnichannel-tools/core/catalogue';
import type { ConversationSummary, EntityLogicalName, RecordRef } from '../../protocol/link';
import type { RecordSummary } from '../types';
import { statusLabel } from '@omnichannel-tools/testing/call-rules';
import { DataverseFailure } from './failure';
import { CASE_NUMBER, RECORD_TABLES } from './queries';

const LOGICAL = '@Microsoft.Dynamics.CRM.lookuplogicalname';
const FORMATTED = '@OData.Community.Display.V1.FormattedValue';

type Row = Record<string, unknown>;

function badShape(env: string, what: string): DataverseFailure {
  return new DataverseFailure('bad-response', `${env} sent ${what} in an unexpected shape.`);
}

function asRow(value: unknown, env: string, what: string): Row {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) throw badShape(env, what);
  return value as Row;
}

export function readRows(json: unknown, env: string, what: string): Row[] {
  const value = asRow(json, env, what)['value'];
  if (!Array.isArray(value)) throw badShape(env, what);
  return value.map(item => asRow(item, env, what));
}

export function readUserId(json: unknown, env: string): string {
  const id = asRow(json, env, 'its WhoAmI answer')['UserId'];
  if (typeof id !== 'string' || id === '') throw badShape(env, 'its WhoAmI answer');
  return id.toLowerCase();
}

export function readConversation(json: unknown, env: string, linkable: readonly number[]): ConversationSummary {
  const what = 'a conversation';
  const row = asRow(json, env, what);
  const id = row['activityid'];
  const statuscode = row['statuscode'];
  if (typeof id !== 'string' || typeof statuscode !== 'number') throw badShape(env, what);
  const title = firstText(row['msdyn_title'], row['subject']) ?? '(untitled conversation)';
  const createdOn = typeof row['createdon'] === 'string' ? row['createdon'] : undefined;
  return {
    id: id.toLowerCase(),
    title,
    statuscode,
    statusLabel: firstText(row[`statuscode${FORMATTED}`]) ?? statusLabel(statuscode),
    linkable: linkable.includes(statuscode),
    ...(createdOn !== undefined ? { createdOn } : {}),
    customer: readLookup(row, DATAVERSE.customerColumn, undefined, env),
    case: readLookup(row, DATAVERSE.caseColumn, 'incident', env),
  };
}

/** A lookup column; `fixed` is its table when it can only point at one (the case column). */
function readLookup(row: Row, column: string, fixed: EntityLogicalName | undefined, env: string): RecordRef | null {
  const value = row[column];
  if (value === null || value === undefined) return null;
  if (typeof value !== 'string') throw badShape(env, 'a conversation');
  const logical = row[`${column}${LOGICAL}`] ?? fixed;
  if (logical !== 'account' && logical !== 'contact' && logical !== 'incident') {
    throw new DataverseFailure('bad-response', `${env} did not say which table the conversation's ${column} points to (lookuplogicalname annotation missing).`);
  }
  const name = firstText(row[`${column}${FORMATTED}`]);
  return { entityLogicalName: logical, id: value.toLowerCase(), ...(name !== undefined ? { name } : {}) };
}

export function readRecords(json: unknown, env: string, entity: EntityLogicalName): RecordRef[] {
  const table = RECORD_TABLES[entity];
  return readRows(json, env, `the ${table.set} list`).map(row => {
    const id = row[table.key];
    if (typeof id !== 'string') throw badShape(env, `the ${table.set} list`);
    const name = firstText(row[table.name]);
    return { entityLogicalName: entity, id: id.toLowerCase(), ...(name !== undefined ? { name } : {}) };
  });
}

/** A record with its number (cases) and state label, from a search or a read by id. */
export function readRecordSummary(json: unknown, env: string, entity: EntityLogicalName): RecordSummary {
  const table = RECORD_TABLES[entity];
  const what = `a ${entity} record`;
  const row = asRow(json, env, what);
  const id = row[table.key];
  if (typeof id !== 'string') throw badShape(env, what);
  const name = firstText(row[table.name]);
  const number = entity === 'incident' ? firstText(row[CASE_NUMBER]) : undefined;
  const state = firstText(row[`statecode${FORMATTED}`]);
  return {
    entityLogicalName: entity,
    id: id.toLowerCase(),
    ...(name !== undefined ? { name } : {}),
    ...(number !== undefined ? { number } : {}),
    ...(state !== undefined ? { state } : {}),
  };
}

function firstText(...values: unknown[]): string | undefined {
  for (const value of values) if (typeof value === 'string' && value.trim() !== '') return value;
  return undefined;
}
