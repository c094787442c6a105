/** The typed bridge to the host: `acquireVsCodeApi()` may be called once per page, so it is called here only. */
import type { WebviewToHost } from '../../protocol/webview';

/** The form values kept across reloads with `setState`. */
export interface SavedState {
  readonly entity: string;
  readonly recordId: string;
  /** A conversation id, or '' for the focused conversation. */
  readonly conversation: string;
  readonly search: string;
  /** The text of the conversations' filter box. */
  readonly conversationFilter?: string;
}

interface VsCodeApi {
  postMessage(message: unknown): void;
  getState(): unknown;
  setState(state: unknown): void;
}

declare function acquireVsCodeApi(): VsCodeApi;

const api = acquireVsCodeApi();

export function post(message: WebviewToHost): void {
  api.postMessage(message);
}

export function loadState(): Partial<SavedState> {
  const state = api.getState();
  return typeof state === 'object' && state !== null ? (state as Partial<SavedState>) : {};
}

export function saveState(state: SavedState): void {
  api.setState(state);
}
