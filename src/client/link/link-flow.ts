/**
 * The guided link/unlink flow behind the palette commands: pick a conversation, a table and a record
 * (searched live, or a GUID typed and checked as you type), then run the call.
 */
import * as vscode from 'vscode';
import { ENTITIES } from '@omnichannel-tools/core/catalogue';
import type { LinkBackend } from '../../backends/types';
import type { ConversationSummary, EntityLogicalName, LinkMethod, LinkRequest, RecordRef } from '../../protocol/link';
import { startsLikeGuid } from '../../protocol/guid';
import { readGuidInput } from './guid';
import { toFailure } from './failure';

/** Asks for the arguments of one call; undefined when the person backs out (Escape). */
export async function askForCall(method: LinkMethod, backend: LinkBackend, log: vscode.LogOutputChannel): Promise<LinkRequest | undefined> {
  const conversation = await pickConversation(method, backend, log);
  if (!conversation) return undefined;
  if (method === 'unlinkFromConversation') {
    const linked = await pickLinkedRecord(conversation);
    if (linked === undefined) return undefined;
    if (linked !== 'other') return { entityLogicalName: linked.entityLogicalName, recordId: linked.id, conversationId: conversation.id };
  }
  const entity = await pickEntity(method);
  if (!entity) return undefined;
  const recordId = await pickRecord(entity, backend, log);
  if (!recordId) return undefined;
  return { entityLogicalName: entity, recordId, conversationId: conversation.id };
}

interface ConversationItem extends vscode.QuickPickItem { readonly conversation: ConversationSummary }

async function pickConversation(method: LinkMethod, backend: LinkBackend, log: vscode.LogOutputChannel): Promise<ConversationSummary | undefined> {
  let conversations: ConversationSummary[];
  try {
    conversations = await vscode.window.withProgress(
      { location: vscode.ProgressLocation.Window, title: `Listing conversations in ${backend.name}` },
      () => backend.listConversations(),
    );
  } catch (error) {
    const failure = toFailure(method, error);
    log.warn(`listConversations in ${backend.name}: ${failure.code}: ${failure.message}`);
    void vscode.window.showErrorMessage(`Could not list the conversations of ${backend.name}: ${failure.message}`);
    return undefined;
  }
  if (conversations.length === 0) {
    void vscode.window.showInformationMessage(`${backend.name} has no open conversations to ${method === 'linkToConversation' ? 'link to' : 'unlink from'}.`);
    return undefined;
  }
  // The focused conversation is what the API uses when no id is given, so it comes first.
  const ordered = [...conversations].sort((a, b) => Number(b.focused === true) - Number(a.focused === true));
  const items: ConversationItem[] = ordered.map(conversation => ({
    conversation,
    label: `${conversation.linkable ? '$(comment-discussion)' : '$(circle-slash)'} ${conversation.title}`,
    description: [conversation.statusLabel, conversation.focused ? 'focused' : ''].filter(Boolean).join(' · '),
    detail: conversation.linkable
      ? describeLinks(conversation)
      : `Not active (${conversation.statusLabel}): the API accepts links only on active conversations. ${describeLinks(conversation)}`,
  }));
  const picked = await vscode.window.showQuickPick(items, {
    title: `${method === 'linkToConversation' ? 'Link to' : 'Unlink from'} which conversation? (${backend.name})`,
    placeHolder: 'Type to filter by title',
    matchOnDescription: true,
    matchOnDetail: true,
    ignoreFocusOut: true,
  });
  return picked?.conversation;
}

function describeLinks(conversation: ConversationSummary): string {
  const name = (record: RecordRef | null): string => (record ? `${record.name ?? record.id} (${record.entityLogicalName})` : 'none');
  return `Customer: ${name(conversation.customer)} · Case: ${name(conversation.case)}`;
}

interface LinkedItem extends vscode.QuickPickItem { readonly record?: RecordRef }

async function pickLinkedRecord(conversation: ConversationSummary): Promise<RecordRef | 'other' | undefined> {
  const items: LinkedItem[] = [];
  for (const [slot, record] of [['Customer', conversation.customer], ['Case', conversation.case]] as const) {
    if (record) items.push({ record, label: `$(link) ${record.name ?? record.id}`, description: `${slot} · ${record.entityLogicalName}`, detail: record.id });
  }
  items.push({ label: '$(edit) Another record…', description: 'choose the table and record yourself (to see how the API rejects it)' });
  const picked = await vscode.window.showQuickPick(items, { title: `Unlink which record from "${conversation.title}"?`, ignoreFocusOut: true });
  if (!picked) return undefined;
  return picked.record ?? 'other';
}

interface EntityItem extends vscode.QuickPickItem { readonly entity: EntityLogicalName }

async function pickEntity(method: LinkMethod): Promise<EntityLogicalName | undefined> {
  const items: EntityItem[] = ENTITIES.map(entity => ({
    entity: entity.logicalName,
    label: entity.logicalName,
    description: entity.displayName,
    detail: entity.slot === 'customer' ? 'Customer slot: replaces a linked account or contact.' : 'Case slot: replaces a linked case.',
  }));
  const picked = await vscode.window.showQuickPick(items, {
    title: method === 'linkToConversation' ? 'Link a record of which table?' : 'Unlink a record of which table?',
    ignoreFocusOut: true,
  });
  return picked?.entity;
}

interface RecordItem extends vscode.QuickPickItem { readonly recordId?: string }

/** A quick pick that searches by name as you type and also takes a GUID, checked as you type. */
function pickRecord(entity: EntityLogicalName, backend: LinkBackend, log: vscode.LogOutputChannel): Promise<string | undefined> {
  return new Promise(resolve => {
    const quickPick = vscode.window.createQuickPick<RecordItem>();
    quickPick.title = `Which ${entity}? Type a name to search ${backend.name}, or paste its id`;
    quickPick.placeholder = 'Name or GUID, e.g. 5a2a6a28-9f8e-4c38-9a4f-1a0b3c2d4e5f';
    quickPick.matchOnDescription = true;
    quickPick.ignoreFocusOut = true;
    let found: RecordItem[] = [];
    let search: AbortController | undefined;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let settled = false;

    const render = (): void => {
      const typed = readGuidInput(quickPick.value);
      const top: RecordItem[] = [];
      if (typed.kind === 'valid') top.push({ recordId: typed.guid, label: `$(key) Use id ${typed.guid}`, alwaysShow: true });
      if (typed.kind === 'normalised') top.push({ recordId: typed.guid, label: `$(key) Use id ${typed.guid}`, detail: typed.hint, alwaysShow: true });
      // Braces are refused, as everywhere: the message, then the id without them as a choice of its own.
      if (typed.kind === 'braced') {
        top.push({ label: `$(warning) ${typed.message}`, alwaysShow: true }, { recordId: typed.guid, label: `$(key) Use id ${typed.guid}`, alwaysShow: true });
      }
      if (typed.kind === 'invalid' && startsLikeGuid(quickPick.value)) {
        top.push({ label: `$(warning) ${typed.message}`, alwaysShow: true });
      }
      quickPick.items = [...top, ...found];
    };

    const runSearch = (text: string): void => {
      search?.abort();
      const controller = new AbortController();
      search = controller;
      quickPick.busy = true;
      backend.findRecords(entity, text, { signal: controller.signal }).then(records => {
        if (controller.signal.aborted) return;
        found = records.map(record => ({ recordId: record.id, label: record.name ?? record.id, description: record.id, alwaysShow: true }));
        render();
      }, error => {
        if (controller.signal.aborted) return;
        found = [];
        const failure = toFailure('linkToConversation', error, controller.signal);
        log.warn(`findRecords(${entity}, "${text}") in ${backend.name}: ${failure.message}`);
        quickPick.items = [{ label: `$(error) Search failed: ${failure.message}`, alwaysShow: true }];
      }).finally(() => {
        if (search === controller) quickPick.busy = false;
      });
    };

    const finish = (value: string | undefined): void => {
      if (settled) return;
      settled = true;
      search?.abort();
      if (timer) clearTimeout(timer);
      quickPick.dispose();
      resolve(value);
    };

    quickPick.onDidChangeValue(value => {
      render();
      if (timer) clearTimeout(timer);
      // Debounced so a fast typist does not send a request per key to a real environment.
      timer = setTimeout(() => runSearch(value.trim()), 200);
    });
    quickPick.onDidAccept(() => {
      const picked = quickPick.selectedItems[0] ?? quickPick.activeItems[0];
      if (picked?.recordId) finish(picked.recordId);
    });
    quickPick.onDidHide(() => finish(undefined));
    quickPick.show();
    runSearch('');
  });
}
