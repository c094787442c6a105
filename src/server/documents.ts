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
import { OmnichannelDocument } from '../core/document';

export interface OpenDocument {
  readonly uri: string;
  readonly languageId: string;
  version: number;
  readonly doc: OmnichannelDocument;
}

export type DocumentListener = (entry: OpenDocument) => void;

export class DocumentStore {
  private readonly open = new Map<string, OpenDocument>();
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

  onDidClose(listener: (uri: string) => void): void {
    this.closeListeners.push(listener);
  }

  listen(connection: Connection, onError: (what: string, error: unknown) => void): void {
    connection.onDidOpenTextDocument(params => this.safely(onError, 'didOpen', () => this.opened(params)));
    connection.onDidChangeTextDocument(params => this.safely(onError, 'didChange', () => this.changed(params)));
    connection.onDidCloseTextDocument(params => this.safely(onError, 'didClose', () => {
      this.open.delete(params.textDocument.uri);
      for (const l of this.closeListeners) l(params.textDocument.uri);
    }));
  }

  private opened(params: DidOpenTextDocumentParams): void {
    const { uri, languageId, version, text } = params.textDocument;
    const entry: OpenDocument = { uri, languageId, version, doc: new OmnichannelDocument(fileNameOf(uri, languageId), text) };
    this.open.set(uri, entry);
    this.notify(entry);
  }

  private changed(params: DidChangeTextDocumentParams): void {
    const entry = this.open.get(params.textDocument.uri);
    if (!entry) return;
    for (const change of params.contentChanges) applyChange(entry.doc, change);
    entry.version = params.textDocument.version;
    this.notify(entry);
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
