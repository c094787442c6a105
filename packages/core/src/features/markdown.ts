/** Renders catalogue entries as the text editors show: signatures, hover Markdown, snippet bodies. */
import { README_URL, childNamespaces, findNamespace, learnUrlOf, type EntityInfo, type MethodInfo, type ParameterInfo, type PropertyInfo } from '../catalogue';

export function parameterLabel(p: ParameterInfo): string {
  return `${p.name}${p.optional ? '?' : ''}: ${p.typeText}`;
}

/** `linkToConversation(entityLogicalName: …, recordId: string, conversationId?: string): Promise<LinkResult>` */
export function signatureLabel(m: MethodInfo): string {
  return `${m.name}(${m.parameters.map(parameterLabel).join(', ')}): ${m.returns}`;
}

function codeBlock(code: string): string {
  return '```typescript\n' + code + '\n```';
}

/** What hover says of a preview API, before anything else. */
const PREVIEW = '*Preview*: this API may change before it is generally available.';

export function methodMarkdown(m: MethodInfo): string {
  const parts = [codeBlock(`(method) ${m.namespace}.${signatureLabel(m)}`), ...(m.preview ? [PREVIEW] : []), m.doc];
  if (m.parameters.length > 0) {
    parts.push(m.parameters.map(p => `*@param* \`${p.name}\`${p.optional ? ' (optional)' : ''} — ${p.doc}`).join('\n\n'));
  }
  if (m.example) parts.push('Example:\n' + codeBlock(m.example));
  const learn = learnUrlOf(m);
  // The reference says what the method promises; the README says what the rules check about it.
  parts.push([...(learn ? [`[Microsoft Learn: ${m.name}](${learn})`] : []), `[What Omnichannel Tools checks](${README_URL}#diagnostics-and-quick-fixes)`].join(' · '));
  return parts.join('\n\n');
}

export function parameterMarkdown(m: MethodInfo, p: ParameterInfo): string {
  return [codeBlock(`(parameter) ${parameterLabel(p)}`), `Parameter of \`${m.namespace}.${m.name}\`.`, p.doc].join('\n\n');
}

export function entityMarkdown(e: EntityInfo): string {
  const slot = e.slot === 'customer' ? 'customer (account or contact)' : 'case';
  return [
    codeBlock(`(entity) "${e.logicalName}"`),
    `**${e.displayName}** — ${e.doc}`,
    `Link slot: ${slot}. Web API entity set: \`${e.entitySet}\`.`,
  ].join('\n\n');
}

export function namespaceMarkdown(namespace: string, methods: readonly MethodInfo[]): string {
  const info = findNamespace(namespace);
  const members = [
    ...methods.map(m => `- \`${m.name}\` — ${m.summary}`),
    ...childNamespaces(namespace).map(ns => `- \`${ns.path.slice(namespace.length + 1)}\` — ${ns.summary}`),
    ...(info?.properties ?? []).map(p => `- \`${p.name}\` (property) — ${p.doc}`),
  ];
  return [codeBlock(`(namespace) ${namespace}`), ...(info?.preview ? [PREVIEW] : []), ...(info ? [info.summary] : []), members.join('\n')].filter(Boolean).join('\n\n');
}

/** A property a customization assigns (`Microsoft.Omnichannel.TranslationFramework.getTranslationProvider`). */
export function propertyMarkdown(namespace: string, p: PropertyInfo): string {
  return [codeBlock(`(property) ${namespace}.${p.name}: ${p.typeText}`), p.doc].join('\n\n');
}

/** Escapes text for a snippet body, where `$`, `}` and `\` are syntax. */
export function escapeSnippet(text: string): string {
  return text.replace(/[$}\\]/g, c => '\\' + c);
}
