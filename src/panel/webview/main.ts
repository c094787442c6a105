/**
 * The panel's webview: builds the UI, sends the user's actions to the host and renders what the host
 * sends back. It holds no secrets and talks to no backend; the host validates everything it posts.
 */
import './components';
import type { HostToWebview, OutcomeMessage, StateMessage } from '../../protocol/webview';
import { h } from './dom';
import { conversationsView } from './views/conversations';
import { environmentView } from './views/environment';
import { formView } from './views/form';
import { historyView } from './views/history';
import { outcomeView } from './views/outcome';
import { loadState, post, saveState } from './vscode-api';
import type { SavedState } from './vscode-api';

let searchRequestId = 0;
const saved = loadState();
let lastOutcome: OutcomeMessage | undefined = saved.outcome;
let formState: SavedState = { entity: saved.entity ?? 'incident', recordId: saved.recordId ?? '', conversation: saved.conversation ?? '', search: saved.search ?? '' };

function persist(): void {
  saveState(lastOutcome ? { ...formState, outcome: lastOutcome } : formState);
}

const banner = h('div', { id: 'error-banner', class: 'banner', role: 'alert', hidden: true });
const environment = environmentView(() => post({ type: 'selectEnvironment' }));
const conversations = conversationsView(() => post({ type: 'refreshConversations' }));
const form = formView(saved, {
  run(method, request) {
    banner.hidden = true;
    form.setRunning(true);
    post({ type: 'run', method, request });
  },
  cancel: () => post({ type: 'cancel' }),
  search(entityLogicalName, text) {
    post({ type: 'searchRecords', requestId: ++searchRequestId, entityLogicalName, text });
  },
  changed(state) {
    formState = state;
    persist();
  },
});
const outcome = outcomeView();
const history = historyView(entryId => post({ type: 'copyAsCode', entryId }), () => post({ type: 'clearHistory' }));

const app = document.getElementById('app') ?? document.body;
app.replaceChildren(
  banner,
  environment.element,
  conversations.element,
  h('vscode-collapsible', { heading: 'Call', open: true }, form.element, outcome.element),
  history.element,
);
outcome.update(lastOutcome);

function applyState(state: StateMessage): void {
  environment.update(state.environment);
  conversations.update(state.conversations, state.conversationsError);
  form.setConversations(state.environment, state.conversations);
  form.setRunning(state.running);
  history.update(state.history);
  app.setAttribute('aria-busy', 'false');
  app.dataset['ready'] = 'true';
}

function receive(message: HostToWebview): void {
  switch (message.type) {
    case 'state':
      return applyState(message);
    case 'outcome':
      lastOutcome = message;
      persist();
      form.setRunning(false);
      return outcome.update(lastOutcome);
    case 'progress':
      return form.setRunning(true, message.message);
    case 'records':
      if (message.requestId === searchRequestId) form.setSearchResults(message.records, message.error);
      return;
    case 'error':
      banner.textContent = message.message;
      banner.hidden = false;
      return;
    case 'copied':
      return history.copied(message.entryId);
  }
}

window.addEventListener('message', (event: MessageEvent<HostToWebview>) => {
  const data = event.data;
  if (typeof data === 'object' && data !== null && typeof data.type === 'string') receive(data);
});

post({ type: 'ready' });
