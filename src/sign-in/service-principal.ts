/**
 * Unattended sign-in as an app registration (client credentials) through MSAL's confidential client:
 * scope `<environment>/.default`, tokens cached by MSAL and reused until near expiry. The secret is read
 * through a callback each time (it lives in VS Code's SecretStorage), never stored here beyond MSAL's client.
 */
import { ConfidentialClientApplication, type INetworkModule } from '@azure/msal-node';
import type { TokenProvider } from './types';
import { environmentOrigin } from '../environments/environment-url';
import { guidTolerating } from '../protocol/guid';
import { redact } from './redact';

export interface ServicePrincipalOptions {
  /** Directory (tenant) id or domain, e.g. `contoso.onmicrosoft.com`. */
  readonly tenant: string;
  /** Application (client) id of the app registration. */
  readonly clientId: string;
  readonly secret: () => Promise<string>;
  /** The environment URL; its origin + `/.default` is the scope. */
  readonly url: string;
  /** Sign-in host of a sovereign cloud (default `https://login.microsoftonline.com`). */
  readonly authorityHost?: string;
  /** MSAL's network client: for a proxy-aware client, or an in-process one in tests. */
  readonly networkClient?: INetworkModule;
  /** Called when Entra rejects the secret (wrong or expired), so the caller can forget it and ask again. */
  readonly onSecretRejected?: () => void | Promise<void>;
}

/** The command that asks for the secret, by its title in the command palette. */
const SIGN_IN_COMMAND = '“Omnichannel: Sign In to Environment”';

const DEFAULT_AUTHORITY_HOST = 'https://login.microsoftonline.com';
const TENANT_DOMAIN = /^[a-z0-9][a-z0-9.-]*\.[a-z]{2,}$/i;

/** An id as the app registration's overview page shows it: spaces around it or upper case do no harm to MSAL. */
function isPortalGuid(text: string): boolean {
  return guidTolerating(text, ['spaces', 'upper-case']) !== undefined;
}

/** Problems with the options, as sentences (empty when usable). */
export function checkServicePrincipal(options: Omit<ServicePrincipalOptions, 'secret'>): string[] {
  const problems: string[] = [];
  if (typeof options.tenant !== 'string' || !(isPortalGuid(options.tenant) || TENANT_DOMAIN.test(options.tenant.trim()))) {
    problems.push(`tenant "${String(options.tenant ?? '')}" is not a directory id (a GUID) or domain such as contoso.onmicrosoft.com.`);
  }
  if (typeof options.clientId !== 'string' || !isPortalGuid(options.clientId)) {
    problems.push(`clientId "${String(options.clientId ?? '')}" is not an application (client) id: expected a GUID from the app registration's overview page.`);
  }
  try {
    environmentOrigin(options.url);
  } catch (error) {
    problems.push((error as Error).message);
  }
  if (options.authorityHost !== undefined && !/^https:\/\/[a-z0-9.-]+(:\d+)?\/?$/i.test(options.authorityHost)) {
    problems.push(`authorityHost "${options.authorityHost}" must be an https sign-in host such as https://login.microsoftonline.us.`);
  }
  return problems;
}

export function servicePrincipalTokenProvider(options: ServicePrincipalOptions): TokenProvider {
  let app: ConfidentialClientApplication | undefined;
  let appSecret: string | undefined;
  return async forceRefresh => {
    const problems = checkServicePrincipal(options);
    if (problems.length > 0) throw new Error(`The service principal settings are not usable: ${problems.join(' ')}`);
    const secret = (await options.secret())?.trim() ?? '';
    if (secret === '') {
      throw new Error(`No client secret is stored for app ${options.clientId}: run ${SIGN_IN_COMMAND} to enter it.`);
    }
    // A changed secret needs a new client (MSAL binds the credential at construction); its cache goes too.
    if (!app || appSecret !== secret) {
      const host = (options.authorityHost ?? DEFAULT_AUTHORITY_HOST).replace(/\/$/, '');
      app = new ConfidentialClientApplication({
        auth: { clientId: options.clientId.trim(), authority: `${host}/${options.tenant.trim()}`, clientSecret: secret },
        ...(options.networkClient ? { system: { networkClient: options.networkClient } } : {}),
      });
      appSecret = secret;
    }
    let result;
    try {
      result = await app.acquireTokenByClientCredential({ scopes: [`${environmentOrigin(options.url)}/.default`], skipCache: forceRefresh });
    } catch (error) {
      // A stored secret that Entra refuses would otherwise be reused forever: let the caller drop it.
      if (isSecretRejection(error)) await options.onSecretRejected?.();
      throw new Error(redact(describeMsalError(error, options), [secret]));
    }
    if (!result?.accessToken) throw new Error(`Sign-in as app ${options.clientId} returned no access token.`);
    return result.accessToken;
  };
}

/** True when Entra refused the client secret itself (wrong value, expired, or an invalid client credential). */
export function isSecretRejection(error: unknown): boolean {
  return /AADSTS7000215|AADSTS7000222|invalid_client/.test(msalText(error).text);
}

/** MSAL errors carry their code and message in their own fields; plain errors only a message. */
function msalText(error: unknown): { errorCode?: string; message: string; text: string } {
  const e = (error ?? {}) as { errorCode?: string; errorMessage?: string; message?: string };
  const message = e.errorMessage ?? e.message ?? String(error);
  return { ...(e.errorCode ? { errorCode: e.errorCode } : {}), message, text: `${e.errorCode ?? ''} ${message}` };
}

/** One sentence for an MSAL failure, by its AADSTS code or MSAL error code. Exported for tests. */
export function describeMsalError(error: unknown, options: Pick<ServicePrincipalOptions, 'tenant' | 'clientId' | 'url' | 'authorityHost'>): string {
  const e = msalText(error);
  const text = e.text;
  const aadsts = /AADSTS\d+/.exec(text)?.[0];
  const app = `app ${options.clientId}`;
  const tenant = `tenant ${options.tenant}`;
  switch (aadsts) {
    case 'AADSTS7000215':
      return `The client secret was rejected for ${app} (AADSTS7000215): enter the secret's value (not its id) again with ${SIGN_IN_COMMAND}.`;
    case 'AADSTS7000222':
      return `The client secret of ${app} has expired (AADSTS7000222): create a new one in the app registration and enter it with ${SIGN_IN_COMMAND}.`;
    case 'AADSTS700016':
      return `${capitalise(app)} was not found in ${tenant} (AADSTS700016): check the client id and tenant.`;
    case 'AADSTS90002':
    case 'AADSTS900023':
      return `${capitalise(tenant)} was not found (${aadsts}): check the tenant id or domain.`;
    case 'AADSTS500011':
      return `${options.url} is not known in ${tenant} (AADSTS500011): check the environment URL and that it belongs to this tenant.`;
  }
  if (/network|endpoints_resolution|ENOTFOUND|ECONNREFUSED|ETIMEDOUT/i.test(text)) {
    return `Could not reach the sign-in service at ${options.authorityHost ?? DEFAULT_AUTHORITY_HOST}: check your network connection or proxy.`;
  }
  // Keep only the first line: Entra appends trace and correlation ids that help nobody reading this.
  const first = e.message.split(/\r?\n/)[0].trim().slice(0, 300);
  return `Sign-in as ${app} failed${e.errorCode ? ` (${e.errorCode})` : ''}: ${first}`;
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
