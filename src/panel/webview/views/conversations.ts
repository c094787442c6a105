/**
 * The conversations of the environment with their status and current customer and case links: a
 * collapsible list with a filter box (a real queue easily holds fifty), a count, and a click on a
 * conversation picks it in the form. When they cannot be listed, the reason and the button that helps
 * (Sign In, Open Settings, Retry) take the list's place.
 */
import type { ConversationSummary, RecordRef } from '../../../protocol/link';
import type { PanelRemedy } from '../../../protocol/webview';
import { h, icon, replaceChildren } from '../dom';

export interface ConversationsActions {
  refresh(): void;
  /** The person clicked a conversation: pick it in the form. */
  pick(conversationId: string): void;
  signIn(): void;
  openSettings(): void;
}

export interface ConversationsView {
  readonly element: HTMLElement;
  update(conversations: readonly ConversationSummary[], error: string | undefined, remedy: PanelRemedy | undefined): void;
  /** Marks the conversation picked in the form. */
  setPicked(conversationId: string): void;
}

const REMEDY_BUTTONS: Record<Exclude<PanelRemedy['kind'], 'none'>, { id: string; label: string; icon: string }> = {
  signIn: { id: 'sign-in', label: 'Sign In', icon: 'account' },
  openSettings: { id: 'open-settings', label: 'Open Settings', icon: 'settings-gear' },
  retry: { id: 'retry-conversations', label: 'Retry', icon: 'refresh' },
};

export function conversationsView(actions: ConversationsActions, initialFilter: string, onFilter: (text: string) => void): ConversationsView {
  const refresh = h('vscode-toolbar-button', { slot: 'actions', icon: 'refresh', label: 'Refresh conversations', id: 'refresh-conversations', title: 'Refresh conversations' });
  refresh.addEventListener('click', event => {
    event.stopPropagation();
    actions.refresh();
  });
  const filter = h('vscode-textfield', { id: 'conversation-filter', type: 'search', placeholder: 'Filter by title, customer, case or status', 'aria-label': 'Filter conversations' });
  filter.value = initialFilter;
  const count = h('div', { id: 'conversation-count', class: 'muted count', 'aria-live': 'polite' });
  const list = h('ul', { class: 'conversations', id: 'conversations' }, h('li', { class: 'muted' }, 'Loading…'));
  const problem = h('div', { id: 'conversations-problem', class: 'problem', role: 'alert', hidden: true });
  const element = h('vscode-collapsible', { heading: 'Conversations', open: true, 'always-show-header-actions': true, id: 'conversations-section' },
    refresh, h('div', { class: 'conversations-body' }, problem, filter, count, list));
  let all: readonly ConversationSummary[] = [];
  let picked = '';

  function render(): void {
    const words = filter.value.trim().toLowerCase().split(/\s+/).filter(Boolean);
    const shown = all.filter(c => words.every(word => haystack(c).includes(word)));
    count.textContent = words.length ? `${shown.length} of ${all.length} match` : `${all.length} open`;
    if (all.length === 0) {
      replaceChildren(list, h('li', { class: 'muted' }, 'No open conversations.'));
    } else if (shown.length === 0) {
      replaceChildren(list, h('li', { class: 'muted' }, 'No conversation matches the filter.'));
    } else {
      replaceChildren(list, ...shown.map(c => item(c, c.id === picked, actions.pick)));
    }
  }

  filter.addEventListener('input', () => {
    onFilter(filter.value);
    render();
  });

  return {
    element,
    update(conversations, error, remedy) {
      all = error ? [] : conversations;
      element.setAttribute('description', error ? '' : String(conversations.length));
      if (error) {
        const button = remedy && remedy.kind !== 'none' ? REMEDY_BUTTONS[remedy.kind] : undefined;
        const action = h('vscode-button', { id: button?.id ?? 'remedy', icon: button?.icon ?? 'refresh' }, button?.label ?? '');
        action.addEventListener('click', () => {
          if (remedy?.kind === 'signIn') actions.signIn();
          else if (remedy?.kind === 'openSettings') actions.openSettings();
          else actions.refresh();
        });
        // Needing a sign-in is a step to take, not an error: it is not painted red.
        replaceChildren(problem, h('p', { class: remedy?.kind === 'signIn' ? '' : 'error-text' }, error), button ? action : null);
        problem.hidden = false;
        filter.hidden = true;
        count.hidden = true;
        replaceChildren(list);
        return;
      }
      problem.hidden = true;
      filter.hidden = conversations.length < 2;
      count.hidden = false;
      render();
    },
    setPicked(conversationId) {
      picked = conversationId;
      for (const li of list.querySelectorAll<HTMLElement>('li.conversation')) li.classList.toggle('picked', li.dataset['id'] === picked);
    },
  };
}

function haystack(c: ConversationSummary): string {
  return [c.title, c.statusLabel, c.customer?.name, c.case?.name, c.id, c.focused ? 'focused' : '', c.linkable ? '' : 'not linkable']
    .filter(Boolean).join(' ').toLowerCase();
}

function item(c: ConversationSummary, picked: boolean, onPick: (id: string) => void): HTMLLIElement {
  const row = h('li', { class: `conversation${c.linkable ? '' : ' not-linkable'}${picked ? ' picked' : ''}`, 'data-id': c.id, tabindex: '0', title: `${c.title}\n${c.id}\nClick to pick it in the form` },
    h('div', { class: 'conversation-title' },
      icon(c.focused ? 'eye' : 'comment-discussion'),
      h('span', { class: 'title' }, c.title || c.id),
      c.focused ? h('span', { class: 'tag focused', title: 'The focused conversation: a call without a conversation id goes here' }, 'focused') : null,
    ),
    h('div', { class: 'links' },
      h('span', { class: `tag status status-${c.statuscode}` }, c.statusLabel),
      c.linkable ? null : h('span', { class: 'tag warning', title: 'Links are accepted only by active conversations' }, 'not linkable'),
      h('span', { class: 'linked' }, link('Customer', c.customer), link('Case', c.case)),
    ),
  );
  row.addEventListener('click', () => onPick(c.id));
  row.addEventListener('keydown', event => {
    if (event.key === 'Enter' || event.key === ' ') {
      event.preventDefault();
      onPick(c.id);
    }
  });
  return row;
}

function link(label: string, record: RecordRef | null): HTMLSpanElement {
  return h('span', { class: 'link' },
    h('span', { class: 'muted' }, `${label}: `),
    record ? h('span', { title: `${record.entityLogicalName} ${record.id}` }, record.name ?? record.id) : h('span', { class: 'muted' }, '—'),
  );
}
