/**
 * Reading a simulator seed: `.omnichannel/simulator.json` (text, with positions in every message)
 * or an already-parsed value (the saved state). Schema checks come from the shared JSON schema;
 * the checks a schema cannot express (unique ids, links pointing at existing records) live here.
 */
import { createHash } from 'node:crypto';
import schema from '../../schemas/simulator.schema.json';
import { parseJsonFile, problemAt } from '../json/position';
import { formatField, type ConfigProblem } from '../json/problem';
import { schemaIssues, validatorFor, type SchemaIssue } from '../json/validator';
import type { EntityLogicalName } from '../protocol/link';
import type { CustomerEntity, SimulatorConversation, SimulatorData, SimulatorRecord } from './types';

export interface SeedLoadResult {
  /** Present only when the file has no errors: a bad file never yields a half-read seed. */
  readonly seed?: SimulatorData;
  readonly errors: ConfigProblem[];
}

/** Reads the seed file's text; `filePath` is only used in messages. */
export function loadSimulatorSeed(text: string, filePath: string): SeedLoadResult {
  const parsed = parseJsonFile(text, filePath);
  if (parsed.syntaxErrors.length > 0) return { errors: parsed.syntaxErrors };
  const issues = seedIssues(parsed.value);
  if (issues.length > 0) {
    return { errors: issues.map(i => problemAt(parsed, i.segments, i.message, i.key)) };
  }
  return { seed: normaliseSeed(parsed.value as RawSeed), errors: [] };
}

/** Checks a parsed value (e.g. saved state); messages name the field but no position. */
export function checkSimulatorData(value: unknown): { data?: SimulatorData; problems: string[] } {
  const issues = seedIssues(value);
  if (issues.length > 0) {
    return { problems: issues.map(i => `${formatField(i.key === undefined ? i.segments : [...i.segments, i.key]) || '(root)'} ${i.message}`) };
  }
  return { data: normaliseSeed(value as RawSeed), problems: [] };
}

/** A stable fingerprint of a seed, so saved state can tell whether it came from this seed. */
export function seedHash(data: SimulatorData): string {
  return createHash('sha256').update(JSON.stringify(normaliseSeed(data))).digest('hex').slice(0, 16);
}

/** The seed's JSON schema: the file the extension's `jsonValidation` points VS Code at. */
export const SIMULATOR_SCHEMA: object = schema;

function seedIssues(value: unknown): SchemaIssue[] {
  const validate = validatorFor('simulator', schema);
  const issues = schemaIssues(validate, value);
  return issues.length > 0 ? issues : semanticIssues(value as RawSeed);
}

interface RawSeed {
  focusedConversationId?: string | null;
  conversations: {
    id: string;
    title: string;
    statuscode: number;
    createdOn?: string;
    customer?: { entity: CustomerEntity; id: string } | null;
    case?: { id: string } | null;
  }[];
  records?: Partial<Record<EntityLogicalName, { id: string; name: string }[]>>;
}

const TABLES: readonly EntityLogicalName[] = ['account', 'contact', 'incident'];

/** What the schema cannot say: ids unique, and every reference pointing at something that exists. */
function semanticIssues(seed: RawSeed): SchemaIssue[] {
  const issues: SchemaIssue[] = [];
  const conversationIndex = new Map<string, number>();
  seed.conversations.forEach((c, i) => {
    const id = c.id.toLowerCase();
    const first = conversationIndex.get(id);
    if (first === undefined) conversationIndex.set(id, i);
    else issues.push({ segments: ['conversations', i, 'id'], message: `"${c.id}" is already the id of conversations[${first}]: conversation ids must be unique.` });
  });
  const recordIds = new Map<EntityLogicalName, Set<string>>();
  for (const table of TABLES) {
    const seen = new Map<string, number>();
    (seed.records?.[table] ?? []).forEach((r, i) => {
      const id = r.id.toLowerCase();
      const first = seen.get(id);
      if (first === undefined) seen.set(id, i);
      else issues.push({ segments: ['records', table, i, 'id'], message: `"${r.id}" is already the id of records.${table}[${first}]: ids must be unique.` });
    });
    recordIds.set(table, new Set(seen.keys()));
  }
  const focused = seed.focusedConversationId;
  if (typeof focused === 'string' && !conversationIndex.has(focused.toLowerCase())) {
    issues.push({ segments: ['focusedConversationId'], message: `"${focused}" is not the id of any conversation: use one of the ids under "conversations", or null for no focused conversation.` });
  }
  seed.conversations.forEach((c, i) => {
    if (c.customer && !recordIds.get(c.customer.entity)?.has(c.customer.id.toLowerCase())) {
      issues.push({ segments: ['conversations', i, 'customer', 'id'], message: missingRecord(c.customer.entity, c.customer.id) });
    }
    if (c.case && !recordIds.get('incident')?.has(c.case.id.toLowerCase())) {
      issues.push({ segments: ['conversations', i, 'case', 'id'], message: missingRecord('incident', c.case.id) });
    }
  });
  return issues;
}

function missingRecord(table: EntityLogicalName, id: string): string {
  return `"${id}" is not among records.${table}: add { "id": "${id}", "name": "…" } to records.${table}, or link a record that is listed there.`;
}

/** Fills the optional parts and lower-cases every id (GUIDs compare case-insensitively). */
function normaliseSeed(seed: RawSeed | SimulatorData): SimulatorData {
  const conversations: SimulatorConversation[] = seed.conversations.map(c => ({
    id: c.id.toLowerCase(),
    title: c.title,
    statuscode: c.statuscode,
    ...(c.createdOn === undefined ? {} : { createdOn: c.createdOn }),
    customer: c.customer ? { entity: c.customer.entity, id: c.customer.id.toLowerCase() } : null,
    case: c.case ? { id: c.case.id.toLowerCase() } : null,
  }));
  const records = {} as Record<EntityLogicalName, SimulatorRecord[]>;
  for (const table of TABLES) records[table] = (seed.records?.[table] ?? []).map(r => ({ id: r.id.toLowerCase(), name: r.name }));
  return { focusedConversationId: seed.focusedConversationId?.toLowerCase() ?? null, conversations, records };
}
