/**
 * The API's namespaces as a tree under `Microsoft`: the ones with methods (`Microsoft.Omnichannel`), the
 * ones that only lead to others (`Microsoft.CCaaS`), and the ones a customization assigns properties on
 * (`Microsoft.Omnichannel.TranslationFramework`). Call recognition, completion and hover read it.
 */
import { TRANSLATION_PROVIDER, type PropertyInfo } from './objects';

export interface NamespaceInfo {
  /** The dotted path from the root, e.g. `Microsoft.Omnichannel`. */
  readonly path: string;
  /** One line: what the namespace is for (completion detail, hover). */
  readonly summary: string;
  /** A preview API: it may change before it is generally available. */
  readonly preview?: boolean;
  /** Properties the customization sets or reads: nothing to call. */
  readonly properties?: readonly PropertyInfo[];
}

export const NAMESPACES: readonly NamespaceInfo[] = [
  { path: 'Microsoft.Omnichannel', summary: 'Conversations of the agent workspace: link records, read ids, open conversations, send messages.' },
  { path: 'Microsoft.Apm', summary: 'The app profile manager: sessions and tabs of the agent workspace.' },
  {
    path: 'Microsoft.Omnichannel.TranslationFramework',
    summary: 'Real-time translation: the customization assigns the provider the workspace calls.',
    properties: [{ name: TRANSLATION_PROVIDER.property, typeText: TRANSLATION_PROVIDER.typeText, doc: TRANSLATION_PROVIDER.doc }],
  },
  { path: 'Microsoft.CCaaS', summary: 'The contact center SDKs.', preview: true },
  { path: 'Microsoft.CCaaS.StandaloneSDK', summary: 'The contact center SDK for code running inside the agent workspace.', preview: true },
  { path: 'Microsoft.CCaaS.StandaloneSDK.conversation', summary: 'Conversation events, transcripts and Copilot summaries.', preview: true },
  { path: 'Microsoft.CCaaS.StandaloneSDK.presence', summary: 'The agent\'s presence.', preview: true },
  { path: 'Microsoft.CCaaS.StandaloneSDK.voice', summary: 'Recording and transcription of voice calls.', preview: true },
  { path: 'Microsoft.CCaaS.StandaloneSDK.utility', summary: 'Removing event handlers.', preview: true },
];

const byPath = new Map(NAMESPACES.map(ns => [ns.path, ns]));

export function findNamespace(path: string): NamespaceInfo | undefined {
  return byPath.get(path);
}

/** The namespaces one level below `path` (`Microsoft` for the root). */
export function childNamespaces(path: string): readonly NamespaceInfo[] {
  const depth = path.split('.').length + 1;
  return NAMESPACES.filter(ns => ns.path.startsWith(`${path}.`) && ns.path.split('.').length === depth);
}
