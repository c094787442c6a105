/**
 * `--fix`: applies every preferred fix to a text, pass after pass until none is left (fixes that overlap
 * wait for the next pass), keeps its line breaks, and refuses a result with a syntax error the original
 * did not have. Writing is atomic: a temporary file in the same folder, renamed over the real file.
 */
import { chmodSync, chownSync, closeSync, fsyncSync, openSync, realpathSync, renameSync, statSync, unlinkSync, writeSync } from 'node:fs';
import * as path from 'node:path';
import { analyzeOnce, applyEdits, fixAllEdits, OmnichannelDocument, syntaxErrors, type AnalyzerSettings } from './core';
import { encodeText, type SourceText } from './read';

/** ESLint's number too: enough for fixes that unlock other fixes, and a stop should they ever cycle. */
const MAX_PASSES = 10;

export type FixOutcome =
  | { readonly kind: 'unchanged' }
  | { readonly kind: 'fixed'; readonly text: string }
  | { readonly kind: 'refused'; readonly reason: string };

export function fixText(fileName: string, original: string, settings: AnalyzerSettings): FixOutcome {
  let text = original;
  for (let pass = 0; pass < MAX_PASSES; pass++) {
    const { doc, findings } = analyzeOnce(fileName, text, settings);
    if (!doc) break;
    const edits = fixAllEdits(doc, findings);
    if (edits.length === 0) break;
    const next = applyEdits(text, edits);
    if (next === text) break;
    text = next;
  }
  if (text === original) return { kind: 'unchanged' };
  text = keepLineBreaks(original, text);
  const broken = newSyntaxError(fileName, original, text);
  if (broken) return { kind: 'refused', reason: broken };
  return { kind: 'fixed', text };
}

/** A file that uses only CRLF keeps only CRLF, whatever line breaks a fix brought in. */
function keepLineBreaks(original: string, fixed: string): string {
  const crlfOnly = original.includes('\r\n') && !/(^|[^\r])\n/.test(original);
  return crlfOnly ? fixed.replace(/\r?\n/g, '\r\n') : fixed;
}

/** A sentence about the first syntax error the fixed text has and the original has not, if any. */
function newSyntaxError(fileName: string, original: string, fixed: string): string | undefined {
  const before = new Map<string, number>();
  for (const e of syntaxErrors(fileName, original)) before.set(e.key, (before.get(e.key) ?? 0) + 1);
  for (const e of syntaxErrors(fileName, fixed)) {
    const left = before.get(e.key) ?? 0;
    if (left > 0) {
      before.set(e.key, left - 1);
      continue;
    }
    const at = new OmnichannelDocument(fileName, fixed).positionAt(e.start);
    return `the fixes would leave a syntax error ("${e.message}" at line ${at.line + 1}, column ${at.character + 1} of the fixed text), so nothing was written to it. Check the settings a fix inserts (omnichannel.refreshCall), or fix it by hand`;
  }
  return undefined;
}

/**
 * Writes the fixed text over the file `file` leads to (a link stays a link), in the file's own encoding,
 * keeping its mode (and owner, where allowed). Refuses when the file changed since it was read.
 */
export function writeFixed(file: string, source: SourceText, text: string): void {
  const real = realpathSync(file);
  const now = statSync(real);
  if (now.mtimeMs !== source.stat.mtimeMs || now.size !== source.stat.size) {
    throw new Error('it changed on disk while it was being linted; run again');
  }
  const temp = path.join(path.dirname(real), `.${path.basename(real)}.${process.pid}.${Date.now().toString(36)}.omnichannel-fix`);
  const fd = openSync(temp, 'wx', now.mode & 0o7777);
  try {
    try {
      writeSync(fd, encodeText(text, source.encoding));
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    chmodSync(temp, now.mode & 0o7777); // the umask may have narrowed the mode `open` was given
    try {
      chownSync(temp, now.uid, now.gid);
    } catch {
      // only the owner or root may give a file away; the file then belongs to whoever ran the fix
    }
    renameSync(temp, real);
  } catch (error) {
    try {
      unlinkSync(temp);
    } catch {
      // already renamed or never created
    }
    throw error;
  }
}
