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

/** A record as completion and hover show it: its name, and where the environment has them, number and state. */
export interface RecordSummary extends RecordRef {
  /** A case's number (`CAS-01024-Q8B2`). */
  readonly number?: string;
  /** The state's label (`Active`, `Resolved`, `Inactive`). */
  readonly state?: string;
}

/** Options of a search as the user types: cancellable, and a small number of answers. */
export type SearchOptions = CallOptions & { readonly top?: number };

/**
 * What completion and hover of ids need from an environment, beyond the link calls. Both backends
 * implement it; failures reject as the link calls do (`LinkError`).
 */
export interface RecordDirectory {
  /** Records of one table whose name contains `text` (or, for cases, whose number starts with it). */
  searchRecords(entityLogicalName: EntityLogicalName, text: string, options?: SearchOptions): Promise<RecordSummary[]>;
  /** One record by its id (the API's form), or undefined when the table has none. */
  getRecord(entityLogicalName: EntityLogicalName, id: string, options?: CallOptions): Promise<RecordSummary | undefined>;
  /** Conversations whose title (or customer's or case's name) contains `text`: those a link could name. */
  searchConversations(text: string, options?: SearchOptions): Promise<ConversationSummary[]>;
}

export function isRecordDirectory(backend: object): backend is RecordDirectory {
  return typeof (backend as Partial<RecordDirectory>).searchRecords === 'function' && typeof (backend as Partial<RecordDirectory>).getRecord === 'function';
}
