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

/** How a publish or pull of one file ended (a conflict is a publish refused because the environment's copy changed). */
export type WebResourceOutcomeStatus = 'published' | 'unchanged' | 'skipped' | 'conflict' | 'failed' | 'pulled';

export interface WebResourceOutcomeItem {
  readonly status: WebResourceOutcomeStatus;
  /** The sentence the notification said, e.g. "Published new_/scripts/case-form.js in Contoso Dev (…)". */
  readonly message: string;
  /** ISO time it ended. */
  readonly at: string;
}

/** One mapped file of the workspace, as the Web resources section lists it. */
export interface WebResourceFileItem {
  /** The key the actions send back: the path relative to its workspace folder (prefixed by the folder's name in a multi-root workspace). */
  readonly file: string;
  /** The web resource's unique name. */
  readonly name: string;
  /** The TypeScript source compiled to `file`, if mapped. */
  readonly source?: string;
  /** The version last pulled or published from this workspace, in the active environment. */
  readonly last?: { readonly action: 'pulled' | 'published'; readonly at: string };
  /** The latest publish or pull of this file in this window (from the panel, the palette or a menu). */
  readonly outcome?: WebResourceOutcomeItem;
  /** The file (or its source) is the active editor's. */
  readonly active?: boolean;
}

/** A problem of a mapping file, placed: `.omnichannel/webresources.json:4:7: webResources[1].name …`. */
export interface WebResourceMappingProblem {
  /** The full sentence with file, line, column, field and the fix. */
  readonly text: string;
  /** Index into the problems sent, for `openMappingProblem`. */
  readonly index: number;
}

/** The next step the section offers when nothing can be published: each is a message of the same name (webview → host). */
export type WebResourcesRemedy = 'openFolder' | 'addEnvironment' | 'selectEnvironment' | 'manageTrust' | 'signIn' | 'none';

/** What the Web resources section shows: sent with every state, after each publish or pull, and when the mapping file, the active editor or trust change. */
export interface WebResourcesMessage {
  readonly type: 'webResources';
  /** Why nothing can be published or pulled now (no folder, no environment, the Simulator, untrusted, not signed in), and the button that helps. */
  readonly blocked?: { readonly reason: string; readonly remedy: WebResourcesRemedy };
  /** The mapped files, in the mapping file's order. */
  readonly files: readonly WebResourceFileItem[];
  /** Problems of the mapping file (entries with one are left out of `files`). */
  readonly problems: readonly WebResourceMappingProblem[];
  /** A sentence in place of the list (no workspace folder, no mapping file yet). */
  readonly notice?: string;
  /** The active editor's script when it has no mapping: offered with Map…. */
  readonly unmapped?: string;
  /** What runs now (a publish, pull or mapping started from the panel, the palette or a menu), e.g. "Publishing every mapped file…". */
  readonly running?: string;
}

export type HostToWebview =
  | StateMessage
  | WebResourcesMessage
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

/** Publish one mapped file (`file` as the section listed it), through the same command as the palette. */
export interface PublishWebResourceMessage {
  readonly type: 'publishWebResource';
  readonly file: string;
}

/** Pull one mapped file's web resource, through the same command as the palette. */
export interface PullWebResourceMessage {
  readonly type: 'pullWebResource';
  readonly file: string;
}

/** Publish every mapped file (Publish All Mapped Web Resources). */
export interface PublishAllWebResourcesMessage {
  readonly type: 'publishAllWebResources';
}

/** Map the active editor's script (`file` as the section named it) to a web resource picked from the environment. */
export interface MapWebResourceMessage {
  readonly type: 'mapWebResource';
  readonly file: string;
}

/** Open the mapping file at one of its problems. */
export interface OpenMappingProblemMessage {
  readonly type: 'openMappingProblem';
  readonly index: number;
}

/** Open VS Code's workspace trust editor. */
export interface ManageTrustMessage {
  readonly type: 'manageTrust';
}

/** Open a folder (VS Code asks which): the section has nothing to publish without one. */
export interface OpenFolderMessage {
  readonly type: 'openFolder';
}

/** Run `omnichannel.addEnvironment`: only the Simulator is there, which has no web resources. */
export interface AddEnvironmentMessage {
  readonly type: 'addEnvironment';
}

export type WebviewToHost =
  | PublishWebResourceMessage
  | PullWebResourceMessage
  | PublishAllWebResourcesMessage
  | MapWebResourceMessage
  | OpenMappingProblemMessage
  | ManageTrustMessage
  | OpenFolderMessage
  | AddEnvironmentMessage
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
  publishWebResource: true,
  pullWebResource: true,
  publishAllWebResources: true,
  mapWebResource: true,
  openMappingProblem: true,
  manageTrust: true,
  openFolder: true,
  addEnvironment: true,
};

export const WEBVIEW_TO_HOST_TYPES = Object.keys(WEBVIEW_TO_HOST_TYPE_SET) as readonly WebviewToHost['type'][];
