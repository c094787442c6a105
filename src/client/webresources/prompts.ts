/**
 * The questions a publish or pull asks in VS Code: production and create confirmations, the diff before
 * publishing one file, a conflict with the environment's copy (with the change since the last pull or
 * publish when it is known), and what the confirmation of a pull says about the environment's copy.
 */
import * as vscode from 'vscode';
import type { Context } from '../ctx';
import type { WebResourceRow } from '../../backends/dataverse/webresources';
import type { ConflictSituation, WebResourcePrompts } from '../../webresources/publish';
import { contentUri, showDiff } from './diff';
import type { ResolvedTarget } from './targets';

export const PUBLISH = 'Publish';

export function vscodePrompts(ctx: Context): WebResourcePrompts {
  const subscriptions = ctx.extension.subscriptions;
  return {
    async confirmProduction(question) {
      // The same modal question link calls ask before writing to production.
      return (await vscode.window.showWarningMessage(question, { modal: true }, PUBLISH)) === PUBLISH;
    },
    async confirmCreate(target, env, solution) {
      const create = 'Create and Publish';
      const where = solution ? `in solution ${solution}` : 'in the default solution (set "solution" in .omnichannel/webresources.json to choose one)';
      const answer = await vscode.window.showWarningMessage(
        `${target.mapping.name} does not exist in ${env}. Create it as a JavaScript web resource ${where} and publish ${target.label}?`,
        { modal: true },
        create,
      );
      return answer === create;
    },
    async confirmChanges(target, row, env) {
      const left = contentUri(subscriptions, env, target.mapping.name, row.content);
      // The file itself on the right (it was saved before publishing), so it can still be read and edited there.
      const right = (target as Partial<ResolvedTarget>).fileUri ?? contentUri(subscriptions, 'local', target.mapping.name, target.content);
      await showDiff(left, right, `${target.mapping.name} (${env}) ↔ ${target.label}`);
      const answer = await vscode.window.showInformationMessage(`Publish ${target.label} to ${target.mapping.name} in ${env}? The diff shows ${env}'s copy on the left and yours on the right.`, PUBLISH, 'Cancel');
      return answer === PUBLISH;
    },
    async resolveConflict(situation: ConflictSituation) {
      const name = situation.target.mapping.name;
      const env = situation.environmentName;
      const environmentUri = contentUri(subscriptions, env, name, situation.current.content);
      const localUri = contentUri(subscriptions, 'local', name, situation.target.content);
      const baseUri = situation.base ? contentUri(subscriptions, `last ${situation.known.action}`, name, situation.base) : undefined;
      if (baseUri) await showDiff(baseUri, environmentUri, `${name}: what changed in ${env} since you last ${situation.known.action} it`);
      else await showDiff(environmentUri, localUri, `${name} (${env}) ↔ ${situation.target.label}`);
      for (;;) {
        const compare = baseUri ? 'Compare with Mine' : undefined;
        const answer = await vscode.window.showWarningMessage(
          `${situation.message} Overwrite their change with ${situation.target.label}?`,
          { modal: true, detail: 'Pull it first to merge their change into yours, or overwrite it.' },
          'Overwrite', ...(compare ? [compare] : []),
        );
        if (answer === 'Overwrite') return 'overwrite';
        if (answer !== undefined && answer === compare) {
          await showDiff(environmentUri, localUri, `${name} (${env}) ↔ ${situation.target.label}`);
          continue;
        }
        return 'skip';
      }
    },
  };
}

export function modifiedDetail(row: WebResourceRow): string {
  return `Last changed${row.modifiedBy ? ` by ${row.modifiedBy}` : ''}${row.modifiedOn ? ` on ${row.modifiedOn}` : ''}. The diff shows the environment's copy on the left.`;
}
