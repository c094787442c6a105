/**
 * Where a fix puts a new step of a promise chain (`.then(…)`, `.catch(…)`) so the code reads as a person
 * would have written it: on its own line when the chain is already written one step a line, inline when
 * the line stays within the style's length, else broken onto the next line one level deeper.
 */
import type { TextEdit } from '../../types';
import { callback, displayWidth, lineEnd, lineIndent, lineStart, type CodeStyle } from '../../format/style';
import type { RuleContext } from '../types';

/**
 * Inserts `.name(callback)` at `at`, the end of a chain's expression (before the step that follows, when
 * `beforeStep`). The callback takes `params` and runs `body` (statements without semicolons).
 */
export function chainStep(ctx: Pick<RuleContext, 'text'>, style: CodeStyle, at: number, name: string, params: readonly string[], body: readonly string[], beforeStep: boolean): TextEdit {
  const text = ctx.text;
  const nl = style.newline;
  const step = (indent: string, room: number): string => `.${name}(${callback(style, params, body, indent, room)})`;

  // The next step already sits on a line of its own: the new one goes on a line of its own above it.
  if (beforeStep) {
    const next = skipBlank(text, at);
    if (/[\r\n]/.test(text.slice(at, next))) {
      const indent = lineIndent(text, next);
      return { start: at, end: at, newText: `${nl}${indent}${step(indent, room(style, indent, name))}` };
    }
  }
  // The chain is written one step a line, and this is its last line: one more line like it.
  const here = lineIndent(text, at);
  const lineText = text.slice(lineStart(text, at), lineEnd(text, at));
  if (!beforeStep && lineText.trimStart().startsWith('.')) {
    return { start: at, end: at, newText: `${nl}${here}${step(here, room(style, here, name))}` };
  }
  // Inline, when the line still fits (a callback written as a block: when its first line fits).
  const before = text.slice(lineStart(text, at), at);
  const after = text.slice(at, lineEnd(text, at));
  const used = displayWidth(before) + displayWidth(after) + name.length + 3;
  const inline = step(here, style.maxLineLength - used);
  const [first, ...more] = inline.split(/\r?\n/);
  const width = displayWidth(before) + first!.length + (more.length === 0 ? displayWidth(after) : 0);
  // An arrow that needs a block to fit reads better on a line of its own, as a one-liner.
  if (width <= style.maxLineLength && (more.length === 0 || style.callbacks === 'function')) return { start: at, end: at, newText: inline };
  // Too long: break the chain, one step a line, one level deeper than the line it starts on.
  const deeper = here + style.indentUnit;
  const tail = beforeStep ? `${nl}${deeper}` : '';
  return { start: at, end: at, newText: `${nl}${deeper}${step(deeper, room(style, deeper, name))}${tail}` };
}

/** The characters left for a callback on a line that starts with `indent` then `.name(` and ends with `)`. */
function room(style: CodeStyle, indent: string, name: string): number {
  return style.maxLineLength - displayWidth(indent) - name.length - 4;
}

/** The offset of the next character that is not whitespace. */
function skipBlank(text: string, from: number): number {
  let i = from;
  while (i < text.length && /\s/.test(text[i]!)) i++;
  return i;
}
