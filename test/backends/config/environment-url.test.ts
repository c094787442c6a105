import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { checkTokenHost } from '../../../src/sign-in/host-policy';
import { validateSettingsEnvironments } from '../../../src/environments/settings';
import { ENVIRONMENT_URL_PATTERN, environmentOrigin, parseEnvironmentUrl } from '../../../src/environments/environment-url';

const root = path.resolve(__dirname, '../../../..');
const schema = JSON.parse(readFileSync(path.join(root, 'schemas/environments.schema.json'), 'utf8')) as { definitions: { environment: { properties: { url: { pattern: string } } } } };

/** URLs that carry shell operators, quotes, encodings or spaces in the host: each must be refused everywhere. */
const HOSTILE = [
  'https://contoso-dev&calc&.crm.dynamics.com',
  'https://contoso-dev%26calc%26.crm.dynamics.com',
  'https://contoso"&calc&".crm.dynamics.com',
  'https://contoso|calc.crm.dynamics.com',
  'https://contoso^&calc.crm.dynamics.com',
  'https://contoso$(calc).crm.dynamics.com',
  'https://contoso`calc`.crm.dynamics.com',
  'https://contoso;calc.crm.dynamics.com',
  'https://con toso.crm.dynamics.com',
  'https://contoso\n.crm.dynamics.com',
  'https://contoso!PATH!.crm.dynamics.com',
  'https://contoso%PATH%.crm.dynamics.com',
  'https://-contoso.crm.dynamics.com',
  'https://contoso..crm.dynamics.com',
  'https://contoso.crm.dynamics.com:99999',
  'https://cöntoso.crm.dynamics.com',
];

describe('the environment URL reader', () => {
  it('accepts https hosts of DNS labels with an optional port, and http only to loopback', () => {
    assert.equal(environmentOrigin('https://Contoso-Dev.crm4.dynamics.com/'), 'https://contoso-dev.crm4.dynamics.com');
    assert.equal(environmentOrigin('https://contoso.crm.dynamics.com:443'), 'https://contoso.crm.dynamics.com');
    assert.equal(environmentOrigin('https://dv.example.com:8443/main.aspx?appid=1'), 'https://dv.example.com:8443');
    assert.equal(environmentOrigin('http://127.0.0.1:5555'), 'http://127.0.0.1:5555');
    assert.equal(environmentOrigin('http://[::1]:3000'), 'http://[::1]:3000');
    assert.equal(environmentOrigin('http://LOCALHOST'), 'http://localhost');
  });

  it('refuses a host holding anything but letters, digits, hyphens and dots, before any decoding', () => {
    for (const url of HOSTILE) {
      const parsed = parseEnvironmentUrl(url);
      assert.equal(parsed.ok, false, url);
      if (!parsed.ok) assert.doesNotMatch(parsed.reason, /\n/, 'the reason quotes the URL on one line');
    }
    assert.match(String((parseEnvironmentUrl('https://contoso-dev&calc&.crm.dynamics.com') as { reason: string }).reason), /host may hold only letters, digits, hyphens and dots/);
    assert.match(String((parseEnvironmentUrl('https://a.crm.dynamics.com:70000') as { reason: string }).reason), /not a port number/);
    assert.equal(parseEnvironmentUrl(42).ok, false);
  });

  it('the schema, the settings check and the token-host policy all refuse the same hostile URLs', () => {
    const pattern = new RegExp(schema.definitions.environment.properties.url.pattern);
    for (const url of HOSTILE) {
      assert.equal(pattern.test(url), false, `schema accepts ${url}`);
      assert.equal(checkTokenHost(url, ['*.dynamics.com', 'contoso-dev&calc&.crm.dynamics.com']).ok, false, `host policy accepts ${url}`);
      const settings = validateSettingsEnvironments([{ name: 'Dev', url, authentication: { type: 'azureCli' } }]);
      assert.deepEqual(settings.environments, [], `settings accept ${url}`);
      assert.ok(settings.errors.some(p => p.field.endsWith('.url')), `settings say nothing about the url of ${url}`);
    }
  });

  it('the schema states the reader\'s rule, word for word', () => {
    assert.equal(schema.definitions.environment.properties.url.pattern, ENVIRONMENT_URL_PATTERN);
  });
});
