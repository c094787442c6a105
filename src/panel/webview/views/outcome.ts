/**
 * The latest call from anywhere (this panel, the palette, a code lens, Run Call at Cursor): the newest
 * history entry, as a call card. The host records every call in the history, so this is one place.
 */
import type { HistoryItem } from '../../../protocol/webview';
import { h, replaceChildren } from '../dom';
import { callCard, noteOn, type OnCardAction } from './call-card';

export interface OutcomeView {
  readonly element: HTMLElement;
  update(latest: HistoryItem | undefined): void;
  note(entryId: string, text: string): void;
}

export function outcomeView(onAction: OnCardAction): OutcomeView {
  const body = h('div', { id: 'outcome', 'aria-live': 'polite' });
  const element = h('section', { class: 'outcome-section', hidden: true, 'aria-label': 'Outcome' },
    h('div', { class: 'section-label' }, 'Outcome'), body);
  return {
    element,
    update(latest) {
      element.hidden = !latest;
      if (!latest) return;
      const ok = latest.outcome.status === 'success';
      body.className = `outcome ${ok ? 'outcome-success' : 'outcome-failure'}`;
      body.dataset['id'] = latest.id;
      replaceChildren(body, callCard(latest, onAction, 'div'));
    },
    note(entryId, text) {
      noteOn(body, entryId, text);
    },
  };
}
