/**
 * The service-principal provider runs MSAL for real; only its network client is replaced by an
 * in-process Entra token endpoint, so nothing leaves the machine.
 */
import * as assert from 'node:assert/strict';
import type { INetworkModule, NetworkResponse } from '@azure/msal-node';
import { checkServicePrincipal, describeMsalError, isSecretRejection, servicePrincipalTokenProvider } from '../../../src/sign-in';

const TENANT = '11111111-2222-4333-8444-555555555555';
const CLIENT = '11111111-2222-4333-8444-666666666666';
const URL = 'https://contoso.crm.dynamics.com/';

/** Answers token requests like Entra's v2 endpoint: a fresh token each time, or a configured error. */
class FakeEntra implements INetworkModule {
  readonly posts: Array<{ url: string; form: URLSearchParams }> = [];
  error: { status: number; error: string; error_description: string } | undefined;

  sendGetRequestAsync<T>(url: string): Promise<NetworkResponse<T>> {
    return Promise.reject(new Error(`unexpected GET ${url}`));
  }

  sendPostRequestAsync<T>(url: string, options?: { body?: string }): Promise<NetworkResponse<T>> {
    const form = new URLSearchParams(options?.body ?? '');
    this.posts.push({ url, form });
    if (this.error) {
      const { status, ...body } = this.error;
      return Promise.resolve({ status, headers: {}, body: body as T });
    }
    return Promise.resolve({ status: 200, headers: {}, body: { access_token: `token-${this.posts.length}`, expires_in: 3600, token_type: 'Bearer' } as T });
  }
}

describe('servicePrincipalTokenProvider', () => {
  it('asks for <environment>/.default with client credentials, and reuses the cached token', async () => {
    const entra = new FakeEntra();
    const provider = servicePrincipalTokenProvider({ tenant: TENANT, clientId: CLIENT, secret: () => Promise.resolve('s3cret'), url: URL, networkClient: entra });
    assert.equal(await provider(false), 'token-1');
    assert.equal(await provider(false), 'token-1');
    assert.equal(entra.posts.length, 1);
    const { url, form } = entra.posts[0];
    assert.ok(url.startsWith(`https://login.microsoftonline.com/${TENANT}/oauth2/v2.0/token`), url);
    assert.equal(form.get('grant_type'), 'client_credentials');
    assert.equal(form.get('scope'), 'https://contoso.crm.dynamics.com/.default');
    assert.equal(form.get('client_id'), CLIENT);
    assert.equal(form.get('client_secret'), 's3cret');
  });

  it('forceRefresh skips the cache', async () => {
    const entra = new FakeEntra();
    const provider = servicePrincipalTokenProvider({ tenant: TENANT, clientId: CLIENT, secret: () => Promise.resolve('s3cret'), url: URL, networkClient: entra });
    await provider(false);
    assert.equal(await provider(true), 'token-2');
  });

  it('a rejected secret becomes a sentence that says what to do', async () => {
    const entra = new FakeEntra();
    entra.error = { status: 401, error: 'invalid_client', error_description: 'AADSTS7000215: Invalid client secret provided. Trace ID: abc Correlation ID: def' };
    let stored: string | undefined = 'wrong';
    const provider = servicePrincipalTokenProvider({
      tenant: TENANT, clientId: CLIENT, secret: () => Promise.resolve(stored ?? 'right'), url: URL, networkClient: entra,
      onSecretRejected: () => { stored = undefined; },
    });
    await assert.rejects(provider(false), /The client secret was rejected for app 11111111-2222-4333-8444-666666666666 \(AADSTS7000215\): enter the secret's value .* with “Omnichannel: Sign In to Environment”/);
    assert.equal(stored, undefined, 'the rejected secret is forgotten');
    // The next call reads the secret again and signs in with the new one.
    entra.error = undefined;
    assert.equal(await provider(false), 'token-2');
    assert.equal(entra.posts[1].form.get('client_secret'), 'right');
  });

  it('keeps the secret when the failure is not about it', async () => {
    const entra = new FakeEntra();
    entra.error = { status: 400, error: 'invalid_request', error_description: 'AADSTS90002: Tenant not found.' };
    let rejected = 0;
    const provider = servicePrincipalTokenProvider({ tenant: TENANT, clientId: CLIENT, secret: () => Promise.resolve('s3cret'), url: URL, networkClient: entra, onSecretRejected: () => { rejected++; } });
    await assert.rejects(provider(false), /was not found \(AADSTS90002\)/);
    assert.equal(rejected, 0);
    assert.equal(isSecretRejection({ errorCode: 'invalid_client', errorMessage: 'AADSTS7000222: The provided client secret keys are expired.' }), true);
    assert.equal(isSecretRejection({ errorCode: 'unauthorized_client', errorMessage: 'AADSTS700016: Application not found' }), false);
  });

  it('a missing secret or unusable settings fail before any request', async () => {
    const entra = new FakeEntra();
    await assert.rejects(
      servicePrincipalTokenProvider({ tenant: TENANT, clientId: CLIENT, secret: () => Promise.resolve(''), url: URL, networkClient: entra })(false),
      /No client secret is stored for app .*: run “Omnichannel: Sign In to Environment”/,
    );
    await assert.rejects(
      servicePrincipalTokenProvider({ tenant: 'not a tenant', clientId: 'abc', secret: () => Promise.resolve('s'), url: URL, networkClient: entra })(false),
      /tenant "not a tenant" is not a directory id .* clientId "abc" is not an application \(client\) id/,
    );
    assert.equal(entra.posts.length, 0);
  });

  it('checks the options', () => {
    assert.deepEqual(checkServicePrincipal({ tenant: 'contoso.onmicrosoft.com', clientId: CLIENT, url: URL }), []);
    assert.match(checkServicePrincipal({ tenant: TENANT, clientId: CLIENT, url: URL, authorityHost: 'http://login.example' }).join(), /must be an https sign-in host/);
    assert.match(checkServicePrincipal({ tenant: TENANT, clientId: CLIENT, url: 'nope' }).join(), /"nope" is not a URL/);
  });

  it('maps Entra error codes and network failures to sentences', () => {
    const options = { tenant: TENANT, clientId: CLIENT, url: URL };
    assert.match(describeMsalError({ errorCode: 'invalid_client', errorMessage: 'AADSTS7000222: The provided client secret keys are expired.' }, options), /has expired \(AADSTS7000222\)/);
    assert.match(describeMsalError({ errorCode: 'unauthorized_client', errorMessage: 'AADSTS700016: Application not found' }, options), /^App .* was not found in tenant/);
    assert.match(describeMsalError({ errorCode: 'invalid_request', errorMessage: 'AADSTS90002: Tenant not found.' }, options), /^Tenant .* was not found \(AADSTS90002\)/);
    assert.match(describeMsalError({ errorCode: 'network_error', errorMessage: 'getaddrinfo ENOTFOUND' }, options), /Could not reach the sign-in service at https:\/\/login\.microsoftonline\.com/);
    assert.equal(describeMsalError({ errorCode: 'weird', errorMessage: 'Something odd.\nTrace ID: 1' }, options), `Sign-in as app ${CLIENT} failed (weird): Something odd.`);
  });
});
