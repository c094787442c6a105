import * as assert from 'node:assert/strict';
import { checkTokenHost } from '../../../src/sign-in/host-policy';

function allowed(url: string, trusted: string[] = []): boolean {
  return checkTokenHost(url, trusted).ok;
}

function reason(url: string, trusted: string[] = []): string {
  const result = checkTokenHost(url, trusted);
  assert.equal(result.ok, false, `${url} should be refused`);
  return result.ok ? '' : result.reason;
}

describe('token host policy', () => {
  it('allows https Dynamics hosts of every cloud', () => {
    for (const url of [
      'https://contoso.crm.dynamics.com',
      'https://contoso.crm4.dynamics.com/',
      'https://contoso.api.crm.dynamics.com/api/data/v9.2',
      'https://org.crm.microsoftdynamics.us',
      'https://org.crm.appsplatform.us',
      'https://org.crm.dynamics.cn',
      'https://org.crm.microsoftdynamics.de',
      'https://CONTOSO.CRM.DYNAMICS.COM',
    ]) {
      assert.ok(allowed(url), url);
    }
  });

  it('refuses look-alike hosts and names the setting to change', () => {
    assert.match(reason('https://dynamics.com.evil.example'), /add "dynamics\.com\.evil\.example" to omnichannel\.trustedHosts in your user settings/);
    assert.equal(allowed('https://evildynamics.com'), false);
    assert.equal(allowed('https://dynamics.com'), false);
    assert.equal(allowed('https://crm.dynamics.cn'), false);
  });

  it('allows hosts listed in trustedHosts: exact, wildcard, with and without port', () => {
    assert.ok(allowed('https://dv.example.com', ['dv.example.com']));
    assert.ok(allowed('https://dv.example.com:8443', ['dv.example.com']));
    assert.ok(allowed('https://a.b.example.com', ['*.example.com']));
    assert.equal(allowed('https://example.com', ['*.example.com']), false);
    assert.ok(allowed('https://dv.example.com:8443', ['dv.example.com:8443']));
    assert.equal(allowed('https://dv.example.com', ['dv.example.com:8443']), false);
    assert.ok(allowed('https://dv.example.com', ['https://DV.example.com/']));
  });

  it('allows plain http only to listed loopback hosts', () => {
    assert.ok(allowed('http://127.0.0.1:5555', ['127.0.0.1:5555']));
    assert.ok(allowed('http://127.4.5.6:80', ['127.4.5.6']));
    assert.ok(allowed('http://localhost:3000', ['localhost']));
    assert.ok(allowed('http://[::1]:3000', ['[::1]:3000']));
    assert.ok(allowed('http://[::1]:3000', ['::1']));
    assert.match(reason('http://127.0.0.1:5555'), /add "127\.0\.0\.1:5555" to omnichannel\.trustedHosts/);
    assert.match(reason('http://127.0.0.1:5555', ['127.0.0.1:6666']), /127\.0\.0\.1:5555/);
    assert.match(reason('http://dv.example.com', ['dv.example.com']), /plain http: .* only to a loopback host/);
    assert.match(reason('http://contoso.crm.dynamics.com'), /Use https:\/\/contoso\.crm\.dynamics\.com/);
    assert.equal(allowed('http://127.0.0.1.example.com', ['127.0.0.1.example.com']), false);
    assert.equal(allowed('http://128.0.0.1', ['128.0.0.1']), false);
  });

  it('refuses other schemes, credentials in the URL and text that is not a URL', () => {
    assert.match(reason('ftp://contoso.crm.dynamics.com'), /use https:\/\//);
    assert.match(reason('https://user:pw@contoso.crm.dynamics.com'), /user name or password/);
    assert.match(reason('contoso.crm.dynamics.com'), /is not a URL/);
  });
});
