/**
 * Builds simulator data (`.omnichannel/simulator.json`) from a real environment: its open conversations
 * (the agent's own or all, as `omnichannel.conversations.scope` says), the accounts, contacts and cases
 * they link, and a small fixed sample of each table so there is something to link. Reads only, through
 * the same Dataverse client as every call (token, host policy, throttling, 401 refresh, size bound).
 * The result is checked against the simulator schema before anyone writes it. No `vscode` import.
 *
 * Conversation data is personal data: by default every account and contact name, and every conversation
 * title (which usually is the customer's name), is replaced with a placeholder; case titles are kept.
 */
import { DATAVERSE } from '@omnichannel-tools/core/catalogue';
import { loadSimulatorSeed, SEED_FILE, type SimulatorConversation, type SimulatorData, type SimulatorRecord } from '@omnichannel-tools/testing/simulator';
import type { EntityLogicalName, ConversationSummary } from '../protocol/link';
import type { CallOptions } from '../backends/types';
import { DataverseClient, type ApiRequest, type DataverseClientOptions } from '../backends/dataverse/client';
import { DataverseFailure } from '../backends/dataverse/failure';
import * as q from '../backends/dataverse/queries';
import { readConversation, readRecords, readUserId } from '../backends/dataverse/rows';

/** Records read of each table besides the linked ones. */
export const SAMPLE_SIZE = 10;
/** Open conversations read at most, newest first. */
export const MAX_CONVERSATIONS = 50;

export interface SeedFromEnvironmentOptions extends DataverseClientOptions {
  readonly conversationScope: 'mine' | 'all';
  /** Keep real account and contact names and conversation titles (default: placeholders). */
  readonly keepNames?: boolean;
}

export interface SeedFromEnvironmentResult {
  readonly data: SimulatorData;
  /** The file's text, schema-checked. */
  readonly text: string;
  /** Sentences about what was left out (a link to a record that no longer exists). */
  readonly notes: readonly string[];
}

const TABLES: readonly EntityLogicalName[] = ['account', 'contact', 'incident'];

export async function seedFromEnvironment(options: SeedFromEnvironmentOptions, call: CallOptions = {}): Promise<SeedFromEnvironmentResult> {
  const client = new DataverseClient(options);
  const env = options.name;
  const progress = (message: string) => call.onProgress?.(message);
  try {
    progress('Reading conversations…');
    const agent = options.conversationScope === 'all' ? undefined : readUserId((await client.send(q.whoAmI(), call)).json, env);
    const list = q.listConversations(agent);
    const response = await client.send({ ...list, query: `${list.query ?? ''}&$top=${MAX_CONVERSATIONS}` }, call);
    const rows = readRowsOf(response.json, env);
    // Every status code is linkable here: the simulator applies its own rule when it runs.
    const conversations = rows.map(row => readConversation(row, env, [1, 2, 3, 4, 5, 6, 7]));

    const records: Record<EntityLogicalName, Map<string, string>> = { account: new Map(), contact: new Map(), incident: new Map() };
    const notes: string[] = [];
    progress('Reading linked records…');
    const linked = new Map<string, { entity: EntityLogicalName; id: string }>();
    for (const c of conversations) {
      for (const ref of [c.customer, c.case]) if (ref) linked.set(`${ref.entityLogicalName}:${ref.id}`, { entity: ref.entityLogicalName, id: ref.id });
    }
    const missing = new Set<string>();
    for (const { entity, id } of linked.values()) {
      const name = await readRecordName(client, entity, id, call);
      if (name === undefined) missing.add(`${entity}:${id}`);
      else records[entity].set(id, name);
    }
    for (const entity of TABLES) {
      progress(`Reading a sample of ${RECORD_SETS[entity]}…`);
      const table = q.RECORD_TABLES[entity];
      const sample = await client.send({ method: 'GET', path: table.set, query: `$select=${table.key},${table.name}&$top=${SAMPLE_SIZE}` }, call);
      for (const record of readRecords(sample.json, env, entity)) if (!records[entity].has(record.id)) records[entity].set(record.id, record.name ?? '');
    }

    const seedConversations = conversations.map((c, i) => toSeedConversation(c, i, options.keepNames === true, missing, notes));
    const data: SimulatorData = {
      focusedConversationId: seedConversations.find(c => c.statuscode === 2)?.id ?? null,
      conversations: seedConversations,
      records: {
        account: toRecords(records.account, 'Account', options.keepNames === true),
        contact: toRecords(records.contact, 'Contact', options.keepNames === true),
        // Case titles describe the problem, not the person: kept.
        incident: toRecords(records.incident, 'Case', true),
      },
    };
    const text = `${JSON.stringify(data, null, 2)}\n`;
    const checked = loadSimulatorSeed(text, SEED_FILE);
    if (!checked.seed) throw new Error(`The data read from ${env} does not make a valid simulator seed: ${checked.errors.map(e => e.text).join(' ')}`);
    return { data, text, notes };
  } catch (error) {
    throw explain(error, env);
  }
}

const RECORD_SETS: Record<EntityLogicalName, string> = { account: 'accounts', contact: 'contacts', incident: 'cases' };

/** One record's primary name by id; undefined when it no longer exists (404). */
async function readRecordName(client: DataverseClient, entity: EntityLogicalName, id: string, call: CallOptions): Promise<string | undefined> {
  const table = q.RECORD_TABLES[entity];
  const request: ApiRequest = { method: 'GET', path: `${table.set}(${id})`, query: `$select=${table.key},${table.name}` };
  try {
    const response = await client.send(request, call);
    const row = response.json as Record<string, unknown> | undefined;
    const name = row?.[table.name];
    return typeof name === 'string' ? name : '';
  } catch (error) {
    if (error instanceof DataverseFailure && error.kind === 'http' && error.status === 404) return undefined;
    throw error;
  }
}

function readRowsOf(json: unknown, env: string): Record<string, unknown>[] {
  const value = (json as { value?: unknown } | undefined)?.value;
  if (!Array.isArray(value)) throw new DataverseFailure('bad-response', `${env} sent the conversation list in an unexpected shape.`);
  return value as Record<string, unknown>[];
}

function toSeedConversation(c: ConversationSummary, index: number, keepNames: boolean, missing: ReadonlySet<string>, notes: string[]): SimulatorConversation {
  const customerMissing = c.customer !== null && missing.has(`${c.customer.entityLogicalName}:${c.customer.id}`);
  const caseMissing = c.case !== null && missing.has(`incident:${c.case.id}`);
  if (customerMissing) notes.push(`Conversation ${c.id} links ${c.customer!.entityLogicalName} ${c.customer!.id}, which no longer exists: left unlinked.`);
  if (caseMissing) notes.push(`Conversation ${c.id} links case ${c.case!.id}, which no longer exists: left unlinked.`);
  const customer = c.customer && !customerMissing && (c.customer.entityLogicalName === 'account' || c.customer.entityLogicalName === 'contact')
    ? { entity: c.customer.entityLogicalName, id: c.customer.id }
    : null;
  return {
    id: c.id,
    title: keepNames ? c.title : `Conversation ${index + 1}`,
    statuscode: c.statuscode,
    ...(c.createdOn !== undefined && ISO.test(c.createdOn) ? { createdOn: c.createdOn } : {}),
    customer,
    case: c.case && !caseMissing ? { id: c.case.id } : null,
  };
}

const ISO = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;

function toRecords(records: ReadonlyMap<string, string>, placeholder: string, keep: boolean): SimulatorRecord[] {
  return [...records].map(([id, name], i) => ({ id, name: keep && name.trim() !== '' ? name : `${placeholder} ${i + 1}` }));
}

/** A sentence naming the environment and what to do, for any failure on the way. */
function explain(error: unknown, env: string): Error {
  if (!(error instanceof DataverseFailure)) return error instanceof Error ? error : new Error(String(error));
  switch (error.kind) {
    case 'token':
      return new Error(`${error.message} Sign in, then run the command again.`);
    case 'unauthorized':
      return new Error(`${env} did not accept your sign-in (HTTP 401), even with a fresh token. Sign in again, then run the command again: nothing was written.`);
    case 'http':
      if (error.status === 403) return new Error(`You may not read ${DATAVERSE.conversationEntitySet} or the linked tables in ${env} (HTTP 403: ${error.message}). Ask for a role with Read on Conversation, Account, Contact and Case: nothing was written.`);
      return new Error(`${env} answered HTTP ${error.status ?? '?'}: ${error.message} Nothing was written.`);
    default:
      return new Error(`${error.message} Nothing was written.`);
  }
}
