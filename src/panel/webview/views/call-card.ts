/**
 * One finished call as a card: a sentence with names ("Linked case … to the conversation with …"),
 * when, where and from where it ran, the reason of a failure, a compact menu (Re-run, Undo, Copy as
 * code, Insert at cursor) and the raw request and response behind a disclosure. The Outcome area and
 * every history entry use it, so a call looks the same in both.
 */
import type { HistoryItem } from '../../../protocol/webview';
import { h, icon } from '../dom';

/** What the menu of a card can ask the host to do with its entry. */
export type CardAction = 'rerun' | 'undo' | 'copyAsCode' | 'insertAtCursor';

export type OnCardAction = (action: CardAction, entryId: string) => void;

const MENU: readonly { readonly value: CardAction; readonly label: string }[] = [
  { value: 'rerun', label: 'Re-run' },
  { value: 'undo', label: 'Undo' },
  { value: 'copyAsCode', label: 'Copy as Code' },
  { value: 'insertAtCursor', label: 'Insert at Cursor' },
];

export function callCard(item: HistoryItem, onAction: OnCardAction, tag: 'li' | 'div'): HTMLElement {
  const ok = item.outcome.status === 'success';
  const menuButton = h('vscode-toolbar-button', { class: 'entry-menu-button', icon: 'ellipsis', label: 'Actions', title: 'Re-run, Undo, Copy as Code, Insert at Cursor', 'aria-haspopup': 'menu' });
  const menu = h('vscode-context-menu', { class: 'entry-menu' });
  menu.data = MENU.filter(m => m.value !== 'undo' || item.undoable).map(m => ({
    value: m.value,
    label: m.value === 'undo' ? `Undo (${item.method === 'linkToConversation' ? 'unlink' : 'link again'})` : m.label,
  }));
  menuButton.addEventListener('click', event => {
    event.stopPropagation();
    menu.show = !menu.show;
  });
  menu.addEventListener('vsc-context-menu-select', event => {
    onAction(event.detail.value as CardAction, item.id);
  });
  const meta = [time(item.at), item.environment, item.sourceLabel].filter(Boolean).join(' · ');
  const json = JSON.stringify({ method: item.method, request: item.request, [ok ? 'resolved' : 'rejected']: item.outcome }, null, 2);
  return h(tag, { class: `call-card history-entry ${ok ? 'ok' : 'failed'}`, 'data-id': item.id },
    h('div', { class: 'card-head' },
      icon(ok ? 'pass' : 'error'),
      h('span', { class: 'summary' }, item.summary),
      h('span', { class: 'menu-anchor' }, menuButton, menu),
    ),
    h('div', { class: 'card-meta muted' }, meta),
    ok ? null : h('div', { class: 'card-reason' },
      h('code', { class: 'outcome-code' }, item.outcome.code), ' ',
      h('span', { class: 'error-text' }, item.outcome.message)),
    h('div', { class: 'card-note', 'aria-live': 'polite' }),
    h('details', { class: 'raw' }, h('summary', {}, 'Request and response'), h('pre', { class: 'outcome-json' }, json)),
  );
}

/** Shows a short note ("Copied", "Inserted in case-form.js") under the card of one entry. */
export function noteOn(container: Element, entryId: string, text: string): void {
  for (const note of container.querySelectorAll('.card-note')) note.textContent = '';
  const card = Array.from(container.querySelectorAll<HTMLElement>('[data-id]')).find(el => el.dataset['id'] === entryId);
  const note = card?.querySelector('.card-note');
  if (note) note.textContent = text;
}

function time(iso: string): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : date.toLocaleString(undefined, { dateStyle: 'short', timeStyle: 'medium' });
}
