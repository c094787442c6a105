/**
 * Renders the global declarations of `Microsoft.Omnichannel`, `Microsoft.Apm` and the preview
 * `Microsoft.CCaaS.StandaloneSDK` from the core's API catalogue, so the typings say exactly what
 * completion, hover and the rules know. Pure: catalogue in, text out; `generate.ts` writes it to
 * `index.d.ts` and a test fails when the two disagree.
 */
import {
  APM_EVENTS,
  APM_METHODS,
  CCAAS_METHODS,
  CCAAS_SDK_NAMESPACE,
  ENTITIES,
  OMNICHANNEL_METHODS,
  SESSION_OBJECT,
  TAB_OBJECT,
  TRANSLATION_PROVIDER,
  learnUrl,
  type MethodInfo,
  type ObjectInfo,
} from '@omnichannel-tools/core/catalogue';

/** Catalogue type texts that name a type only the typings declare. */
const NAMED_TYPES: Record<string, string> = {
  '"account" | "contact" | "incident"': 'EntityLogicalName',
};

export function renderDeclarations(version: string): string {
  const out: string[] = [
    `// @omnichannel-tools/types ${version}: generated from the Omnichannel Tools API catalogue. Do not edit; run \`npm run generate\`.`,
    '// Global declarations for the Dynamics 365 Omnichannel (Contact Center) agent APIs.',
    '',
    'declare namespace Microsoft {',
    '  namespace Omnichannel {',
    `    /** The tables a conversation can be linked to: ${ENTITIES.map(e => `\`${e.logicalName}\` (${e.displayName})`).join(', ')}. Exact, lower case. */`,
    `    type EntityLogicalName = ${ENTITIES.map(e => JSON.stringify(e.logicalName)).join(' | ')};`,
    '    /** What a link or unlink resolves to. The documentation does not describe it: do not rely on its shape. */',
    '    type LinkResult = unknown;',
    '    /** A conversation row as `getConversations` resolves it: the attributes asked for, by logical name. */',
    '    type Conversation = Record<string, unknown>;',
    '',
    ...OMNICHANNEL_METHODS.flatMap(m => renderFunction(m, '    ')),
    '    namespace TranslationFramework {',
    ...docComment([TRANSLATION_PROVIDER.doc], '      '),
    `      let ${TRANSLATION_PROVIDER.property}: (() => TranslationProvider) | undefined;`,
    '    }',
    '    /** What a real-time translation web resource provides. */',
    '    interface TranslationProvider {',
    ...TRANSLATION_PROVIDER.provider.flatMap(m => renderFunction(m, '      ', true)),
    '    }',
    '  }',
    '',
    '  namespace Apm {',
    `    /** Events published through \`getEventPublisherTopic\`. */`,
    `    type EventName = ${APM_EVENTS.map(e => JSON.stringify(e)).join(' | ')};`,
    ...renderObject(SESSION_OBJECT, '    '),
    ...renderObject(TAB_OBJECT, '    '),
    '',
    ...APM_METHODS.flatMap(m => renderFunction(m.name === 'getEventPublisherTopic' ? { ...m, parameters: m.parameters.map(p => ({ ...p, typeText: 'EventName' })) } : m, '    ')),
    '  }',
    '',
    '  /** Preview: the contact center SDK for code inside the agent workspace. It may change before it is generally available. */',
    '  namespace CCaaS.StandaloneSDK {',
    ...[...new Set(CCAAS_METHODS.map(m => m.namespace))].flatMap(namespace => [
      `    namespace ${namespace.slice(CCAAS_SDK_NAMESPACE.length + 1)} {`,
      ...CCAAS_METHODS.filter(m => m.namespace === namespace).flatMap(m => renderFunction(m, '      ')),
      '    }',
    ]),
    '  }',
    '}',
    '',
  ];
  return out.join('\n');
}

function renderObject(object: ObjectInfo, indent: string): string[] {
  return [
    '',
    ...docComment([object.doc], indent),
    `${indent}interface ${object.name} {`,
    ...object.properties.flatMap(p => [...docComment([p.doc], `${indent}  `), `${indent}  readonly ${p.name}: ${p.typeText};`]),
    ...object.methods.flatMap(m => renderFunction(m, `${indent}  `, true)),
    `${indent}}`,
  ];
}

function renderFunction(method: MethodInfo, indent: string, asMember = false): string[] {
  const params = method.parameters.map(p => `${p.name}${p.optional ? '?' : ''}: ${NAMED_TYPES[p.typeText] ?? p.typeText}`).join(', ');
  const lines = [method.preview ? `Preview. ${method.doc}` : method.doc, ''];
  for (const p of method.parameters) lines.push(`@param ${p.name} ${p.doc}`);
  if (method.returnsPromise) lines.push(`@returns ${promiseSentence(method)}`);
  // The preview SDK has no Microsoft Learn reference page yet.
  if (!asMember && !method.preview) lines.push(`@see {@link ${learnUrl(method.name)} Microsoft Learn: ${method.name}}`);
  const signature = asMember ? `${method.name}(${params}): ${method.returns};` : `function ${method.name}(${params}): ${method.returns};`;
  return [...docComment(lines, indent), `${indent}${signature}`];
}

function promiseSentence(method: MethodInfo): string {
  const value = /^Promise<(.*)>$/.exec(method.returns)?.[1] ?? 'unknown';
  const resolves = value === 'void' ? 'resolves when the call succeeds' : `resolves to \`${value}\` when the call succeeds`;
  return `A promise that ${resolves} and rejects with the workspace's error otherwise: handle the rejection.`;
}

function docComment(lines: readonly string[], indent: string): string[] {
  const body = lines.flatMap(l => l.split('\n')).map(l => l.replace(/\*\//g, '*\\/'));
  while (body.length > 0 && body[body.length - 1] === '') body.pop();
  if (body.length === 1) return [`${indent}/** ${body[0]} */`];
  return [`${indent}/**`, ...body.map(l => (l === '' ? `${indent} *` : `${indent} * ${l}`)), `${indent} */`];
}
