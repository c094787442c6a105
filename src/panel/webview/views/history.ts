/** Past calls, newest first, each with "Copy as code"; kept by the host across reloads. */
import type { HistoryEntry } from '../../../protocol/link';
import { h, icon, replaceChildren } from '../dom';

export interface HistoryView {
  readonly element: HTMLElement;
  update(history: readonly HistoryEntry[]): void;
  /** Confirms that an entry's code is on the clipboard. */
  copied(entryId: string): void;
}

export function historyView(onCopy: (entryId: string) => void, onClear: () => void): HistoryView {
  const clear = h('vscode-toolbar-button', { slot: 'actions', icon: 'clear-all', label: 'Clear history', id: 'clear-history', title: 'Clear history' });
  clear.addEventListener('click', event => {
    event.stopPropagation();
    onClear();
  });
  const list = h('ol', { class: 'history', id: 'history' });
  const element = h('vscode-collapsible', { heading: 'History', open: true, 'always-show-header-actions': true }, clear, list);
  return {
    element,
    update(history) {
      element.setAttribute('description', history.length ? String(history.length) : '');
      if (history.length === 0) {
        replaceChildren(list, h('li', { class: 'muted' }, 'No calls yet.'));
        return;
      }
      replaceChildren(list, ...history.map(entry => item(entry, onCopy)));
    },
    copied(entryId) {
      for (const note of list.querySelectorAll('.copied')) note.textContent = '';
      const row = Array.from(list.querySelectorAll<HTMLElement>('li[data-id]')).find(li => li.dataset['id'] === entryId);
      const note = row?.querySelector('.copied');
      if (note) note.textContent = 'Copied';
    },
  };
}

function item(entry: HistoryEntry, onCopy: (entryId: string) => void): HTMLLIElement {
  const ok = entry.outcome.status === 'success';
  const copy = h('vscode-button', { secondary: true, class: 'copy-code', title: 'Copy the call with UI refresh and error handling' }, 'Copy as code');
  copy.addEventListener('click', () => onCopy(entry.id));
  const { entityLogicalName, recordId, conversationId } = entry.request;
  return h('li', { class: `history-entry ${ok ? 'ok' : 'failed'}`, 'data-id': entry.id },
    h('div', { class: 'history-title' },
      icon(ok ? 'pass' : 'error'),
      h('span', { class: 'method' }, entry.method),
      h('span', { class: 'muted' }, `${entityLogicalName} ${shortId(recordId)} → ${conversationId ? shortId(conversationId) : 'focused'}`),
    ),
    h('div', { class: 'history-meta muted' },
      h('span', {}, `${time(entry.at)} · ${entry.environment}`),
      h('span', { class: ok ? '' : 'error-text' }, ok ? 'resolved' : `rejected: ${entry.outcome.code}`),
    ),
    h('div', { class: 'history-actions' }, copy, h('span', { class: 'copied', 'aria-live': 'polite' })),
  );
}

function shortId(id: string): string {
  return id.length > 13 ? `${id.slice(0, 8)}…` : id;
}

function time(iso: string): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : date.toLocaleString();
}
