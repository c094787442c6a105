import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { azureCliTokenProvider } from '../../../src/sign-in';
import { FakePrograms } from './fake-programs';

describe('azureCliTokenProvider', () => {
  let programs: FakePrograms;
  beforeEach(() => {
    programs = new FakePrograms();
  });
  afterEach(() => programs.dispose());

  it('runs az account get-access-token for the environment origin and returns the trimmed token', async () => {
    const args = programs.path('args.txt');
    const az = programs.write('az', `printf '%s\\n' "$@" > '${args}'\necho '  eyJ0eXAi.token.value  '`);
    const token = await azureCliTokenProvider({ url: 'https://contoso.crm.dynamics.com/main.aspx?app=1', az })(false);
    assert.equal(token, 'eyJ0eXAi.token.value');
    assert.deepEqual(readFileSync(args, 'utf8').trim().split('\n'), [
      'account', 'get-access-token', '--resource', 'https://contoso.crm.dynamics.com', '--query', 'accessToken', '-o', 'tsv',
    ]);
  });

  it('passes a URL with shell characters as one argument, never to a shell', async () => {
    const args = programs.path('args.txt');
    const az = programs.write('az', `printf '%s\\n' "$@" > '${args}'\necho token`);
    await azureCliTokenProvider({ url: 'https://contoso.crm.dynamics.com/$(touch pwned)', az })(false);
    assert.equal(readFileSync(args, 'utf8').split('\n')[3], 'https://contoso.crm.dynamics.com');
  });

  it('tells the user to run az login when az is not signed in', async () => {
    const az = programs.write('az', `echo "ERROR: Please run 'az login' to setup account." >&2\nexit 1`);
    await assert.rejects(azureCliTokenProvider({ url: 'https://contoso.crm.dynamics.com', az })(false), /The Azure CLI is not signed in .*run `az login`/);
  });

  it('says how to install az when it is missing', async () => {
    await assert.rejects(
      azureCliTokenProvider({ url: 'https://contoso.crm.dynamics.com', az: programs.path('no-such-az') })(false),
      /The Azure CLI \(.*no-such-az\) was not found: install it/,
    );
  });

  it('reports other failures with az’s own words, and empty output as no token', async () => {
    const failing = programs.write('az', `echo "AADSTS50076: MFA required" >&2\nexit 2`);
    await assert.rejects(azureCliTokenProvider({ url: 'https://contoso.crm.dynamics.com', az: failing })(false), /exit code 2\): AADSTS50076: MFA required/);
    const silent = programs.write('az-silent', 'exit 0');
    await assert.rejects(azureCliTokenProvider({ url: 'https://contoso.crm.dynamics.com', az: silent })(false), /did not print an access token/);
  });

  it('rejects a URL that is not one, without running az', async () => {
    const marker = programs.path('ran');
    const az = programs.write('az', `touch '${marker}'\necho token`);
    await assert.rejects(azureCliTokenProvider({ url: 'contoso', az })(false), /"contoso" is not a URL/);
    assert.throws(() => readFileSync(marker));
  });

  it('never runs az for a URL whose host holds shell operators or their encodings', async () => {
    const marker = programs.path('ran');
    const az = programs.write('az', `touch '${marker}'\necho token`);
    for (const url of ['https://contoso-dev&calc&.crm.dynamics.com', 'https://contoso-dev%26calc%26.crm.dynamics.com']) {
      await assert.rejects(azureCliTokenProvider({ url, az })(false), /host may hold only letters, digits, hyphens and dots/);
    }
    assert.throws(() => readFileSync(marker));
  });
});
