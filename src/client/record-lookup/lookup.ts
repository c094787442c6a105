/**
 * Answers the language server's `omnichannel/lookupIds` from the active environment: the Simulator's
 * records and conversations, or a real environment's, searched on its side as the user types. No `vscode`
 * import. Answers are kept briefly per environment and question, so typing back and forth or hovering
 * the same id again does not ask the environment again.
 *
 * A real environment is asked only once signed in during this session: completion and hover never start
 * a sign-in (no prompt while typing). Until then the answer carries a notice the server shows as one
 * completion entry that runs the sign-in command. Any failure (network, throttling, an untrusted
 * workspace) resolves to `null`: no items, nothing shown.
 */
import { ENTITIES } from '@omnichannel-tools/core/catalogue';
import type { LookupIdsParams, LookupIdsResult, LookupItem, LookupRole } from '../../protocol/lookup';
import { readGuid } from '../../protocol/guid';
import type { EntityLogicalName } from '../../protocol/link';
import { isLinkError } from '../../protocol/link';
import { isRecordDirectory, type LinkBackend, type RecordDirectory } from '../../backends/types';
import { conversationItem, recordItem } from './labels';

export interface LookupEnvironment {
  readonly name: string;
  readonly kind: 'simulator' | 'dataverse';
}

export interface IdLookupOptions<E extends LookupEnvironment = LookupEnvironment> {
  /** The active environment, read on every request. */
  environment(): E;
  /** Its backend (created on first use). */
  backend(environment: E): Promise<LinkBackend>;
  /** Whether a real environment has a token from this session, so asking it prompts for nothing. */
  signedIn(environment: E): boolean;
  /** How long an answer is reused (default 30 s). */
  readonly cacheMs?: number;
  /** Items per answer (default 10). */
  readonly top?: number;
  readonly now?: () => number;
  /** Hears about failures, which are otherwise silent (the extension's log). */
  readonly log?: (line: string) => void;
}

export const SIGN_IN_COMMAND = 'omnichannel.signIn';

const ENTITY_NAMES = ENTITIES.map(e => e.logicalName) as EntityLogicalName[];

export class IdLookup<E extends LookupEnvironment = LookupEnvironment> {
  private readonly cache = new Map<string, { at: number; answer: Promise<LookupIdsResult | null> }>();

  constructor(private readonly options: IdLookupOptions<E>) {}

  /** Forgets every kept answer (the simulator's data or the sign-in changed). */
  clear(): void {
    this.cache.clear();
  }

  /** The answer to one request; `params` comes from another process and is checked here. */
  async lookup(params: unknown, signal?: AbortSignal): Promise<LookupIdsResult | null> {
    const question = readParams(params);
    if (!question) return null;
    const environment = this.options.environment();
    if (environment.kind === 'dataverse' && !this.options.signedIn(environment)) {
      return { environment: environment.name, items: [], notice: { title: `Sign in to ${environment.name} to look up records`, command: SIGN_IN_COMMAND, arguments: [environment.name] } };
    }
    if (question.kind === 'resolve') {
      const reading = readGuid(question.id);
      if (reading.kind !== 'guid') return { environment: environment.name, items: [], notAnId: true };
    }
    const key = `${environment.name}\n${JSON.stringify(question)}`;
    const now = (this.options.now ?? Date.now)();
    const kept = this.cache.get(key);
    if (kept && now - kept.at < (this.options.cacheMs ?? 30_000)) return kept.answer;
    // The Simulator answers from memory: it finishes even when the server gave up waiting (its first answer
    // loads the simulator), so the next keystroke finds it kept. A real environment's request is cancelled.
    const answer = this.ask(environment, question, environment.kind === 'simulator' ? undefined : signal);
    this.cache.set(key, { at: now, answer });
    const result = await answer;
    if (result === null && this.cache.get(key)?.answer === answer) this.cache.delete(key);
    return result;
  }

  private async ask(environment: E, question: LookupIdsParams, signal: AbortSignal | undefined): Promise<LookupIdsResult | null> {
    try {
      const backend = await this.options.backend(environment);
      if (!isRecordDirectory(backend)) return null;
      const entities = entitiesFor(question.entityLogicalName);
      const top = this.options.top ?? 10;
      const call = { ...(signal ? { signal } : {}) };
      let items: LookupItem[];
      if (question.kind === 'search' && question.role === 'conversation') {
        items = (await backend.searchConversations(question.text, { ...call, top })).map(conversationItem);
      } else if (question.kind === 'search') {
        const each = Math.max(1, Math.ceil(top / entities.length));
        const found = await Promise.all(entities.map(entity => backend.searchRecords(entity, question.text, { ...call, top: each })));
        items = found.flat().map(recordItem);
      } else {
        const id = (readGuid(question.id) as { guid: string }).guid;
        items = question.role === 'conversation' ? await this.conversation(backend, id, signal) : await this.record(backend, entities, id, signal);
      }
      return { environment: environment.name, items };
    } catch (error) {
      if (!signal?.aborted) this.options.log?.(`Looking up ${question.role}s in ${environment.name} failed: ${error instanceof Error ? error.message : String(error)}`);
      return null;
    }
  }

  private async record(backend: RecordDirectory, entities: readonly EntityLogicalName[], id: string, signal: AbortSignal | undefined): Promise<LookupItem[]> {
    for (const entity of entities) {
      const record = await backend.getRecord(entity, id, signal ? { signal } : {});
      if (record) return [recordItem(record)];
    }
    return [];
  }

  private async conversation(backend: LinkBackend, id: string, signal: AbortSignal | undefined): Promise<LookupItem[]> {
    try {
      return [conversationItem(await backend.getConversation(id, signal ? { signal } : {}))];
    } catch (error) {
      if (isLinkError(error) && error.code === 'conversation-not-found') return [];
      throw error;
    }
  }
}

/** The entity the first argument names, when it is exactly one the API accepts; else all three. */
function entitiesFor(name: string | undefined): EntityLogicalName[] {
  return name !== undefined && (ENTITY_NAMES as string[]).includes(name) ? [name as EntityLogicalName] : ENTITY_NAMES;
}

function readParams(value: unknown): LookupIdsParams | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const p = value as Record<string, unknown>;
  const role = p['role'];
  if (role !== 'record' && role !== 'conversation') return undefined;
  const entity = typeof p['entityLogicalName'] === 'string' ? { entityLogicalName: p['entityLogicalName'] } : {};
  const text = (key: string): string | undefined => (typeof p[key] === 'string' ? (p[key] as string).slice(0, 200) : undefined);
  if (p['kind'] === 'search' && text('text') !== undefined) return { kind: 'search', role: role as LookupRole, ...entity, text: text('text')! };
  if (p['kind'] === 'resolve' && text('id') !== undefined) return { kind: 'resolve', role: role as LookupRole, ...entity, id: text('id')! };
  return undefined;
}
