/**
 * A parsed source file that follows the editor's edits. Re-parsing incrementally with
 * `ts.updateSourceFile` keeps typing in a large file cheap: only the edited region is parsed again.
 */
import * as ts from 'typescript';
import { statementsAround, type StatementList } from './calls/statements';
import { noteLine } from './reads';
import type { TextChange } from './types';

/** The script kind for a file name; unknown extensions are read as JavaScript (what web resources are). */
export function scriptKindOf(fileName: string): ts.ScriptKind {
  const lower = fileName.toLowerCase();
  if (lower.endsWith('.tsx')) return ts.ScriptKind.TSX;
  if (lower.endsWith('.ts') || lower.endsWith('.mts') || lower.endsWith('.cts')) return ts.ScriptKind.TS;
  if (lower.endsWith('.jsx')) return ts.ScriptKind.JSX;
  return ts.ScriptKind.JS;
}

/** One edit between two trees, as incremental analysis needs it (offsets in the text before it). */
export interface AppliedEdit {
  readonly start: number;
  readonly oldEnd: number;
  readonly newEnd: number;
  /** The text the edit replaced. */
  readonly removed: string;
  /** The statements around the edit, in the tree before it. */
  readonly list: StatementList | undefined;
  /** Whether the tree before it was a module (had imports or exports). */
  readonly wasModule: boolean;
  /** The tree before the edit (see `generation`). */
  readonly from: number;
}

export class OmnichannelDocument {
  private file!: ts.SourceFile;
  private treeGeneration = 0;
  private edit: AppliedEdit | undefined;
  private currentText!: string;
  private lineStarts: readonly number[] | undefined;
  private failure: string | undefined;

  /**
   * `parsed`: what another tool says is its tree of this text (ESLint's `@typescript-eslint/parser` makes one
   * per file), used instead of parsing again only if it is the tree `parseSource` would make (`fits`).
   */
  constructor(readonly fileName: string, text: string, parsed?: unknown) {
    if (fits(parsed, fileName, text)) {
      this.currentText = text;
      this.treeGeneration++;
      if (parsed.statements[0]?.parent !== parsed) setParents(parsed);
      this.file = parsed;
    } else {
      this.setText(text);
    }
  }

  get text(): string {
    return this.currentText;
  }

  /**
   * Set when the text could not be parsed at all (nesting so deep that the parser runs out of stack);
   * `sourceFile` is then an empty file, so every feature simply finds nothing.
   */
  get parseFailure(): string | undefined {
    return this.failure;
  }

  get sourceFile(): ts.SourceFile {
    return this.file;
  }

  /** Counts the trees this document has had: each edit or new text makes one. */
  get generation(): number {
    return this.treeGeneration;
  }

  /** The edit that made the current tree from the one before, when it was an incremental update. */
  get lastEdit(): AppliedEdit | undefined {
    return this.edit?.from === this.treeGeneration - 1 ? this.edit : undefined;
  }

  /** Applies edits in order, each against the text the previous one produced; re-parses incrementally. */
  update(changes: readonly TextChange[]): void {
    for (const change of changes) {
      const old = this.currentText;
      const start = clamp(change.start, 0, old.length);
      const end = clamp(change.end, start, old.length);
      const next = old.slice(0, start) + change.newText + old.slice(end);
      if (this.failure !== undefined) {
        this.setText(next);
        continue;
      }
      const range = ts.createTextChangeRange(ts.createTextSpan(start, end - start), change.newText.length);
      try {
        // Read before the update, which moves the old tree's nodes.
        const edit: AppliedEdit = {
          start, oldEnd: end, newEnd: start + change.newText.length, removed: old.slice(start, end), list: statementsAround(this.file, start, end),
          wasModule: ts.isExternalModule(this.file), from: this.treeGeneration,
        };
        this.file = ts.updateSourceFile(this.file, next, range);
        this.treeGeneration++;
        this.edit = edit;
        this.currentText = next;
        // Shifting the known line starts costs far less than scanning a large text again after every keystroke.
        if (this.lineStarts) this.lineStarts = shiftLineStarts(this.lineStarts, next, start, end, change.newText.length);
      } catch {
        this.setText(next); // the incremental parser gave up: a full parse decides
      }
    }
  }

  /** Replaces the whole text (a fresh parse). */
  setText(text: string): void {
    this.currentText = text;
    this.lineStarts = undefined;
    this.failure = undefined;
    this.treeGeneration++;
    try {
      this.file = this.parse(text);
    } catch (error) {
      if (!(error instanceof RangeError)) throw error;
      this.failure = `${this.fileName.split(/[\\/]/).pop()} is nested too deeply to parse (the parser ran out of stack): not analysed.`;
      this.file = this.parse('');
    }
  }

  /** Zero-based line and character of an offset, lines ending at `\n`, `\r\n` or `\r` only (as LSP counts them). */
  positionAt(offset: number): { line: number; character: number } {
    return positionIn(this.starts(), this.currentText.length, offset);
  }

  /** The offset of a zero-based line and character; a character past the line's end stops at it (as LSP says). */
  offsetAt(position: { line: number; character: number }): number {
    return offsetIn(this.starts(), this.currentText, position);
  }

  /** The offset where the line holding `offset` starts. */
  lineStartOffset(offset: number): number {
    return this.starts()[this.positionAt(offset).line]!;
  }

  /**
   * Our own line map, not the parser's: the parser also ends lines at U+2028 and U+2029, which editors
   * and LSP do not, so its lines would put positions after such a character on the wrong line.
   */
  private starts(): readonly number[] {
    this.lineStarts ??= computeLineStarts(this.currentText);
    return this.lineStarts;
  }

  private parse(text: string): ts.SourceFile {
    return parseSource(this.fileName, text);
  }
}

/**
 * Parsing as the analysis needs it. JSDoc is not parsed: no rule or feature reads it, and it costs time
 * and heap. Parent pointers are set by `setParents` below rather than by the parser, whose own pass
 * (`setParentNodes`) allocates an array per node and costs about twice as much. `ts.updateSourceFile`
 * keeps both choices: it re-parses with the file's JSDoc mode and sets the parents of the nodes it creates.
 */
export function parseSource(fileName: string, text: string): ts.SourceFile {
  const file = ts.createSourceFile(fileName, text, PARSE_OPTIONS, false, scriptKindOf(fileName));
  setParents(file);
  return file;
}

/** The prototype of the trees this module's TypeScript makes: a tree from another copy of TypeScript has other syntax kinds. */
const SOURCE_FILE_PROTOTYPE: object = Object.getPrototypeOf(ts.createSourceFile('', '', ts.ScriptTarget.Latest)) as object;

/** Whether a tree made elsewhere is the one `parseSource` would make of `text`: same TypeScript, text, script kind and target, no JSDoc. */
function fits(parsed: unknown, fileName: string, text: string): parsed is ts.SourceFile {
  if (typeof parsed !== 'object' || parsed === null || Object.getPrototypeOf(parsed) !== SOURCE_FILE_PROTOTYPE) return false;
  // `scriptKind` and `jsDocParsingMode` are the parser's own fields, not in its declarations.
  const file = parsed as ts.SourceFile & { readonly scriptKind?: ts.ScriptKind; readonly jsDocParsingMode?: ts.JSDocParsingMode };
  return file.kind === ts.SyntaxKind.SourceFile && file.text === text && file.scriptKind === scriptKindOf(fileName)
    && file.languageVersion === ts.ScriptTarget.Latest && file.jsDocParsingMode === ts.JSDocParsingMode.ParseNone;
}

const PARSE_OPTIONS: ts.CreateSourceFileOptions = { languageVersion: ts.ScriptTarget.Latest, jsDocParsingMode: ts.JSDocParsingMode.ParseNone };
const forEachChild = ts.forEachChild;

/**
 * Sets `parent` on every node below `root`, as `setParentNodes` does (JSDoc aside, which is not parsed).
 * A stack of its own rather than recursion: a chain of thousands of `.then` calls is a tree as deep, which
 * the parser builds without running out of stack, and so must this.
 */
export function setParents(root: ts.Node): void {
  const pending: ts.Node[] = [root];
  let parent: ts.Node = root;
  const visit = (child: ts.Node): undefined => {
    (child as { parent: ts.Node }).parent = parent;
    pending.push(child);
    return undefined;
  };
  const visitList = (list: ts.NodeArray<ts.Node>): undefined => {
    for (let i = 0; i < list.length; i++) visit(list[i]!);
    return undefined;
  };
  for (let next = pending.pop(); next !== undefined; next = pending.pop()) {
    parent = next;
    forEachChild(next, visit, visitList);
  }
}

/** The offset of every line start in `text`; only `\n`, `\r\n` and `\r` end a line (U+2028, U+2029 and the like do not). */
export function computeLineStarts(text: string): number[] {
  return lineStartsOf(text, 0, text.length + 1);
}

/** Zero-based line and character of `offset` (clamped to the text) in a text of `length` with these line starts. */
export function positionIn(starts: readonly number[], length: number, offset: number): { line: number; character: number } {
  const target = clamp(offset, 0, length);
  let low = 0;
  let high = starts.length - 1;
  while (low < high) {
    const mid = (low + high + 1) >> 1;
    if (starts[mid]! <= target) low = mid;
    else high = mid - 1;
  }
  return { line: low, character: target - starts[low]! };
}

/**
 * The offset of a zero-based line and character in `text` with these line starts: a line past the end
 * gives the text's end, a character past the line's content stops before its line break.
 */
export function offsetIn(starts: readonly number[], text: string, position: { line: number; character: number }): number {
  if (position.line >= starts.length) return text.length;
  const line = Math.max(0, position.line);
  const start = starts[line]!;
  let end = line + 1 < starts.length ? starts[line + 1]! : text.length;
  if (end > start && text.charCodeAt(end - 1) === 10) end--;
  if (end > start && text.charCodeAt(end - 1) === 13) end--;
  return start + clamp(position.character, 0, end - start);
}

const startsOfFile = new WeakMap<ts.SourceFile, readonly number[]>();

/**
 * The zero-based line of an offset in a parsed file, counted as `positionAt` counts (not as the parser's
 * `getLineAndCharacterOfPosition`, which also breaks at U+2028 and U+2029): for code that holds only the tree.
 */
export function lineAt(sourceFile: ts.SourceFile, offset: number): number {
  let starts = startsOfFile.get(sourceFile);
  if (!starts) startsOfFile.set(sourceFile, (starts = computeLineStarts(sourceFile.text)));
  noteLine(offset);
  return positionIn(starts, sourceFile.text.length, offset).line;
}

/** The line starts after `from` and before `to` (and 0 when `from` is 0); `from` must itself start a line. */
function lineStartsOf(text: string, from: number, to: number): number[] {
  const starts = from === 0 ? [0] : [];
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c > 13) continue; // most characters: one comparison
    if (c === 13 && text.charCodeAt(i + 1) === 10) i++;
    if ((c === 10 || c === 13) && i + 1 < to) starts.push(i + 1);
  }
  return starts;
}

/**
 * The line starts of `text` after replacing old [start, end) by `inserted` characters: the lines before
 * the edit are kept, the edited region is scanned, and the lines after it are shifted. Whether an offset
 * starts a line depends on the character before it and the one at it (a CR then LF is one break), so
 * only starts with both characters outside the edit are kept or shifted.
 */
function shiftLineStarts(old: readonly number[], text: string, start: number, end: number, inserted: number): number[] {
  const delta = inserted - (end - start);
  // The last old start whose line break lies wholly before the edit, and the first one safely past it.
  let low = 0;
  let high = old.length - 1;
  while (low < high) {
    const mid = (low + high + 1) >> 1;
    if (old[mid]! < start) low = mid;
    else high = mid - 1;
  }
  const first = low;
  let after = first + 1;
  while (after < old.length && old[after]! < end + 2) after++;
  const stop = after < old.length ? old[after]! + delta : text.length + 1;
  const starts = old.slice(0, first + 1);
  for (const s of lineStartsOf(text, old[first]!, stop)) if (s > old[first]!) starts.push(s);
  for (let i = after; i < old.length; i++) starts.push(old[i]! + delta);
  return starts;
}

function clamp(value: number, low: number, high: number): number {
  return Math.min(Math.max(value, low), high);
}
