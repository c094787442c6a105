/**
 * Which API calls are still being written, so an editor can hold back their findings until typing there
 * pauses. The editor knows what was edited and when; this knows the code: a call whose argument list is
 * not closed yet, a call the parser had to recover (a missing `)` or argument), and a call with a recent
 * edit inside its argument list (an editor closes `(` to `()` as it is typed, so a closed list proves
 * nothing). A call nobody is editing is never held, however unfinished.
 */
import ts = require('typescript');
import { findApiCalls, type ApiCall } from '../calls';
import type { TextSpan } from '../types';
import type { ParsedDocument } from './syntax';

/** A call being written: its span, and the edits that make it so (indexes into the edits given). */
export interface CallBeingWritten extends TextSpan {
  readonly edits: readonly number[];
}

/**
 * The recognised calls that `edits` (spans of the current text changed since typing last paused) are
 * writing. An edit writes a call when it lies in the call's argument list (from its `(` to its end), or
 * touches a call that is not complete.
 */
export function callsBeingWritten(doc: ParsedDocument, edits: readonly TextSpan[]): CallBeingWritten[] {
  if (edits.length === 0) return [];
  const sf = doc.sourceFile;
  const out: CallBeingWritten[] = [];
  for (const call of findApiCalls(sf)) {
    const node = call.node;
    const start = node.getStart(sf);
    const open = node.arguments.pos - 1;
    let complete: boolean | undefined;
    const writing: number[] = [];
    edits.forEach((edit, index) => {
      if (edit.start > node.end || edit.end < start) return;
      if (edit.start >= open) writing.push(index);
      else if ((complete ??= isCallComplete(call, sf)) === false) writing.push(index);
    });
    if (writing.length > 0) out.push({ start, end: node.end, edits: writing });
  }
  return out;
}

/** Whether a call is written out: its `)` is there and the parser did not have to invent anything in it. */
export function isCallComplete(call: ApiCall | ts.CallExpression, sourceFile: ts.SourceFile): boolean {
  const node = 'node' in call ? call.node : call;
  if (sourceFile.text[node.end - 1] !== ')') return false;
  // A missing argument (`f("a", )` is fine, `f(, "b")` is not) is an empty identifier the parser made up.
  if (node.arguments.some(arg => arg.end - arg.pos === 0 || (ts.isIdentifier(arg) && arg.text === ''))) return false;
  const diagnostics = (sourceFile as { readonly parseDiagnostics?: readonly { readonly start?: number }[] }).parseDiagnostics ?? [];
  const start = node.getStart(sourceFile);
  return !diagnostics.some(d => d.start !== undefined && d.start >= start && d.start < node.end);
}
