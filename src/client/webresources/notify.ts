/**
 * How a publish or pull ended, told: one notification (a single file's sentence with the lints left, or a
 * batch's summary), every line in the log, and each file's outcome to the panel's Web resources section.
 */
import * as vscode from 'vscode';
import type { Context } from '../ctx';
import type { DataverseEntry } from '../../environments/types';
import { lintSuffix, type PublishResult } from '../../webresources/publish';
import type { WebResourceOutcomeStatus } from '../../protocol/webview';
import type { Problem, ResolvedTarget } from './targets';

const DIAGNOSTIC_SOURCE = 'omnichannel';
const SHOW_LOG = 'Show Log';

/** The outcome: one notification (a single file: its sentence with the lints left; a batch: a summary), every line in the log. */
export async function report(ctx: Context, environment: DataverseEntry, results: readonly PublishResult[], targets: readonly ResolvedTarget[], problems: readonly Problem[]): Promise<void> {
  for (const problem of problems) ctx.log.warn(problem.message);
  tell(ctx, environment, [
    ...results.flatMap(r => {
      const target = targets.find(t => t === r.target);
      return target ? [{ fileUri: target.fileUri, status: outcomeStatus(r), message: r.message }] : [];
    }),
    ...problems.flatMap(p => (p.fileUri ? [{ fileUri: p.fileUri, status: 'failed' as const, message: p.message }] : [])),
  ]);
  const published = results.filter(r => r.status === 'published');
  const failed = results.filter(r => r.status === 'failed');
  const lints = new Map<PublishResult, string>();
  for (const result of published) {
    const target = targets.find(t => t === result.target);
    if (target) lints.set(result, lintSuffix(await findingsOf(target.lintUri)));
  }
  if (results.length === 1 && problems.length === 0) {
    const result = results[0];
    if (result.status === 'published') {
      const suffix = lints.get(result) ?? '';
      // "Published new_/scripts/case-form.js in Contoso Dev with 1 warning: missing-ui-refresh."
      const text = suffix ? `${result.message.replace(/ \(read back:.*\)\.$/, '')}${suffix}.` : result.message;
      if (suffix) void vscode.window.showWarningMessage(text, 'Show Problems').then(a => { if (a) void vscode.commands.executeCommand('workbench.actions.view.problems'); });
      else void vscode.window.showInformationMessage(text);
    } else if (result.status === 'failed') {
      void showFailure(ctx, result.message);
    } else {
      void vscode.window.showInformationMessage(result.message);
    }
    return;
  }
  ctx.log.info(`Publish to ${environment.name}: ${published.length} published, ${results.filter(r => r.status === 'unchanged').length} unchanged, ${results.filter(r => r.status === 'skipped').length} skipped, ${failed.length + problems.length} failed.`);
  for (const [result, suffix] of lints) if (suffix) ctx.log.warn(`${result.target.mapping.name} was published${suffix}.`);
  const parts = [`${published.length} published`];
  const unchanged = results.filter(r => r.status === 'unchanged').length;
  const skipped = results.filter(r => r.status === 'skipped').length;
  if (unchanged) parts.push(`${unchanged} unchanged`);
  if (skipped) parts.push(`${skipped} skipped`);
  if (failed.length + problems.length) parts.push(`${failed.length + problems.length} failed`);
  const linted = [...lints.values()].filter(Boolean).length;
  const lintText = linted ? ` ${linted} published file${linted > 1 ? 's have' : ' has'} warnings left (see the log).` : '';
  const firstFailure = failed[0]?.message ?? problems[0]?.message;
  const text = `Web resources in ${environment.name}: ${parts.join(', ')}.${lintText}${firstFailure ? ` First failure: ${firstFailure}` : ''}`;
  const show = failed.length + problems.length > 0 ? vscode.window.showErrorMessage : vscode.window.showInformationMessage;
  void show(text, SHOW_LOG).then(answer => { if (answer === SHOW_LOG) ctx.log.show(true); });
}

/** Tells the panel (through the context) how each file's publish or pull ended. */
export function tell(ctx: Context, environment: DataverseEntry, items: readonly { fileUri: vscode.Uri; status: WebResourceOutcomeStatus; message: string }[]): void {
  if (items.length === 0) return;
  const at = new Date().toISOString();
  ctx.webResourceOutcomes.record({
    environmentUrl: environment.definition.url,
    items: items.map(({ fileUri, status, message }) => ({ fileUri, outcome: { status, message, at } })),
  });
}

function outcomeStatus(result: PublishResult): WebResourceOutcomeStatus {
  if (result.status === 'failed') return result.code === 'conflict' ? 'conflict' : 'failed';
  if (result.status === 'skipped' && result.conflict) return 'conflict';
  return result.status;
}

export function showFailure(ctx: Context, message: string): Thenable<void> {
  const signIn = /Sign in again/.test(message);
  return vscode.window.showErrorMessage(message, ...(signIn ? ['Sign In', SHOW_LOG] : [SHOW_LOG])).then(answer => {
    if (answer === SHOW_LOG) ctx.log.show(true);
    if (answer === 'Sign In') void vscode.commands.executeCommand('omnichannel.signIn');
  });
}

/** The omnichannel diagnostics of a file: opened for the language server if needed, waited for briefly. */
async function findingsOf(uri: vscode.Uri): Promise<{ code: string; severity: 'error' | 'warning' | 'info' }[]> {
  const read = () => vscode.languages.getDiagnostics(uri).filter(d => d.source === DIAGNOSTIC_SOURCE);
  const open = vscode.workspace.textDocuments.some(d => d.uri.toString() === uri.toString());
  if (!open) {
    const changed = new Promise<void>(resolve => {
      const timer = setTimeout(() => { subscription.dispose(); resolve(); }, 5000);
      const subscription = vscode.languages.onDidChangeDiagnostics(event => {
        if (!event.uris.some(u => u.toString() === uri.toString())) return;
        clearTimeout(timer);
        subscription.dispose();
        resolve();
      });
    });
    await vscode.workspace.openTextDocument(uri).then(() => changed, () => undefined);
  }
  return read().map(d => ({
    code: typeof d.code === 'object' ? String(d.code.value) : String(d.code ?? ''),
    severity: d.severity === vscode.DiagnosticSeverity.Error ? 'error' : d.severity === vscode.DiagnosticSeverity.Warning ? 'warning' : 'info',
  }));
}
