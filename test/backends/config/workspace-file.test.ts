import * as assert from 'node:assert/strict';
import { loadWorkspaceEnvironments } from '../../../src/environments';

const FILE = '.omnichannel/environments.json';

describe('workspace environments file', () => {
  it('loads valid environments, normalising the URL', () => {
    const text = `{
  "$schema": "../schemas/environments.schema.json",
  // shared by the team
  "environments": [
    { "name": "Contoso Dev", "url": "https://contoso-dev.crm.dynamics.com/", "authentication": { "type": "microsoft" } },
    { "name": "Contoso Test", "url": "https://contoso-test.crm4.dynamics.com", "production": false,
      "authentication": { "type": "servicePrincipal", "tenant": "contoso.onmicrosoft.com", "clientId": "0f4bd5a8-8c4e-4b5e-9a38-2e3c6a7f1d20" } },
    { "name": "Local stand-in", "url": "http://127.0.0.1:8080", "authentication": { "type": "azureCli" } },
  ],
}`;
    const result = loadWorkspaceEnvironments(text, FILE);
    assert.deepEqual(result.errors, []);
    assert.deepEqual(result.environments.map(e => e.url), ['https://contoso-dev.crm.dynamics.com', 'https://contoso-test.crm4.dynamics.com', 'http://127.0.0.1:8080']);
    assert.deepEqual(result.environments[1].authentication, { type: 'servicePrincipal', tenant: 'contoso.onmicrosoft.com', clientId: '0f4bd5a8-8c4e-4b5e-9a38-2e3c6a7f1d20' });
  });

  it('rejects command authentication with a message to move it to user settings, and still loads the rest', () => {
    const text = [
      '{',
      '  "environments": [',
      '    { "name": "Scripted", "url": "https://a.crm.dynamics.com", "authentication": { "type": "command", "command": "get-token" } },',
      '    { "name": "Dev", "url": "https://b.crm.dynamics.com", "authentication": { "type": "microsoft" } }',
      '  ]',
      '}',
    ].join('\n');
    const result = loadWorkspaceEnvironments(text, FILE);
    assert.deepEqual(result.environments.map(e => e.name), ['Dev']);
    assert.deepEqual(result.errors.map(e => e.text), [
      '.omnichannel/environments.json:3:92: environments[0].authentication.type "command" is not allowed in a workspace file, because it would run a program chosen by the workspace: move this environment to your user settings (omnichannel.environments).',
    ]);
  });

  it('names file, line, column and field of a plain-http URL', () => {
    const text = '{\n  "environments": [\n    { "name": "Dev", "url": "http://contoso.crm.dynamics.com", "authentication": { "type": "microsoft" } }\n  ]\n}';
    const [error] = loadWorkspaceEnvironments(text, FILE).errors;
    assert.equal(
      error.text,
      '.omnichannel/environments.json:3:29: environments[0].url must be the environment\'s base URL: https:// and a host of letters, digits, hyphens and dots (and a :port), such as https://contoso.crm.dynamics.com (http only for localhost, 127.x.x.x and [::1]; no path) (got "http://contoso.crm.dynamics.com").',
    );
  });

  it('rejects the reserved name, in any case', () => {
    const text = `{ "environments": [
  { "name": "Simulator", "url": "https://a.crm.dynamics.com", "authentication": { "type": "azureCli" } },
  { "name": "simulator ", "url": "https://b.crm.dynamics.com", "authentication": { "type": "azureCli" } }
] }`;
    const result = loadWorkspaceEnvironments(text, FILE);
    assert.deepEqual(result.environments, []);
    assert.deepEqual(result.errors.map(e => `${e.line}:${e.field}: ${e.message}`), [
      '2:environments[0].name: "Simulator" is reserved for the built-in simulator: choose another name.',
      '3:environments[1].name: "simulator " is reserved for the built-in simulator: choose another name.',
    ]);
  });

  it('rejects a duplicate name (case-insensitive) and keeps the first', () => {
    const text = `{ "environments": [
  { "name": "Dev", "url": "https://a.crm.dynamics.com", "authentication": { "type": "azureCli" } },
  { "name": "DEV", "url": "https://b.crm.dynamics.com", "authentication": { "type": "azureCli" } }
] }`;
    const result = loadWorkspaceEnvironments(text, FILE);
    assert.deepEqual(result.environments.map(e => e.url), ['https://a.crm.dynamics.com']);
    assert.equal(result.errors[0].text, '.omnichannel/environments.json:3:13: environments[1].name "DEV" is already the name of environments[0]: environment names must be unique.');
  });

  it('reports an unknown sign-in type and a service principal without a client id', () => {
    const text = `{ "environments": [
  { "name": "A", "url": "https://a.crm.dynamics.com", "authentication": { "type": "password" } },
  { "name": "B", "url": "https://b.crm.dynamics.com", "authentication": { "type": "servicePrincipal", "tenant": "contoso.onmicrosoft.com" } }
] }`;
    const result = loadWorkspaceEnvironments(text, FILE);
    assert.deepEqual(result.environments, []);
    assert.deepEqual(result.errors.map(e => `${e.field} ${e.message}`), [
      'environments[0].authentication.type must be one of "microsoft", "servicePrincipal", "azureCli", "command" (got "password").',
      'environments[1].authentication.clientId is missing: the app registration\'s application (client) id.',
    ]);
  });

  it('reports a misspelt property and a missing url', () => {
    const text = `{ "environments": [ { "name": "A", "URL": "https://a.crm.dynamics.com", "authentication": { "type": "azureCli" } } ] }`;
    const errors = loadWorkspaceEnvironments(text, FILE).errors.map(e => `${e.column}: ${e.field} ${e.message}`);
    assert.deepEqual(errors, [
      '21: environments[0].url is missing: the environment\'s base URL, such as https://contoso.crm.dynamics.com.',
      '36: environments[0].URL is not a known property: did you mean "url"?',
    ]);
  });

  it('reports syntax errors with their position and loads nothing', () => {
    const result = loadWorkspaceEnvironments('{ "environments": [ { "name": "A" ] }', FILE);
    assert.deepEqual(result.environments, []);
    assert.equal(result.errors[0].text, '.omnichannel/environments.json:1:35: JSON syntax error: expected "," between values.');
  });

  it('reports a file whose environments is not a list', () => {
    const result = loadWorkspaceEnvironments('{ "environments": {} }', FILE);
    assert.deepEqual(result.environments, []);
    assert.deepEqual(result.errors.map(e => e.text), ['.omnichannel/environments.json:1:19: environments must be an array (got {}).']);
  });

  it('reports a file nested 2,600 deep with the line and column where it goes too deep, instead of failing', () => {
    for (const [open, close] of [['[', ']'], ['{"a":', '}']]) {
      const text = `{\n  "environments": [\n    ${open.repeat(2600)}1${close.repeat(2600)}\n  ]\n}`;
      const result = loadWorkspaceEnvironments(text, FILE);
      assert.deepEqual(result.environments, []);
      // Levels 1 and 2 are the file's object and the list; the 65th bracket opens on line 3 at column 5 + 62 openers.
      const column = 5 + 62 * open.length;
      assert.deepEqual(result.errors.map(e => e.text), [
        `.omnichannel/environments.json:3:${column}: nested too deeply (more than 64 levels) at line 3, column ${column}: a few levels are all it needs, so check the brackets opened before that point.`,
      ]);
    }
  });

  it('counts no bracket inside strings and comments towards the nesting bound', () => {
    const brackets = '[{'.repeat(100);
    const text = `{
  // ${brackets}
  /* ${brackets} */
  "environments": [ { "name": "${brackets.slice(0, 70)}\\"${brackets.slice(0, 8)}", "url": "https://a.crm.dynamics.com", "authentication": { "type": "azureCli" } } ]
}`;
    const result = loadWorkspaceEnvironments(text, FILE);
    assert.deepEqual(result.errors, []);
    assert.deepEqual(result.environments.map(e => e.name), [`${brackets.slice(0, 70)}"${brackets.slice(0, 8)}`]);
  });
});
