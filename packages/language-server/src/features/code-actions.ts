/**
 * Code actions: each finding's quick fixes (the preferred one marked), "Disable <rule> for this line",
 * and `source.fixAll.omnichannel` for `editor.codeActionsOnSave`. Fixes are computed only for the
 * findings in the asked range; the whole-file fix only when a `source` kind is asked for, or, unasked,
 * on `codeAction/resolve`. Every edit names the document version it was computed for.
 */
import { CodeActionKind, type CodeAction, type CodeActionParams, type WorkspaceEdit } from 'vscode-languageserver/node';
import { disableForLineFix, fixAllEdits } from '@omnichannel-tools/core';
import type { TextEdit } from '@omnichannel-tools/core';
import type { ServerContext } from '../context';
import type { OpenDocument } from '../documents';
import { rangesTouch, toDiagnostic, toRange, toTextEdit } from '../convert';
import { guard } from '../guard';
import { resolveFromNodeModules, typeDefinitionActions, type TypesResolver } from './type-definitions';

export const FIX_ALL_KIND = `${CodeActionKind.SourceFixAll}.omnichannel`;

export function registerCodeActions(ctx: ServerContext, resolveTypes: TypesResolver = resolveFromNodeModules): void {
  ctx.connection.onCodeAction(guard(ctx.log, 'Code actions', [], async (params: CodeActionParams): Promise<CodeAction[]> => {
    const entry = ctx.documents.get(params.textDocument.uri);
    if (!entry) return [];
    const settings = await ctx.settings.get(entry.uri);
    const result = ctx.analyses.get(entry, settings.analyzer);
    if (!result) return [];
    const asked = (kind: string): boolean => params.context.only?.some(k => kind === k || kind.startsWith(k + '.')) === true;
    const wants = (kind: string): boolean => !params.context.only || asked(kind);
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
      actions.push(...typeDefinitionActions(entry, params.range, resolveTypes, edits => workspaceEdit(ctx, entry, edits)));
    }

    // Fix-all costs a pass over every finding: an editor's lightbulb asks on each cursor move without a
    // kind, so unasked it is only offered to clients that resolve it when chosen.
    if (asked(FIX_ALL_KIND)) {
      const edits = fixAllEdits(entry.doc, result.findings);
      if (edits.length > 0) actions.push({ title: FIX_ALL_TITLE, kind: FIX_ALL_KIND, edit: workspaceEdit(ctx, entry, edits) });
    } else if (!params.context.only && resolvesEdits(ctx) && result.findings.some(f => f.fixes)) {
      actions.push({ title: FIX_ALL_TITLE, kind: FIX_ALL_KIND, data: { uri: entry.uri } satisfies FixAllData });
    }
    return actions;
  }));

  ctx.connection.onCodeActionResolve(async (action: CodeAction): Promise<CodeAction> => {
    const resolve = guard(ctx.log, 'Resolving a code action', action, async (): Promise<CodeAction> => {
      const uri = (action.data as Partial<FixAllData> | undefined)?.uri;
      const entry = action.kind === FIX_ALL_KIND && typeof uri === 'string' ? ctx.documents.get(uri) : undefined;
      if (!entry) return action;
      const settings = await ctx.settings.get(entry.uri);
      const result = ctx.analyses.get(entry, settings.analyzer);
      return { ...action, edit: workspaceEdit(ctx, entry, result ? fixAllEdits(entry.doc, result.findings) : []) };
    });
    return resolve();
  });
}

const FIX_ALL_TITLE = 'Fix all auto-fixable Omnichannel problems';

/** What an unresolved fix-all action carries: the document, fixed as it is when the action is chosen. */
interface FixAllData {
  readonly uri: string;
}

function resolvesEdits(ctx: ServerContext): boolean {
  return ctx.capabilities.textDocument?.codeAction?.resolveSupport?.properties.includes('edit') === true;
}

/** A versioned edit when the client supports one (it then rejects a stale edit), plain changes otherwise. */
function workspaceEdit(ctx: ServerContext, entry: OpenDocument, edits: readonly TextEdit[]): WorkspaceEdit {
  const lspEdits = edits.map(e => toTextEdit(entry.doc, e));
  if (ctx.capabilities.workspace?.workspaceEdit?.documentChanges) {
    return { documentChanges: [{ textDocument: { uri: entry.uri, version: entry.version }, edits: lspEdits }] };
  }
  return { changes: { [entry.uri]: lspEdits } };
}
