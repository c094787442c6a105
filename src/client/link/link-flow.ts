/**
 * The guided link/unlink flow behind the palette commands, as numbered steps with a Back button.
 *
 * Link asks in the order a person thinks of it: which kind of record, which record (searched by name as
 * you type, or a GUID checked as you type), then which conversation. Unlink starts from the conversation
 * (its linked records are what can be unlinked), then the record. Conversations that do not accept the
 * call (closed, wrap-up: the shared linkable-status rule) are listed apart under "Cannot be linked" with
 * the reason, and picking one keeps the step open and says why.
 */
import * as vscode from 'vscode';
import { ENTITIES } from '@omnichannel-tools/core/catalogue';
import { notLinkableReason, type LinkableStatus } from '@omnichannel-tools/testing/call-rules';
import type { LinkBackend } from '../../backends/types';
import type { CallNames, ConversationSummary, EntityLogicalName, LinkMethod, LinkRequest, RecordRef } from '../../protocol/link';
import { startsLikeGuid } from '../../protocol/guid';
import { readGuidInput } from './guid';
import { remedyFor, toFailure } from './failure';
import { failureActions, OPEN_SETTINGS_ACTION, RETRY_ACTION, SHOW_LOG_ACTION, SIGN_IN_ACTION } from './outcome-text';
import { conversationNames, conversationPhrase, entityTitle, entityWord, recordPhrase } from './words';

export interface FlowDeps {
  readonly log: vscode.LogOutputChannel;
  /** The linkable-status rule in force (`omnichannel.simulator.linkableStatus`), to say why a conversation is refused. */
  readonly linkableStatus: LinkableStatus;
}

/** The arguments of the call, and the names the person saw while picking them. */
export interface AskedCall {
  readonly request: LinkRequest;
  readonly names: CallNames;
}

/** The step titles: "Link record" / "Unlink record", with VS Code's "(1/3)" after them. */
export function flowTitle(method: LinkMethod): string {
  return method === 'linkToConversation' ? 'Link record' : 'Unlink record';
}

/** The heading of the separator above conversations that do not accept the call. */
export function refusedHeading(method: LinkMethod): string {
  return method === 'linkToConversation' ? 'Cannot be linked' : 'Cannot be unlinked';
}

/** Why one conversation does not accept the call, e.g. "Closed: links are accepted only on active conversations (statuscode 2). …". */
export function refusedReason(method: LinkMethod, conversation: Pick<ConversationSummary, 'statusLabel'>, mode: LinkableStatus): string {
  return `${conversation.statusLabel}: ${notLinkableReason(method, mode)}`;
}

/** Asks for the arguments of one call; undefined when the person backs out (Escape). */
export async function askForCall(method: LinkMethod, backend: LinkBackend, deps: FlowDeps): Promise<AskedCall | undefined> {
  const flow = new Flow(method, backend, deps);
  return method === 'linkToConversation' ? flow.link() : flow.unlink();
}

type Step<T> = { readonly kind: 'picked'; readonly value: T } | { readonly kind: 'back' } | undefined;

interface Item<T> extends vscode.QuickPickItem {
  readonly value?: T;
  /** Shown (and the step kept open) when this item is picked instead of taking it. */
  readonly refusal?: string;
}

interface StepConfig<T> {
  readonly step: number;
  readonly totalSteps: number;
  readonly placeholder: string;
  readonly items: readonly Item<T>[];
  readonly matchOnDetail?: boolean;
  /** Extra behaviour (live search); returns what to dispose when the step ends. */
  readonly setup?: (quickPick: vscode.QuickPick<Item<T>>) => vscode.Disposable;
}

class Flow {
  private conversations: ConversationSummary[] | undefined;

  constructor(private readonly method: LinkMethod, private readonly backend: LinkBackend, private readonly deps: FlowDeps) {}

  async link(): Promise<AskedCall | undefined> {
    let entity: EntityLogicalName | undefined;
    let record: RecordRef | undefined;
    for (let step = 1; ;) {
      if (step === 1) {
        const picked = await this.pickEntity(step, 3);
        if (!picked) return undefined;
        if (picked.kind === 'back') continue;
        entity = picked.value;
        step = 2;
      } else if (step === 2 && entity) {
        const picked = await this.pickRecord(entity, step, 3);
        if (!picked) return undefined;
        if (picked.kind === 'back') { step = 1; continue; }
        record = picked.value;
        step = 3;
      } else if (record) {
        const picked = await this.pickConversation(step, 3, `Link ${recordPhrase(record.entityLogicalName, record.id, record.name)} to which conversation?`);
        if (!picked) return undefined;
        if (picked.kind === 'back') { step = 2; continue; }
        return call(record, picked.value);
      } else {
        return undefined;
      }
    }
  }

  async unlink(): Promise<AskedCall | undefined> {
    let conversation: ConversationSummary | undefined;
    let entity: EntityLogicalName | undefined;
    for (let step = 1; ;) {
      if (step === 1) {
        const picked = await this.pickConversation(step, 2, 'Unlink a record from which conversation?');
        if (!picked) return undefined;
        if (picked.kind === 'back') continue;
        conversation = picked.value;
        step = 2;
      } else if (step === 2 && conversation) {
        const picked = await this.pickLinked(conversation, step);
        if (!picked) return undefined;
        if (picked.kind === 'back') { step = 1; continue; }
        if (picked.value !== 'other') return call(picked.value, conversation);
        step = 3;
      } else if (step === 3) {
        const picked = await this.pickEntity(step, 4);
        if (!picked) return undefined;
        if (picked.kind === 'back') { step = 2; continue; }
        entity = picked.value;
        step = 4;
      } else if (entity && conversation) {
        const picked = await this.pickRecord(entity, step, 4);
        if (!picked) return undefined;
        if (picked.kind === 'back') { step = 3; continue; }
        return call(picked.value, conversation);
      } else {
        return undefined;
      }
    }
  }

  private pickEntity(step: number, totalSteps: number): Promise<Step<EntityLogicalName>> {
    const items: Item<EntityLogicalName>[] = ENTITIES.map(entity => ({
      value: entity.logicalName,
      label: entity.displayName,
      description: entity.logicalName,
      detail: entity.slot === 'customer'
        ? `Fills the conversation's customer: replaces a linked ${entity.logicalName === 'account' ? 'contact' : 'account'}.`
        : 'Fills the conversation\'s case: replaces a linked case.',
    }));
    return this.step({ step, totalSteps, items, placeholder: this.method === 'linkToConversation' ? 'Which kind of record? A case, an account or a contact' : 'Unlink which kind of record?' });
  }

  /** A step that searches by name as you type and also takes a GUID, checked as you type. */
  private pickRecord(entity: EntityLogicalName, step: number, totalSteps: number): Promise<Step<RecordRef>> {
    const word = entityWord(entity);
    return this.step<RecordRef>({
      step,
      totalSteps,
      items: [],
      placeholder: `Which ${word}? Type a name to search ${this.backend.name}, or paste its id`,
      setup: quickPick => {
        let found: Item<RecordRef>[] = [];
        let search: AbortController | undefined;
        let timer: ReturnType<typeof setTimeout> | undefined;
        quickPick.matchOnDescription = true;
        const render = (): void => {
          const typed = readGuidInput(quickPick.value);
          const top: Item<RecordRef>[] = [];
          if (typed.kind === 'valid' || typed.kind === 'normalised') {
            const known = found.find(item => item.value?.id === typed.guid)?.value;
            top.push({
              value: known ?? { entityLogicalName: entity, id: typed.guid },
              label: `$(key) Use ${word} id ${typed.guid}`,
              ...(typed.kind === 'normalised' ? { detail: typed.hint } : {}),
              alwaysShow: true,
            });
          }
          // Braces are refused, as everywhere: the message, then the id without them as a choice of its own.
          if (typed.kind === 'braced') {
            const known = found.find(item => item.value?.id === typed.guid)?.value;
            top.push({ label: `$(warning) ${typed.message}`, alwaysShow: true }, { value: known ?? { entityLogicalName: entity, id: typed.guid }, label: `$(key) Use ${word} id ${typed.guid}`, alwaysShow: true });
          }
          if (typed.kind === 'invalid' && startsLikeGuid(quickPick.value)) top.push({ label: `$(warning) ${typed.message}`, alwaysShow: true });
          quickPick.items = [...top, ...found];
        };
        const runSearch = (text: string): void => {
          search?.abort();
          const controller = new AbortController();
          search = controller;
          quickPick.busy = true;
          this.backend.findRecords(entity, text, { signal: controller.signal }).then(records => {
            if (controller.signal.aborted) return;
            found = records.map(record => ({ value: record, label: record.name ?? record.id, description: record.id, alwaysShow: true }));
            if (found.length === 0 && text) found = [{ label: `No ${word} matches "${text}".`, alwaysShow: true }];
            render();
          }, error => {
            if (controller.signal.aborted) return;
            found = [];
            const failure = toFailure(this.method, error, controller.signal);
            this.deps.log.warn(`findRecords(${entity}, "${text}") in ${this.backend.name}: ${failure.message}`);
            quickPick.items = [{ label: `$(error) Search failed: ${failure.message}`, alwaysShow: true }];
          }).finally(() => {
            if (search === controller) quickPick.busy = false;
          });
        };
        const changes = quickPick.onDidChangeValue(value => {
          render();
          if (timer) clearTimeout(timer);
          // Debounced so a fast typist does not send a request per key to a real environment.
          timer = setTimeout(() => runSearch(value.trim()), 200);
        });
        runSearch('');
        return new vscode.Disposable(() => {
          changes.dispose();
          search?.abort();
          if (timer) clearTimeout(timer);
        });
      },
    });
  }

  private async pickConversation(step: number, totalSteps: number, placeholder: string): Promise<Step<ConversationSummary>> {
    const conversations = await this.listConversations();
    if (!conversations) return undefined;
    if (conversations.length === 0) {
      void vscode.window.showInformationMessage(`${this.backend.name} has no open conversations to ${this.method === 'linkToConversation' ? 'link to' : 'unlink from'}.`);
      return undefined;
    }
    // The focused conversation is what the API uses when no id is given, so it comes first.
    const ordered = [...conversations].sort((a, b) => Number(b.focused === true) - Number(a.focused === true));
    const accepted = ordered.filter(c => c.linkable);
    const refused = ordered.filter(c => !c.linkable);
    const items: Item<ConversationSummary>[] = accepted.map(conversation => ({
      value: conversation,
      label: `$(comment-discussion) ${conversation.title}`,
      description: [conversation.statusLabel, conversation.focused ? 'focused' : ''].filter(Boolean).join(' · '),
      detail: describeLinks(conversation),
    }));
    if (refused.length > 0) {
      items.push({ label: refusedHeading(this.method), kind: vscode.QuickPickItemKind.Separator });
      for (const conversation of refused) {
        const reason = refusedReason(this.method, conversation, this.deps.linkableStatus);
        items.push({
          label: `$(circle-slash) ${conversation.title}`,
          // Also said here: VS Code hides separators while the list is filtered.
          description: `${conversation.statusLabel} · ${refusedHeading(this.method).toLowerCase()}`,
          detail: reason,
          refusal: `$(warning) “${conversation.title}” cannot be ${this.method === 'linkToConversation' ? 'linked' : 'unlinked'}: ${reason}`,
        });
      }
    }
    return this.step({ step, totalSteps, items, placeholder, matchOnDetail: true });
  }

  private pickLinked(conversation: ConversationSummary, step: number): Promise<Step<RecordRef | 'other'>> {
    const items: Item<RecordRef | 'other'>[] = [];
    for (const record of [conversation.customer, conversation.case]) {
      if (record) items.push({ value: record, label: `$(link) ${record.name ?? record.id}`, description: entityTitle(record.entityLogicalName), detail: record.id });
    }
    items.push({ value: 'other', label: '$(edit) Another record…', description: 'choose the kind and the record yourself (to see how the API rejects it)' });
    return this.step({ step, totalSteps: 2, items, placeholder: `Unlink which record from ${conversationPhrase(conversation.id, conversationNames(conversation))}?` });
  }

  private async listConversations(): Promise<ConversationSummary[] | undefined> {
    if (this.conversations) return this.conversations;
    try {
      this.conversations = await vscode.window.withProgress(
        { location: vscode.ProgressLocation.Window, title: `Listing conversations in ${this.backend.name}` },
        () => this.backend.listConversations(),
      );
      return this.conversations;
    } catch (error) {
      const failure = toFailure(this.method, error);
      this.deps.log.warn(`listConversations in ${this.backend.name}: ${failure.code}: ${failure.message}`);
      // Retry means running the command again, which starts the flow over: offered as such.
      const actions = failureActions(failure);
      void vscode.window.showErrorMessage(`Could not list the conversations of ${this.backend.name}: ${failure.message}`, ...actions).then(answer => {
        if (answer === RETRY_ACTION) void vscode.commands.executeCommand(this.method === 'linkToConversation' ? 'omnichannel.linkRecord' : 'omnichannel.unlinkRecord');
        if (answer === SHOW_LOG_ACTION) this.deps.log.show(true);
        if (answer === SIGN_IN_ACTION) void vscode.commands.executeCommand('omnichannel.signIn', this.backend.name);
        if (answer === OPEN_SETTINGS_ACTION) {
          const remedy = remedyFor(failure.code);
          void vscode.commands.executeCommand('workbench.action.openSettings', remedy.kind === 'openSettings' ? remedy.setting : 'omnichannel');
        }
      });
      return undefined;
    }
  }

  /** One numbered step: resolves with the picked value, 'back', or undefined when the person leaves. */
  private step<T>(config: StepConfig<T>): Promise<Step<T>> {
    return new Promise(resolve => {
      const quickPick = vscode.window.createQuickPick<Item<T>>();
      quickPick.title = flowTitle(this.method);
      quickPick.step = config.step;
      quickPick.totalSteps = config.totalSteps;
      quickPick.placeholder = config.placeholder;
      quickPick.items = config.items;
      quickPick.matchOnDescription = true;
      quickPick.matchOnDetail = config.matchOnDetail ?? false;
      quickPick.ignoreFocusOut = true;
      if (config.step > 1) quickPick.buttons = [vscode.QuickInputButtons.Back];
      let settled = false;
      const extra = config.setup?.(quickPick);
      const finish = (result: Step<T>): void => {
        if (settled) return;
        settled = true;
        extra?.dispose();
        subscriptions.forEach(s => s.dispose());
        quickPick.dispose();
        resolve(result);
      };
      const subscriptions = [
        quickPick.onDidTriggerButton(button => {
          if (button === vscode.QuickInputButtons.Back) finish({ kind: 'back' });
        }),
        quickPick.onDidAccept(() => {
          const picked = quickPick.selectedItems[0] ?? quickPick.activeItems[0];
          if (!picked) return;
          if (picked.refusal) {
            // Kept open: the reason goes to the top of the list, where the eye already is.
            const others = quickPick.items.filter(item => !item.label.startsWith('$(warning) '));
            quickPick.items = [{ label: picked.refusal, alwaysShow: true }, ...others];
            return;
          }
          if (picked.value !== undefined) finish({ kind: 'picked', value: picked.value });
        }),
        quickPick.onDidHide(() => finish(undefined)),
      ];
      quickPick.show();
    });
  }
}

function call(record: RecordRef, conversation: ConversationSummary): AskedCall {
  return {
    request: { entityLogicalName: record.entityLogicalName, recordId: record.id, conversationId: conversation.id },
    names: { ...conversationNames(conversation), ...(record.name ? { record: record.name } : {}) },
  };
}

function describeLinks(conversation: ConversationSummary): string {
  const name = (record: RecordRef | null): string => (record ? record.name ?? record.id : 'none');
  return `Customer: ${name(conversation.customer)} · Case: ${name(conversation.case)}`;
}
