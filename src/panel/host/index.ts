/** The panel's host side, as the client uses it. */
export { LinkPanelProvider } from './provider';
export type { LinkPanelDeps } from './provider';
export type { PanelServices, RunOptions } from './controller';
export { createMementoHistory, createMemoryHistory, HISTORY_CAP } from './history';
export type { HistoryStore, MementoLike } from './history';
export { callAsCode } from './code';
