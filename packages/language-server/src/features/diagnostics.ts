/**
 * Publishes diagnostics when a document opens or changes. Changes arriving together are coalesced
 * (validation runs once the pending messages are handled), without a timer a test must wait out.
 * A file above `omnichannel.maxFileSize`, or one the parser cannot take, gets no diagnostics and a
 * message saying why and what to do: once per document, and one for all the files a batch finds too large.
 *
 * A call being written (see `callsBeingWritten`) gets none of its findings while the person types in it:
 * they are published again once typing there has paused (`TYPING_PAUSE_MS` after the last edit in it),
 * on the tracker's clock. A call nobody is editing is reported at once.
 */
import { MessageType } from 'vscode-languageserver/node';
import { callsBeingWritten, type Finding, type OmnichannelDocument } from '@omnichannel-tools/core';
import { isTooLarge } from '../analysis';
import type { ServerContext } from '../context';
import { toDiagnostic } from '../convert';
import { describeError } from '../guard';
import type { EditTracker } from '../typing';
import { refreshCodeLenses } from './code-lens';

export interface Diagnostics {
  /** Validates every open document again (after a configuration change). */
  revalidateAll(): void;
}

export function registerDiagnostics(ctx: ServerContext): Diagnostics {
  const pending = new Set<string>();
  const toldTooLarge = new Set<string>();
  const toldUnparsable = new Set<string>();
  let scheduled = false;
  const pauseTimers = new Map<string, unknown>();
  const clock = ctx.typing.clock;

  /** Validates `uri` again when the pause after the edits holding its findings back ends. */
  const wakeAt = (uri: string, time: number): void => {
    const previous = pauseTimers.get(uri);
    if (previous !== undefined) clock.clearTimeout(previous);
    pauseTimers.set(uri, clock.setTimeout(() => {
      pauseTimers.delete(uri);
      schedule(uri);
      // The code lens kept its place over the call while it was written: it may change now.
      refreshCodeLenses(ctx);
    }, Math.max(0, time - clock.now())));
  };

  const schedule = (uri: string): void => {
    pending.add(uri);
    if (scheduled) return;
    scheduled = true;
    setImmediate(() => {
      scheduled = false;
      const uris = [...pending];
      pending.clear();
      void validateAll(uris);
    });
  };

  // Lowering the setting with 200 files open finds them all at once: one message, not 200.
  const validateAll = async (uris: readonly string[]): Promise<void> => {
    const tooLarge = (await Promise.all(uris.map(validate))).filter((t): t is TooLarge => t !== undefined);
    if (tooLarge.length > 0) void ctx.connection.sendNotification('window/showMessage', { type: MessageType.Info, message: tooLargeMessage(tooLarge) });
  };

  /** Publishes one document's diagnostics; says so when it is newly found too large to analyse. */
  const validate = async (uri: string): Promise<TooLarge | undefined> => {
    try {
      const settings = await ctx.settings.get(uri);
      const entry = ctx.documents.get(uri);
      if (!entry) return undefined;
      if (isTooLarge(entry, settings.analyzer)) {
        await ctx.connection.sendDiagnostics({ uri, version: entry.version, diagnostics: [] });
        if (toldTooLarge.has(uri)) return undefined;
        toldTooLarge.add(uri);
        return { uri, length: entry.doc.text.length, max: settings.analyzer.maxFileSize };
      }
      const result = ctx.analyses.get(entry, settings.analyzer);
      const { shown, wake } = withoutCallsBeingWritten(entry.doc, result?.findings ?? [], ctx.typing, uri);
      if (wake !== undefined) wakeAt(uri, wake);
      const diagnostics = shown.map(f => toDiagnostic(entry.doc, f));
      await ctx.connection.sendDiagnostics({ uri, version: entry.version, diagnostics });
    } catch (error) {
      ctx.log.error(`Diagnostics for ${uri} failed: ${describeError(error)}`);
    }
    return undefined;
  };

  ctx.documents.onDidChange(entry => schedule(entry.uri));
  ctx.documents.onParseFailure((uri, version, error) => {
    // Stale diagnostics would point into text that no longer exists: clear them and say why, in the log
    // each time and to the user once (an empty Problems list alone reads as "all good").
    ctx.log.error(`Cannot parse ${uri} (version ${version}); it is not analysed until it changes. ${describeError(error)}`);
    void ctx.connection.sendDiagnostics({ uri, version, diagnostics: [] });
    if (!toldUnparsable.has(uri)) {
      toldUnparsable.add(uri);
      void ctx.connection.sendNotification('window/showMessage', { type: MessageType.Info, message: unparsableMessage(uri, error) });
    }
  });
  ctx.documents.onDidClose(uri => {
    pending.delete(uri);
    const timer = pauseTimers.get(uri);
    if (timer !== undefined) clock.clearTimeout(timer);
    pauseTimers.delete(uri);
    ctx.typing.forget(uri);
    toldTooLarge.delete(uri);
    toldUnparsable.delete(uri);
    ctx.analyses.forget(uri);
    ctx.settings.forget(uri);
    void ctx.connection.sendDiagnostics({ uri, diagnostics: [] });
  });

  return {
    revalidateAll: () => {
      for (const entry of ctx.documents.all()) schedule(entry.uri);
    },
  };
}

/**
 * The findings to publish now: those outside every call being written. `wake` is when the earliest
 * held call's pause ends (undefined when nothing is held).
 */
export function withoutCallsBeingWritten(
  doc: OmnichannelDocument, findings: readonly Finding[], typing: EditTracker, uri: string,
): { shown: readonly Finding[]; wake?: number } {
  const recent = typing.recent(uri);
  if (recent.length === 0 || findings.length === 0) return { shown: findings };
  const writing = callsBeingWritten(doc, recent);
  if (writing.length === 0) return { shown: findings };
  const shown = findings.filter(f => !writing.some(call => f.start >= call.start && f.end <= call.end));
  if (shown.length === findings.length) return { shown };
  const wake = Math.min(...writing.map(call => typing.pauseEnds(call.edits.map(i => recent[i]!))));
  return { shown, wake };
}

interface TooLarge {
  readonly uri: string;
  readonly length: number;
  readonly max: number;
}

/** One file: its size and the limit. Several: how many, the first few names, and the limit when they share it. */
function tooLargeMessage(files: readonly TooLarge[]): string {
  const count = (n: number): string => n.toLocaleString('en-US');
  const [first] = files;
  if (files.length === 1) {
    return `Omnichannel: ${fileNameOf(first!.uri)} is not analysed: it has ${count(first!.length)} characters, more than omnichannel.maxFileSize (${count(first!.max)}). Raise that setting to analyse it.`;
  }
  const shown = files.slice(0, 3).map(f => fileNameOf(f.uri)).join(', ');
  const names = files.length > 3 ? `${shown} and ${count(files.length - 3)} more` : shown;
  const limit = files.every(f => f.max === first!.max) ? ` (${count(first!.max)})` : '';
  return `Omnichannel: ${count(files.length)} open files are not analysed (${names}): each has more characters than omnichannel.maxFileSize${limit}. Raise that setting to analyse them.`;
}

/** `error` is the document's own explanation (a string) when the text is nested too deeply, else what the parser threw. */
function unparsableMessage(uri: string, error: unknown): string {
  const why = typeof error === 'string'
    ? 'its code is nested too deeply for the parser'
    : `the parser failed on it (${describeError(error)})`;
  return `Omnichannel: ${fileNameOf(uri)} is not analysed: ${why}. Split the deepest nested expression into smaller statements; the file is analysed again as soon as it changes.`;
}

/** The URI's last segment, decoded when it can be (a stray `%` must not cost the user the message). */
function fileNameOf(uri: string): string {
  const name = uri.slice(uri.lastIndexOf('/') + 1);
  try {
    return decodeURIComponent(name);
  } catch {
    return name;
  }
}
