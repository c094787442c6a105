/** The last call's outcome: the resolved payload or the rejection, as the API's promise would give it. */
import type { OutcomeMessage } from '../../../protocol/webview';
import { h, icon, replaceChildren } from '../dom';

export interface OutcomeView {
  readonly element: HTMLElement;
  update(outcome: OutcomeMessage | undefined): void;
}

export function outcomeView(): OutcomeView {
  const body = h('div', { id: 'outcome', 'aria-live': 'polite' });
  const element = h('section', { class: 'outcome-section', hidden: true, 'aria-label': 'Outcome' }, body);
  return {
    element,
    update(message) {
      element.hidden = !message;
      if (!message) return;
      const ok = message.outcome.status === 'success';
      body.className = `outcome ${ok ? 'outcome-success' : 'outcome-failure'}`;
      replaceChildren(body,
        h('div', { class: 'outcome-heading' },
          icon(ok ? 'pass' : 'error'),
          h('span', {}, ok ? `${message.method} resolved` : `${message.method} rejected`),
          ok ? null : h('code', { class: 'outcome-code' }, message.outcome.code),
        ),
        h('p', { class: 'outcome-message' }, message.outcome.message),
        h('pre', { class: 'outcome-json' }, JSON.stringify(message.outcome, null, 2)),
      );
    },
  };
}
