/**
 * The panel's webview: builds the UI, sends the user's actions to the host and renders what the host
 * sends back. It holds no secrets and talks to no backend; the host validates everything it posts.
 *
 * Layout, top to bottom: the environment (once), the call form with the Outcome of the latest call
 * from anywhere, the conversations (collapsible, filterable), the history, the web resources.
 */
import './components';
import type { HostToWebview, StateMessage } from '../../protocol/webview';
import { h } from './dom';
import type { CardAction } from './views/call-card';
import { conversationsView } from './views/conversations';
import { environmentView } from './views/environment';
import { formView } from './views/form';
import { historyView } from './views/history';
import { outcomeView } from './views/outcome';
import { webResourcesView } from './views/webresources';
import { loadState, post, saveState } from './vscode-api';
import type { SavedState } from './vscode-api';

let searchRequestId = 0;
const saved = loadState();
let formState: SavedState = {
  entity: saved.entity ?? 'incident', recordId: saved.recordId ?? '', conversation: saved.conversation ?? '', search: saved.search ?? '',
  conversationFilter: saved.conversationFilter ?? '',
};

function persist(): void {
  saveState(formState);
}

const banner = h('div', { id: 'error-banner', class: 'banner', role: 'alert', hidden: true });
const onCardAction = (action: CardAction, entryId: string): void => {
  banner.hidden = true;
  post({ type: action, entryId });
};
const environment = environmentView(() => post({ type: 'selectEnvironment' }));
const conversations = conversationsView({
  refresh: () => post({ type: 'refreshConversations' }),
  pick: id => form.pickConversation(id),
  signIn: () => post({ type: 'signIn' }),
  openSettings: () => post({ type: 'openSettings' }),
}, formState.conversationFilter ?? '', text => {
  formState = { ...formState, conversationFilter: text };
  persist();
});
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
    formState = { ...state, conversationFilter: formState.conversationFilter ?? '' };
    persist();
  },
  conversationPicked: id => conversations.setPicked(id),
});
const outcome = outcomeView(onCardAction);
const webResources = webResourcesView({
  publish: file => { banner.hidden = true; post({ type: 'publishWebResource', file }); },
  pull: file => { banner.hidden = true; post({ type: 'pullWebResource', file }); },
  publishAll: () => { banner.hidden = true; post({ type: 'publishAllWebResources' }); },
  map: file => { banner.hidden = true; post({ type: 'mapWebResource', file }); },
  openProblem: index => post({ type: 'openMappingProblem', index }),
  signIn: () => post({ type: 'signIn' }),
  selectEnvironment: () => post({ type: 'selectEnvironment' }),
  manageTrust: () => post({ type: 'manageTrust' }),
  openFolder: () => post({ type: 'openFolder' }),
  addEnvironment: () => post({ type: 'addEnvironment' }),
});
const history = historyView(onCardAction, () => post({ type: 'clearHistory' }));

const app = document.getElementById('app') ?? document.body;
app.replaceChildren(
  banner,
  environment.element,
  h('vscode-collapsible', { heading: 'Call', open: true, id: 'call-section' }, form.element, outcome.element),
  conversations.element,
  history.element,
  webResources.element,
);

function applyState(state: StateMessage): void {
  environment.update(state.environment);
  conversations.update(state.conversations, state.conversationsError, state.conversationsRemedy);
  form.setConversations(state.environment, state.conversations, state.conversationsError ? 'No conversations listed: see Conversations below.' : undefined);
  form.setRunning(state.running);
  history.update(state.history);
  outcome.update(state.history[0]);
  app.setAttribute('aria-busy', 'false');
  app.dataset['ready'] = 'true';
}

function receive(message: HostToWebview): void {
  switch (message.type) {
    case 'state':
      return applyState(message);
    case 'outcome':
      // The state that follows carries the new history entry, which the Outcome area shows.
      form.setRunning(false);
      return;
    case 'webResources':
      return webResources.update(message);
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
      outcome.note(message.entryId, 'Copied to the clipboard');
      return history.note(message.entryId, 'Copied to the clipboard');
    case 'inserted':
      outcome.note(message.entryId, `Inserted in ${message.fileName}`);
      return history.note(message.entryId, `Inserted in ${message.fileName}`);
  }
}

window.addEventListener('message', (event: MessageEvent<HostToWebview>) => {
  const data = event.data;
  if (typeof data === 'object' && data !== null && typeof data.type === 'string') receive(data);
});

post({ type: 'ready' });
