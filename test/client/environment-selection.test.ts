import * as assert from 'node:assert/strict';
import { chooseActive, environmentPickItems, statusBarView, type EnvironmentView } from '../../src/client/environments/selection';
import { microsoftScopes, secretKey } from '../../src/client/environments/auth-scopes';

const simulator: EnvironmentView = { name: 'Simulator' };
const dev: EnvironmentView = { name: 'Contoso Dev', url: 'https://contoso-dev.crm.dynamics.com', authentication: { type: 'microsoft' } };
const prod: EnvironmentView = { name: 'Contoso', url: 'https://contoso.crm.dynamics.com', production: true, authentication: { type: 'servicePrincipal' } };

describe('client: environment selection', () => {
  it('keeps the remembered environment and falls back to the Simulator when it is gone', () => {
    assert.equal(chooseActive([simulator, dev, prod], 'Contoso Dev'), dev);
    assert.equal(chooseActive([simulator, dev], 'Removed'), simulator);
    assert.equal(chooseActive([simulator, dev], undefined), simulator);
  });

  it('shows the Simulator plainly and a production environment with a warning', () => {
    assert.deepEqual(statusBarView(simulator, 'unknown').text, '$(plug) Simulator');
    assert.equal(statusBarView(simulator, 'unknown').warning, false);
    const view = statusBarView(prod, 'signed-out');
    assert.equal(view.warning, true);
    assert.equal(view.text, '$(plug) Contoso $(warning)');
    assert.ok(view.tooltip.includes('(production)'));
    assert.ok(view.tooltip.includes('service principal, not signed in'));
  });

  it('lists name, url, auth type and sign-in state, marking the active one', () => {
    const items = environmentPickItems([simulator, dev, prod], 'Contoso Dev', env => (env === dev ? 'signed-in' : 'signed-out'));
    assert.deepEqual(items.map(i => i.label), ['Simulator', '$(check) Contoso Dev', 'Contoso']);
    assert.equal(items[1].description, 'https://contoso-dev.crm.dynamics.com');
    assert.equal(items[1].detail, 'Microsoft account · signed in');
    assert.equal(items[2].description, 'https://contoso.crm.dynamics.com · production');
    assert.equal(items[2].detail, 'service principal · not signed in');
  });
});

describe('client: sign-in scopes', () => {
  it('asks for the environment resource, offline access and an optional tenant', () => {
    assert.deepEqual(microsoftScopes('https://contoso.crm.dynamics.com/', undefined), ['https://contoso.crm.dynamics.com/.default', 'offline_access']);
    assert.deepEqual(microsoftScopes('https://contoso.crm.dynamics.com', 'contoso.onmicrosoft.com').at(-1), 'VSCODE_TENANT:contoso.onmicrosoft.com');
  });

  it('files secrets per environment', () => {
    assert.notEqual(secretKey('Dev', 'https://a.crm.dynamics.com'), secretKey('Prod', 'https://a.crm.dynamics.com'));
  });
});
