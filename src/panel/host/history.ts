/**
 * The panel's call history: newest first, capped, kept by the host (not the webview, whose storage is
 * lost when the view is disposed) in a `Memento` such as `context.workspaceState`.
 */
import type { HistoryEntry } from '../../protocol/link';

/** What the panel needs from a history. */
export interface HistoryStore {
  /** Newest first. */
  list(): readonly HistoryEntry[];
  add(entry: HistoryEntry): Promise<void>;
  clear(): Promise<void>;
}

/** The part of `vscode.Memento` used here, so this module needs no `vscode` import. */
export interface MementoLike {
  get<T>(key: string): T | undefined;
  update(key: string, value: unknown): PromiseLike<void>;
}

export const HISTORY_KEY = 'omnichannel.panel.history';
const HISTORY_CAP = 50;

/** A history stored under one key of a memento; unreadable stored data counts as empty, never a crash. */
export function createMementoHistory(memento: MementoLike, key = HISTORY_KEY, cap = HISTORY_CAP): HistoryStore {
  const read = (): HistoryEntry[] => {
    const stored = memento.get<unknown>(key);
    return Array.isArray(stored) ? stored.filter(isEntry) : [];
  };
  return {
    list: read,
    async add(entry) {
      await memento.update(key, [entry, ...read()].slice(0, cap));
    },
    async clear() {
      await memento.update(key, []);
    },
  };
}

/** A history kept in memory only (tests, or when no storage is available). */
export function createMemoryHistory(cap = HISTORY_CAP): HistoryStore {
  const values = new Map<string, unknown>();
  return createMementoHistory(
    { get: <T>(k: string) => values.get(k) as T | undefined, update: async (k, v) => { values.set(k, v); } },
    HISTORY_KEY,
    cap,
  );
}

function isEntry(value: unknown): value is HistoryEntry {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Partial<HistoryEntry>;
  return typeof v.id === 'string' && typeof v.at === 'string' && typeof v.method === 'string'
    && typeof v.request === 'object' && v.request !== null && typeof v.outcome === 'object' && v.outcome !== null;
}
