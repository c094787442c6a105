// @omnichannel-tools/types 0.1.0: generated from the Omnichannel Tools API catalogue. Do not edit; run `npm run generate`.
// Global declarations for the Dynamics 365 Omnichannel (Contact Center) agent APIs.

declare namespace Microsoft {
  namespace Omnichannel {
    /** The tables a conversation can be linked to: `account` (Account), `contact` (Contact), `incident` (Case). Exact, lower case. */
    type EntityLogicalName = "account" | "contact" | "incident";
    /** What a link or unlink resolves to. The documentation does not describe it: do not rely on its shape. */
    type LinkResult = unknown;
    /** A conversation row as `getConversations` resolves it: the attributes asked for, by logical name. */
    type Conversation = Record<string, unknown>;

    /**
     * Links an **account** or **contact** (the customer) or an **incident** (the case) to a conversation.
     *
     * - One customer and one case per conversation: a new customer link replaces the previous one (account replaces contact and the reverse); a new case link replaces the previous case.
     * - Only active conversations accept links.
     * - It writes to the database only: **the agent sees the link after the UI is refreshed, and refreshing is the caller's job** — call `Microsoft.Apm.getFocusedSession().getFocusedTab().refresh()` (or `Microsoft.Apm.refreshTab(tabId)`) when the promise resolves.
     *
     * @param entityLogicalName Logical name of the record's table, exactly `account`, `contact` or `incident` (lower case; `case` and plurals are rejected).
     * @param recordId The record's GUID, lower case, hyphenated, without braces, e.g. `5a2a6a28-9f8e-4c38-9a4f-1a0b3c2d4e5f`. `formContext.data.entity.getId()` returns `{UPPER-CASE}`: strip the braces and lower the case.
     * @param conversationId The conversation (`msdyn_ocliveworkitem`) id. Omitted: the focused conversation.
     * @returns A promise that resolves to `LinkResult` when the call succeeds and rejects with the workspace's error otherwise: handle the rejection.
     * @see {@link https://learn.microsoft.com/dynamics365/customer-service/develop/reference/methods/linktoconversation Microsoft Learn: linkToConversation}
     */
    function linkToConversation(entityLogicalName: EntityLogicalName, recordId: string, conversationId?: string): Promise<LinkResult>;
    /**
     * Removes the link between a conversation and its customer (account or contact) or case (incident). Like a link, it changes the database only: refresh the UI when the promise resolves.
     *
     * @param entityLogicalName Logical name of the record's table, exactly `account`, `contact` or `incident` (lower case; `case` and plurals are rejected).
     * @param recordId The record's GUID, lower case, hyphenated, without braces, e.g. `5a2a6a28-9f8e-4c38-9a4f-1a0b3c2d4e5f`. `formContext.data.entity.getId()` returns `{UPPER-CASE}`: strip the braces and lower the case.
     * @param conversationId The conversation id. Omitted: the focused conversation.
     * @returns A promise that resolves to `LinkResult` when the call succeeds and rejects with the workspace's error otherwise: handle the rejection.
     * @see {@link https://learn.microsoft.com/dynamics365/customer-service/develop/reference/methods/unlinkfromconversation Microsoft Learn: unlinkFromConversation}
     */
    function unlinkFromConversation(entityLogicalName: EntityLogicalName, recordId: string, conversationId?: string): Promise<LinkResult>;
    /**
     * Resolves the id of the conversation in the focused session. Rejects when the focused session is not a conversation (for example a case session or the home session).
     *
     * @returns A promise that resolves to `string` when the call succeeds and rejects with the workspace's error otherwise: handle the rejection.
     * @see {@link https://learn.microsoft.com/dynamics365/customer-service/develop/reference/methods/getconversationid Microsoft Learn: getConversationId}
     */
    function getConversationId(): Promise<string>;
    /**
     * Resolves the conversations assigned to an agent, filtered by status reason and age.
     *
     * @param input The query. `agentId` (the agent's systemuser id) is required; `attributes` picks columns, `status` filters by statuscode (1 Open, 2 Active, 3 Waiting, 4 Closed, 5 Wrap-up, 6 Resolved, 7 Scheduled), `orderBy` sorts, `createdBeforeDays` limits age. The reference calls it a string, but it takes an object.
     * @param correlationId An id of your own that ties the call to your telemetry.
     * @returns A promise that resolves to `Conversation[]` when the call succeeds and rejects with the workspace's error otherwise: handle the rejection.
     * @see {@link https://learn.microsoft.com/dynamics365/customer-service/develop/reference/methods/getconversations Microsoft Learn: getConversations}
     */
    function getConversations(input: { agentId: string; attributes?: string[]; status?: number[]; orderBy?: { attributeName: string; descending: boolean }[]; createdBeforeDays?: number }, correlationId?: string): Promise<Conversation[]>;
    /**
     * Opens the conversation in a new session of the agent's workspace (or focuses its session if it is already open).
     *
     * @param conversationId The conversation to open.
     * @param lastSessionId The conversation's last session id (`msdyn_lastsessionid`).
     * @param liveWorkStreamId The conversation's workstream id (`msdyn_liveworkstreamid`).
     * @returns A promise that resolves when the call succeeds and rejects with the workspace's error otherwise: handle the rejection.
     * @see {@link https://learn.microsoft.com/dynamics365/customer-service/develop/reference/methods/openconversation Microsoft Learn: openConversation}
     */
    function openConversation(conversationId: string, lastSessionId?: string, liveWorkStreamId?: string): Promise<void>;
    /**
     * Puts a message in the conversation's send box, or sends it when `toSendBox` is `false`. The conversation must be assigned to the signed-in agent.
     *
     * @param message The text to send, or a message object.
     * @param toSendBox `true` (the default) puts the message in the agent's send box; `false` sends it to the customer at once.
     * @param conversationId The conversation id. Omitted: the focused conversation.
     * @returns A promise that resolves when the call succeeds and rejects with the workspace's error otherwise: handle the rejection.
     * @see {@link https://learn.microsoft.com/dynamics365/customer-service/develop/reference/methods/sendmessagetoconversation Microsoft Learn: sendMessageToConversation}
     */
    function sendMessageToConversation(message: string | object, toSendBox?: boolean, conversationId?: string): Promise<void>;
    namespace TranslationFramework {
      /** Assign a function that returns your translation provider; the workspace calls it when a conversation starts, to translate messages in real time. */
      let getTranslationProvider: (() => TranslationProvider) | undefined;
    }
    /** What a real-time translation web resource provides. */
    interface TranslationProvider {
      /**
       * Called for each new conversation: resolve whether translation stays on and the customer's language.
       *
       * @param conversationConfig The conversation's settings (ids, languages).
       * @returns A promise that resolves to `{ keepTranslationOn: boolean; c1Language?: string }` when the call succeeds and rejects with the workspace's error otherwise: handle the rejection.
       */
      initializeNewConversation(conversationConfig: Record<string, unknown>): Promise<{ keepTranslationOn: boolean; c1Language?: string }>;
      /**
       * Called for each message to translate: resolve the translated message.
       *
       * @param conversationId The conversation.
       * @param translationConfig The message and the languages to translate between.
       * @returns A promise that resolves to `Record<string, unknown>` when the call succeeds and rejects with the workspace's error otherwise: handle the rejection.
       */
      translateMessage(conversationId: string, translationConfig: Record<string, unknown>): Promise<Record<string, unknown>>;
    }
  }

  namespace Apm {
    /** Events published through `getEventPublisherTopic`. */
    type EventName = "ON_SESSION_SWITCH" | "ON_SESSION_CLOSED" | "ON_TAB_SWITCH";

    /** A session of the agent's workspace (the home session, a conversation, a case), from `Microsoft.Apm.getFocusedSession()` or `getSession(id)`. */
    interface Session {
      /** The session's id. */
      readonly sessionId: string;
      /** The label the session shows. */
      readonly title: string;
      /** Whether this is the home session. */
      readonly isDefault: boolean;
      /** Whether the agent may close it. */
      readonly canClose: boolean;
      /** Returns the tab the agent is looking at in this session; `.refresh()` on it shows a new link. */
      getFocusedTab(): Tab;
      /**
       * Returns the tab with the given runtime id.
       *
       * @param tabId The tab's runtime id.
       */
      getTab(tabId: string): Tab;
      /** Returns the ids of every tab open in this session. */
      getAllTabs(): string[];
      /**
       * Resolves the session's context parameters (for a conversation, its ids and customer data). It can reject: handle it.
       *
       * @returns A promise that resolves to `Record<string, unknown>` when the call succeeds and rejects with the workspace's error otherwise: handle the rejection.
       */
      getContext(): Promise<Record<string, unknown>>;
      /** Brings this session to the front. */
      focus(): void;
      /** Shows a notification on the session when it is not in focus. */
      requestFocus(): void;
      /** Closes this session, when `canClose` allows it. */
      close(): void;
    }

    /** An application tab of a session, from `session.getFocusedTab()` or `session.getTab(id)`. */
    interface Tab {
      /** The tab's runtime id. */
      readonly tabId: string;
      /** The label the tab shows. */
      readonly title: string;
      /** Whether the agent may close it. */
      readonly canClose: boolean;
      /** Reloads the tab: after `linkToConversation` resolves, this is what makes the link visible. */
      refresh(): void;
      /** Brings this tab to the front of its session. */
      focus(): void;
      /** Closes this tab, when `canClose` allows it; tells whether it closed. */
      close(): boolean;
      /**
       * Resolves the tab's application context. It can reject: handle it.
       *
       * @returns A promise that resolves to `Record<string, unknown>` when the call succeeds and rejects with the workspace's error otherwise: handle the rejection.
       */
      getContext(): Promise<Record<string, unknown>>;
    }

    /**
     * Refreshes the tab with the given id, so that a link made with `linkToConversation` shows. Tab ids are runtime values: `Microsoft.Apm.getFocusedSession().getFocusedTab().refresh()` needs none. The reference page documents no return value (an earlier version showed `refreshTab(tabId).then(success, error)`): do not wait on it.
     *
     * @param tabId The tab's runtime id.
     * @see {@link https://learn.microsoft.com/dynamics365/customer-service/develop/reference/methods/refreshtab Microsoft Learn: refreshTab}
     */
    function refreshTab(tabId: string): void;
    /**
     * Returns the session the agent is looking at. `getFocusedSession().getFocusedTab().refresh()` refreshes what the agent sees.
     *
     * @see {@link https://learn.microsoft.com/dynamics365/customer-service/develop/reference/methods/getfocusedsession Microsoft Learn: getFocusedSession}
     */
    function getFocusedSession(): Session;
    /**
     * Returns the session with the given id.
     *
     * @param sessionId The session id.
     * @see {@link https://learn.microsoft.com/dynamics365/customer-service/develop/reference/methods/getsession Microsoft Learn: getSession}
     */
    function getSession(sessionId: string): Session;
    /**
     * Returns the ids of all open sessions.
     *
     * @see {@link https://learn.microsoft.com/dynamics365/customer-service/develop/reference/methods/getallsessions Microsoft Learn: getAllSessions}
     */
    function getAllSessions(): string[];
    /**
     * Creates a session from a session template. The reference page says it returns the session id as a string. Real customizations `await` it or chain `.then(success, error)` (as an earlier version of the page showed): `await` works either way, `.then` only if the workspace returns a promise.
     *
     * @param input The session template and its context.
     * @see {@link https://learn.microsoft.com/dynamics365/customer-service/develop/reference/methods/createsession Microsoft Learn: createSession}
     */
    function createSession(input: { templateName: string; sessionContext?: object; isFocused?: boolean }): string;
    /**
     * Tells whether the agent may open another session (the workspace limits their number).
     *
     * @see {@link https://learn.microsoft.com/dynamics365/customer-service/develop/reference/methods/cancreatesession Microsoft Learn: canCreateSession}
     */
    function canCreateSession(): boolean;
    /**
     * Creates a tab in the focused session from an application tab template. The reference page says it returns the tab id as a string. Real customizations `await` it or chain `.then(success, error)` (as an earlier version of the page showed): `await` works either way, `.then` only if the workspace returns a promise.
     *
     * @param input The tab template and its context.
     * @see {@link https://learn.microsoft.com/dynamics365/customer-service/develop/reference/methods/createtab Microsoft Learn: createTab}
     */
    function createTab(input: { templateName: string; appContext?: object; isFocused?: boolean }): string;
    /**
     * Brings the tab with the given id to the front.
     *
     * @param tabId The tab id.
     * @see {@link https://learn.microsoft.com/dynamics365/customer-service/develop/reference/methods/focustab Microsoft Learn: focusTab}
     */
    function focusTab(tabId: string): void;
    /**
     * Closes the tab with the given id (not the session's first tab). The reference page documents no return value.
     *
     * @param tabId The tab id.
     * @see {@link https://learn.microsoft.com/dynamics365/customer-service/develop/reference/methods/closetab Microsoft Learn: closeTab}
     */
    function closeTab(tabId: string): void;
    /**
     * Returns the BroadcastChannel topic on which the workspace publishes the event.
     *
     * @param eventName `ON_SESSION_SWITCH`, `ON_SESSION_CLOSED` or `ON_TAB_SWITCH`.
     * @see {@link https://learn.microsoft.com/dynamics365/customer-service/develop/reference/methods/geteventpublishertopic Microsoft Learn: getEventPublisherTopic}
     */
    function getEventPublisherTopic(eventName: EventName): string;
  }

  /** Preview: the contact center SDK for code inside the agent workspace. It may change before it is generally available. */
  namespace CCaaS.StandaloneSDK {
    namespace conversation {
      /**
       * Preview. Calls `callback` each time a conversation is loaded in the workspace. Returns the handler's id: pass it to `utility.removeEventHandlerById` before subscribing again (a form script runs on every load). The module's reference lists the return as `void`; its own standalone example keeps the id.
       *
       * @param callback Called each time a conversation is loaded in the workspace, with the event's data (the conversation's `liveWorkItemId` among it).
       */
      function onConversationLoaded(callback: (eventData: Record<string, unknown>) => void): string;
      /**
       * Preview. Calls `callback` when a conversation is transferred. Returns the handler's id: pass it to `utility.removeEventHandlerById` before subscribing again (a form script runs on every load). The module's reference lists the return as `void`; its own standalone example keeps the id.
       *
       * @param callback Called when a conversation is transferred, with the event's data (the conversation's `liveWorkItemId` among it).
       */
      function onTransfer(callback: (eventData: Record<string, unknown>) => void): string;
      /**
       * Preview. Calls `callback` when the agent starts a consult with another agent. Returns the handler's id: pass it to `utility.removeEventHandlerById` before subscribing again (a form script runs on every load). The module's reference lists the return as `void`; its own standalone example keeps the id.
       *
       * @param callback Called when the agent starts a consult with another agent, with the event's data (the conversation's `liveWorkItemId` among it).
       */
      function onConsultStart(callback: (eventData: Record<string, unknown>) => void): string;
      /**
       * Preview. Calls `callback` when a consult ends. Returns the handler's id: pass it to `utility.removeEventHandlerById` before subscribing again (a form script runs on every load). The module's reference lists the return as `void`; its own standalone example keeps the id.
       *
       * @param callback Called when a consult ends, with the event's data (the conversation's `liveWorkItemId` among it).
       */
      function onConsultEnd(callback: (eventData: Record<string, unknown>) => void): string;
      /**
       * Preview. Calls `callback` when the customer's sentiment changes. Returns the handler's id: pass it to `utility.removeEventHandlerById` before subscribing again (a form script runs on every load). The module's reference lists the return as `void`; its own standalone example keeps the id.
       *
       * @param callback Called when the customer's sentiment changes, with the event's data (the conversation's `liveWorkItemId` among it).
       */
      function onCustomerSentimentChange(callback: (eventData: Record<string, unknown>) => void): string;
      /**
       * Preview. Resolves the messages of the conversation so far, one object per message.
       *
       * @param liveWorkItemId The conversation (`msdyn_ocliveworkitem`) id.
       * @returns A promise that resolves to `Record<string, unknown>[]` when the call succeeds and rejects with the workspace's error otherwise: handle the rejection.
       */
      function getTranscript(liveWorkItemId: string): Promise<Record<string, unknown>[]>;
      /**
       * Preview. Resolves the summary Copilot wrote of the conversation. Works only on an active conversation or one in wrap-up.
       *
       * @param liveWorkItemId The conversation (`msdyn_ocliveworkitem`) id.
       * @returns A promise that resolves to `Record<string, unknown>` when the call succeeds and rejects with the workspace's error otherwise: handle the rejection.
       */
      function getCopilotSummary(liveWorkItemId: string): Promise<Record<string, unknown>>;
    }
    namespace presence {
      /**
       * Preview. Resolves the signed-in agent's presence (its id, name, text and base status).
       *
       * @returns A promise that resolves to `Record<string, unknown>` when the call succeeds and rejects with the workspace's error otherwise: handle the rejection.
       */
      function getPresence(): Promise<Record<string, unknown>>;
      /**
       * Preview. Sets the signed-in agent's presence to the one with the given id.
       *
       * @param presenceId One of the agent's presence options' ids.
       * @returns A promise that resolves when the call succeeds and rejects with the workspace's error otherwise: handle the rejection.
       */
      function setPresence(presenceId: string): Promise<void>;
    }
    namespace voice {
      /**
       * Preview. Starts recording the voice call, transcription included. Recording must be enabled; do not start it while transcription alone runs. The reference's signature returns a promise and its example awaits it, though its "Returns" line says `void`.
       *
       * @param payload The voice call's conversation: `{ liveWorkItemId }`.
       * @returns A promise that resolves when the call succeeds and rejects with the workspace's error otherwise: handle the rejection.
       */
      function startRecording(payload: { liveWorkItemId: string }): Promise<void>;
      /**
       * Preview. Pauses the voice call's recording, transcription included.
       *
       * @param payload The voice call's conversation: `{ liveWorkItemId }`.
       * @returns A promise that resolves when the call succeeds and rejects with the workspace's error otherwise: handle the rejection.
       */
      function pauseRecording(payload: { liveWorkItemId: string }): Promise<void>;
      /**
       * Preview. Starts transcribing the voice call without recording it. Transcription must be enabled; a recorded call is already transcribed.
       *
       * @param payload The voice call's conversation: `{ liveWorkItemId }`.
       * @returns A promise that resolves when the call succeeds and rejects with the workspace's error otherwise: handle the rejection.
       */
      function startTranscription(payload: { liveWorkItemId: string }): Promise<void>;
      /**
       * Preview. Pauses the voice call's transcription. While the call is recorded, pause the recording instead.
       *
       * @param payload The voice call's conversation: `{ liveWorkItemId }`.
       * @returns A promise that resolves when the call succeeds and rejects with the workspace's error otherwise: handle the rejection.
       */
      function pauseTranscription(payload: { liveWorkItemId: string }): Promise<void>;
    }
    namespace utility {
      /**
       * Preview. Removes the handler a subscription returned the id of; tells whether it was removed.
       *
       * @param id The id an `on…` subscription returned.
       */
      function removeEventHandlerById(id: string): boolean;
    }
  }
}
