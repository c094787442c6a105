/**
 * What the person is typing, and where: every edit of a document since typing there last paused, its
 * span kept in step with the later edits. Diagnostics hold back the findings of a call being written
 * (the core says which calls the edits are writing) until typing there pauses, and the code lens keeps
 * its place over it. Time comes from a `Clock`, so tests drive it instead of waiting.
 */
import type { TextChange, TextSpan } from '@omnichannel-tools/core';

/** How long typing in a call must pause before its findings show. */
export const TYPING_PAUSE_MS = 800;

export interface Clock {
  now(): number;
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

export const SYSTEM_CLOCK: Clock = {
  now: () => performance.now(),
  setTimeout: (fn, ms) => setTimeout(fn, ms),
  clearTimeout: handle => clearTimeout(handle as ReturnType<typeof setTimeout>),
};

/** An edit in the document's current text, and when it was made. */
export interface RecentEdit extends TextSpan {
  readonly at: number;
}

export class EditTracker {
  private readonly edits = new Map<string, RecentEdit[]>();

  /** `pauseMs` 0 holds nothing back (the `typingPauseMs` initialization option). */
  constructor(readonly clock: Clock = SYSTEM_CLOCK, public pauseMs = TYPING_PAUSE_MS) {}

  /** Records the changes of one `didChange`, each relative to the text the previous one produced. */
  record(uri: string, changes: readonly TextChange[]): void {
    if (this.pauseMs <= 0) return;
    const now = this.clock.now();
    let kept = this.recent(uri);
    for (const change of changes) {
      kept = kept.map(e => ({ start: mapOffset(e.start, change), end: mapOffset(e.end, change), at: e.at }));
      kept.push({ start: change.start, end: change.start + change.newText.length, at: now });
    }
    this.edits.set(uri, kept);
  }

  /** The edits made since typing last paused (younger than the pause), in the current text. */
  recent(uri: string): RecentEdit[] {
    const now = this.clock.now();
    const all = this.edits.get(uri) ?? [];
    const young = all.filter(e => now - e.at < this.pauseMs);
    if (young.length !== all.length) {
      if (young.length > 0) this.edits.set(uri, young);
      else this.edits.delete(uri);
    }
    return young;
  }

  /** When the pause after the youngest of `edits` ends, in the clock's time. */
  pauseEnds(edits: readonly RecentEdit[]): number {
    return Math.max(...edits.map(e => e.at)) + this.pauseMs;
  }

  forget(uri: string): void {
    this.edits.delete(uri);
  }
}

/** Where an offset of the text before `change` is in the text after it (inside the replaced span: its end). */
export function mapOffset(offset: number, change: TextChange): number {
  if (offset <= change.start) return offset;
  if (offset >= change.end) return offset + change.newText.length - (change.end - change.start);
  return change.start + change.newText.length;
}

/** The one change that turns `before` into `after` (for a client that sends whole texts): the span between common ends. */
export function changeBetween(before: string, after: string): TextChange {
  let start = 0;
  const shorter = Math.min(before.length, after.length);
  while (start < shorter && before.charCodeAt(start) === after.charCodeAt(start)) start++;
  let tail = 0;
  while (tail < shorter - start && before.charCodeAt(before.length - 1 - tail) === after.charCodeAt(after.length - 1 - tail)) tail++;
  return { start, end: before.length - tail, newText: after.slice(start, after.length - tail) };
}
