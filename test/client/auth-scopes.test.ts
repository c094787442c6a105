import * as assert from 'node:assert/strict';
import { authorityHostFor, microsoftScopes, secretKey } from '../../src/client/environments/auth-scopes';

describe('client: sign-in scopes, keys and authorities', () => {
  it('signs in to a sovereign cloud at its own authority', () => {
    assert.equal(authorityHostFor('https://contoso.crm.microsoftdynamics.us/'), 'https://login.microsoftonline.us');
    assert.equal(authorityHostFor('https://contoso.crm.appsplatform.us'), 'https://login.microsoftonline.us');
    assert.equal(authorityHostFor('https://contoso.crm.dynamics.cn/'), 'https://login.chinacloudapi.cn');
    assert.equal(authorityHostFor('https://CONTOSO.CRM.MICROSOFTDYNAMICS.DE/'), 'https://login.microsoftonline.de');
  });

  it('uses the public cloud for every other environment, GCC and unreadable URLs included', () => {
    assert.equal(authorityHostFor('https://contoso.crm.dynamics.com/'), 'https://login.microsoftonline.com');
    assert.equal(authorityHostFor('https://contoso.crm9.dynamics.com/'), 'https://login.microsoftonline.com');
    // A host that only contains a sovereign suffix is not in that cloud.
    assert.equal(authorityHostFor('https://crm.dynamics.cn.example.com/'), 'https://login.microsoftonline.com');
    assert.equal(authorityHostFor('not a url'), 'https://login.microsoftonline.com');
  });

  it('asks for the environment resource and keeps secrets per environment', () => {
    assert.deepEqual(microsoftScopes('https://contoso.crm.dynamics.com/', 'contoso.onmicrosoft.com'), [
      'https://contoso.crm.dynamics.com/.default', 'offline_access', 'VSCODE_TENANT:contoso.onmicrosoft.com',
    ]);
    assert.notEqual(secretKey('Dev', 'https://a.crm.dynamics.com'), secretKey('Test', 'https://a.crm.dynamics.com'));
  });
});
