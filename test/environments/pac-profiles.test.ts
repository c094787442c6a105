import * as assert from 'node:assert/strict';
import { chmodSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pacProfileCandidates, readPacProfiles, type PacLocationInput, type PacProfileOffer } from '../../src/pac/auth-profiles';

/** A profile list as pac 1.30+ writes it (fields as .NET serialises them; no tokens live in this file). */
const V2 = {
  Profiles: [
    {
      Kind: 'UNIVERSAL', Name: 'contoso-dev', User: 'dev@contoso.onmicrosoft.com', TenantId: '11111111-2222-4333-8444-555555555555',
      Authority: 'https://login.microsoftonline.com/organizations/', Resource: 'https://contoso-dev.crm.dynamics.com/',
      FriendlyName: 'Contoso Dev', OrganizationUniqueName: 'unq1', EnvironmentId: 'a1b2c3d4-0000-4000-8000-000000000001', CloudInstance: 'Public',
    },
    { Kind: 'UNIVERSAL', Name: '', User: 'admin@contoso.onmicrosoft.com', TenantId: '11111111-2222-4333-8444-555555555555', Resource: 'https://service.powerapps.com/' },
    { Kind: 'DATAVERSE', Name: 'gcc', User: 'dev@contoso.us', TenantId: 'contoso.onmicrosoft.us', Resource: 'https://contoso.crm9.dynamics.com' },
    { Kind: 'UNIVERSAL', Name: 'hostile', User: 'x@contoso.com', Resource: 'https://evil.example.com&x=1@contoso.crm.dynamics.com/' },
    { Kind: 'UNIVERSAL', Name: 'plain-http', Resource: 'http://contoso-test.crm.dynamics.com' },
    'not a profile',
  ],
  Current: {
    UNIVERSAL: {
      Kind: 'UNIVERSAL', Name: 'contoso-dev', User: 'dev@contoso.onmicrosoft.com', TenantId: '11111111-2222-4333-8444-555555555555',
      Resource: 'https://contoso-dev.crm.dynamics.com/',
    },
  },
};

/** The older file name, as hand-made or older copies have it: other URL field names and casing. */
const LEGACY = { profiles: [{ kind: 'CDS', name: 'old', user: 'me@fabrikam.com', tenantid: 'fabrikam.onmicrosoft.com', Url: 'https://fabrikam.crm4.dynamics.com' }] };

describe('pac CLI profile list: the real reader on real files', () => {
  let home: string;
  const linux = (extra: Partial<PacLocationInput> = {}): PacLocationInput => ({ platform: 'linux', env: {}, home, ...extra });
  const pacDir = (base = join(home, '.local', 'share')) => {
    const dir = join(base, 'Microsoft', 'PowerAppsCli');
    mkdirSync(dir, { recursive: true });
    return dir;
  };
  const importable = (offer: PacProfileOffer | undefined) => (offer?.importable.ok ? offer.importable.url : `not: ${offer?.importable.ok === false ? offer.importable.reason : 'missing'}`);

  beforeEach(() => { home = mkdtempSync(join(tmpdir(), 'pac-home-')); });
  afterEach(() => rmSync(home, { recursive: true, force: true }));

  it('reads authprofiles_v2.json from ~/.local/share and offers each environment with URL, tenant, user and name', async () => {
    writeFileSync(join(pacDir(), 'authprofiles_v2.json'), `\uFEFF${JSON.stringify(V2, null, 2)}`);
    const result = await readPacProfiles(linux());
    assert.ok(result.ok, JSON.stringify(result));
    assert.equal(result.legacy, false);
    assert.equal(result.profiles.length, 6);
    const [dev, tenantOnly, gcc, hostile, http, junk] = result.profiles;
    assert.deepEqual(
      { url: importable(dev), tenant: dev?.tenant, user: dev?.user, name: dev?.profileName, env: dev?.environmentName, active: dev?.active },
      { url: 'https://contoso-dev.crm.dynamics.com', tenant: '11111111-2222-4333-8444-555555555555', user: 'dev@contoso.onmicrosoft.com', name: 'contoso-dev', env: 'Contoso Dev', active: true },
    );
    assert.match(importable(tenantOnly), /^not: No environment selected .*pac env select/);
    assert.equal(tenantOnly?.active, false);
    assert.equal(importable(gcc), 'https://contoso.crm9.dynamics.com');
    assert.match(importable(hostile), /^not: .*user name or password/);
    assert.match(importable(http), /^not: .*plain http.*Use https:\/\/contoso-test\.crm\.dynamics\.com/);
    assert.match(importable(junk), /^not: Profile 6 is a string, not a profile\./);
  });

  it('falls back to the older authprofiles.json, read with the v2 fields in any casing and the URL as Url', async () => {
    writeFileSync(join(pacDir(), 'authprofiles.json'), JSON.stringify(LEGACY));
    const result = await readPacProfiles(linux());
    assert.ok(result.ok);
    assert.equal(result.legacy, true);
    assert.equal(importable(result.profiles[0]), 'https://fabrikam.crm4.dynamics.com');
    assert.equal(result.profiles[0]?.tenant, 'fabrikam.onmicrosoft.com');
  });

  it('prefers $XDG_DATA_HOME, as .NET does, and also finds the PowerAppsCLI spelling', async () => {
    const xdg = join(home, 'xdg');
    const dir = join(xdg, 'Microsoft', 'PowerAppsCLI');
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, 'authprofiles_v2.json'), JSON.stringify(V2));
    const result = await readPacProfiles(linux({ env: { XDG_DATA_HOME: xdg } }));
    assert.ok(result.ok);
    assert.equal(result.file, join(dir, 'authprofiles_v2.json'));
  });

  it('says where it looked when there is no profile file', async () => {
    const result = await readPacProfiles(linux());
    assert.ok(!result.ok);
    assert.ok(result.searched.includes(join(home, '.local', 'share', 'Microsoft', 'PowerAppsCli', 'authprofiles_v2.json')));
    assert.match(result.reason, /^No Power Platform CLI sign-in was found: looked for .*authprofiles_v2\.json.*pac auth create/);
  });

  it('names file, line and column of broken JSON', async () => {
    writeFileSync(join(pacDir(), 'authprofiles_v2.json'), '{\n  "Profiles": [\n    { "Name": "x" \n  ]\n}');
    const result = await readPacProfiles(linux());
    assert.ok(!result.ok);
    assert.match(result.reason, /authprofiles_v2\.json:4:3: JSON syntax error: expected "," between values\..*pac auth list/);
  });

  it('says a file without a Profiles list is not a pac profile file', async () => {
    writeFileSync(join(pacDir(), 'authprofiles_v2.json'), JSON.stringify({ Profiles: { Name: 'x' } }));
    const result = await readPacProfiles(linux());
    assert.ok(!result.ok);
    assert.match(result.reason, /authprofiles_v2\.json has no "Profiles" list \(it is an object\)\. Expected pac's authprofiles_v2\.json shape: \{ "Profiles": \[ \{ "Name", "User", "TenantId", "Resource": "<environment URL>" \}/);
    writeFileSync(join(pacDir(), 'authprofiles_v2.json'), '[]');
    const list = await readPacProfiles(linux());
    assert.ok(!list.ok);
    assert.match(list.reason, /does not hold a JSON object with a "Profiles" list \(it is a list\)\. Expected/);
  });

  it('says an older authprofiles.json of another shape is read as the v2 shape, and which shape that is', async () => {
    // A made-up layout (profiles keyed by name): nothing public documents the older file, so none is assumed.
    writeFileSync(join(pacDir(), 'authprofiles.json'), JSON.stringify({ profiles: { dev: { url: 'https://fabrikam.crm4.dynamics.com' } } }));
    const result = await readPacProfiles(linux());
    assert.ok(!result.ok);
    assert.match(result.reason, /authprofiles\.json has no "Profiles" list \(it is an object\)\. Expected pac's authprofiles_v2\.json shape: .*"Resource".* The older authprofiles\.json is read as if it had that shape: its own layout is not documented\./);
  });

  it('says what kept an unreadable file from being read', async () => {
    // A folder where the file should be: unreadable as a file even for root.
    mkdirSync(join(pacDir(), 'authprofiles_v2.json'));
    const result = await readPacProfiles(linux());
    assert.ok(!result.ok);
    assert.match(result.reason, /authprofiles_v2\.json could not be read \(EISDIR\)\. Check its permissions, or set omnichannel\.pac\.authProfilesPath/);
    chmodSync(join(pacDir(), 'authprofiles_v2.json'), 0o755);
  });

  it('reads only the override when it is set (a file or its folder), and says it points at nothing', async () => {
    const elsewhere = join(home, 'windows-copy');
    mkdirSync(elsewhere);
    writeFileSync(join(elsewhere, 'authprofiles_v2.json'), JSON.stringify(V2));
    writeFileSync(join(pacDir(), 'authprofiles_v2.json'), JSON.stringify(LEGACY));
    const byFolder = await readPacProfiles(linux({ override: elsewhere }));
    assert.ok(byFolder.ok);
    assert.equal(byFolder.file, join(elsewhere, 'authprofiles_v2.json'));
    const byFile = await readPacProfiles(linux({ override: join(elsewhere, 'authprofiles_v2.json') }));
    assert.ok(byFile.ok);
    const missing = await readPacProfiles(linux({ override: join(home, 'nope.json') }));
    assert.ok(!missing.ok);
    assert.match(missing.reason, /^The setting omnichannel\.pac\.authProfilesPath points at nothing: looked for .*nope\.json/);
  });

  it('looks where pac looks on Windows and macOS', () => {
    assert.deepEqual(
      pacProfileCandidates({ platform: 'win32', env: { LOCALAPPDATA: 'C:\\Users\\ana\\AppData\\Local' }, home: 'C:\\Users\\ana' }),
      ['C:\\Users\\ana\\AppData\\Local\\Microsoft\\PowerAppsCli\\authprofiles_v2.json', 'C:\\Users\\ana\\AppData\\Local\\Microsoft\\PowerAppsCli\\authprofiles.json'],
    );
    assert.equal(pacProfileCandidates({ platform: 'win32', env: {}, home: 'C:\\Users\\ana' })[0], 'C:\\Users\\ana\\AppData\\Local\\Microsoft\\PowerAppsCli\\authprofiles_v2.json');
    const mac = pacProfileCandidates({ platform: 'darwin', env: {}, home: '/Users/ana' });
    assert.equal(mac[0], '/Users/ana/Library/Application Support/Microsoft/PowerAppsCli/authprofiles_v2.json');
    assert.ok(mac.includes('/Users/ana/.local/share/Microsoft/PowerAppsCli/authprofiles_v2.json'));
  });
});
