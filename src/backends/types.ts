/** The one interface both link backends (simulator, Dataverse) implement. No `vscode` import. */
import type { ConversationSummary, LinkRequest, LinkSuccess, RecordRef, EntityLogicalName } from '../protocol/link';

/** Lets a long wait (a throttled request) be cancelled and shown as progress. */
export interface CallOptions {
  readonly signal?: AbortSignal;
  /** Called with a sentence while the backend waits (e.g. "Throttled by Dataverse: retrying in 12 s"). */
  readonly onProgress?: (message: string) => void;
}

export interface LinkBackend {
  /** The environment's display name (`Simulator` for the simulator). */
  readonly name: string;
  readonly kind: 'simulator' | 'dataverse';
  /** Conversations that can be shown (open ones, with their current links). */
  listConversations(options?: CallOptions): Promise<ConversationSummary[]>;
  /** One conversation with its current links; rejects with `conversation-not-found`. */
  getConversation(conversationId: string, options?: CallOptions): Promise<ConversationSummary>;
  /** Resolves like the API's promise; rejects with a `LinkError` (`functionName: 'linkToConversation'`). */
  link(request: LinkRequest, options?: CallOptions): Promise<LinkSuccess>;
  /** Resolves like the API's promise; rejects with a `LinkError` (`functionName: 'unlinkFromConversation'`). */
  unlink(request: LinkRequest, options?: CallOptions): Promise<LinkSuccess>;
  /** Records of one table whose name contains `text` (case-insensitive); at most `top` (default 20). */
  findRecords(entityLogicalName: EntityLogicalName, text: string, options?: CallOptions & { top?: number }): Promise<RecordRef[]>;
  dispose?(): void;
}
