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

/** One finished call, as kept in the panel's history. */
export interface HistoryEntry {
  readonly id: string;
  /** ISO time the call finished. */
  readonly at: string;
  readonly environment: string;
  readonly method: LinkMethod;
  readonly request: LinkRequest;
  readonly outcome: LinkOutcome;
}
