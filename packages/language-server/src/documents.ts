/**
 * The open documents, each kept as an `OmnichannelDocument` that follows `didChange` incrementally
 * (a one-character edit in a large file re-parses only the edited region). A malformed `didChange` is
 * refused whole (see `content-changes.ts`): the document stays as it was and later edits still apply.
 */
import type { Connection, DidChangeTextDocumentParams, DidOpenTextDocumentParams } from 'vscode-languageserver/node';
import { OmnichannelDocument, computeLineStarts, offsetIn, type TextChange } from '@omnichannel-tools/core';
import { checkChangeParams, rangeProblem, rejection, type CheckedChange } from './content-changes';
import { changeBetween } from './typing';

export interface OpenDocument {
  readonly uri: string;
  readonly languageId: string;
  version: number;
  readonly doc: OmnichannelDocument;
}

export type DocumentListener = (entry: OpenDocument) => void;

/** A document the parser could not take (e.g. nesting deeper than its stack): kept as text, retried on each change. */
interface UnparsedDocument {
  readonly uri: string;
  readonly languageId: string;
  version: number;
  text: string;
}

export class DocumentStore {
  private readonly open = new Map<string, OpenDocument>();
  private readonly unparsed = new Map<string, UnparsedDocument>();
  private readonly failureListeners: ((uri: string, version: number, error: unknown) => void)[] = [];
  private readonly changeListeners: DocumentListener[] = [];
  private readonly closeListeners: ((uri: string) => void)[] = [];
  private readonly editListeners: ((entry: OpenDocument, changes: readonly TextChange[]) => void)[] = [];

  get(uri: string): OpenDocument | undefined {
    return this.open.get(uri);
  }

  all(): readonly OpenDocument[] {
    return [...this.open.values()];
  }

  /** Called after a document opens or changes. */
  onDidChange(listener: DocumentListener): void {
    this.changeListeners.push(listener);
  }

  /** Called when a document's text cannot be parsed; features then treat it as absent until it changes. */
  onParseFailure(listener: (uri: string, version: number, error: unknown) => void): void {
    this.failureListeners.push(listener);
  }

  /** Called with the offsets of each change of a `didChange` (each relative to the text the previous one made), before `onDidChange`. */
  onDidEdit(listener: (entry: OpenDocument, changes: readonly TextChange[]) => void): void {
    this.editListeners.push(listener);
  }

  onDidClose(listener: (uri: string) => void): void {
    this.closeListeners.push(listener);
  }

  /** `onRefused` gets one sentence per malformed message; `onError` what threw anyway. */
  listen(connection: Connection, onError: (what: string, error: unknown) => void, onRefused: (sentence: string) => void): void {
    connection.onDidOpenTextDocument(params => this.safely(onError, 'didOpen', () => this.opened(params, onRefused)));
    connection.onDidChangeTextDocument(params => this.safely(onError, 'didChange', () => this.changed(params, onRefused)));
    connection.onDidCloseTextDocument(params => this.safely(onError, 'didClose', () => {
      this.open.delete(params.textDocument.uri);
      this.unparsed.delete(params.textDocument.uri);
      for (const l of this.closeListeners) l(params.textDocument.uri);
    }));
  }

  private opened(params: DidOpenTextDocumentParams, onRefused: (sentence: string) => void): void {
    const { uri, languageId, version, text } = params.textDocument;
    if (typeof text !== 'string') {
      onRefused(`Refused textDocument/didOpen for ${String(uri)}: its text is not a string (got ${typeof text}). The document is not analysed until it is opened again.`);
      return;
    }
    this.load(uri, languageId, version, text);
  }

  private changed(params: DidChangeTextDocumentParams, onRefused: (sentence: string) => void): void {
    const checked = checkChangeParams(params);
    if ('problem' in checked) {
      const known = checked.uri === undefined ? undefined : this.open.get(checked.uri) ?? this.unparsed.get(checked.uri);
      onRefused(rejection(checked.uri, checked.version, checked.problem, known?.version));
      return;
    }
    const { uri, version, changes } = checked;
    const entry = this.open.get(uri);
    if (entry) {
      const before = entry.doc.text;
      const edits: TextChange[] = [];
      try {
        for (const [index, change] of changes.entries()) {
          const problem = rangeProblem(change.range, lineCount(entry.doc));
          if (problem) {
            if (index > 0) entry.doc.setText(before); // the earlier changes of the message are undone with it
            onRefused(rejection(uri, version, `change ${index + 1} of ${changes.length} ${problem}`, entry.version));
            return;
          }
          edits.push(applyChange(entry.doc, change));
        }
      } catch (error) {
        // The parse gave up part way; rebuild from the text the edits produce (or the text before a refused one).
        const edited = applyToText(before, changes);
        this.open.delete(uri);
        if (typeof edited === 'string') {
          this.load(uri, entry.languageId, version, edited, error);
        } else {
          onRefused(rejection(uri, version, edited.problem, entry.version));
          this.load(uri, entry.languageId, entry.version, before, error);
        }
        return;
      }
      entry.version = version;
      for (const l of this.editListeners) l(entry, edits);
      this.reportParseFailure(entry);
      this.notify(entry);
      return;
    }
    const unparsed = this.unparsed.get(uri);
    if (!unparsed) return;
    const edited = applyToText(unparsed.text, changes);
    if (typeof edited === 'string') this.load(uri, unparsed.languageId, version, edited);
    else onRefused(rejection(uri, version, edited.problem, unparsed.version));
  }

  /** Parses a document afresh; a text the parser cannot take is kept unparsed and reported. */
  private load(uri: string, languageId: string, version: number, text: string, earlierError?: unknown): void {
    let doc: OmnichannelDocument;
    try {
      doc = new OmnichannelDocument(fileNameOf(uri, languageId), text);
    } catch (error) {
      this.open.delete(uri);
      this.unparsed.set(uri, { uri, languageId, version, text });
      for (const l of this.failureListeners) l(uri, version, earlierError ?? error);
      return;
    }
    this.unparsed.delete(uri);
    const entry: OpenDocument = { uri, languageId, version, doc };
    this.open.set(uri, entry);
    this.reportParseFailure(entry);
    this.notify(entry);
  }

  /** The core keeps a text it cannot parse as an empty file (every feature finds nothing); say why once per version. */
  private reportParseFailure(entry: OpenDocument): void {
    const failure = entry.doc.parseFailure;
    if (failure !== undefined) for (const l of this.failureListeners) l(entry.uri, entry.version, failure);
  }

  private notify(entry: OpenDocument): void {
    for (const l of this.changeListeners) l(entry);
  }

  private safely(onError: (what: string, error: unknown) => void, what: string, fn: () => void): void {
    try {
      fn();
    } catch (error) {
      onError(what, error);
    }
  }
}

/**
 * Each change's range refers to the text the previous change produced, so offsets are computed one at a
 * time. Returns the change as offsets (a whole new text as the span that differs).
 */
function applyChange(doc: OmnichannelDocument, change: CheckedChange): TextChange {
  if (change.range) {
    const start = doc.offsetAt(change.range.start);
    const end = doc.offsetAt(change.range.end);
    const edit = { start, end: Math.max(start, end), newText: change.text };
    doc.update([edit]);
    return edit;
  }
  const edit = changeBetween(doc.text, change.text);
  doc.setText(change.text);
  return edit;
}

function lineCount(doc: OmnichannelDocument): number {
  return doc.positionAt(doc.text.length).line + 1;
}

/** Applies checked changes to plain text (for documents the parser could not take), or says which one does not fit. */
function applyToText(text: string, changes: readonly CheckedChange[]): string | { problem: string } {
  let out = text;
  for (const [index, change] of changes.entries()) {
    if (!change.range) {
      out = change.text;
      continue;
    }
    // Lines counted as the core's documents count them, so an edit lands in the same place whichever path applies it.
    const starts = computeLineStarts(out);
    const problem = rangeProblem(change.range, starts.length);
    if (problem) return { problem: `change ${index + 1} of ${changes.length} ${problem}` };
    const start = offsetIn(starts, out, change.range.start);
    const end = Math.max(start, offsetIn(starts, out, change.range.end));
    out = out.slice(0, start) + change.text + out.slice(end);
  }
  return out;
}

const EXTENSION_OF: Record<string, string> = {
  typescript: '.ts',
  typescriptreact: '.tsx',
  javascriptreact: '.jsx',
  javascript: '.js',
};

/**
 * A file name whose extension tells the parser the language. The URI's own name is kept when its
 * extension already agrees (an untitled document or an `.html`-less web resource gets one).
 */
export function fileNameOf(uri: string, languageId: string): string {
  let name = uri;
  try {
    name = decodeURIComponent(new URL(uri).pathname);
  } catch {
    // Not a URL: keep the text as it is.
  }
  const wanted = EXTENSION_OF[languageId];
  if (!wanted || /\.(m|c)?[jt]sx?$/i.test(name)) return name;
  return name + wanted;
}
