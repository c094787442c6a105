/**
 * Completion: API members after `Microsoft.Omnichannel.` / `Microsoft.Apm.` (however they are reached),
 * call snippets that already refresh the UI, and entity logical names in a link/unlink call's first
 * argument. Works on half-typed code; anywhere else it returns nothing, quickly.
 */
import * as ts from 'typescript';
import { DEFAULT_REFRESH_CALL, ENTITIES, LINK_METHODS, OMNICHANNEL_NAMESPACE, childNamespaces, findNamespace, methodsOf, type EntityInfo, type MethodInfo } from '../catalogue';
import type { CompletionEntry, TextSpan } from '../types';
import { entityMarkdown, escapeSnippet, methodMarkdown, namespaceMarkdown, propertyMarkdown, signatureLabel } from './markdown';
import { resolveCallee, resolveTarget } from './resolve';
import { contentsSpan, innermostAt, insideArguments, argumentIndexAt, isTerminated, wordAt, type ParsedDocument } from './syntax';

/**
 * The member selected when a namespace's list opens: what a customization reaches for first there.
 * `Microsoft.Apm.` opens on getFocusedSession, the start of the refresh every link needs.
 */
const PRESELECTED: Readonly<Record<string, string>> = {
  'Microsoft': 'Omnichannel',
  'Microsoft.Omnichannel': 'linkToConversation',
  'Microsoft.Apm': 'getFocusedSession',
};

export interface CompletionOptions {
  /** The refresh call the link snippets put in the success handler (the `omnichannel.refreshCall` setting). */
  readonly refreshCall?: string;
}

export function completions(doc: ParsedDocument, offset: number, options: CompletionOptions = {}): CompletionEntry[] {
  const sf = doc.sourceFile;
  if (offset < 0 || offset > sf.text.length) return [];
  const literal = innermostAt(sf, offset, ts.isStringLiteralLike);
  if (literal && offset > literal.getStart(sf)) return entityCompletions(doc, literal, offset);
  return memberCompletions(doc, offset, options) ?? firstArgumentCompletions(doc, offset) ?? [];
}

/** Entity names inside the first string argument of linkToConversation / unlinkFromConversation. */
function entityCompletions(doc: ParsedDocument, literal: ts.StringLiteralLike, offset: number): CompletionEntry[] {
  const sf = doc.sourceFile;
  if (isTerminated(literal, sf) && offset >= literal.end) return [];
  const call = literal.parent;
  if (!call || !ts.isCallExpression(call) || call.arguments[0] !== literal) return [];
  const method = resolveCallee(call, sf);
  if (!method || !LINK_METHODS.has(method.name)) return [];
  const contents = contentsSpan(literal, sf);
  // An unterminated string runs to the end of the line; replace only the word being typed.
  const replace = isTerminated(literal, sf) ? contents : { start: contents.start, end: Math.min(contents.end, wordAt(sf.text, offset).end) };
  return ENTITIES.map((e, i) => entityEntry(e, i, replace, e.logicalName));
}

/** Quoted entity names when the cursor is at a link call's empty (or bare-word) first argument. */
function firstArgumentCompletions(doc: ParsedDocument, offset: number): CompletionEntry[] | undefined {
  const sf = doc.sourceFile;
  const call = innermostAt(sf, offset, ts.isCallExpression);
  if (!call || !insideArguments(call, offset, sf) || argumentIndexAt(call, offset, sf) !== 0) return undefined;
  const method = resolveCallee(call, sf);
  if (!method || !LINK_METHODS.has(method.name)) return undefined;
  const first = call.arguments[0];
  const word = wordAt(sf.text, offset);
  if (first && !(ts.isIdentifier(first) && first.getStart(sf) === word.start)) return undefined;
  return ENTITIES.map((e, i) => entityEntry(e, i, word, `"${e.logicalName}"`));
}

function entityEntry(entity: EntityInfo, index: number, replace: TextSpan, insertText: string): CompletionEntry {
  return {
    label: insertText,
    kind: 'entity',
    detail: `${entity.displayName} (${entity.slot === 'customer' ? 'customer link' : 'case link'})`,
    documentation: entityMarkdown(entity),
    insertText,
    replace,
    sortText: String(index),
  };
}

/** Members after a dot, when what is before the dot is the `Microsoft` root or an API namespace. */
function memberCompletions(doc: ParsedDocument, offset: number, options: CompletionOptions): CompletionEntry[] | undefined {
  const sf = doc.sourceFile;
  const word = wordAt(sf.text, offset);
  const dot = word.start - 1;
  if (sf.text[dot] !== '.') return undefined;
  const access = innermostAt(sf, dot, (n): n is ts.PropertyAccessExpression => ts.isPropertyAccessExpression(n) && n.name.pos === dot + 1);
  if (!access) return undefined;
  const target = resolveTarget(access.expression, sf);
  if (target?.kind !== 'root' && target?.kind !== 'namespace') return undefined;
  const path = target.kind === 'root' ? 'Microsoft' : target.namespace;
  const methods = target.kind === 'namespace' ? methodsOf(path) : [];
  const preselected = PRESELECTED[path];
  // Accepting a method leaves the cursor in its argument list (`name(`), unless the `(` is already there.
  const opensCall = sf.text[nextNonBlank(sf.text, word.end)] !== '(';
  // Entries replace the dot too, and filter on it: VS Code ranks an entry whose filter text matches
  // the typed text (here ".") above one matched against nothing, and TypeScript's suggestions of the
  // file's words (`Microsoft`, `Omnichannel`) replace the dot. Matched alike, the sort key decides:
  // ours start with a space, which sorts before TypeScript's digits and every letter.
  const replace = { start: dot, end: word.end };
  const entries: CompletionEntry[] = methods.map(m => ({
    label: m.name,
    kind: 'method',
    detail: m.preview ? `(preview) ${signatureLabel(m)}` : signatureLabel(m),
    documentation: methodMarkdown(m),
    insertText: opensCall ? `.${m.name}(` : `.${m.name}`,
    filterText: `.${m.name}`,
    replace,
    sortText: ` 0${m.name === preselected ? ' ' : ''}${m.preview ? '~' : ''}${m.name}`,
    ...(m.name === preselected ? { preselect: true } : {}),
    ...(opensCall ? { opensSignatureHelp: true } : {}),
  }));
  // The namespaces below this one, and the properties a customization assigns here (TranslationFramework).
  for (const ns of childNamespaces(path)) {
    const name = ns.path.slice(path.length + 1);
    entries.push({
      label: name, kind: 'property', detail: ns.preview ? `(preview) ${ns.path}` : ns.path, documentation: namespaceMarkdown(ns.path, methodsOf(ns.path)),
      insertText: `.${name}`, replace, filterText: `.${name}`, sortText: ` 2${name === preselected ? ' ' : ''}${ns.path}`, ...(name === preselected ? { preselect: true } : {}),
    });
  }
  for (const p of findNamespace(path)?.properties ?? []) {
    entries.push({ label: p.name, kind: 'property', detail: `${p.name}: ${p.typeText}`, documentation: propertyMarkdown(path, p), insertText: `.${p.name}`, replace, filterText: `.${p.name}`, sortText: ` 2${p.name}` });
  }
  if (path === OMNICHANNEL_NAMESPACE) {
    for (const m of methods) if (LINK_METHODS.has(m.name)) entries.push(snippetEntry(m, replace, options.refreshCall ?? DEFAULT_REFRESH_CALL));
  }
  return entries;
}

/** A whole link/unlink call that handles both outcomes and refreshes the UI, as the API requires. */
function snippetEntry(m: MethodInfo, replace: TextSpan, refreshCall: string): CompletionEntry {
  const names = ENTITIES.map(e => e.logicalName).join(',');
  const body =
    `.${m.name}("\${1|${names}|}", \${2:recordId})\n` +
    `\t.then(() => \${3:${escapeSnippet(refreshCall)}}, error => \${4:console.error(error)});$0`;
  return {
    label: `${m.name}(…).then(refresh)`,
    kind: 'snippet',
    detail: `${m.name === 'linkToConversation' ? 'Link' : 'Unlink'}, then refresh the UI and handle failure`,
    documentation: methodMarkdown(m),
    insertText: body,
    insertTextIsSnippet: true,
    replace,
    filterText: `.${m.name}`,
    sortText: ` 1${m.name}`,
  };
}

function nextNonBlank(text: string, from: number): number {
  let i = from;
  while (i < text.length && (text[i] === ' ' || text[i] === '\t')) i++;
  return i;
}
