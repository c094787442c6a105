import * as assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { LspTestClient, serverBin } from './support/lsp-client';

const NO_REFRESH = 'Microsoft.Omnichannel.linkToConversation("contact", id).catch(e => console.error(e));\n';
const CLEAN = 'Microsoft.Omnichannel.linkToConversation("contact", id).then(() => Microsoft.Apm.getFocusedSession().getFocusedTab().refresh(), e => console.error(e));\n';

describe('server: whole-workspace diagnostics (omnichannel.diagnostics.workspace)', () => {
  let folder: string;
  let client: LspTestClient;
  const uri = (relative: string): string => pathToFileURL(join(folder, relative)).href;

  beforeEach(async () => {
    folder = mkdtempSync(join(tmpdir(), 'omnichannel-ws-'));
    mkdirSync(join(folder, 'webresources'));
    mkdirSync(join(folder, 'node_modules', 'lib'), { recursive: true });
    writeFileSync(join(folder, 'webresources', 'form.js'), NO_REFRESH);
    writeFileSync(join(folder, 'webresources', 'clean.ts'), CLEAN);
    writeFileSync(join(folder, 'node_modules', 'lib', 'index.js'), NO_REFRESH);
    writeFileSync(join(folder, 'webresources', 'types.d.ts'), NO_REFRESH);
    client = await LspTestClient.start({ workspaceFolders: [pathToFileURL(folder).href], settings: { diagnostics: { workspace: true } } }, serverBin());
  });

  afterEach(async () => {
    await client.stop();
    rmSync(folder, { recursive: true, force: true });
  });

  it('reports unopened files the CLI would lint, and skips node_modules and declarations', async () => {
    const form = await client.diagnosticsWhere(uri('webresources/form.js'), () => true);
    assert.deepEqual(form.diagnostics.map(d => d.code), ['missing-ui-refresh']);
    const clean = await client.diagnosticsWhere(uri('webresources/clean.ts'), () => true);
    assert.deepEqual(clean.diagnostics, []);
    assert.equal(client.latest(uri('node_modules/lib/index.js')), undefined, 'node_modules is not analysed');
    assert.equal(client.latest(uri('webresources/types.d.ts')), undefined, 'declaration files are not analysed');
  });

  it('follows a file changed on disk, and a file closed in the editor goes back to its text on disk', async () => {
    await client.diagnosticsWhere(uri('webresources/form.js'), p => p.diagnostics.length === 1);
    writeFileSync(join(folder, 'webresources', 'form.js'), CLEAN);
    await client.watchedFilesChanged([{ uri: uri('webresources/form.js'), type: 2 }]);
    await client.diagnosticsWhere(uri('webresources/form.js'), p => p.diagnostics.length === 0);
    await client.open(uri('webresources/clean.ts'), NO_REFRESH, 'typescript');
    await client.diagnosticsWhere(uri('webresources/clean.ts'), p => p.diagnostics.length === 1);
    await client.close(uri('webresources/clean.ts'));
    await client.diagnosticsWhere(uri('webresources/clean.ts'), p => p.diagnostics.length === 0 && p.version === undefined);
  });

  it('clears what it reported when the setting is turned off', async () => {
    await client.diagnosticsWhere(uri('webresources/form.js'), p => p.diagnostics.length === 1);
    client.settings = {};
    await client.configurationChanged();
    await client.diagnosticsWhere(uri('webresources/form.js'), p => p.diagnostics.length === 0);
  });
});

describe('server: whole-workspace diagnostics are off by default', () => {
  it('reports only open files until the setting is turned on', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'omnichannel-ws-'));
    writeFileSync(join(folder, 'unopened.js'), NO_REFRESH);
    const client = await LspTestClient.start({ workspaceFolders: [pathToFileURL(folder).href] }, serverBin());
    try {
      // An open document's publication comes after the start-up scan has looked at every folder.
      await client.open(pathToFileURL(join(folder, 'open.js')).href, NO_REFRESH);
      assert.equal(client.latest(pathToFileURL(join(folder, 'unopened.js')).href), undefined);
      client.settings = { diagnostics: { workspace: true } };
      await client.configurationChanged();
      const p = await client.diagnosticsWhere(pathToFileURL(join(folder, 'unopened.js')).href, () => true);
      assert.equal(p.diagnostics.length, 1);
    } finally {
      await client.stop();
      rmSync(folder, { recursive: true, force: true });
    }
  });
});
