/** Renders catalogue entries as the text editors show: signatures, hover Markdown, snippet bodies. */
import type { EntityInfo, MethodInfo, ParameterInfo } from '../catalogue';

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

export function methodMarkdown(m: MethodInfo): string {
  const parts = [codeBlock(`(method) ${m.namespace}.${signatureLabel(m)}`), m.doc];
  if (m.parameters.length > 0) {
    parts.push(m.parameters.map(p => `*@param* \`${p.name}\`${p.optional ? ' (optional)' : ''} — ${p.doc}`).join('\n\n'));
  }
  if (m.example) parts.push('Example:\n' + codeBlock(m.example));
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
  return [codeBlock(`(namespace) ${namespace}`), methods.map(m => `- \`${m.name}\` — ${m.summary}`).join('\n')].join('\n\n');
}

/** Escapes text for a snippet body, where `$`, `}` and `\` are syntax. */
export function escapeSnippet(text: string): string {
  return text.replace(/[$}\\]/g, c => '\\' + c);
}
