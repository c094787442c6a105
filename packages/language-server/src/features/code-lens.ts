/**
 * A code lens over each runnable link/unlink call, running the client command `omnichannel.runCall`.
 * The client rewrites the title to name its active environment; the server cannot know it.
 */
import { CodeLensRefreshRequest, type CodeLens, type CodeLensParams } from 'vscode-languageserver/node';
import { runnableCalls } from '@omnichannel-tools/core';
import { RunCallCommand } from '../protocol';
import { isTooLarge } from '../analysis';
import type { ServerContext } from '../context';
import { guard } from '../guard';
import { toCallInfo } from './runnable';

export function registerCodeLens(ctx: ServerContext): void {
  ctx.connection.onCodeLens(guard(ctx.log, 'Code lens', [], async (params: CodeLensParams): Promise<CodeLens[]> => {
    const entry = ctx.documents.get(params.textDocument.uri);
    if (!entry) return [];
    const settings = await ctx.settings.get(entry.uri);
    if (!settings.codeLensEnabled || isTooLarge(entry, settings.analyzer)) return [];
    return runnableCalls(entry.doc).map(call => {
      const info = toCallInfo(entry, call);
      return { range: info.range, command: { title: '▶ Run', command: RunCallCommand, arguments: [info] } };
    });
  }));
}

/** Asks the client to fetch code lenses again (after a settings change), when it supports that. */
export function refreshCodeLenses(ctx: ServerContext): void {
  if (ctx.capabilities.workspace?.codeLens?.refreshSupport) void ctx.connection.sendRequest(CodeLensRefreshRequest.type);
}
