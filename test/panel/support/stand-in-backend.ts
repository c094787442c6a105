/**
 * A small in-memory backend for panel tests that need full control (a call that waits until the test
 * releases it, to see progress and Cancel). The main scenarios use the real simulator.
 */
import type { CallOptions, LinkBackend } from '../../../src/backends/types';
import { LinkError } from '../../../src/protocol/link';
import type { ConversationSummary, EntityLogicalName, LinkRequest, LinkSuccess, RecordRef } from '../../../src/protocol/link';

export const ACTIVE_ID = '11111111-1111-4111-8111-111111111111';
export const CLOSED_ID = '22222222-2222-4222-8222-222222222222';
export const CASE_ID = 'aaaaaaaa-aaaa-4aaa-8aaa-aaaaaaaaaaaa';

export class StandInBackend implements LinkBackend {
  readonly name = 'Stand-in';
  readonly kind = 'simulator' as const;
  /** When set, `link` reports progress and waits for this promise (or the abort signal). */
  gate: Promise<void> | undefined;

  private readonly conversations: ConversationSummary[] = [
    { id: ACTIVE_ID, title: 'Chat: active', statuscode: 2, statusLabel: 'Active', linkable: true, focused: true, customer: null, case: null },
    { id: CLOSED_ID, title: 'Chat: closed', statuscode: 4, statusLabel: 'Closed', linkable: false, customer: null, case: null },
  ];

  async listConversations(): Promise<ConversationSummary[]> {
    return [...this.conversations];
  }

  async getConversation(conversationId: string): Promise<ConversationSummary> {
    const found = this.conversations.find(c => c.id === conversationId);
    if (!found) throw new LinkError('linkToConversation', 'conversation-not-found', 'No such conversation.');
    return found;
  }

  async link(request: LinkRequest, options: CallOptions = {}): Promise<LinkSuccess> {
    if (this.gate) {
      options.onProgress?.('Throttled: retrying in 5 s');
      await new Promise<void>((resolve, reject) => {
        options.signal?.addEventListener('abort', () => reject(new LinkError('linkToConversation', 'cancelled', 'Cancelled while waiting.')), { once: true });
        void this.gate?.then(resolve);
      });
    }
    const conversationId = request.conversationId ?? ACTIVE_ID;
    return { status: 'success', entityLogicalName: request.entityLogicalName as EntityLogicalName, recordId: request.recordId, conversationId, message: 'Linked.' };
  }

  async unlink(request: LinkRequest): Promise<LinkSuccess> {
    throw new LinkError('unlinkFromConversation', 'not-linked', `Nothing linked for ${request.recordId}.`);
  }

  async findRecords(entityLogicalName: EntityLogicalName): Promise<RecordRef[]> {
    return entityLogicalName === 'incident' ? [{ entityLogicalName, id: CASE_ID, name: 'Stand-in case' }] : [];
  }
}
