/**
 * The embedded link backend: applies the documented link rules (the engine in
 * `@omnichannel-tools/testing/simulator`, which `installOmnichannel` runs too) to an in-memory set of
 * conversations and records, keeps the result in a `SimulatorStore` across reloads, and tells listeners
 * (the panel) after every change.
 */
import {
  checkSimulatorData,
  isLinkable,
  link,
  recordName,
  seedHash,
  statusLabel,
  unlink,
  type LinkableStatus,
  type RuleOutcome,
  type SimulatorConversation,
  type SimulatorData,
} from '@omnichannel-tools/testing/simulator';
import { checkGuid } from '@omnichannel-tools/testing/call-rules';
import { LinkError, type ConversationSummary, type EntityLogicalName, type LinkRequest, type LinkSuccess, type RecordRef } from '../../protocol/link';
import type { CallOptions, LinkBackend, RecordDirectory, RecordSummary, SearchOptions } from '../types';
import { Emitter, type Disposable } from './emitter';
import { tooDeepAt, tooDeepMessage } from '@omnichannel-tools/testing/json';
import type { SimulatorStore } from './store';

export interface SimulatorOptions {
  /** What the simulator starts from and returns to on reset. */
  readonly seed: SimulatorData;
  /** Keeps the state across reloads; without one the state lives for the session only. */
  readonly store?: SimulatorStore;
  /** Which conversations accept links; `active` (statuscode 2) unless set. */
  readonly linkableStatus?: LinkableStatus;
  /** The clock, for the saved state's time stamp. */
  readonly now?: () => Date;
}

export interface SimulatorChange {
  readonly reason: 'restore' | 'link' | 'unlink' | 'focus' | 'reset' | 'seed' | 'linkableStatus';
  readonly state: SimulatorData;
}

/** How the simulator started: from its saved state, or from the seed (with the reason when that is news). */
export interface RestoreReport {
  readonly source: 'saved' | 'seed';
  /** Set when saved state existed but was not used (corrupt, from another seed). */
  readonly message?: string;
}

/** The saved file's shape. `seedHash` ties the state to the seed it grew from. */
interface SavedState {
  readonly version: 1;
  readonly seedHash: string;
  readonly savedAt: string;
  readonly state: SimulatorData;
}

export class Simulator implements LinkBackend, RecordDirectory {
  readonly name = 'Simulator';
  readonly kind = 'simulator' as const;
  /** Settles (never rejects) once saved state has been restored; every call waits for it. */
  readonly ready: Promise<RestoreReport>;

  private seed: SimulatorData;
  private seedId: string;
  private state: SimulatorData;
  private mode: LinkableStatus;
  private readonly store: SimulatorStore | undefined;
  private readonly now: () => Date;
  private readonly changes = new Emitter<SimulatorChange>();
  private readonly saveFailures = new Emitter<string>();

  /** Fired after every state change, once the change is in memory. */
  readonly onDidChange: (listener: (change: SimulatorChange) => void) => Disposable = this.changes.event;
  /** Fired with a readable message when the state could not be saved (the change itself stands). */
  readonly onDidFailToSave: (listener: (message: string) => void) => Disposable = this.saveFailures.event;

  constructor(options: SimulatorOptions) {
    this.seed = options.seed;
    this.seedId = seedHash(options.seed);
    this.state = options.seed;
    this.mode = options.linkableStatus ?? 'active';
    this.store = options.store;
    this.now = options.now ?? (() => new Date());
    this.ready = this.restore();
  }

  get linkableStatus(): LinkableStatus {
    return this.mode;
  }

  /** The current conversations, records and focus (a snapshot; never mutated in place). */
  getState(): SimulatorData {
    return this.state;
  }

  setLinkableStatus(mode: LinkableStatus): void {
    if (mode === this.mode) return;
    this.mode = mode;
    this.changes.fire({ reason: 'linkableStatus', state: this.state });
  }

  async listConversations(options?: CallOptions): Promise<ConversationSummary[]> {
    await this.enter(options);
    // Every conversation, closed ones too, so the not-active rule can be tried; `linkable` tells them apart.
    return this.state.conversations.map(c => this.summarise(c));
  }

  async getConversation(conversationId: string, options?: CallOptions): Promise<ConversationSummary> {
    await this.enter(options);
    return this.summarise(this.conversationById(conversationId));
  }

  async link(request: LinkRequest, options?: CallOptions): Promise<LinkSuccess> {
    await this.enter(options, 'linkToConversation');
    return this.apply(link(this.state, request, this.mode), 'link');
  }

  async unlink(request: LinkRequest, options?: CallOptions): Promise<LinkSuccess> {
    await this.enter(options, 'unlinkFromConversation');
    return this.apply(unlink(this.state, request, this.mode), 'unlink');
  }

  /** Name contains `text` (case-insensitive), or id starts with it (braces and case ignored). */
  async findRecords(entityLogicalName: EntityLogicalName, text: string, options?: CallOptions & { top?: number }): Promise<RecordRef[]> {
    await this.enter(options);
    const needle = text.trim().toLowerCase();
    const idNeedle = needle.replace(/^\{/, '').replace(/\}$/, '');
    const top = options?.top ?? 20;
    const records = this.state.records[entityLogicalName] ?? [];
    return records
      .filter(r => r.name.toLowerCase().includes(needle) || (idNeedle !== '' && r.id.startsWith(idNeedle)))
      .slice(0, Math.max(0, top))
      .map(r => ({ entityLogicalName, id: r.id, name: r.name }));
  }

  /** Completion and hover of ids: the same matching as `findRecords` (the simulator keeps no record state). */
  async searchRecords(entityLogicalName: EntityLogicalName, text: string, options?: SearchOptions): Promise<RecordSummary[]> {
    return this.findRecords(entityLogicalName, text, options);
  }

  async getRecord(entityLogicalName: EntityLogicalName, id: string, options?: CallOptions): Promise<RecordSummary | undefined> {
    await this.enter(options);
    const wanted = id.trim().toLowerCase();
    const record = (this.state.records[entityLogicalName] ?? []).find(r => r.id === wanted);
    return record && { entityLogicalName, id: record.id, name: record.name };
  }

  /** Every conversation (closed ones too, as the list shows them) whose title, customer or case contains `text`, or whose id starts with it. */
  async searchConversations(text: string, options?: SearchOptions): Promise<ConversationSummary[]> {
    await this.enter(options);
    const needle = text.trim().toLowerCase();
    return this.state.conversations
      .map(c => this.summarise(c))
      .filter(c => [c.title, c.customer?.name, c.case?.name].some(t => t?.toLowerCase().includes(needle)) || (needle !== '' && c.id.startsWith(needle)))
      .slice(0, Math.max(0, options?.top ?? 20));
  }

  /** Focuses a conversation (any status: an agent can focus a closed one), or none with null. */
  async setFocusedConversation(conversationId: string | null): Promise<void> {
    await this.ready;
    const id = conversationId === null ? null : this.conversationById(conversationId).id;
    if (id === this.state.focusedConversationId) return;
    await this.commit({ ...this.state, focusedConversationId: id }, 'focus');
  }

  /** Restores the seed, dropping every change made since. */
  async reset(): Promise<void> {
    await this.ready;
    await this.commit(this.seed, 'reset');
  }

  /**
   * Replaces the seed (the seed file was edited). A different seed restarts from it, as a reload
   * would; the same seed keeps the current state. Returns whether the state was replaced.
   */
  async setSeed(seed: SimulatorData): Promise<boolean> {
    await this.ready;
    const id = seedHash(seed);
    if (id === this.seedId) return false;
    this.seed = seed;
    this.seedId = id;
    await this.commit(seed, 'seed');
    return true;
  }

  dispose(): void {
    this.changes.dispose();
    this.saveFailures.dispose();
  }

  private async enter(options: CallOptions | undefined, fn: 'linkToConversation' | 'unlinkFromConversation' = 'linkToConversation'): Promise<void> {
    await this.ready;
    if (options?.signal?.aborted) throw new LinkError(fn, 'cancelled', 'The call was cancelled before it ran.');
  }

  private async apply(outcome: RuleOutcome, reason: 'link' | 'unlink'): Promise<LinkSuccess> {
    if (outcome.changed) await this.commit(outcome.data, reason);
    return outcome.success;
  }

  /** Makes `state` current, tells listeners, then waits until it is saved. */
  private async commit(state: SimulatorData, reason: SimulatorChange['reason']): Promise<void> {
    this.state = state;
    this.changes.fire({ reason, state });
    if (!this.store) return;
    const saved: SavedState = { version: 1, seedHash: this.seedId, savedAt: this.now().toISOString(), state };
    try {
      await this.store.save(`${JSON.stringify(saved, null, 2)}\n`);
    } catch (error) {
      this.saveFailures.fire(`The simulator's state could not be saved (${(error as Error).message}): changes are kept until the window closes.`);
    }
  }

  private async restore(): Promise<RestoreReport> {
    if (!this.store) return { source: 'seed' };
    let text: string | undefined;
    try {
      text = await this.store.load();
    } catch (error) {
      return { source: 'seed', message: `The simulator's saved state could not be read (${(error as Error).message}): starting from the seed.` };
    }
    if (text === undefined) return { source: 'seed' };
    let saved: SavedState | string;
    try {
      saved = readSaved(text);
    } catch (error) {
      // Whatever is wrong with the file, the simulator must still start: every call waits for this.
      saved = `unreadable: ${(error as Error).message}`;
    }
    if (typeof saved === 'string') return { source: 'seed', message: `The simulator's saved state is damaged (${saved}): starting from the seed.` };
    if (saved.seedHash !== this.seedId) {
      return { source: 'seed', message: 'The simulator seed changed since the state was saved: starting from the new seed.' };
    }
    this.state = saved.state;
    this.changes.fire({ reason: 'restore', state: this.state });
    return { source: 'saved' };
  }

  private conversationById(conversationId: string): SimulatorConversation {
    const id = checkGuid('linkToConversation', conversationId, 'conversationId');
    const conversation = this.state.conversations.find(c => c.id === id);
    if (!conversation) {
      throw new LinkError('linkToConversation', 'conversation-not-found', `No conversation with id "${id}" exists in the simulator.`);
    }
    return conversation;
  }

  private summarise(c: SimulatorConversation): ConversationSummary {
    const customerName = c.customer ? recordName(this.state, c.customer.entity, c.customer.id) : undefined;
    const caseName = c.case ? recordName(this.state, 'incident', c.case.id) : undefined;
    return {
      id: c.id,
      title: c.title,
      statuscode: c.statuscode,
      statusLabel: statusLabel(c.statuscode),
      linkable: isLinkable(c.statuscode, this.mode),
      focused: c.id === this.state.focusedConversationId,
      ...(c.createdOn === undefined ? {} : { createdOn: c.createdOn }),
      customer: c.customer ? { entityLogicalName: c.customer.entity, id: c.customer.id, ...(customerName === undefined ? {} : { name: customerName }) } : null,
      case: c.case ? { entityLogicalName: 'incident', id: c.case.id, ...(caseName === undefined ? {} : { name: caseName }) } : null,
    };
  }
}

/** The saved state, or a short reason it cannot be used. */
function readSaved(text: string): SavedState | string {
  const deep = tooDeepAt(text);
  if (deep) return tooDeepMessage(`at line ${deep.line}, column ${deep.column}`);
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return 'not valid JSON';
  }
  const saved = value as Partial<SavedState> | null;
  if (saved === null || typeof saved !== 'object' || saved.version !== 1 || typeof saved.seedHash !== 'string') {
    return 'unknown format';
  }
  const checked = checkSimulatorData(saved.state);
  if (!checked.data) return checked.problems[0] ?? 'invalid state';
  return { version: 1, seedHash: saved.seedHash, savedAt: typeof saved.savedAt === 'string' ? saved.savedAt : '', state: checked.data };
}
