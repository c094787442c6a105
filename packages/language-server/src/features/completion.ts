/** Completion: API members, call snippets and entity names, from the core's `completions`. */
import { InsertTextFormat, MarkupKind, type CancellationToken, type CompletionItem, type CompletionList, type CompletionParams } from 'vscode-languageserver/node';
import { completions } from '@omnichannel-tools/core';
import type { ServerContext } from '../context';
import { COMPLETION_KIND, toRange } from '../convert';
import { guard } from '../guard';
import { idCompletions } from './id-lookup';

/** Shows the parameter hints of the call a completion has just opened. */
const TRIGGER_PARAMETER_HINTS = { title: 'Show parameter hints', command: 'editor.action.triggerParameterHints' };

/** `.` for members, quotes for entity names inside a link call's first argument. */
export const COMPLETION_TRIGGERS = ['.', '"', "'", '`'];

export function registerCompletion(ctx: ServerContext): void {
  ctx.connection.onCompletion(guard(ctx.log, 'Completion', [], async (params: CompletionParams, token: CancellationToken): Promise<CompletionItem[] | CompletionList> => {
    const entry = ctx.documents.get(params.textDocument.uri);
    if (!entry) return [];
    const ids = await idCompletions(ctx, entry.doc, entry.doc.offsetAt(params.position), token);
    if (ids) return ids;
    const settings = await ctx.settings.get(entry.uri);
    const doc = entry.doc;
    return completions(doc, doc.offsetAt(params.position), { refreshCall: settings.analyzer.refreshCall }).map(e => {
      const newText = e.insertText ?? e.label;
      const item: CompletionItem = {
        label: e.label,
        kind: COMPLETION_KIND[e.kind],
        insertTextFormat: e.insertTextIsSnippet ? InsertTextFormat.Snippet : InsertTextFormat.PlainText,
      };
      if (e.detail !== undefined) item.detail = e.detail;
      if (e.documentation !== undefined) item.documentation = { kind: MarkupKind.Markdown, value: e.documentation };
      if (e.sortText !== undefined) item.sortText = e.sortText;
      if (e.replace) item.textEdit = { range: toRange(doc, e.replace), newText };
      else item.insertText = newText;
      // Filtering must match what the user typed against the inserted name, not a snippet's label.
      if (e.filterText !== undefined) item.filterText = e.filterText;
      else if (e.kind === 'entity') item.filterText = newText;
      if (e.preselect) item.preselect = true;
      // VS Code runs this after inserting `name(`; other editors ignore a command they do not know.
      if (e.opensSignatureHelp) item.command = TRIGGER_PARAMETER_HINTS;
      return item;
    });
  }));
}
