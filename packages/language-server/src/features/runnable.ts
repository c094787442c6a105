/** Turns the core's runnable calls into the protocol's `RunnableCallInfo` (LSP range, document URI). */
import type { RunnableCall } from '@omnichannel-tools/core';
import type { RunnableCallInfo } from '../protocol';
import { toRange } from '../convert';
import type { OpenDocument } from '../documents';

export function toCallInfo(entry: OpenDocument, call: RunnableCall): RunnableCallInfo {
  return {
    uri: entry.uri,
    range: toRange(entry.doc, call),
    method: call.method,
    entityLogicalName: call.entityLogicalName,
    recordId: call.recordId,
    ...(call.conversationId !== undefined ? { conversationId: call.conversationId } : {}),
  };
}
