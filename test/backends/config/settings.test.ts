import * as assert from 'node:assert/strict';
import { validateSettingsEnvironments } from '../../../src/environments';

const ok = (name: string, extra: object = {}) => ({ name, url: `https://${name.toLowerCase()}.crm.dynamics.com`, authentication: { type: 'microsoft' }, ...extra });

describe('omnichannel.environments setting', () => {
  it('accepts valid environments, command sign-in included', () => {
    const result = validateSettingsEnvironments([
      ok('Dev'),
      { name: 'Scripted', url: 'https://s.crm.dynamics.com', authentication: { type: 'command', command: 'az account get-access-token --query accessToken -o tsv' } },
    ]);
    assert.deepEqual(result.errors, []);
    assert.deepEqual(result.environments.map(e => e.authentication.type), ['microsoft', 'command']);
  });

  it('an absent setting is an empty list', () => {
    assert.deepEqual(validateSettingsEnvironments(undefined), { environments: [], errors: [] });
  });

  it('names the setting, index and field of each error and keeps the valid items', () => {
    const result = validateSettingsEnvironments([
      ok('Dev'),
      ok('Test', { production: 'yes' }),
      { name: 'Prod', url: 'ftp://prod.crm.dynamics.com', authentication: { type: 'azureCli' } },
      ok('dev'),
    ]);
    assert.deepEqual(result.environments.map(e => e.name), ['Dev']);
    assert.deepEqual(result.errors.map(e => e.text), [
      'omnichannel.environments[1].production: must be a boolean (got "yes").',
      'omnichannel.environments[2].url: must be the environment\'s base URL: https:// and a host of letters, digits, hyphens and dots (and a :port), such as https://contoso.crm.dynamics.com (http only for localhost, 127.x.x.x and [::1]; no path) (got "ftp://prod.crm.dynamics.com").',
      'omnichannel.environments[3].name: "dev" is already the name of omnichannel.environments[0]: environment names must be unique.',
    ]);
  });

  it('reports a setting that is not an array', () => {
    assert.deepEqual(validateSettingsEnvironments({ name: 'Dev' }).errors.map(e => e.text), ['omnichannel.environments: must be an array of environments (got {"name":"Dev"}).']);
  });

  it('reports an item that is not an object and a missing authentication', () => {
    const result = validateSettingsEnvironments(['https://contoso.crm.dynamics.com', { name: 'A', url: 'https://a.crm.dynamics.com' }]);
    assert.deepEqual(result.errors.map(e => e.text), [
      'omnichannel.environments[0]: must be an object (got "https://contoso.crm.dynamics.com").',
      'omnichannel.environments[1].authentication: is missing: how to sign in to this environment.',
    ]);
  });

  it('reports a value nested 10,000 deep as an error on that environment and keeps the others', () => {
    let deep: unknown = 'x';
    for (let i = 0; i < 10_000; i++) deep = [deep];
    const result = validateSettingsEnvironments([ok('Dev'), ok('Deep', { scopes: deep })]);
    assert.deepEqual(result.environments.map(e => e.name), ['Dev']);
    assert.equal(result.errors.length, 1);
    assert.match(result.errors[0]!.text, /^omnichannel\.environments\[1\]\.scopes(\[0\]){63}: is nested too deeply \(more than 64 levels\): a few levels are all it needs/);
  });
});
