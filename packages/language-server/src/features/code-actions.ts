/**
 * Code actions: each finding's quick fixes (the preferred one marked), "Disable <rule> for this line",
 * and `source.fixAll.omnichannel` for `editor.codeActionsOnSave`. Fixes are computed only for the
 * findings in the asked range, and every edit names the document version it was computed for, so an
 * editor refuses it once the text has moved on.
 */
import { CodeActionKind, type CodeAction, type CodeActionParams, type WorkspaceEdit } from 'vscode-languageserver/node';
import { disableForLineFix, fixAllEdits } from '@omnichannel-tools/core';
import type { TextEdit } from '@omnichannel-tools/core';
import type { ServerContext } from '../context';
import type { OpenDocument } from '../documents';
import { rangesTouch, toDiagnostic, toRange, toTextEdit } from '../convert';
import { guard } from '../guard';

export const FIX_ALL_KIND = `${CodeActionKind.SourceFixAll}.omnichannel`;

export function registerCodeActions(ctx: ServerContext): void {
  ctx.connection.onCodeAction(guard(ctx.log, 'Code actions', [], async (params: CodeActionParams): Promise<CodeAction[]> => {
    const entry = ctx.documents.get(params.textDocument.uri);
    if (!entry) return [];
    const settings = await ctx.settings.get(entry.uri);
    const result = ctx.analyses.get(entry, settings.analyzer);
    if (!result) return [];
    const wants = (kind: string): boolean => !params.context.only || params.context.only.some(k => kind === k || kind.startsWith(k + '.'));
    const actions: CodeAction[] = [];

    if (wants(CodeActionKind.QuickFix)) {
      for (const finding of result.findings) {
        const range = toRange(entry.doc, finding);
        if (!rangesTouch(range, params.range)) continue;
        const diagnostic = toDiagnostic(entry.doc, finding);
        for (const fix of finding.fixes?.() ?? []) {
          actions.push({
            title: fix.title,
            kind: CodeActionKind.QuickFix,
            diagnostics: [diagnostic],
            ...(fix.isPreferred ? { isPreferred: true } : {}),
            edit: workspaceEdit(ctx, entry, fix.edits),
          });
        }
        const disable = disableForLineFix(entry.doc, finding);
        actions.push({ title: disable.title, kind: CodeActionKind.QuickFix, diagnostics: [diagnostic], edit: workspaceEdit(ctx, entry, disable.edits) });
      }
    }

    if (wants(FIX_ALL_KIND)) {
      const edits = fixAllEdits(entry.doc, result.findings);
      if (edits.length > 0) actions.push({ title: 'Fix all auto-fixable Omnichannel problems', kind: FIX_ALL_KIND, edit: workspaceEdit(ctx, entry, edits) });
    }
    return actions;
  }));
}

/** A versioned edit when the client supports one (it then rejects a stale edit), plain changes otherwise. */
function workspaceEdit(ctx: ServerContext, entry: OpenDocument, edits: readonly TextEdit[]): WorkspaceEdit {
  const lspEdits = edits.map(e => toTextEdit(entry.doc, e));
  if (ctx.capabilities.workspace?.workspaceEdit?.documentChanges) {
    return { documentChanges: [{ textDocument: { uri: entry.uri, version: entry.version }, edits: lspEdits }] };
  }
  return { changes: { [entry.uri]: lspEdits } };
}
