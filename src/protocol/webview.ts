/**
 * The messages between the link panel's webview and the extension host, both directions, declared once.
 * The webview is a trust boundary: the host validates every `WebviewToHost` message against
 * `schemas/webview-messages.schema.json` (which a test keeps in agreement with these types) before acting.
 */
import type { EnvironmentDefinition, EnvironmentEntry } from '../environments/types';
import type { FailureRemedy } from '../client/link/failure';
import type {
  ConversationSummary,
  EntityLogicalName,
  HistoryEntry,
  LinkMethod,
  LinkOutcome,
  LinkRequest,
  RecordRef,
} from './link';

/**
 * The environment the panel's calls run against: a projection of the extension's environment entry
 * (kind, name; URL and production mark for a real one) that leaves out how to sign in, which the
 * webview has no use for. `panelEnvironment` in the client makes it.
 */
export type PanelEnvironment = Pick<EnvironmentEntry, 'kind' | 'name'> & Partial<Pick<EnvironmentDefinition, 'url' | 'production'>>;

// ---------------------------------------------------------------- host → webview

/** A history entry as the panel shows it: with its sentence, where it came from, and whether it can be undone. */
export interface HistoryItem extends HistoryEntry {
  /** "Linked case CAS-01024: Printer offline to the conversation with Maria Campbell (chat)". */
  readonly summary: string;
  /** "from the palette", when known. */
  readonly sourceLabel?: string;
  /** A successful call, whose inverse call (unlink for a link, link for an unlink) undoes it. */
  readonly undoable: boolean;
}

/** What helps when the conversations could not be listed (from the failure table); `none` shows only the reason. */
export type PanelRemedy = FailureRemedy;

/** Everything the panel shows, sent on `ready`, after an environment switch, a refresh or a history change. */
export interface StateMessage {
  readonly type: 'state';
  readonly environment: PanelEnvironment;
  /** The conversations of the environment; empty when they could not be listed (see `conversationsError`). */
  readonly conversations: readonly ConversationSummary[];
  /** Why the conversations could not be listed (e.g. not signed in), with what to do about it. */
  readonly conversationsError?: string;
  /** The button that helps with `conversationsError`: Sign In, Open Settings or Retry. */
  readonly conversationsRemedy?: PanelRemedy;
  /** Finished calls from anywhere (panel, palette, code lens, Run Call at Cursor), newest first; the first is the Outcome. */
  readonly history: readonly HistoryItem[];
  /** The refresh call (setting `omnichannel.refreshCall`) used in "Copy as code". */
  readonly refreshCall: string;
  /** Whether a call is running (the panel was reloaded mid-call). */
  readonly running: boolean;
}

/** A call started from the panel finished (resolved or rejected). The runner records it in the history. */
export interface OutcomeMessage {
  readonly type: 'outcome';
  readonly method: LinkMethod;
  readonly request: LinkRequest;
  readonly outcome: LinkOutcome;
}

/** A running call reports what it waits for (e.g. a throttling wait). */
export interface ProgressMessage {
  readonly type: 'progress';
  readonly message: string;
}

/** Results of a `searchRecords` request. */
export interface RecordsMessage {
  readonly type: 'records';
  /** Echoes the request's id so late answers to an older search are ignored. */
  readonly requestId: number;
  readonly records: readonly RecordRef[];
  /** Why the search failed, if it did. */
  readonly error?: string;
}

/** Something went wrong outside a call (an invalid message, a failed refresh). */
export interface ErrorMessage {
  readonly type: 'error';
  readonly message: string;
}

/** The code of a history entry was put on the clipboard. */
export interface CopiedMessage {
  readonly type: 'copied';
  readonly entryId: string;
  readonly code: string;
}

/** The code of a history entry was inserted in the editor at the cursor. */
export interface InsertedMessage {
  readonly type: 'inserted';
  readonly entryId: string;
  /** The editor's file name, e.g. "case-form.js". */
  readonly fileName: string;
}

export type HostToWebview =
  | StateMessage
  | OutcomeMessage
  | ProgressMessage
  | RecordsMessage
  | ErrorMessage
  | CopiedMessage
  | InsertedMessage;

// ---------------------------------------------------------------- webview → host

/** The webview has loaded and wants the state. */
export interface ReadyMessage {
  readonly type: 'ready';
}

/** List the conversations again. */
export interface RefreshConversationsMessage {
  readonly type: 'refreshConversations';
}

/** Find records of one table by name. */
export interface SearchRecordsMessage {
  readonly type: 'searchRecords';
  /** Increases with every search; echoed in the answer. */
  readonly requestId: number;
  readonly entityLogicalName: EntityLogicalName;
  readonly text: string;
}

/** Run a link or unlink call. The record id is already normalised (lower case, no braces). */
export interface RunMessage {
  readonly type: 'run';
  readonly method: LinkMethod;
  readonly request: LinkRequest;
}

/** Cancel the running call. */
export interface CancelMessage {
  readonly type: 'cancel';
}

/** Forget every history entry. */
export interface ClearHistoryMessage {
  readonly type: 'clearHistory';
}

/** Put the code for one history entry on the clipboard (the host writes the code, not the webview). */
export interface CopyAsCodeMessage {
  readonly type: 'copyAsCode';
  readonly entryId: string;
}

/** Run the `omnichannel.selectEnvironment` command. */
export interface SelectEnvironmentMessage {
  readonly type: 'selectEnvironment';
}

/** Run a history entry's call again. */
export interface RerunMessage {
  readonly type: 'rerun';
  readonly entryId: string;
}

/** Undo a history entry's successful call with the inverse call (unlink for a link, link for an unlink). */
export interface UndoMessage {
  readonly type: 'undo';
  readonly entryId: string;
}

/** Insert a history entry's code at the cursor of the active editor. */
export interface InsertAtCursorMessage {
  readonly type: 'insertAtCursor';
  readonly entryId: string;
}

/** Run the `omnichannel.signIn` command for the active environment. */
export interface SignInMessage {
  readonly type: 'signIn';
}

/** Open the Settings editor at the setting that the conversations' failure names (the host knows which). */
export interface OpenSettingsMessage {
  readonly type: 'openSettings';
}

export type WebviewToHost =
  | ReadyMessage
  | RefreshConversationsMessage
  | SearchRecordsMessage
  | RunMessage
  | CancelMessage
  | ClearHistoryMessage
  | CopyAsCodeMessage
  | SelectEnvironmentMessage
  | RerunMessage
  | UndoMessage
  | InsertAtCursorMessage
  | SignInMessage
  | OpenSettingsMessage;

/** Every `type` of a webview → host message; a `Record` so a new message cannot be left out. */
const WEBVIEW_TO_HOST_TYPE_SET: Record<WebviewToHost['type'], true> = {
  ready: true,
  refreshConversations: true,
  searchRecords: true,
  run: true,
  cancel: true,
  clearHistory: true,
  copyAsCode: true,
  selectEnvironment: true,
  rerun: true,
  undo: true,
  insertAtCursor: true,
  signIn: true,
  openSettings: true,
};

export const WEBVIEW_TO_HOST_TYPES = Object.keys(WEBVIEW_TO_HOST_TYPE_SET) as readonly WebviewToHost['type'][];
