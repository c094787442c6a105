import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CONFIG_SECTION, Config, SETTING_KEYS, type SettingsSection } from '../../src/client/config';
import type { InspectedSetting } from '../../src/client/trusted-hosts';

/** Settings as VS Code layers them: `user` is the global value, `workspace` the workspace's. */
function configWith(user: Record<string, unknown>, workspace: Record<string, unknown> = {}): Config {
  const section: SettingsSection = {
    get: <T>(key: string) => (key in workspace ? workspace[key] : user[key]) as T | undefined,
    inspect: (key: string): InspectedSetting => ({ globalValue: user[key], workspaceValue: workspace[key] }),
  };
  return new Config(() => section);
}

describe('client: settings', () => {
  it('reads environments and trusted hosts from user settings only', () => {
    const config = configWith(
      { environments: [{ name: 'Mine' }], trustedHosts: ['mine.example.com'] },
      { environments: [{ name: 'Theirs' }], trustedHosts: ['evil.example.net'] },
    );
    assert.deepEqual(config.environments, [{ name: 'Mine' }]);
    assert.deepEqual(config.trustedHosts.hosts, ['mine.example.com']);
    assert.deepEqual(configWith({}, { environments: [{ name: 'Theirs' }] }).environments, []);
  });

  it('falls back to the documented defaults for missing or wrong values', () => {
    const config = configWith({ 'dataverse.timeoutSeconds': 0, 'dataverse.maxRetryAfterSeconds': 'soon', refreshCall: '  ', 'simulator.linkableStatus': 'busy' });
    assert.equal(config.timeoutMs, 30_000);
    assert.equal(config.maxRetryAfterMs, 60_000);
    assert.equal(config.refreshCall, 'Microsoft.Apm.getFocusedSession().getFocusedTab().refresh()');
    assert.equal(config.linkableStatus, 'active');
    assert.equal(config.conversationScope, 'mine');
    assert.equal(config.codeLensEnabled, true);
  });

  it('passes valid values through', () => {
    const config = configWith({ 'dataverse.timeoutSeconds': 5, 'dataverse.maxRetryAfterSeconds': 0, 'simulator.linkableStatus': 'open', 'conversations.scope': 'all', 'codeLens.enabled': false });
    assert.equal(config.timeoutMs, 5000);
    assert.equal(config.maxRetryAfterMs, 0);
    assert.equal(config.linkableStatus, 'open');
    assert.equal(config.conversationScope, 'all');
    assert.equal(config.codeLensEnabled, false);
  });

  it('reads only settings that package.json declares, with application scope where a token is concerned', () => {
    const manifest = JSON.parse(readFileSync(join(__dirname, '..', '..', '..', 'package.json'), 'utf8')) as {
      contributes: { configuration: { properties: Record<string, { scope?: string }> } };
    };
    const declared = manifest.contributes.configuration.properties;
    for (const key of SETTING_KEYS) assert.ok(`${CONFIG_SECTION}.${key}` in declared, `${CONFIG_SECTION}.${key} is not declared in package.json`);
    assert.equal(declared['omnichannel.environments'].scope, 'application');
    assert.equal(declared['omnichannel.trustedHosts'].scope, 'application');
  });
});
