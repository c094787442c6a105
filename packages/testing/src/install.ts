/**
 * `installOmnichannel`: a `Microsoft.Omnichannel` and `Microsoft.Apm` for unit tests, running on the
 * simulator engine (the same link rules, seed checking and sample data as the extension's Simulator),
 * with every call recorded and any method made to fail once on demand.
 */
import { readFileSync } from 'node:fs';
import { link, unlink, type RuleOutcome } from './simulator/link-rules';
import { checkSimulatorData, loadSimulatorSeed } from './simulator/seed';
import { SAMPLE_DATA } from './simulator/sample-data';
import type { SimulatorData } from './simulator/types';
import { LINKABLE_STATUSES, type LinkableStatus } from './call-rules/conversation-status';
import { readGuid } from './protocol/guid';
import type { LinkRequest, LinkSuccess } from './protocol/link';

export type DoubleNamespace = 'Microsoft.Omnichannel' | 'Microsoft.Apm';

/** The methods the double implements, by namespace: the ones `failNext` accepts. */
export const DOUBLE_METHODS = {
  'Microsoft.Omnichannel': ['linkToConversation', 'unlinkFromConversation', 'getConversationId'],
  'Microsoft.Apm': ['getFocusedSession', 'getFocusedTab', 'refresh', 'refreshTab'],
} as const;

export type DoubleMethod = (typeof DOUBLE_METHODS)[DoubleNamespace][number];

/**
 * How a call ended: a promise-returning method `resolved` or `rejected`; a synchronous one
 * (`getFocusedSession`, `getFocusedTab`, `refresh`) `returned` or `threw`.
 */
export type CallOutcome =
  | { readonly status: 'resolved'; readonly value: unknown }
  | { readonly status: 'rejected'; readonly error: unknown }
  | { readonly status: 'returned'; readonly value: unknown }
  | { readonly status: 'threw'; readonly error: unknown };

export interface RecordedCall {
  readonly namespace: DoubleNamespace;
  readonly method: DoubleMethod;
  /** The arguments exactly as passed. */
  readonly args: readonly unknown[];
  readonly outcome: CallOutcome;
}

/** A seed in the shape of `.omnichannel/simulator.json` (ids in either case; `customer`, `case`, `records` optional). */
export interface SeedInput {
  readonly focusedConversationId?: string | null;
  readonly conversations: readonly {
    readonly id: string;
    readonly title: string;
    readonly statuscode: number;
    readonly createdOn?: string;
    readonly customer?: { readonly entity: 'account' | 'contact'; readonly id: string } | null;
    readonly case?: { readonly id: string } | null;
  }[];
  readonly records?: {
    readonly account?: readonly { readonly id: string; readonly name: string }[];
    readonly contact?: readonly { readonly id: string; readonly name: string }[];
    readonly incident?: readonly { readonly id: string; readonly name: string }[];
  };
}

export interface InstallOptions {
  /** Where `Microsoft` goes: `globalThis` unless set (a jsdom `window`, or its `window.top`). */
  readonly target?: object;
  /** The state to start from and return to on `reset()`: an object or the path of a JSON file. The built-in sample data unless set. */
  readonly seed?: SeedInput | string;
  /** Which conversations accept links: `active` (statuscode 2, the default) or `open` (statuscode 1, 2, 3, 5). */
  readonly linkableStatus?: LinkableStatus;
}

/** The tab `getFocusedTab()` returns: `refresh()` is what makes a new link visible. */
export interface DoubleTab {
  readonly tabId: string;
  readonly title: string;
  refresh(): void;
}

/** The session `getFocusedSession()` returns: the focused conversation's, or the home session when none is focused. */
export interface DoubleSession {
  readonly sessionId: string;
  readonly title: string;
  readonly isDefault: boolean;
  getFocusedTab(): DoubleTab;
}

/** What is put on the target as `Microsoft`. */
export interface MicrosoftDouble {
  readonly Omnichannel: {
    linkToConversation(entityLogicalName: string, recordId: string, conversationId?: string): Promise<LinkSuccess>;
    unlinkFromConversation(entityLogicalName: string, recordId: string, conversationId?: string): Promise<LinkSuccess>;
    getConversationId(): Promise<string>;
  };
  readonly Apm: {
    getFocusedSession(): DoubleSession;
    refreshTab(tabId: string): Promise<void>;
  };
}

export interface OmnichannelDouble {
  /** The conversations (with their links), the records and the focused conversation, in the shape of `.omnichannel/simulator.json`; a copy. */
  state(): SimulatorData;
  /** Every call so far, in order. */
  readonly calls: readonly RecordedCall[];
  /** The `Microsoft` object that was installed. */
  readonly Microsoft: MicrosoftDouble;
  /** Focuses a conversation (any status, as an agent can), or none with `null`. */
  focus(conversationId: string | null): void;
  /** Back to the seed: state restored, calls cleared, pending `failNext` failures dropped. */
  reset(): void;
  /** The next call of `method` fails with `error` (a promise method rejects, a synchronous one throws); changes no state. */
  failNext(method: DoubleMethod, error: unknown): void;
  /** Puts back whatever `Microsoft` the target had (or none). Calling it again does nothing. */
  uninstall(): void;
}

const INSTALLED = Symbol.for('@omnichannel-tools/testing.installed');
const HOME_SESSION = 'session-home';

export function installOmnichannel(options: InstallOptions = {}): OmnichannelDouble {
  const target = (options.target ?? globalThis) as Record<PropertyKey, unknown>;
  if (target === null || (typeof target !== 'object' && typeof target !== 'function')) {
    throw new TypeError(`installOmnichannel: options.target must be an object such as a jsdom window (got ${target === null ? 'null' : typeof target}).`);
  }
  const existing = target.Microsoft as Record<PropertyKey, unknown> | undefined;
  if (existing && existing[INSTALLED]) {
    throw new Error(
      'installOmnichannel: Microsoft.Omnichannel is already installed on this target by an earlier installOmnichannel() call: '
      + 'call uninstall() on its handle first (for example in afterEach), or reuse that handle and call reset().',
    );
  }
  const mode = options.linkableStatus ?? 'active';
  if (!LINKABLE_STATUSES.includes(mode)) {
    throw new Error(`installOmnichannel: linkableStatus must be ${LINKABLE_STATUSES.map(s => `"${s}"`).join(' or ')} (got ${JSON.stringify(mode)}).`);
  }
  const seed = options.seed === undefined ? SAMPLE_DATA : readSeed(options.seed);

  let state: SimulatorData = seed;
  const calls: RecordedCall[] = [];
  const failures = new Map<DoubleMethod, unknown[]>();

  /** The failure queued for `method`, taken off the queue. */
  function takeFailure(method: DoubleMethod): { error: unknown } | undefined {
    const queue = failures.get(method);
    if (!queue || queue.length === 0) return undefined;
    const error = queue.shift();
    return { error };
  }

  function callAsync<T>(namespace: DoubleNamespace, method: DoubleMethod, args: unknown[], run: () => T): Promise<T> {
    const failure = takeFailure(method);
    let outcome: CallOutcome;
    let result: Promise<T>;
    if (failure) {
      outcome = { status: 'rejected', error: failure.error };
      result = Promise.reject(failure.error);
    } else {
      try {
        const value = run();
        outcome = { status: 'resolved', value };
        result = Promise.resolve(value);
      } catch (error) {
        outcome = { status: 'rejected', error };
        result = Promise.reject(error);
      }
    }
    calls.push({ namespace, method, args, outcome });
    return result;
  }

  function callSync<T>(method: DoubleMethod, args: unknown[], run: () => T): T {
    const failure = takeFailure(method);
    if (failure) {
      calls.push({ namespace: 'Microsoft.Apm', method, args, outcome: { status: 'threw', error: failure.error } });
      throw failure.error;
    }
    const value = run();
    calls.push({ namespace: 'Microsoft.Apm', method, args, outcome: { status: 'returned', value } });
    return value;
  }

  function applyRule(rule: typeof link, args: unknown[]): LinkSuccess {
    const [entityLogicalName, recordId, conversationId] = args;
    const request = { entityLogicalName, recordId, conversationId } as LinkRequest;
    const outcome: RuleOutcome = rule(state, request, mode);
    state = outcome.data;
    return outcome.success;
  }

  function focusedTab(sessionId: string): DoubleTab {
    const tab: DoubleTab = {
      tabId: `${sessionId}-tab-1`,
      title: sessionId === HOME_SESSION ? 'Dashboard' : 'Active conversation',
      refresh: (...args: unknown[]) => callSync('refresh', args, () => undefined),
    };
    return Object.freeze(tab);
  }

  function focusedSession(): DoubleSession {
    const conversation = state.conversations.find(c => c.id === state.focusedConversationId);
    const sessionId = conversation ? `session-${conversation.id}` : HOME_SESSION;
    const session: DoubleSession = {
      sessionId,
      title: conversation ? conversation.title : 'Home',
      isDefault: conversation === undefined,
      getFocusedTab: (...args: unknown[]) => callSync('getFocusedTab', args, () => focusedTab(sessionId)),
    };
    return Object.freeze(session);
  }

  const Omnichannel: MicrosoftDouble['Omnichannel'] = Object.freeze({
    linkToConversation: (...args: unknown[]) => callAsync('Microsoft.Omnichannel', 'linkToConversation', args, () => applyRule(link, args)),
    unlinkFromConversation: (...args: unknown[]) => callAsync('Microsoft.Omnichannel', 'unlinkFromConversation', args, () => applyRule(unlink, args)),
    getConversationId: (...args: unknown[]) =>
      callAsync('Microsoft.Omnichannel', 'getConversationId', args, () => {
        if (state.focusedConversationId === null) throw new Error('No conversation is focused: the agent is on the home session.');
        return state.focusedConversationId;
      }),
  });
  const Apm: MicrosoftDouble['Apm'] = Object.freeze({
    getFocusedSession: (...args: unknown[]) => callSync('getFocusedSession', args, focusedSession),
    refreshTab: (...args: unknown[]) =>
      callAsync('Microsoft.Apm', 'refreshTab', args, () => {
        if (typeof args[0] !== 'string' || args[0] === '') throw new TypeError(`refreshTab: tabId must be a tab id string (got ${describe(args[0])}).`);
        return undefined;
      }),
  });

  // Other members of a pre-existing `Microsoft` stay visible; the original object itself is not touched.
  const installed = Object.freeze({ ...(existing ?? {}), Omnichannel, Apm, [INSTALLED]: true }) as unknown as MicrosoftDouble;
  const before = Object.getOwnPropertyDescriptor(target, 'Microsoft');
  Object.defineProperty(target, 'Microsoft', { value: installed, configurable: true, enumerable: before?.enumerable ?? true, writable: true });

  let uninstalled = false;
  return {
    state: () => structuredClone(state) as SimulatorData,
    calls,
    Microsoft: installed,
    focus(conversationId: string | null): void {
      if (conversationId === null) {
        state = { ...state, focusedConversationId: null };
        return;
      }
      const reading = typeof conversationId === 'string' ? readGuid(conversationId) : undefined;
      const id = reading?.kind === 'guid' ? reading.guid : undefined;
      const conversation = state.conversations.find(c => c.id === id);
      if (!conversation) {
        const known = state.conversations.map(c => `${c.id} (${c.title})`).join(', ');
        throw new Error(`focus: ${describe(conversationId)} is not the id of a conversation in the seed: pass one of ${known || 'none (the seed has no conversations)'}, or null for none.`);
      }
      state = { ...state, focusedConversationId: conversation.id };
    },
    reset(): void {
      state = seed;
      calls.length = 0;
      failures.clear();
    },
    failNext(method: DoubleMethod, error: unknown): void {
      const known: readonly string[] = [...DOUBLE_METHODS['Microsoft.Omnichannel'], ...DOUBLE_METHODS['Microsoft.Apm']];
      if (typeof method !== 'string' || !known.includes(method)) {
        const hint = typeof method === 'string' && method.includes('.') ? ` Pass the method's own name, e.g. "${method.slice(method.lastIndexOf('.') + 1)}".` : '';
        throw new Error(`failNext: ${describe(method)} is not a method of the double: use one of ${known.map(m => `"${m}"`).join(', ')}.${hint}`);
      }
      const queue = failures.get(method) ?? [];
      queue.push(error);
      failures.set(method, queue);
    },
    uninstall(): void {
      if (uninstalled) return;
      uninstalled = true;
      if (before) Object.defineProperty(target, 'Microsoft', before);
      else delete target.Microsoft;
    },
  };
}

/** The seed as the simulator keeps it, or an error naming every field that is wrong. */
function readSeed(seed: SeedInput | string): SimulatorData {
  if (typeof seed === 'string') {
    let text: string;
    try {
      text = readFileSync(seed, 'utf8');
    } catch (error) {
      throw new Error(`installOmnichannel: the seed file "${seed}" cannot be read (${(error as Error).message}): pass the path of a simulator.json file, or the seed object itself.`);
    }
    const loaded = loadSimulatorSeed(text, seed);
    if (loaded.seed) return loaded.seed;
    throw new Error(`installOmnichannel: the seed file is not a valid simulator seed (schema: @omnichannel-tools/testing/schemas/simulator.schema.json):\n${loaded.errors.map(e => `  ${e.text}`).join('\n')}`);
  }
  if (seed === null || typeof seed !== 'object' || Array.isArray(seed)) {
    throw new TypeError(`installOmnichannel: seed must be an object in the shape of .omnichannel/simulator.json, or the path of such a file (got ${describe(seed)}).`);
  }
  const checked = checkSimulatorData(seed);
  if (checked.data) return checked.data;
  throw new Error(`installOmnichannel: the seed is not a valid simulator seed (schema: @omnichannel-tools/testing/schemas/simulator.schema.json):\n${checked.problems.map(p => `  ${p}`).join('\n')}`);
}

function describe(value: unknown): string {
  if (value === undefined) return 'undefined';
  try {
    const text = JSON.stringify(value);
    return text.length > 60 ? `${text.slice(0, 57)}…` : text;
  } catch {
    return String(value);
  }
}
