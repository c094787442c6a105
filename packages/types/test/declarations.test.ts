import * as assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import * as ts from 'typescript';
import { ALL_METHODS, SESSION_OBJECT, TAB_OBJECT } from '@omnichannel-tools/core/catalogue';
import { renderDeclarations } from '../build/declarations';
import { CHECKED_JS, CORRECT_TS, WRONG_TS } from './fixtures';

const pkg = path.join(__dirname, '..', '..');
const declarations = path.join(pkg, 'index.d.ts');
const version = (JSON.parse(readFileSync(path.join(pkg, 'package.json'), 'utf8')) as { version: string }).version;

/** Compiles files with the workspace's TypeScript, with or without the typings; returns diagnostics as `file: message`. */
function compile(files: Record<string, string>, withTypings = true): string[] {
  const dir = mkdtempSync(path.join(tmpdir(), 'omnichannel-types-'));
  try {
    const names = Object.entries(files).map(([name, text]) => {
      writeFileSync(path.join(dir, name), text);
      return path.join(dir, name);
    });
    const options: ts.CompilerOptions = { strict: true, noEmit: true, allowJs: true, target: ts.ScriptTarget.ES2022, lib: ['lib.es2022.d.ts', 'lib.dom.d.ts'], types: [] };
    const program = ts.createProgram(withTypings ? [declarations, ...names] : names, options);
    return ts.getPreEmitDiagnostics(program).map(d => `${d.file ? path.basename(d.file.fileName) : ''}: ${ts.flattenDiagnosticMessageText(d.messageText, ' ')}`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

describe('@omnichannel-tools/types', function () {
  this.timeout(120_000);
  let diagnostics: string[];
  before(() => {
    diagnostics = compile({ 'form.ts': CORRECT_TS, 'wrong.ts': WRONG_TS, 'form.js': CHECKED_JS });
  });
  const of = (file: string) => diagnostics.filter(d => d.startsWith(`${file}:`));

  it('index.d.ts is what the catalogue generates (run `npm run generate` in packages/types after changing the catalogue)', () => {
    assert.equal(readFileSync(declarations, 'utf8'), renderDeclarations(version));
  });

  it('declares every catalogue method and object member', () => {
    const text = readFileSync(declarations, 'utf8');
    for (const method of ALL_METHODS) assert.match(text, new RegExp(`function ${method.name}\\(`), `${method.namespace}.${method.name}`);
    for (const object of [SESSION_OBJECT, TAB_OBJECT]) {
      for (const method of object.methods) assert.match(text, new RegExp(`\\n\\s+${method.name}\\(`), `${object.name}.${method.name}`);
    }
  });

  it('correct customization code compiles', () => {
    assert.deepEqual(of('form.ts'), []);
  });

  it('each mistake is an error where it is marked (an unused @ts-expect-error would fail)', () => {
    assert.deepEqual(of('wrong.ts'), []);
  });

  it('JavaScript with // @ts-check gets the same checks', () => {
    assert.deepEqual(of('form.js'), []);
    assert.deepEqual(diagnostics, [], 'nothing else, in the typings themselves included');
  });

  it('without the typings the same code does not compile, so the checks above are real', () => {
    assert.ok(compile({ 'form.ts': CORRECT_TS }, false).some(d => d.includes("Cannot find name 'Microsoft'")));
  });
});
