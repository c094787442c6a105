/**
 * The environment a publish or pull goes to: the active one when it is a real Dataverse environment this
 * workspace may call (the Simulator has no web resources; an untrusted workspace calls nothing real), its
 * Web API for web resources, and where remembered versions keep their content.
 */
import * as vscode from 'vscode';
import type { Context } from '../ctx';
import type { DataverseBackend } from '../../backends/dataverse';
import type { WebResourceApi } from '../../backends/dataverse/webresources';
import type { DataverseEntry } from '../../environments/types';
import { realCallBlockedReason } from '../link/outcome-text';

/** The active environment when it is a real one the workspace may call; otherwise explains (and offers to pick one). */
export async function realEnvironment(ctx: Context, action: 'publish' | 'pull'): Promise<DataverseEntry | undefined> {
  await ctx.environments.ready();
  let environment = ctx.activeEnvironment();
  if (environment.kind === 'simulator') {
    const pick = 'Select Environment…';
    const answer = await vscode.window.showInformationMessage(
      `The Simulator has no web resources: ${action === 'publish' ? 'publishing' : 'pulling'} needs a real Dataverse environment. Pick one (add it to .omnichannel/environments.json or omnichannel.environments first).`,
      pick,
    );
    if (answer !== pick) return undefined;
    await vscode.commands.executeCommand('omnichannel.selectEnvironment');
    environment = ctx.activeEnvironment();
    if (environment.kind === 'simulator') return undefined;
  }
  // The same rule as link calls: a workspace nobody trusted does not reach a real environment.
  if (realCallBlockedReason(vscode.workspace.isTrusted, environment.name)) {
    const verb = action === 'publish' ? 'published to' : 'pulled from';
    void vscode.window.showWarningMessage(`This workspace is not trusted, so nothing is ${verb} ${environment.name}. Trust the workspace (Manage Workspace Trust) to ${action} web resources.`);
    return undefined;
  }
  return environment;
}

export async function webResourceApi(ctx: Context, environment: DataverseEntry): Promise<WebResourceApi> {
  const backend = await ctx.backends.get(environment);
  return (backend as DataverseBackend).webResources();
}

export function storage(ctx: Context): vscode.Uri {
  return ctx.extension.storageUri ?? ctx.extension.globalStorageUri;
}
