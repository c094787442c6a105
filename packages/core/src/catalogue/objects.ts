/**
 * The objects the APIs hand back (an APM session and tab) and the property a customization assigns
 * (`Microsoft.Omnichannel.TranslationFramework`), as data: the typings are generated from it, and hover
 * and completion can read it. Docs text is our own; where a reference page and real code disagree, it says so.
 */
import type { MethodInfo, ParameterInfo } from './types';

/** A read-only property of a returned object. */
export interface PropertyInfo {
  readonly name: string;
  readonly typeText: string;
  readonly doc: string;
}

export interface ObjectInfo {
  /** The type's name in the typings, e.g. `Session`. */
  readonly name: string;
  readonly doc: string;
  readonly properties: readonly PropertyInfo[];
  readonly methods: readonly MethodInfo[];
}

const member = (owner: string, name: string, parameters: ParameterInfo[], returns: string, summary: string, doc: string, returnsPromise = false): MethodInfo =>
  ({ namespace: owner, name, parameters, returns, returnsPromise, summary, doc });
const tabId: ParameterInfo = { name: 'tabId', type: 'string', typeText: 'string', optional: false, doc: 'The tab\'s runtime id.' };

export const SESSION_OBJECT: ObjectInfo = {
  name: 'Session',
  doc: 'A session of the agent\'s workspace (the home session, a conversation, a case), from `Microsoft.Apm.getFocusedSession()` or `getSession(id)`.',
  properties: [
    { name: 'sessionId', typeText: 'string', doc: 'The session\'s id.' },
    { name: 'title', typeText: 'string', doc: 'The label the session shows.' },
    { name: 'isDefault', typeText: 'boolean', doc: 'Whether this is the home session.' },
    { name: 'canClose', typeText: 'boolean', doc: 'Whether the agent may close it.' },
  ],
  methods: [
    member('Session', 'getFocusedTab', [], 'Tab', 'Returns the focused tab.', 'Returns the tab the agent is looking at in this session; `.refresh()` on it shows a new link.'),
    member('Session', 'getTab', [tabId], 'Tab', 'Returns a tab by id.', 'Returns the tab with the given runtime id.'),
    member('Session', 'getAllTabs', [], 'string[]', 'Returns the ids of the session\'s tabs.', 'Returns the ids of every tab open in this session.'),
    member('Session', 'getContext', [], 'Promise<Record<string, unknown>>', 'Resolves the session\'s context.', 'Resolves the session\'s context parameters (for a conversation, its ids and customer data). It can reject: handle it.', true),
    member('Session', 'focus', [], 'void', 'Focuses the session.', 'Brings this session to the front.'),
    member('Session', 'requestFocus', [], 'void', 'Asks for the agent\'s attention.', 'Shows a notification on the session when it is not in focus.'),
    member('Session', 'close', [], 'void', 'Closes the session.', 'Closes this session, when `canClose` allows it.'),
  ],
};

export const TAB_OBJECT: ObjectInfo = {
  name: 'Tab',
  doc: 'An application tab of a session, from `session.getFocusedTab()` or `session.getTab(id)`.',
  properties: [
    { name: 'tabId', typeText: 'string', doc: 'The tab\'s runtime id.' },
    { name: 'title', typeText: 'string', doc: 'The label the tab shows.' },
    { name: 'canClose', typeText: 'boolean', doc: 'Whether the agent may close it.' },
  ],
  methods: [
    member('Tab', 'refresh', [], 'void', 'Refreshes the tab.', 'Reloads the tab: after `linkToConversation` resolves, this is what makes the link visible.'),
    member('Tab', 'focus', [], 'void', 'Focuses the tab.', 'Brings this tab to the front of its session.'),
    member('Tab', 'close', [], 'boolean', 'Closes the tab.', 'Closes this tab, when `canClose` allows it; tells whether it closed.'),
    member('Tab', 'getContext', [], 'Promise<Record<string, unknown>>', 'Resolves the tab\'s context.', 'Resolves the tab\'s application context. It can reject: handle it.', true),
  ],
};

/**
 * `Microsoft.Omnichannel.TranslationFramework.getTranslationProvider`: a property the customization assigns
 * (a real-time translation web resource), not a method it calls.
 */
export const TRANSLATION_PROVIDER = {
  property: 'getTranslationProvider',
  typeText: '() => TranslationProvider',
  doc: 'Assign a function that returns your translation provider; the workspace calls it when a conversation starts, to translate messages in real time.',
  provider: [
    member('TranslationProvider', 'initializeNewConversation', [{ name: 'conversationConfig', type: 'object', typeText: 'Record<string, unknown>', optional: false, doc: 'The conversation\'s settings (ids, languages).' }], 'Promise<{ keepTranslationOn: boolean; c1Language?: string }>', 'Starts translating a conversation.', 'Called for each new conversation: resolve whether translation stays on and the customer\'s language.', true),
    member('TranslationProvider', 'translateMessage', [
      { name: 'conversationId', type: 'guid', typeText: 'string', optional: false, doc: 'The conversation.' },
      { name: 'translationConfig', type: 'object', typeText: 'Record<string, unknown>', optional: false, doc: 'The message and the languages to translate between.' },
    ], 'Promise<Record<string, unknown>>', 'Translates one message.', 'Called for each message to translate: resolve the translated message.', true),
  ],
} as const;

/** The Microsoft Learn reference page of a documented method. */
export function learnUrl(methodName: string): string {
  return `https://learn.microsoft.com/dynamics365/customer-service/develop/reference/methods/${methodName.toLowerCase()}`;
}

/** A method's Microsoft Learn page; none for the preview SDK, whose reference lives with the SDK. */
export function learnUrlOf(method: MethodInfo): string | undefined {
  return method.preview ? undefined : learnUrl(method.name);
}

/** The README, whose sections document each rule (`#rule-<id>`) and what the analysis checks. */
export const README_URL = 'https://github.com/omnichannel-tools/omnichannel-tools';
