/**
 * The contact center SDK for code inside the agent workspace, `Microsoft.CCaaS.StandaloneSDK`: a preview
 * API, marked so in completion and hover. Its reference is the SDK's own documentation (no Microsoft
 * Learn page yet); where that reference and its examples disagree, the doc says so. Docs text is our own.
 */
import type { MethodInfo, ParameterInfo } from './types';

export const CCAAS_SDK_NAMESPACE = 'Microsoft.CCaaS.StandaloneSDK';
const CONVERSATION = `${CCAAS_SDK_NAMESPACE}.conversation`;
const PRESENCE = `${CCAAS_SDK_NAMESPACE}.presence`;
const VOICE = `${CCAAS_SDK_NAMESPACE}.voice`;
const UTILITY = `${CCAAS_SDK_NAMESPACE}.utility`;

const preview = (namespace: string, name: string, parameters: ParameterInfo[], returns: string, summary: string, doc: string, failure?: string): MethodInfo =>
  ({ namespace, name, parameters, returns, returnsPromise: returns.startsWith('Promise<'), ...(failure ? { failure } : {}), summary, doc, preview: true });

const liveWorkItemId: ParameterInfo = { name: 'liveWorkItemId', type: 'string', typeText: 'string', optional: false, doc: 'The conversation (`msdyn_ocliveworkitem`) id.' };
const toggle: ParameterInfo = { name: 'payload', type: 'object', typeText: '{ liveWorkItemId: string }', optional: false, doc: 'The voice call\'s conversation: `{ liveWorkItemId }`.' };

/** An event subscription: the callback, and the id it returns for `utility.removeEventHandlerById`. */
const subscription = (name: string, event: string): MethodInfo => preview(
  CONVERSATION, name,
  [{ name: 'callback', type: 'function', typeText: '(eventData: Record<string, unknown>) => void', optional: false, doc: `Called ${event}, with the event's data (the conversation's \`liveWorkItemId\` among it).` }],
  'string', `Subscribes to: ${event}.`,
  `Calls \`callback\` ${event}. Returns the handler's id: pass it to \`utility.removeEventHandlerById\` before subscribing again (a form script runs on every load). The module's reference lists the return as \`void\`; its own standalone example keeps the id.`,
);

export const CCAAS_METHODS: readonly MethodInfo[] = [
  subscription('onConversationLoaded', 'each time a conversation is loaded in the workspace'),
  subscription('onTransfer', 'when a conversation is transferred'),
  subscription('onConsultStart', 'when the agent starts a consult with another agent'),
  subscription('onConsultEnd', 'when a consult ends'),
  subscription('onCustomerSentimentChange', 'when the customer\'s sentiment changes'),
  preview(CONVERSATION, 'getTranscript', [liveWorkItemId], 'Promise<Record<string, unknown>[]>', 'Resolves a conversation\'s transcript.',
    'Resolves the messages of the conversation so far, one object per message.', 'for example when liveWorkItemId is empty or not a conversation\'s id'),
  preview(CONVERSATION, 'getCopilotSummary', [liveWorkItemId], 'Promise<Record<string, unknown>>', 'Resolves Copilot\'s summary of a conversation.',
    'Resolves the summary Copilot wrote of the conversation. Works only on an active conversation or one in wrap-up.',
    'for example when the conversation is neither active nor in wrap-up, or Copilot is unavailable'),
  preview(PRESENCE, 'getPresence', [], 'Promise<Record<string, unknown>>', 'Resolves the agent\'s presence.',
    'Resolves the signed-in agent\'s presence (its id, name, text and base status).', 'for example when the agent\'s presence cannot be read'),
  preview(PRESENCE, 'setPresence', [{ name: 'presenceId', type: 'string', typeText: 'string', optional: false, doc: 'One of the agent\'s presence options\' ids.' }],
    'Promise<void>', 'Sets the agent\'s presence.', 'Sets the signed-in agent\'s presence to the one with the given id.',
    'for example when presenceId is not one of the agent\'s presence options'),
  preview(VOICE, 'startRecording', [toggle], 'Promise<void>', 'Starts recording a voice call.',
    'Starts recording the voice call, transcription included. Recording must be enabled; do not start it while transcription alone runs. The reference\'s signature returns a promise and its example awaits it, though its "Returns" line says `void`.',
    'for example when recording is not enabled or the call is already being transcribed'),
  preview(VOICE, 'pauseRecording', [toggle], 'Promise<void>', 'Pauses recording a voice call.',
    'Pauses the voice call\'s recording, transcription included.', 'for example when recording is not enabled'),
  preview(VOICE, 'startTranscription', [toggle], 'Promise<void>', 'Starts transcribing a voice call.',
    'Starts transcribing the voice call without recording it. Transcription must be enabled; a recorded call is already transcribed.',
    'for example when transcription is not enabled or the call is being recorded'),
  preview(VOICE, 'pauseTranscription', [toggle], 'Promise<void>', 'Pauses transcribing a voice call.',
    'Pauses the voice call\'s transcription. While the call is recorded, pause the recording instead.',
    'for example when transcription is not enabled or the call is being recorded'),
  preview(UTILITY, 'removeEventHandlerById', [{ name: 'id', type: 'string', typeText: 'string', optional: false, doc: 'The id an `on…` subscription returned.' }],
    'boolean', 'Removes an event handler.', 'Removes the handler a subscription returned the id of; tells whether it was removed.'),
];
