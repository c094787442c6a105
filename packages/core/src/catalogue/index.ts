/**
 * The API catalogue: every fact about `Microsoft.Omnichannel` and the `Microsoft.Apm` refresh family that
 * the product uses, in one place. Docs text is our own.
 */
import { CCAAS_METHODS } from './ccaas';
import type { EntityInfo, MethodInfo, ParameterInfo, RefreshPattern } from './types';

export * from './types';
export * from './objects';
export * from './namespaces';
export * from './ccaas';
export * from './ids';

export const OMNICHANNEL_NAMESPACE = 'Microsoft.Omnichannel';
export const APM_NAMESPACE = 'Microsoft.Apm';

/** Global prefixes under which `Microsoft` may be reached in a web resource or a custom page. */
export const GLOBAL_PREFIXES = ['window', 'parent', 'top', 'self', 'globalThis'] as const;

const entityNameParam: ParameterInfo = {
  name: 'entityLogicalName',
  type: 'entityName',
  typeText: '"account" | "contact" | "incident"',
  optional: false,
  doc: 'Logical name of the record\'s table, exactly `account`, `contact` or `incident` (lower case; `case` and plurals are rejected).',
};

const recordIdParam: ParameterInfo = {
  name: 'recordId',
  type: 'guid',
  typeText: 'string',
  optional: false,
  doc: 'The record\'s GUID, lower case, hyphenated, without braces, e.g. `5a2a6a28-9f8e-4c38-9a4f-1a0b3c2d4e5f`. `formContext.data.entity.getId()` returns `{UPPER-CASE}`: strip the braces and lower the case.',
};

const conversationIdParam = (doc: string): ParameterInfo => ({
  name: 'conversationId',
  type: 'guid',
  typeText: 'string',
  optional: true,
  doc,
});

export const OMNICHANNEL_METHODS: readonly MethodInfo[] = [
  {
    namespace: OMNICHANNEL_NAMESPACE,
    name: 'linkToConversation',
    parameters: [
      entityNameParam,
      recordIdParam,
      conversationIdParam('The conversation (`msdyn_ocliveworkitem`) id. Omitted: the focused conversation.'),
    ],
    returns: 'Promise<LinkResult>',
    returnsPromise: true,
    failure: 'for example when the conversation is not active',
    summary: 'Links an account, contact or case to a conversation.',
    doc: [
      'Links an **account** or **contact** (the customer) or an **incident** (the case) to a conversation.',
      '',
      '- One customer and one case per conversation: a new customer link replaces the previous one (account replaces contact and the reverse); a new case link replaces the previous case.',
      '- Only active conversations accept links.',
      '- It writes to the database only: **the agent sees the link after the UI is refreshed, and refreshing is the caller\'s job** — call `Microsoft.Apm.getFocusedSession().getFocusedTab().refresh()` (or `Microsoft.Apm.refreshTab(tabId)`) when the promise resolves.',
    ].join('\n'),
    example: 'Microsoft.Omnichannel.linkToConversation("incident", caseId, conversationId)\n  .then(() => Microsoft.Apm.getFocusedSession().getFocusedTab().refresh(), error => console.error(error));',
  },
  {
    namespace: OMNICHANNEL_NAMESPACE,
    name: 'unlinkFromConversation',
    parameters: [
      entityNameParam,
      recordIdParam,
      conversationIdParam('The conversation id. Omitted: the focused conversation.'),
    ],
    returns: 'Promise<LinkResult>',
    returnsPromise: true,
    failure: 'for example when the conversation is not active',
    summary: 'Removes a customer or case link from a conversation.',
    doc: 'Removes the link between a conversation and its customer (account or contact) or case (incident). Like a link, it changes the database only: refresh the UI when the promise resolves.',
    example: 'await Microsoft.Omnichannel.unlinkFromConversation("contact", contactId);\nMicrosoft.Apm.getFocusedSession().getFocusedTab().refresh();',
  },
  {
    namespace: OMNICHANNEL_NAMESPACE,
    name: 'getConversationId',
    parameters: [],
    returns: 'Promise<string>',
    returnsPromise: true,
    failure: 'for example when the focused session is not a conversation',
    summary: 'Resolves the focused conversation\'s id.',
    doc: 'Resolves the id of the conversation in the focused session. Rejects when the focused session is not a conversation (for example a case session or the home session).',
    example: 'const conversationId = await Microsoft.Omnichannel.getConversationId();',
  },
  {
    namespace: OMNICHANNEL_NAMESPACE,
    name: 'getConversations',
    parameters: [
      {
        name: 'input',
        type: 'object',
        typeText: '{ agentId: string; attributes?: string[]; status?: number[]; orderBy?: { attributeName: string; descending: boolean }[]; createdBeforeDays?: number }',
        optional: false,
        doc: 'The query. `agentId` (the agent\'s systemuser id) is required; `attributes` picks columns, `status` filters by statuscode (1 Open, 2 Active, 3 Waiting, 4 Closed, 5 Wrap-up, 6 Resolved, 7 Scheduled), `orderBy` sorts, `createdBeforeDays` limits age. The reference calls it a string, but it takes an object.',
      },
      {
        name: 'correlationId',
        type: 'string',
        typeText: 'string',
        optional: true,
        doc: 'An id of your own that ties the call to your telemetry.',
      },
    ],
    returns: 'Promise<Conversation[]>',
    returnsPromise: true,
    failure: 'for example when agentId is missing or not a user\'s id',
    summary: 'Resolves the conversations of an agent.',
    doc: 'Resolves the conversations assigned to an agent, filtered by status reason and age.',
    example: 'const conversations = await Microsoft.Omnichannel.getConversations({ agentId, status: [2] });',
  },
  {
    namespace: OMNICHANNEL_NAMESPACE,
    name: 'openConversation',
    parameters: [
      { name: 'conversationId', type: 'guid', typeText: 'string', optional: false, doc: 'The conversation to open.' },
      { name: 'lastSessionId', type: 'guid', typeText: 'string', optional: true, doc: 'The conversation\'s last session id (`msdyn_lastsessionid`).' },
      { name: 'liveWorkStreamId', type: 'guid', typeText: 'string', optional: true, doc: 'The conversation\'s workstream id (`msdyn_liveworkstreamid`).' },
    ],
    returns: 'Promise<void>',
    returnsPromise: true,
    failure: 'for example when the conversation does not exist or cannot be opened by the agent',
    summary: 'Opens a conversation as a session.',
    doc: 'Opens the conversation in a new session of the agent\'s workspace (or focuses its session if it is already open).',
    example: 'await Microsoft.Omnichannel.openConversation(conversationId);',
  },
  {
    namespace: OMNICHANNEL_NAMESPACE,
    name: 'sendMessageToConversation',
    parameters: [
      { name: 'message', type: 'string|object', typeText: 'string | object', optional: false, doc: 'The text to send, or a message object.' },
      { name: 'toSendBox', type: 'boolean', typeText: 'boolean', optional: true, doc: '`true` (the default) puts the message in the agent\'s send box; `false` sends it to the customer at once.' },
      conversationIdParam('The conversation id. Omitted: the focused conversation.'),
    ],
    returns: 'Promise<void>',
    returnsPromise: true,
    failure: 'for example when the conversation is not assigned to the signed-in agent',
    summary: 'Puts a message in the send box or sends it.',
    doc: 'Puts a message in the conversation\'s send box, or sends it when `toSendBox` is `false`. The conversation must be assigned to the signed-in agent.',
    example: 'await Microsoft.Omnichannel.sendMessageToConversation("Your case number is 0042.", true);',
  },
];

/** The `Microsoft.Omnichannel` methods that write a link: what the link rules, entity-name completion and "run this call" are about. */
export const LINK_METHODS: ReadonlySet<string> = new Set(['linkToConversation', 'unlinkFromConversation']);

const apm = (name: string, parameters: ParameterInfo[], returns: string, summary: string, doc: string): MethodInfo =>
  ({ namespace: APM_NAMESPACE, name, parameters, returns, returnsPromise: false, summary, doc });
const idParam = (name: string, doc: string, optional = false): ParameterInfo => ({ name, type: 'string', typeText: 'string', optional, doc });
/** What the reference pages of `createSession` and `createTab` say about the id, against what real code does. */
const idAsString = (what: string) =>
  `The reference page says it returns the ${what} id as a string. Real customizations \`await\` it or chain \`.then(success, error)\` (as an earlier version of the page showed): \`await\` works either way, \`.then\` only if the workspace returns a promise.`;

/**
 * `Microsoft.Apm` as the reference pages document it: none of these returns a promise. Where real code or
 * an earlier page treats one as a promise, its doc says so.
 */
export const APM_METHODS: readonly MethodInfo[] = [
  apm('refreshTab', [idParam('tabId', 'The tab\'s runtime id.')], 'void', 'Refreshes a tab.', 'Refreshes the tab with the given id, so that a link made with `linkToConversation` shows. Tab ids are runtime values: `Microsoft.Apm.getFocusedSession().getFocusedTab().refresh()` needs none. The reference page documents no return value (an earlier version showed `refreshTab(tabId).then(success, error)`): do not wait on it.'),
  apm('getFocusedSession', [], 'Session', 'Returns the focused session.', 'Returns the session the agent is looking at. `getFocusedSession().getFocusedTab().refresh()` refreshes what the agent sees.'),
  apm('getSession', [idParam('sessionId', 'The session id.')], 'Session', 'Returns a session by id.', 'Returns the session with the given id.'),
  apm('getAllSessions', [], 'string[]', 'Returns the ids of all sessions.', 'Returns the ids of all open sessions.'),
  apm('createSession', [{ name: 'input', type: 'object', typeText: '{ templateName: string; sessionContext?: object; isFocused?: boolean }', optional: false, doc: 'The session template and its context.' }], 'string', 'Opens a session from a template.', `Creates a session from a session template. ${idAsString('session')}`),
  apm('canCreateSession', [], 'boolean', 'Whether another session can be opened.', 'Tells whether the agent may open another session (the workspace limits their number).'),
  apm('createTab', [{ name: 'input', type: 'object', typeText: '{ templateName: string; appContext?: object; isFocused?: boolean }', optional: false, doc: 'The tab template and its context.' }], 'string', 'Opens a tab from a template.', `Creates a tab in the focused session from an application tab template. ${idAsString('tab')}`),
  apm('focusTab', [idParam('tabId', 'The tab id.')], 'void', 'Focuses a tab.', 'Brings the tab with the given id to the front.'),
  apm('closeTab', [idParam('tabId', 'The tab id.')], 'void', 'Closes a tab.', 'Closes the tab with the given id (not the session\'s first tab). The reference page documents no return value.'),
  apm('getEventPublisherTopic', [idParam('eventName', '`ON_SESSION_SWITCH`, `ON_SESSION_CLOSED` or `ON_TAB_SWITCH`.')], 'string', 'Returns the broadcast topic of an event.', 'Returns the BroadcastChannel topic on which the workspace publishes the event.'),
];

/** Events accepted by `Microsoft.Apm.getEventPublisherTopic`. */
export const APM_EVENTS = ['ON_SESSION_SWITCH', 'ON_SESSION_CLOSED', 'ON_TAB_SWITCH'] as const;

export const ENTITIES: readonly EntityInfo[] = [
  {
    logicalName: 'account',
    displayName: 'Account',
    entitySet: 'accounts',
    slot: 'customer',
    doc: 'A customer organisation. Fills the conversation\'s **customer** slot (replacing a linked contact).',
    aliases: ['accounts', 'organization', 'organisation', 'company'],
  },
  {
    logicalName: 'contact',
    displayName: 'Contact',
    entitySet: 'contacts',
    slot: 'customer',
    doc: 'A customer person. Fills the conversation\'s **customer** slot (replacing a linked account).',
    aliases: ['contacts', 'customer', 'person', 'people'],
  },
  {
    logicalName: 'incident',
    displayName: 'Case',
    entitySet: 'incidents',
    slot: 'case',
    doc: 'A case. Its logical name is `incident`, not `case`. Fills the conversation\'s **case** slot (replacing a linked case).',
    aliases: ['case', 'cases', 'incidents', 'ticket'],
  },
];

export const ENTITY_NAMES: readonly string[] = ENTITIES.map(e => e.logicalName);

/** Calls that refresh the UI after a link. User-configured function names are added to these. */
export const REFRESH_PATTERNS: readonly RefreshPattern[] = [
  { path: 'Microsoft.Apm.refreshTab', doc: 'Refreshes a tab by id.' },
  { path: 'Microsoft.Apm.getFocusedSession().getFocusedTab().refresh', doc: 'Refreshes the focused tab.' },
  { path: 'Microsoft.Apm.getFocusedSession().getTab().refresh', doc: 'Refreshes a tab of the focused session.' },
  { path: 'Microsoft.Apm.getSession().getFocusedTab().refresh', doc: 'Refreshes the focused tab of a session.' },
  { path: 'Microsoft.Apm.getSession().getTab().refresh', doc: 'Refreshes a tab of a session.' },
  { path: 'Microsoft.CIFramework.refreshTab', doc: 'Channel providers\' tab refresh.' },
  { path: '*.data.refresh', doc: '`formContext.data.refresh(save)` refreshes one form.' },
  { path: 'Xrm.Page.data.refresh', doc: 'Deprecated `Xrm.Page` form refresh.' },
];

/** The refresh call the quick fix inserts unless the user sets `omnichannel.refreshCall`. */
export const DEFAULT_REFRESH_CALL = 'Microsoft.Apm.getFocusedSession().getFocusedTab().refresh()';

/** Calls returning a form record id in `{UPPER-CASE}` form. */
export const FORM_ID_GETTERS: readonly string[] = ['*.data.entity.getId', 'Xrm.Page.data.entity.getId'];

export const ALL_METHODS: readonly MethodInfo[] = [...OMNICHANNEL_METHODS, ...APM_METHODS, ...CCAAS_METHODS];

export function findMethod(namespace: string, name: string): MethodInfo | undefined {
  return ALL_METHODS.find(m => m.namespace === namespace && m.name === name);
}

export function methodsOf(namespace: string): readonly MethodInfo[] {
  return ALL_METHODS.filter(m => m.namespace === namespace);
}

export function findEntity(logicalName: string): EntityInfo | undefined {
  return ENTITIES.find(e => e.logicalName === logicalName);
}

/** The entity a mistaken name most likely means (`case` → incident, `Contact` → contact), if any. */
export function intendedEntity(name: string): EntityInfo | undefined {
  const lower = name.trim().toLowerCase();
  return ENTITIES.find(e => e.logicalName === lower || e.aliases.includes(lower));
}

/** Conversation status reasons (statuscode) and their state (statecode). */
export const CONVERSATION_STATUSES = [
  { statuscode: 1, label: 'Open', statecode: 0 },
  { statuscode: 2, label: 'Active', statecode: 0 },
  { statuscode: 3, label: 'Waiting', statecode: 0 },
  { statuscode: 4, label: 'Closed', statecode: 1 },
  { statuscode: 5, label: 'Wrap-up', statecode: 0 },
  { statuscode: 6, label: 'Resolved', statecode: 2 },
  { statuscode: 7, label: 'Scheduled', statecode: 3 },
] as const;

/** Dataverse facts behind a link (table, columns, navigation properties). */
export const DATAVERSE = {
  conversationEntitySet: 'msdyn_ocliveworkitems',
  conversationKey: 'activityid',
  customerColumn: '_msdyn_customer_value',
  caseColumn: '_msdyn_issueid_value',
  navigation: {
    account: 'msdyn_customer_msdyn_ocliveworkitem_account',
    contact: 'msdyn_customer_msdyn_ocliveworkitem_contact',
    incident: 'msdyn_IssueId_msdyn_ocliveworkitem',
  },
  apiPath: '/api/data/v9.2',
} as const;
