/** The custom request `omnichannel/callAtPosition`, behind the "Run Call at Cursor" command. */
import type { CallAtPositionParams, CallAtPositionResult } from '../protocol';
import { CallAtPositionRequest } from '../protocol';
import { runnableCallAt } from '@omnichannel-tools/core';
import type { ServerContext } from '../context';
import { guard } from '../guard';
import { toCallInfo } from './runnable';

export function registerCallAtPosition(ctx: ServerContext): void {
  const failed: CallAtPositionResult = { problem: 'The Omnichannel language server could not read this call; see its log.' };
  ctx.connection.onRequest(CallAtPositionRequest, guard(ctx.log, 'callAtPosition', failed, (params: CallAtPositionParams): CallAtPositionResult => {
    const entry = ctx.documents.get(params?.textDocument?.uri);
    if (!entry) return { problem: 'This document is not open in the Omnichannel language server (only JavaScript and TypeScript files are).' };
    const found = runnableCallAt(entry.doc, entry.doc.offsetAt(params.position));
    return 'problem' in found ? { problem: found.problem } : { call: toCallInfo(entry, found) };
  }));
}
