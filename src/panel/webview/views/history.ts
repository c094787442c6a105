/** Past calls from anywhere, newest first, each a call card with its menu; kept by the host across reloads. */
import type { HistoryItem } from '../../../protocol/webview';
import { h, replaceChildren } from '../dom';
import { callCard, noteOn, type OnCardAction } from './call-card';

export interface HistoryView {
  readonly element: HTMLElement;
  update(history: readonly HistoryItem[]): void;
  /** Shows a note under one entry ("Copied"). */
  note(entryId: string, text: string): void;
}

export function historyView(onAction: OnCardAction, onClear: () => void): HistoryView {
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
      replaceChildren(list, ...history.map(item => callCard(item, onAction, 'li')));
    },
    note(entryId, text) {
      noteOn(list, entryId, text);
    },
  };
}
