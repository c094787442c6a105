/**
 * Package boundaries, checked rather than trusted: every package imports only what its package.json
 * declares, never reaches into another package by a relative path, and the core and the language server
 * stay free of editor code (the core of any LSP or editor API, the server of `vscode`).
 */
import * as assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { builtinModules } from 'node:module';
import * as path from 'node:path';
import * as ts from 'typescript';

const root = path.resolve(__dirname, '../../..');
const FORBIDDEN: Record<string, RegExp> = {
  core: /^(vscode|vscode-languageserver|vscode-languageserver-protocol|vscode-languageserver-textdocument|vscode-languageclient)(\/|$)/,
  'language-server': /^(vscode|vscode-languageclient)(\/|$)/,
};

interface Manifest {
  name: string;
  dependencies?: Record<string, string>;
  devDependencies?: Record<string, string>;
  peerDependencies?: Record<string, string>;
}

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap(entry => {
    const full = path.join(dir, entry);
    if (statSync(full).isDirectory()) return sources(full);
    return /\.tsx?$/.test(entry) && !entry.endsWith('.d.ts') ? [full] : [];
  });
}

/** Every module a file names: imports, exports, `require`, `import()` and `import('x').T` types (TypeScript's own scanner). */
function importsOf(file: string): string[] {
  return ts.preProcessFile(readFileSync(file, 'utf8'), true, true).importedFiles.map(f => f.fileName);
}

/** `@scope/name/sub` → `@scope/name`; `name/sub` → `name`. */
function packageName(specifier: string): string {
  const parts = specifier.split('/');
  return specifier.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0]!;
}

function problemsOf(folder: string, include: string[], declared: Set<string>, own: string, forbidden?: RegExp): string[] {
  const problems: string[] = [];
  for (const sub of include) {
    for (const file of sources(path.join(folder, sub))) {
      const where = path.relative(root, file);
      for (const specifier of importsOf(file)) {
        if (specifier.startsWith('.')) {
          const target = path.resolve(path.dirname(file), specifier);
          if (!target.startsWith(folder + path.sep)) problems.push(`${where} reaches outside its package: ${specifier}`);
          if (folder === root && target.startsWith(path.join(root, 'packages') + path.sep)) problems.push(`${where} reaches into packages/ by path: ${specifier}`);
          continue;
        }
        if (specifier.startsWith('node:') || builtinModules.includes(specifier)) continue;
        const name = packageName(specifier);
        if (forbidden?.test(specifier)) problems.push(`${where} imports ${specifier}, which this package must not use`);
        if (name !== own && !declared.has(name)) problems.push(`${where} imports ${name}, which its package.json does not declare`);
      }
    }
  }
  return problems;
}

describe('package boundaries', () => {
  const packages = readdirSync(path.join(root, 'packages')).filter(p => statSync(path.join(root, 'packages', p)).isDirectory());

  it('finds the packages the product ships', () => {
    for (const expected of ['core', 'language-server', 'cli']) assert.ok(packages.includes(expected), `packages/${expected} is missing`);
  });

  for (const name of packages) {
    it(`packages/${name} imports only what it declares, and no editor code it must not use`, () => {
      const folder = path.join(root, 'packages', name);
      const manifest = JSON.parse(readFileSync(path.join(folder, 'package.json'), 'utf8')) as Manifest;
      const runtime = new Set([...Object.keys(manifest.dependencies ?? {}), ...Object.keys(manifest.peerDependencies ?? {})]);
      const all = new Set([...runtime, ...Object.keys(manifest.devDependencies ?? {}), ...rootDevDependencies()]);
      const problems = [
        ...problemsOf(folder, existing(folder, ['src']), runtime, manifest.name, FORBIDDEN[name]),
        // Tests and build scripts may use dev tools (mocha, the core for generating), never another package by path.
        ...problemsOf(folder, existing(folder, ['test', 'build']), all, manifest.name, FORBIDDEN[name]),
      ];
      assert.deepEqual(problems, []);
    });
  }

  it('the extension imports only what the root package.json declares, and packages only by name', () => {
    const manifest = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as Manifest;
    const declared = new Set([...Object.keys(manifest.dependencies ?? {}), ...Object.keys(manifest.devDependencies ?? {}), 'vscode']);
    assert.deepEqual(problemsOf(root, ['src', 'test', 'bench'], declared, manifest.name), []);
  });

  it('the check itself catches an undeclared import, a reach across packages and editor code in the core', () => {
    const folder = mkdtempSync(path.join(tmpdir(), 'boundaries-'));
    try {
      mkdirSync(path.join(folder, 'src'));
      writeFileSync(path.join(folder, 'src', 'x.ts'), "import pad from 'left-pad';\nimport { run } from '../../cli/src/cli';\nimport * as vscode from 'vscode';\nimport * as ts from 'typescript';\n");
      const found = problemsOf(folder, ['src'], new Set(['typescript']), '@omnichannel-tools/core', FORBIDDEN['core']);
      assert.equal(found.length, 4, found.join('\n'));
      assert.match(found.join('\n'), /imports left-pad, which its package\.json does not declare/);
      assert.match(found.join('\n'), /reaches outside its package: \.\.\/\.\.\/cli\/src\/cli/);
      assert.match(found.join('\n'), /imports vscode, which this package must not use/);
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });
});

function rootDevDependencies(): string[] {
  const manifest = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as Manifest;
  return [...Object.keys(manifest.devDependencies ?? {}), ...Object.keys(manifest.dependencies ?? {})];
}

function existing(folder: string, subs: string[]): string[] {
  return subs.filter(sub => {
    try {
      return statSync(path.join(folder, sub)).isDirectory();
    } catch {
      return false;
    }
  });
}
