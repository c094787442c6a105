/**
 * The call form: table, record (a typed id checked as you type, or found by name), conversation, and the
 * Link / Unlink / Cancel buttons with the running call's progress.
 */
import { ENTITIES } from '@omnichannel-tools/core/catalogue';
import type { ConversationSummary, EntityLogicalName, LinkMethod, LinkRequest, RecordRef } from '../../../protocol/link';
import type { PanelEnvironment } from '../../../protocol/webview';
import { h, replaceChildren } from '../dom';
import { checkRecordId } from '../record-id';
import type { SavedState } from '../vscode-api';

export interface FormActions {
  run(method: LinkMethod, request: LinkRequest): void;
  cancel(): void;
  search(entity: EntityLogicalName, text: string): void;
  /** The form values changed (to be saved across reloads). */
  changed(state: SavedState): void;
  /** The picked conversation changed (the list marks it). */
  conversationPicked(conversationId: string): void;
}

export interface FormView {
  readonly element: HTMLElement;
  /** New environment or conversations: rebuild the conversation choices, keeping the selection when possible. */
  setConversations(environment: PanelEnvironment, conversations: readonly ConversationSummary[], unavailable?: string): void;
  setRunning(running: boolean, progress?: string): void;
  setSearchResults(records: readonly RecordRef[], error: string | undefined): void;
  /** Picks a conversation (a click in the conversations list). */
  pickConversation(conversationId: string): void;
}

/** The conversation option meaning "no conversation id" (the focused conversation, simulator only). */
const FOCUSED = '';
const SEARCH_DELAY_MS = 250;

export function formView(saved: Partial<SavedState>, actions: FormActions): FormView {
  const entity = h('vscode-single-select', { id: 'entity', 'aria-label': 'Table' },
    ...ENTITIES.map(e => h('vscode-option', { value: e.logicalName, description: e.doc, selected: e.logicalName === (saved.entity ?? 'incident') }, `${e.displayName} (${e.logicalName})`)));

  const recordId = h('vscode-textfield', { id: 'record-id', placeholder: 'GUID, e.g. 5a2a6a28-9f8e-4c38-9a4f-1a0b3c2d4e5f', 'aria-describedby': 'record-help' });
  recordId.value = saved.recordId ?? '';
  const recordHelp = h('div', { id: 'record-help', class: 'help', 'aria-live': 'polite' });
  /** The picked record's name, under its id, when the panel has seen it (a search, a conversation's links). */
  const recordName = h('div', { id: 'record-name', class: 'record-name', 'aria-live': 'polite', hidden: true });
  const names = new Map<string, RecordRef>();

  const search = h('vscode-textfield', { id: 'record-search', type: 'search', placeholder: searchPlaceholder(saved.entity ?? 'incident'), 'aria-label': 'Find a record by name' });
  search.value = saved.search ?? '';
  const results = h('ul', { id: 'search-results', class: 'search-results', 'aria-label': 'Search results' });

  const conversation = h('vscode-single-select', { id: 'conversation', 'aria-label': 'Conversation' });
  const conversationHelp = h('div', { id: 'conversation-help', class: 'help' });

  const link = h('vscode-button', { id: 'link', icon: 'link', disabled: true }, 'Link');
  const unlink = h('vscode-button', { id: 'unlink', icon: 'debug-disconnect', secondary: true, disabled: true }, 'Unlink');
  const cancel = h('vscode-button', { id: 'cancel', secondary: true, hidden: true }, 'Cancel');
  const progress = h('div', { id: 'progress', class: 'progress', role: 'status', hidden: true },
    h('vscode-progress-ring', { class: 'ring' }), h('span', { class: 'progress-text' }));

  let conversationValue = saved.conversation ?? FOCUSED;
  let hasConversations = false;
  let running = false;
  let searchTimer: ReturnType<typeof setTimeout> | undefined;

  const current = (): SavedState => ({ entity: entity.value, recordId: recordId.value, conversation: conversationValue, search: search.value });

  function refreshButtons(): void {
    const check = checkRecordId(recordId.value);
    const ready = !running && hasConversations && (check.kind === 'valid' || check.kind === 'normalised');
    link.disabled = !ready;
    unlink.disabled = !ready;
    cancel.hidden = !running;
  }

  function showName(): void {
    const check = checkRecordId(recordId.value);
    const known = check.kind === 'valid' || check.kind === 'normalised' ? names.get(check.id) : undefined;
    recordName.hidden = !known?.name;
    replaceChildren(recordName, known?.name ? h('span', { class: 'codicon codicon-check', 'aria-hidden': 'true' }) : null, known?.name ?? '',
      known && known.entityLogicalName !== entity.value ? h('span', { class: 'warning-text' }, ` (a ${entityName(known.entityLogicalName)}, not a ${entityName(entity.value)})`) : null);
  }

  function validate(): void {
    showName();
    const check = checkRecordId(recordId.value);
    recordId.invalid = check.kind === 'invalid';
    recordHelp.className = `help${check.kind === 'invalid' ? ' error-text' : check.kind === 'normalised' ? ' hint-text' : ''}`;
    recordHelp.textContent = check.kind === 'invalid' ? check.error : check.kind === 'normalised' ? check.hint : '';
    refreshButtons();
  }

  function request(): LinkRequest | undefined {
    const check = checkRecordId(recordId.value);
    if (check.kind !== 'valid' && check.kind !== 'normalised') return undefined;
    const base = { entityLogicalName: entity.value, recordId: check.id };
    return conversationValue === FOCUSED ? base : { ...base, conversationId: conversationValue };
  }

  function runSearch(): void {
    clearTimeout(searchTimer);
    const text = search.value.trim();
    if (text === '') {
      replaceChildren(results);
      return;
    }
    replaceChildren(results, h('li', { class: 'muted' }, 'Searching…'));
    actions.search(entity.value as EntityLogicalName, text);
  }

  recordId.addEventListener('input', () => {
    validate();
    actions.changed(current());
  });
  // On commit (blur or Enter) the field takes the normalised form, so what is shown is what is sent.
  recordId.addEventListener('change', () => {
    const check = checkRecordId(recordId.value);
    if (check.kind === 'normalised') recordId.value = check.id;
    actions.changed(current());
  });
  search.addEventListener('input', () => {
    clearTimeout(searchTimer);
    searchTimer = setTimeout(runSearch, SEARCH_DELAY_MS);
    actions.changed(current());
  });
  search.addEventListener('keydown', event => {
    if (event.key === 'Enter') runSearch();
  });
  entity.addEventListener('change', () => {
    actions.changed(current());
    search.placeholder = searchPlaceholder(entity.value);
    showName();
    if (search.value.trim()) runSearch();
  });
  conversation.addEventListener('change', () => {
    conversationValue = conversation.value;
    actions.changed(current());
    actions.conversationPicked(conversationValue);
  });
  for (const [button, method] of [[link, 'linkToConversation'], [unlink, 'unlinkFromConversation']] as const) {
    button.addEventListener('click', () => {
      const r = request();
      if (r && !button.disabled) actions.run(method, r);
    });
  }
  cancel.addEventListener('click', () => actions.cancel());

  const field = (label: string, forId: string, ...rest: Node[]) =>
    h('div', { class: 'field' }, h('vscode-label', { for: forId }, label), ...rest);

  const element = h('section', { class: 'form', 'aria-label': 'Run a call' },
    field('Table', 'entity', entity),
    field('Record ID', 'record-id', recordId, recordName, recordHelp),
    h('div', { class: 'field search' }, search, results),
    field('Conversation', 'conversation', conversation, conversationHelp),
    h('div', { class: 'buttons' }, link, unlink, cancel),
    progress,
  );

  validate();

  return {
    element,
    setConversations(environment, conversations, unavailable) {
      const simulator = environment.kind === 'simulator';
      const choices: { value: string; label: string; description: string }[] = [];
      if (simulator) choices.push({ value: FOCUSED, label: 'Focused conversation', description: 'No conversation id: the API uses the focused conversation' });
      for (const c of conversations) {
        const marks = [c.statusLabel, c.focused ? 'focused' : '', c.linkable ? '' : 'not linkable'].filter(Boolean).join(', ');
        choices.push({ value: c.id, label: `${c.title || c.id} (${marks})`, description: c.id });
      }
      if (!choices.some(c => c.value === conversationValue)) {
        conversationValue = choices.find(c => c.value !== FOCUSED && conversations.find(x => x.id === c.value)?.linkable)?.value
          ?? choices[0]?.value ?? FOCUSED;
      }
      for (const c of conversations) for (const r of [c.customer, c.case]) if (r?.name) names.set(r.id, r);
      showName();
      hasConversations = choices.length > 0;
      replaceChildren(conversation, ...choices.map(c =>
        h('vscode-option', { value: c.value, description: c.description, selected: c.value === conversationValue }, c.label)));
      conversation.value = conversationValue;
      conversation.disabled = !hasConversations;
      conversationHelp.textContent = hasConversations ? '' : unavailable ?? 'No conversation to link to: refresh, or switch environment.';
      actions.conversationPicked(conversationValue);
      refreshButtons();
    },
    pickConversation(conversationId) {
      if (!Array.from(conversation.querySelectorAll('vscode-option')).some(o => o.value === conversationId)) return;
      conversationValue = conversationId;
      conversation.value = conversationId;
      actions.changed(current());
      actions.conversationPicked(conversationValue);
    },
    setRunning(isRunning, message) {
      running = isRunning;
      progress.hidden = !isRunning;
      const text = progress.querySelector('.progress-text');
      if (text) text.textContent = message ?? 'Running…';
      refreshButtons();
    },
    setSearchResults(records, error) {
      if (search.value.trim() === '') return;
      if (error) {
        replaceChildren(results, h('li', { class: 'error-text' }, error));
        return;
      }
      if (records.length === 0) {
        replaceChildren(results, h('li', { class: 'muted' }, 'No matching records.'));
        return;
      }
      for (const record of records) if (record.name) names.set(record.id, record);
      replaceChildren(results, ...records.map(record => {
        const pick = h('button', { type: 'button', class: 'result', title: record.id },
          h('span', {}, record.name ?? record.id), h('span', { class: 'muted' }, record.id));
        pick.addEventListener('click', () => {
          recordId.value = record.id;
          replaceChildren(results);
          validate();
          actions.changed(current());
        });
        return h('li', {}, pick);
      }));
    },
  };
}

function entityName(logicalName: string): string {
  return ENTITIES.find(e => e.logicalName === logicalName)?.displayName.toLowerCase() ?? logicalName;
}

function searchPlaceholder(logicalName: string): string {
  return `Find a ${entityName(logicalName)} by name`;
}
