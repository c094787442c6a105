/**
 * Scopes and storage keys for sign-in, kept pure so what is asked of VS Code's `microsoft` provider and
 * where a secret is filed are unit tested.
 */

/** Scopes for a Dataverse token from VS Code's `microsoft` authentication provider. */
export function microsoftScopes(url: string, tenant: string | undefined): string[] {
  const resource = url.replace(/\/+$/, '');
  return [`${resource}/.default`, 'offline_access', ...(tenant ? [`VSCODE_TENANT:${tenant}`] : [])];
}

/** SecretStorage key of a service principal's secret: per environment, so two environments never share one. */
export function secretKey(environmentName: string, url: string): string {
  return `omnichannel.secret:${environmentName}:${url.replace(/\/+$/, '').toLowerCase()}`;
}
