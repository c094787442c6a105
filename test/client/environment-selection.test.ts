import * as assert from 'node:assert/strict';
import { chooseActive, environmentPickItems, panelEnvironment, signInStatusView, statusBarView } from '../../src/client/environments/selection';
import { SIMULATOR_ENTRY, type EnvironmentEntry } from '../../src/environments/types';
import { microsoftScopes, secretKey } from '../../src/client/environments/auth-scopes';

const simulator = SIMULATOR_ENTRY;
const dev: EnvironmentEntry = {
  kind: 'dataverse', name: 'Contoso Dev', source: 'settings',
  definition: { name: 'Contoso Dev', url: 'https://contoso-dev.crm.dynamics.com', authentication: { type: 'microsoft' } },
};
const prod: EnvironmentEntry = {
  kind: 'dataverse', name: 'Contoso', source: 'workspace',
  definition: { name: 'Contoso', url: 'https://contoso.crm.dynamics.com', production: true, authentication: { type: 'servicePrincipal', tenant: 'contoso.onmicrosoft.com', clientId: '0f8fad5b-d9cb-469f-a165-70867728950e' } },
};

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

  it('offers "Sign in" in the status bar for a real environment not signed in, and only there', () => {
    assert.equal(signInStatusView(simulator, 'unknown'), undefined);
    assert.equal(signInStatusView(dev, 'signed-in'), undefined);
    assert.equal(signInStatusView(dev, 'unknown')?.text, '$(account) Sign in');
    assert.match(signInStatusView(dev, 'signed-out')?.tooltip ?? '', /^Not signed in to Contoso Dev\. Click to sign in with your Microsoft account/);
    assert.match(signInStatusView(prod, 'signed-out')?.tooltip ?? '', /client secret/);
    const cli: EnvironmentEntry = { ...dev, definition: { ...dev.definition, authentication: { type: 'azureCli' } } };
    assert.equal(signInStatusView(cli, 'signed-out'), undefined, 'the Azure CLI signs in outside VS Code');
  });

  it('lists name, url, auth type and sign-in state, marking the active one', () => {
    const items = environmentPickItems([simulator, dev, prod], 'Contoso Dev', env => (env === dev ? 'signed-in' : 'signed-out'));
    assert.deepEqual(items.map(i => i.label), ['Simulator', '$(check) Contoso Dev', 'Contoso']);
    assert.equal(items[1].description, 'https://contoso-dev.crm.dynamics.com');
    assert.equal(items[1].detail, 'Microsoft account · signed in');
    assert.equal(items[2].description, 'https://contoso.crm.dynamics.com · production');
    assert.equal(items[2].detail, 'service principal · not signed in');
  });

  it('shows the panel kind, name, URL and production mark, never how to sign in', () => {
    assert.deepEqual(panelEnvironment(simulator), { name: 'Simulator', kind: 'simulator' });
    assert.deepEqual(panelEnvironment(prod), { name: 'Contoso', kind: 'dataverse', url: 'https://contoso.crm.dynamics.com', production: true });
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
