/**
 * Scopes and storage keys for sign-in, kept pure so what is asked of VS Code's `microsoft` provider and
 * where a secret is filed are unit tested.
 */

import { PUBLIC_AUTHORITY_HOST, dynamicsCloudOf } from '../../environments/dynamics-clouds';

/** Scopes for a Dataverse token from VS Code's `microsoft` authentication provider. */
export function microsoftScopes(url: string, tenant: string | undefined): string[] {
  const resource = url.replace(/\/+$/, '');
  return [`${resource}/.default`, 'offline_access', ...(tenant ? [`VSCODE_TENANT:${tenant}`] : [])];
}

/** SecretStorage key of a service principal's secret: per environment, so two environments never share one. */
export function secretKey(environmentName: string, url: string): string {
  return `omnichannel.secret:${environmentName}:${url.replace(/\/+$/, '').toLowerCase()}`;
}

/**
 * The Entra sign-in host for an environment: a sovereign cloud's own, else the public cloud's (which
 * also serves GCC, on `crm9.dynamics.com`). A token from the wrong cloud is never accepted.
 */
export function authorityHostFor(url: string): string {
  let host: string;
  try {
    host = new URL(url).hostname.toLowerCase();
  } catch {
    return PUBLIC_AUTHORITY_HOST; // the URL itself is reported where it is checked
  }
  return dynamicsCloudOf(host)?.authorityHost ?? PUBLIC_AUTHORITY_HOST;
}
