/** What every server feature gets: the connection, the open documents, settings and the analysis cache. */
import type { ClientCapabilities, Connection } from 'vscode-languageserver/node';
import type { AnalysisCache } from './analysis';
import type { DocumentStore } from './documents';
import type { Logger } from './guard';
import type { SettingsStore } from './settings';
import type { EditTracker } from './typing';

export interface ServerContext {
  readonly connection: Connection;
  readonly documents: DocumentStore;
  readonly settings: SettingsStore;
  readonly analyses: AnalysisCache;
  readonly log: Logger;
  /** Where and when the person last typed in each document. */
  readonly typing: EditTracker;
  /** Set by `initialize`. */
  capabilities: ClientCapabilities;
  /** Set by `initialize`: the client answers `omnichannel/lookupIds` (see `features/id-lookup`). */
  lookupIds: boolean;
  /** Set by `initialize`: the workspace folders' URIs (the root URI when the client sent no folders). */
  workspaceFolders: readonly string[];
}
