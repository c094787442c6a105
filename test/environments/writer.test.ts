import * as assert from 'node:assert/strict';
import { parse } from 'jsonc-parser';
import { addEnvironments, environmentsFileTemplate, uniqueName } from '../../src/environments/writer';
import { loadWorkspaceEnvironments } from '../../src/environments/workspace-file';
import type { EnvironmentDefinition } from '../../src/environments/types';

const FILE = '.omnichannel/environments.json';
const DEV: EnvironmentDefinition = { name: 'Contoso Dev', url: 'https://contoso-dev.crm.dynamics.com', authentication: { type: 'microsoft', tenant: 'contoso.onmicrosoft.com' } };
const TEST: EnvironmentDefinition = { name: 'Contoso Test', url: 'https://contoso-test.crm.dynamics.com', authentication: { type: 'microsoft' } };

describe('environments: adding to JSON with comments', () => {
  it('the template is JSON with comments, valid against the schema, with one environment to edit', () => {
    const template = environmentsFileTemplate();
    assert.match(template, /^\/\/ /);
    const loaded = loadWorkspaceEnvironments(template, FILE);
    assert.deepEqual(loaded.errors.map(e => e.text), []);
    assert.deepEqual(loaded.environments.map(e => e.url), ['https://contoso.crm.dynamics.com']);
  });

  it('appends to an existing file and keeps its entries, comments and formatting', () => {
    const before = [
      '// Our team\'s environments',
      '{',
      '  "environments": [',
      '    // the shared one',
      '    { "name": "Shared", "url": "https://shared.crm.dynamics.com", "authentication": { "type": "azureCli" } },',
      '  ],',
      '}',
      '',
    ].join('\n');
    const { text, urlRanges } = addEnvironments(before, FILE, 'workspace-file', [DEV, TEST]);
    assert.ok(text.startsWith('// Our team\'s environments\n{\n  "environments": [\n    // the shared one\n    { "name": "Shared"'), text);
    const loaded = loadWorkspaceEnvironments(text, FILE);
    assert.deepEqual(loaded.errors.map(e => e.text), []);
    assert.deepEqual(loaded.environments.map(e => [e.name, e.url, e.authentication]), [
      ['Shared', 'https://shared.crm.dynamics.com', { type: 'azureCli' }],
      ['Contoso Dev', DEV.url, { type: 'microsoft', tenant: 'contoso.onmicrosoft.com' }],
      ['Contoso Test', TEST.url, { type: 'microsoft' }],
    ]);
    assert.deepEqual(urlRanges.map(r => text.slice(r.offset, r.offset + r.length)), [DEV.url, TEST.url]);
  });

  it('creates the file when there is none, and the list when the file has none', () => {
    assert.deepEqual(loadWorkspaceEnvironments(addEnvironments('', FILE, 'workspace-file', [DEV]).text, FILE).environments.map(e => e.name), ['Contoso Dev']);
    const noList = addEnvironments('{\n  // nothing yet\n}\n', FILE, 'workspace-file', [DEV]).text;
    assert.match(noList, /\/\/ nothing yet/);
    assert.deepEqual(loadWorkspaceEnvironments(noList, FILE).environments.map(e => e.name), ['Contoso Dev']);
  });

  it('adds to settings.json under omnichannel.environments, keeping the other settings and comments', () => {
    const settings = '{\n  // my editor\n  "editor.fontSize": 14,\n  "omnichannel.environments": [\n    { "name": "Mine", "url": "https://mine.crm.dynamics.com", "authentication": { "type": "microsoft" } }\n  ]\n}\n';
    const { text, urlRanges } = addEnvironments(settings, 'settings.json', 'settings', [DEV]);
    assert.match(text, /\/\/ my editor\n {2}"editor\.fontSize": 14,/);
    const value = parse(text) as Record<string, Array<{ name: string }>>;
    assert.deepEqual(value['omnichannel.environments']?.map(e => e.name), ['Mine', 'Contoso Dev']);
    assert.equal(text.slice(urlRanges[0]!.offset, urlRanges[0]!.offset + urlRanges[0]!.length), DEV.url);
    assert.deepEqual(JSON.parse(addEnvironments('', 'settings.json', 'settings', [TEST]).text), { 'omnichannel.environments': [TEST] });
  });

  it('changes nothing in a file it cannot edit safely, and says where', () => {
    assert.throws(() => addEnvironments('{ "environments": [ }', FILE, 'workspace-file', [DEV]), /^Error: \.omnichannel\/environments\.json:1:\d+: JSON syntax error: .* Fix it first: nothing was changed\./);
    assert.throws(() => addEnvironments('{\n  "environments": {}\n}', FILE, 'workspace-file', [DEV]), /environments\.json:2: "environments" is not a list of environments, so nothing was added/);
    assert.throws(() => addEnvironments('[]', FILE, 'workspace-file', [DEV]), /does not hold a JSON object/);
  });

  it('picks a free name, never the simulator\'s', () => {
    assert.equal(uniqueName('Contoso Dev', ['contoso dev', 'Contoso Dev 2']), 'Contoso Dev 3');
    assert.equal(uniqueName('simulator', []), 'simulator 2');
    assert.equal(uniqueName('  ', []), 'Environment');
  });
});
