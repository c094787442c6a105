import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CONFIG_SECTION, Config, SETTING_KEYS, onceEach, type SettingsSection } from '../../src/client/config';
import type { InspectedSetting } from '../../src/client/trusted-hosts';

/** Settings as VS Code layers them: `user` is the global value, `workspace` the workspace's. */
function configWith(user: Record<string, unknown>, workspace: Record<string, unknown> = {}, report?: (problem: string) => void): Config {
  const section: SettingsSection = {
    get: <T>(key: string) => (key in workspace ? workspace[key] : user[key]) as T | undefined,
    inspect: (key: string): InspectedSetting => ({ globalValue: user[key], workspaceValue: workspace[key] }),
  };
  return new Config(() => section, report);
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

  it('uses the documented defaults for wrong values and says so, naming the setting and the value', () => {
    const problems: string[] = [];
    const config = configWith(
      { 'dataverse.timeoutSeconds': 'abc', 'dataverse.maxRetryAfterSeconds': -5, refreshCall: '  ', 'simulator.linkableStatus': 'busy', 'conversations.scope': 'everyone' },
      {},
      problem => problems.push(problem),
    );
    assert.equal(config.timeoutMs, 30_000);
    assert.equal(config.maxRetryAfterMs, 60_000);
    assert.equal(config.refreshCall, 'Microsoft.Apm.getFocusedSession().getFocusedTab().refresh()');
    assert.equal(config.linkableStatus, 'active');
    assert.equal(config.conversationScope, 'mine');
    assert.deepEqual(problems, [
      'omnichannel.dataverse.timeoutSeconds: "abc" is not a number of seconds; using 30.',
      'omnichannel.dataverse.maxRetryAfterSeconds: -5 is below the minimum of 0; using 60.',
      'omnichannel.refreshCall: "  " is not a call; using Microsoft.Apm.getFocusedSession().getFocusedTab().refresh().',
      'omnichannel.simulator.linkableStatus: "busy" is not "active" or "open"; using "active".',
      'omnichannel.conversations.scope: "everyone" is not "mine" or "all"; using "mine".',
    ]);
  });

  it('check() reports every unusable value at once', () => {
    const problems: string[] = [];
    configWith({ 'conversations.scope': 7, 'dataverse.timeoutSeconds': 'abc' }, {}, problem => problems.push(problem)).check();
    assert.deepEqual(problems, [
      'omnichannel.conversations.scope: 7 is not "mine" or "all"; using "mine".',
      'omnichannel.dataverse.timeoutSeconds: "abc" is not a number of seconds; using 30.',
    ]);
  });

  it('uses the defaults for missing values without a problem', () => {
    const problems: string[] = [];
    const config = configWith({}, {}, problem => problems.push(problem));
    assert.equal(config.timeoutMs, 30_000);
    assert.equal(config.maxRetryAfterMs, 60_000);
    assert.equal(config.linkableStatus, 'active');
    assert.equal(config.conversationScope, 'mine');
    assert.deepEqual(problems, []);
  });

  it('shows each distinct problem once, however often the setting is read', () => {
    const shown: string[] = [];
    const settings: Record<string, unknown> = { 'dataverse.timeoutSeconds': 'abc' };
    const config = configWith(settings, {}, onceEach(problem => shown.push(problem)));
    void config.timeoutMs;
    void config.timeoutMs;
    settings['dataverse.timeoutSeconds'] = 0;
    void config.timeoutMs;
    void config.timeoutMs;
    assert.deepEqual(shown, [
      'omnichannel.dataverse.timeoutSeconds: "abc" is not a number of seconds; using 30.',
      'omnichannel.dataverse.timeoutSeconds: 0 is below the minimum of 1; using 30.',
    ]);
  });

  it('passes valid values through', () => {
    const problems: string[] = [];
    const config = configWith({ 'dataverse.timeoutSeconds': 5, 'dataverse.maxRetryAfterSeconds': 0, 'simulator.linkableStatus': 'open', 'conversations.scope': 'all' }, {}, problem => problems.push(problem));
    assert.equal(config.timeoutMs, 5000);
    assert.equal(config.maxRetryAfterMs, 0);
    assert.equal(config.linkableStatus, 'open');
    assert.equal(config.conversationScope, 'all');
    assert.deepEqual(problems, []);
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
