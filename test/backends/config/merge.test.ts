import * as assert from 'node:assert/strict';
import { mergeEnvironments, type EnvironmentDefinition } from '../../../src/environments';

const env = (name: string, url: string): EnvironmentDefinition => ({ name, url, authentication: { type: 'microsoft' } });

describe('merging environments', () => {
  it('puts the simulator first, then user settings, then the workspace file', () => {
    const { environments, messages } = mergeEnvironments([env('Mine', 'https://m.crm.dynamics.com')], [env('Team', 'https://t.crm.dynamics.com')]);
    assert.deepEqual(environments.map(e => `${e.name}/${e.source}`), ['Simulator/builtin', 'Mine/settings', 'Team/workspace']);
    assert.deepEqual(messages, []);
  });

  it('user settings win on a name clash, with a message', () => {
    const { environments, messages } = mergeEnvironments([env('Dev', 'https://mine.crm.dynamics.com')], [env('dev', 'https://team.crm.dynamics.com')]);
    assert.deepEqual(environments.map(e => (e.kind === 'dataverse' ? e.definition.url : e.name)), ['Simulator', 'https://mine.crm.dynamics.com']);
    assert.deepEqual(messages, [
      'The environment "dev" in .omnichannel/environments.json is ignored because your user settings define one with the same name (it points at https://team.crm.dynamics.com; yours at https://mine.crm.dynamics.com).',
    ]);
  });

  it('with nothing configured, offers the simulator alone', () => {
    assert.deepEqual(mergeEnvironments([], []).environments, [{ kind: 'simulator', name: 'Simulator', source: 'builtin' }]);
  });
});
