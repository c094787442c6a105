/** The conversations of the environment with their status and current customer and case links. */
import type { ConversationSummary, RecordRef } from '../../../protocol/link';
import { h, icon, replaceChildren } from '../dom';

export interface ConversationsView {
  readonly element: HTMLElement;
  update(conversations: readonly ConversationSummary[], error: string | undefined): void;
}

export function conversationsView(onRefresh: () => void): ConversationsView {
  const refresh = h('vscode-toolbar-button', { slot: 'actions', icon: 'refresh', label: 'Refresh conversations', id: 'refresh-conversations', title: 'Refresh conversations' });
  refresh.addEventListener('click', event => {
    event.stopPropagation();
    onRefresh();
  });
  const list = h('ul', { class: 'conversations', id: 'conversations', 'aria-live': 'polite' }, h('li', { class: 'muted' }, 'Loading…'));
  const element = h('vscode-collapsible', { heading: 'Conversations', open: true, 'always-show-header-actions': true }, refresh, list);
  return {
    element,
    update(conversations, error) {
      if (error) {
        replaceChildren(list, h('li', { class: 'error-text', role: 'alert' }, error));
        return;
      }
      if (conversations.length === 0) {
        replaceChildren(list, h('li', { class: 'muted' }, 'No open conversations.'));
        return;
      }
      replaceChildren(list, ...conversations.map(item));
    },
  };
}

function item(c: ConversationSummary): HTMLLIElement {
  return h('li', { class: `conversation${c.linkable ? '' : ' not-linkable'}`, 'data-id': c.id },
    h('div', { class: 'conversation-title' },
      icon(c.focused ? 'eye' : 'comment-discussion'),
      h('span', { class: 'title', title: `${c.title}\n${c.id}` }, c.title || c.id),
      c.focused ? h('span', { class: 'tag focused', title: 'The focused conversation: a call without a conversation id goes here' }, 'focused') : null,
    ),
    h('div', { class: 'links' },
      h('span', { class: `tag status status-${c.statuscode}` }, c.statusLabel),
      c.linkable ? null : h('span', { class: 'tag warning', title: 'Links are accepted only by active conversations' }, 'not linkable'),
      h('span', { class: 'linked' }, link('Customer', c.customer), link('Case', c.case)),
    ),
  );
}

function link(label: string, record: RecordRef | null): HTMLSpanElement {
  return h('span', { class: 'link' },
    h('span', { class: 'muted' }, `${label}: `),
    record ? h('span', { title: `${record.entityLogicalName} ${record.id}` }, record.name ?? record.id) : h('span', { class: 'muted' }, '—'),
  );
}
