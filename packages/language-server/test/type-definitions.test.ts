/**
 * "Use the Omnichannel type definitions": offered on a hand-written ambient `Microsoft` declaration only
 * when `@omnichannel-tools/types` is installed where the file is (its folder or one above), over real
 * LSP with projects on disk; the fixed file then type-checks against the real package.
 */
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, realpathSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { CodeAction, Range } from 'vscode-languageserver-protocol/node';
import { useServer } from './support/fixture';

const TITLE = 'Use the Omnichannel type definitions (@omnichannel-tools/types)';
const TYPES_PACKAGE = path.resolve(__dirname, '..', '..', '..', 'types');

const FORM = [
  '// Case form script.',
  'declare const Microsoft: any;',
  '',
  'export async function linkCase(caseId: string): Promise<void> {',
  '  try {',
  '    await Microsoft.Omnichannel.linkToConversation("incident", caseId);',
  '    Microsoft.Apm.getFocusedSession().getFocusedTab().refresh();',
  '  } catch (error) {',
  '    console.error(error);',
  '  }',
  '}',
  '',
].join('\n');

const line = (n: number, from = 0, to = from): Range => ({ start: { line: n, character: from }, end: { line: n, character: to } });

describe('server: "Use the Omnichannel type definitions"', () => {
  const s = useServer();
  let root: string;
  let withTypes: string;
  let withoutTypes: string;

  before(() => {
    root = realpathSync(mkdtempSync(path.join(tmpdir(), 'omnichannel-types-fix-')));
    // A project with the package installed (linked to this repository's, as npm links a workspace) ...
    withTypes = path.join(root, 'with-types');
    mkdirSync(path.join(withTypes, 'node_modules', '@omnichannel-tools'), { recursive: true });
    symlinkSync(TYPES_PACKAGE, path.join(withTypes, 'node_modules', '@omnichannel-tools', 'types'), 'dir');
    writeFileSync(path.join(withTypes, 'tsconfig.json'), JSON.stringify({ compilerOptions: { strict: true, noEmit: true, target: 'es2022', lib: ['es2022', 'dom'], types: [] }, include: ['src/**/*.ts'] }));
    // ... and one without.
    withoutTypes = path.join(root, 'without-types');
    mkdirSync(path.join(withoutTypes, 'node_modules'), { recursive: true });
  });
  after(() => rmSync(root, { recursive: true, force: true }));

  const fileUri = (project: string, relative: string): string => pathToFileURL(path.join(project, relative)).href;
  const offered = (actions: CodeAction[]) => actions.find(a => a.title === TITLE);

  it('is offered on `declare const Microsoft: any` when the package is installed, and the fixed file type-checks against it', async function () {
    this.timeout(120_000); // two runs of tsc
    const uri = fileUri(withTypes, 'src/form.ts');
    await s.client.open(uri, FORM, 'typescript');
    const action = offered(await s.client.codeActions(uri, line(1, 15)));
    assert.ok(action, 'the quick fix is offered on the declaration');
    assert.equal(action.kind, 'quickfix');
    await s.client.applyAction(uri, action);
    const fixed = s.client.text(uri);
    assert.equal(fixed, ['/// <reference types="@omnichannel-tools/types" />', '// Case form script.', '', ...FORM.split('\n').slice(3)].join('\n'));

    // The reference alone (tsconfig names no types) makes Microsoft typed: a misspelt member is now a compile error.
    const file = path.join(withTypes, 'src', 'form.ts');
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, fixed);
    const tsc = (): ReturnType<typeof spawnSync> => spawnSync(process.execPath, [require.resolve('typescript/bin/tsc'), '-p', withTypes], { encoding: 'utf8' });
    const ok = tsc();
    assert.equal(ok.status, 0, `${String(ok.stdout)}${String(ok.stderr)}`);
    writeFileSync(file, fixed.replace('linkToConversation', 'linkToConverstion'));
    const typo = tsc();
    assert.notEqual(typo.status, 0);
    assert.match(String(typo.stdout), /linkToConverstion/);
  });

  it('is not offered when the package is not installed for the file', async () => {
    const uri = fileUri(withoutTypes, 'src/form.ts');
    await s.client.open(uri, FORM, 'typescript');
    assert.equal(offered(await s.client.codeActions(uri, line(1, 15))), undefined);
  });

  it('finds the package in a folder above the file (a monorepo) and is offered on a JavaScript file too', async () => {
    const uri = fileUri(withTypes, 'packages/forms/src/webresources/form.js');
    await s.client.open(uri, '/** @type {any} */\ndeclare var Microsoft;\nMicrosoft.Omnichannel.getConversationId().catch(console.error);\n');
    assert.ok(offered(await s.client.codeActions(uri, line(1, 0))));
  });

  it('is offered only on the declaration, not elsewhere in the file', async () => {
    const uri = fileUri(withTypes, 'src/elsewhere.ts');
    await s.client.open(uri, FORM, 'typescript');
    assert.equal(offered(await s.client.codeActions(uri, line(6, 4))), undefined);
  });

  it('removes a `declare global` block and keeps a reference that is already there', async () => {
    const uri = fileUri(withTypes, 'src/global.ts');
    const text = [
      '/// <reference types="@omnichannel-tools/types" />',
      'export {};',
      'declare global {',
      '  var Microsoft: any;',
      '}',
      'Microsoft.Omnichannel.getConversationId().catch(console.error);',
      '',
    ].join('\n');
    await s.client.open(uri, text, 'typescript');
    const action = offered(await s.client.codeActions(uri, line(3, 6)));
    assert.ok(action);
    await s.client.applyAction(uri, action);
    assert.equal(s.client.text(uri), ['/// <reference types="@omnichannel-tools/types" />', 'export {};', 'Microsoft.Omnichannel.getConversationId().catch(console.error);', ''].join('\n'));
  });

  it('keeps the members of a `declare namespace Microsoft` that the package does not declare', async () => {
    const uri = fileUri(withTypes, 'src/namespace.ts');
    const text = [
      'declare namespace Microsoft {',
      '  namespace CIFramework { function refreshTab(id: string): void; }',
      '  const Omnichannel: any;',
      '}',
      '',
    ].join('\n');
    await s.client.open(uri, text, 'typescript');
    const action = offered(await s.client.codeActions(uri, line(0, 20)));
    assert.ok(action);
    await s.client.applyAction(uri, action);
    assert.equal(s.client.text(uri), [
      '/// <reference types="@omnichannel-tools/types" />',
      'declare namespace Microsoft {',
      '  namespace CIFramework { function refreshTab(id: string): void; }',
      '}',
      '',
    ].join('\n'));
    // A namespace of other members only merges with the package's: nothing to offer.
    const other = fileUri(withTypes, 'src/other-namespace.ts');
    await s.client.open(other, 'declare namespace Microsoft {\n  namespace CIFramework { function refreshTab(id: string): void; }\n}\n', 'typescript');
    assert.equal(offered(await s.client.codeActions(other, line(0, 20))), undefined);
  });

  it('removes one declarator of a shared statement with its comma', async () => {
    const uri = fileUri(withTypes, 'src/shared.ts');
    await s.client.open(uri, 'declare const Xrm: any, Microsoft: any;\nMicrosoft.Omnichannel.getConversationId().catch(console.error);\n', 'typescript');
    const action = offered(await s.client.codeActions(uri, line(0, 25)));
    assert.ok(action);
    await s.client.applyAction(uri, action);
    assert.equal(s.client.text(uri), '/// <reference types="@omnichannel-tools/types" />\ndeclare const Xrm: any;\nMicrosoft.Omnichannel.getConversationId().catch(console.error);\n');
  });

  it('leaves a plain variable named Microsoft alone (it is not a declaration of the global)', async () => {
    const uri = fileUri(withTypes, 'src/plain.js');
    await s.client.open(uri, 'var Microsoft = window.top.Microsoft;\nMicrosoft.Omnichannel.getConversationId().catch(console.error);\n');
    assert.equal(offered(await s.client.codeActions(uri, line(0, 5))), undefined);
  });
});
