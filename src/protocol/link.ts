/**
 * The link-call vocabulary of the extension: the API's part (requests, results, `LinkError`) is the
 * simulator engine's, from `@omnichannel-tools/testing`; what only the extension shows (a conversation's
 * summary, the panel's history) is declared here. Plain data only: everything here crosses a process
 * boundary as JSON.
 */
import type { LinkMethod, LinkOutcome, LinkRequest, RecordRef } from '@omnichannel-tools/testing/protocol';

export {
  LinkError,
  isLinkError,
  type EntityLogicalName,
  type LinkErrorCode,
  type LinkFailure,
  type LinkMethod,
  type LinkOutcome,
  type LinkRequest,
  type LinkSuccess,
  type RecordRef,
} from '@omnichannel-tools/testing/protocol';

export interface ConversationSummary {
  /** `activityid` of the `msdyn_ocliveworkitem` row. */
  readonly id: string;
  readonly title: string;
  /** statuscode: 1 Open, 2 Active, 3 Waiting, 4 Closed, 5 Wrap-up, 6 Resolved, 7 Scheduled. */
  readonly statuscode: number;
  readonly statusLabel: string;
  /** Whether this backend accepts links to it (active under the backend's rule). */
  readonly linkable: boolean;
  /** The focused conversation (simulator only). */
  readonly focused?: boolean;
  readonly createdOn?: string;
  readonly customer: RecordRef | null;
  readonly case: RecordRef | null;
}

/** Where a call was started: shown next to it in the panel ("from the palette"). */
export type CallSource = 'panel' | 'palette' | 'codeLens' | 'cursor' | 'command' | 'notification';

/**
 * The names of what a call involved, as known when it ran (picked in a quick pick or the panel, or read
 * back from the conversation), so a person reads "case CAS-01024" and "the conversation with Maria
 * Campbell (chat)" rather than GUIDs. Every field is optional: an id stands in for a missing name.
 */
export interface CallNames {
  /** The record's primary name, e.g. "CAS-01024: Printer offline". */
  readonly record?: string;
  /** The conversation's title, e.g. "Chat: Printer offline after firmware update". */
  readonly conversationTitle?: string;
  /** The name of the conversation's customer, e.g. "Maria Campbell". */
  readonly customer?: string;
}

/** One finished call, as kept in the panel's history. */
export interface HistoryEntry {
  readonly id: string;
  /** ISO time the call finished. */
  readonly at: string;
  readonly environment: string;
  readonly method: LinkMethod;
  readonly request: LinkRequest;
  readonly outcome: LinkOutcome;
  /** Names of the record and conversation, when known (entries saved by older versions have none). */
  readonly names?: CallNames;
  /** Where the call was started (older entries have none). */
  readonly source?: CallSource;
}
