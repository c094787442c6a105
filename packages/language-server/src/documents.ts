/**
 * The open documents, each kept as an `OmnichannelDocument` that follows `didChange` incrementally
 * (a one-character edit in a large file re-parses only the edited region).
 */
import type {
  Connection,
  DidChangeTextDocumentParams,
  DidOpenTextDocumentParams,
  TextDocumentContentChangeEvent,
} from 'vscode-languageserver/node';
import { OmnichannelDocument, computeLineStarts, offsetIn } from '@omnichannel-tools/core';

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

  onDidClose(listener: (uri: string) => void): void {
    this.closeListeners.push(listener);
  }

  listen(connection: Connection, onError: (what: string, error: unknown) => void): void {
    connection.onDidOpenTextDocument(params => this.safely(onError, 'didOpen', () => this.opened(params)));
    connection.onDidChangeTextDocument(params => this.safely(onError, 'didChange', () => this.changed(params)));
    connection.onDidCloseTextDocument(params => this.safely(onError, 'didClose', () => {
      this.open.delete(params.textDocument.uri);
      this.unparsed.delete(params.textDocument.uri);
      for (const l of this.closeListeners) l(params.textDocument.uri);
    }));
  }

  private opened(params: DidOpenTextDocumentParams): void {
    const { uri, languageId, version, text } = params.textDocument;
    this.load(uri, languageId, version, text);
  }

  private changed(params: DidChangeTextDocumentParams): void {
    const { uri, version } = params.textDocument;
    const entry = this.open.get(uri);
    if (entry) {
      const before = entry.doc.text;
      try {
        for (const change of params.contentChanges) applyChange(entry.doc, change);
      } catch (error) {
        // The incremental parse gave up part way; rebuild from the text the edits produce.
        this.open.delete(uri);
        this.load(uri, entry.languageId, version, applyToText(before, params.contentChanges), error);
        return;
      }
      entry.version = version;
      this.reportParseFailure(entry);
      this.notify(entry);
      return;
    }
    const unparsed = this.unparsed.get(uri);
    if (unparsed) this.load(uri, unparsed.languageId, version, applyToText(unparsed.text, params.contentChanges));
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

/** Each change's range refers to the text the previous change produced, so offsets are computed one at a time. */
function applyChange(doc: OmnichannelDocument, change: TextDocumentContentChangeEvent): void {
  if ('range' in change && change.range) {
    const start = doc.offsetAt(change.range.start);
    const end = doc.offsetAt(change.range.end);
    doc.update([{ start, end: Math.max(start, end), newText: change.text }]);
  } else {
    doc.setText(change.text);
  }
}

/** Applies LSP content changes to plain text (for documents the parser could not take). */
function applyToText(text: string, changes: readonly TextDocumentContentChangeEvent[]): string {
  let out = text;
  for (const change of changes) {
    if ('range' in change && change.range) {
      const start = plainOffset(out, change.range.start);
      const end = Math.max(start, plainOffset(out, change.range.end));
      out = out.slice(0, start) + change.text + out.slice(end);
    } else out = change.text;
  }
  return out;
}

/** Counts lines as the core's documents do, so an edit lands in the same place whichever path applies it. */
function plainOffset(text: string, position: { line: number; character: number }): number {
  return offsetIn(computeLineStarts(text), text, position);
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
