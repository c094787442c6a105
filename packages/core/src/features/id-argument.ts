/**
 * Which id argument of a link/unlink call the cursor is in: the record id (second) or the conversation id
 * (third), with what is typed there and what a completion replaces. The editor features that look ids up
 * in an environment (completion and hover of records and conversations) start here; the lookup itself is
 * the editor's business, not the core's.
 */
import * as ts from 'typescript';
import { LINK_METHODS } from '../catalogue';
import { resolveStringConstant } from '../calls';
import type { TextSpan } from '../types';
import { resolveCallee } from './resolve';
import { argumentIndexAt, contentsSpan, innermostAt, insideArguments, isTerminated, wordAt, type ParsedDocument } from './syntax';

export interface IdArgument {
  readonly method: 'linkToConversation' | 'unlinkFromConversation';
  /** `record`: the second argument; `conversation`: the third. */
  readonly role: 'record' | 'conversation';
  /** The first argument's value when it is a string literal or a same-file constant (checked by no one here). */
  readonly entityLogicalName?: string;
  /** The literal's text before the cursor (completion) or all of it (hover); empty for an empty argument. */
  readonly text: string;
  /** What a completion replaces: the literal's contents, or the cursor's place in an empty argument. */
  readonly replace: TextSpan;
  /** Whether an inserted id needs quotes (the argument is not a string literal yet). */
  readonly quote: boolean;
  /** The whole argument (quotes included), for a hover's range. */
  readonly span: TextSpan;
}

/** The id argument whose string literal (or empty place) holds the cursor, for completion. */
export function idArgumentForCompletion(doc: ParsedDocument, offset: number): IdArgument | undefined {
  const sf = doc.sourceFile;
  if (offset < 0 || offset > sf.text.length) return undefined;
  const literal = innermostAt(sf, offset, ts.isStringLiteralLike);
  if (literal && offset > literal.getStart(sf)) {
    if (isTerminated(literal, sf) && offset >= literal.end) return undefined;
    const found = linkArgument(literal, sf);
    if (!found) return undefined;
    const contents = contentsSpan(literal, sf);
    // An unterminated string runs to the end of the line; replace only what is typed up to the cursor.
    const replace = isTerminated(literal, sf) ? contents : { start: contents.start, end: Math.min(contents.end, wordAt(sf.text, offset).end) };
    return { ...found, text: sf.text.slice(contents.start, offset), replace, quote: false, span: { start: literal.getStart(sf), end: literal.end } };
  }
  const call = innermostAt(sf, offset, ts.isCallExpression);
  if (!call || !insideArguments(call, offset, sf)) return undefined;
  const index = argumentIndexAt(call, offset, sf);
  if (index !== 1 && index !== 2) return undefined;
  const method = linkMethod(call, sf);
  if (!method) return undefined;
  // Only an empty place: a word typed there is a variable's name, not a search.
  if (call.arguments[index]) return undefined;
  const here = { start: offset, end: offset };
  return { method, role: index === 1 ? 'record' : 'conversation', ...entityOf(call), text: '', replace: here, quote: true, span: here };
}

/** The id argument whose string literal is under the cursor, for hover. */
export function idArgumentForHover(doc: ParsedDocument, offset: number): IdArgument | undefined {
  const sf = doc.sourceFile;
  if (offset < 0 || offset >= sf.text.length) return undefined;
  const literal = innermostAt(sf, offset, ts.isStringLiteralLike, false);
  if (!literal) return undefined;
  const found = linkArgument(literal, sf);
  if (!found) return undefined;
  const contents = contentsSpan(literal, sf);
  return { ...found, text: literal.text, replace: contents, quote: false, span: { start: literal.getStart(sf), end: literal.end } };
}

function linkArgument(literal: ts.StringLiteralLike, sf: ts.SourceFile): Pick<IdArgument, 'method' | 'role' | 'entityLogicalName'> | undefined {
  const call = literal.parent;
  if (!call || !ts.isCallExpression(call)) return undefined;
  const index = call.arguments.indexOf(literal);
  if (index !== 1 && index !== 2) return undefined;
  const method = linkMethod(call, sf);
  return method && { method, role: index === 1 ? 'record' : 'conversation', ...entityOf(call) };
}

function linkMethod(call: ts.CallExpression, sf: ts.SourceFile): IdArgument['method'] | undefined {
  const method = resolveCallee(call, sf);
  return method && LINK_METHODS.has(method.name) ? (method.name as IdArgument['method']) : undefined;
}

function entityOf(call: ts.CallExpression): { entityLogicalName?: string } {
  const first = call.arguments[0];
  const value = first && resolveStringConstant(first)?.value;
  return value === undefined ? {} : { entityLogicalName: value };
}
