/**
 * A code lens over each runnable link/unlink call, running the client command `omnichannel.runCall`.
 * The client rewrites the title to name its active environment; the server cannot know it.
 *
 * Only a call that is written out and whose arguments pass the argument rules gets one. While a call is
 * being written the lens it had stays where it was (its line does not jump as the lens goes and comes
 * back), but it runs nothing: its arguments are those from before the edit. It says so, and once typing
 * there pauses the client is asked to fetch the lenses again, which gives the call's current arguments.
 */
import { CodeLensRefreshRequest, type CodeLens, type CodeLensParams } from 'vscode-languageserver/node';
import { ARGUMENT_RULE_IDS, callsBeingWritten, runnableCalls, type TextChange } from '@omnichannel-tools/core';
import { RunCallCommand, type RunnableCallInfo } from '../protocol';
import { isTooLarge } from '../analysis';
import type { ServerContext } from '../context';
import { guard } from '../guard';
import { mapOffset } from '../typing';
import { toCallInfo } from './runnable';

/** A lens as last answered, its span kept in step with the edits since. */
interface ShownLens {
  start: number;
  end: number;
  readonly info: RunnableCallInfo;
  /** Kept over a call being written: shown in place, not runnable. */
  readonly waiting?: true;
}

/** What a kept lens says instead of running the call with the arguments it had before the edit. */
export const WAITING_LENS_TITLE = 'Run waits for this edit';
const WAITING_LENS_TOOLTIP = 'This call is being edited: its Run lens comes back with the new arguments once typing pauses.';

export function registerCodeLens(ctx: ServerContext): void {
  const shown = new Map<string, ShownLens[]>();
  const refreshTimers = new Map<string, unknown>();
  const clock = ctx.typing.clock;

  ctx.documents.onDidEdit((entry, changes) => {
    const lenses = shown.get(entry.uri);
    if (lenses) for (const change of changes) for (const lens of lenses) moveLens(lens, change);
  });
  ctx.documents.onDidClose(uri => {
    shown.delete(uri);
    const timer = refreshTimers.get(uri);
    if (timer !== undefined) clock.clearTimeout(timer);
    refreshTimers.delete(uri);
  });

  ctx.connection.onCodeLens(guard(ctx.log, 'Code lens', [], async (params: CodeLensParams): Promise<CodeLens[]> => {
    const entry = ctx.documents.get(params.textDocument.uri);
    if (!entry) return [];
    const settings = await ctx.settings.get(entry.uri);
    if (!settings.codeLensEnabled || isTooLarge(entry, settings.analyzer)) return [];
    const doc = entry.doc;
    const findings = (ctx.analyses.get(entry, settings.analyzer)?.findings ?? []).filter(f => ARGUMENT_RULE_IDS.has(f.ruleId));
    const recent = ctx.typing.recent(entry.uri);
    const writing = callsBeingWritten(doc, recent);
    const previous = shown.get(entry.uri) ?? [];
    const next: ShownLens[] = [];
    for (const call of runnableCalls(doc, { complete: true })) {
      if (writing.some(w => w.start === call.start)) continue;
      if (findings.some(f => f.start >= call.start && f.end <= call.end)) continue;
      next.push({ start: call.start, end: call.end, info: toCallInfo(entry, call) });
    }
    // A call being written keeps the lens it had, over its current span.
    for (const call of writing) {
      const kept = previous.find(lens => lens.start >= call.start && lens.start <= call.end);
      if (kept) next.push({ start: call.start, end: call.end, info: kept.info, waiting: true });
    }
    next.sort((a, b) => a.start - b.start);
    shown.set(entry.uri, next);
    if (writing.length > 0) refreshAfterPause(entry.uri, ctx.typing.pauseEnds(recent));
    return next.map(lens => {
      const range = { start: doc.positionAt(lens.start), end: doc.positionAt(lens.end) };
      // No command id: editors show the title as plain text, and there is nothing to click.
      if (lens.waiting) return { range, command: { title: WAITING_LENS_TITLE, command: '', tooltip: WAITING_LENS_TOOLTIP } };
      const info = { ...lens.info, range };
      return { range, command: { title: '▶ Run', command: RunCallCommand, arguments: [info] } };
    });
  }));

  /** Asks for the lenses again once the pause after the latest edit ends, so a kept lens gets its new arguments. */
  function refreshAfterPause(uri: string, time: number): void {
    const previous = refreshTimers.get(uri);
    if (previous !== undefined) clock.clearTimeout(previous);
    refreshTimers.set(uri, clock.setTimeout(() => {
      refreshTimers.delete(uri);
      refreshCodeLenses(ctx);
    }, Math.max(0, time - clock.now())));
  }
}

function moveLens(lens: ShownLens, change: TextChange): void {
  lens.start = mapOffset(lens.start, change);
  lens.end = mapOffset(lens.end, change);
}

/** Asks the client to fetch code lenses again (after a settings change), when it supports that. */
export function refreshCodeLenses(ctx: ServerContext): void {
  if (ctx.capabilities.workspace?.codeLens?.refreshSupport) void ctx.connection.sendRequest(CodeLensRefreshRequest.type);
}
