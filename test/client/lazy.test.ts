/**
 * The lazily loaded modules are required in one place: src/client/lazy.ts has a getter for every module
 * the build ships in a bundle of its own, and no other source requires one (the build refuses that too).
 */
import * as assert from 'node:assert/strict';
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';

const root = path.resolve(__dirname, '../../..');

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap(entry => {
    const full = path.join(dir, entry);
    return statSync(full).isDirectory() ? sources(full) : entry.endsWith('.ts') ? [full] : [];
  });
}

/** The files the `require('./x')` calls of a source name, as repository paths. */
function requiredFiles(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  return [...text.matchAll(/\brequire\('(\.{1,2}\/[^']+)'\)/g)].map(match => {
    const target = path.resolve(path.dirname(file), match[1]!);
    const resolved = [`${target}.ts`, path.join(target, 'index.ts')].find(candidate => existsSync(candidate)) ?? target;
    return path.relative(root, resolved).split(path.sep).join('/');
  });
}

describe('client: lazily loaded modules', () => {
  it('lazy.ts requires every module of every lazy bundle, and nothing else does', async () => {
    const { LAZY_BUNDLES, LAZY_LOADER } = (await import(pathToFileURL(path.join(root, 'scripts/lib/lazy-bundles.mjs')).href)) as {
      LAZY_BUNDLES: { modules: Record<string, string> }[];
      LAZY_LOADER: string;
    };
    const lazy = LAZY_BUNDLES.flatMap(bundle => Object.values(bundle.modules)).sort();
    assert.deepEqual(requiredFiles(path.join(root, LAZY_LOADER)).sort(), lazy);
    const elsewhere = sources(path.join(root, 'src'))
      .filter(file => path.relative(root, file).split(path.sep).join('/') !== LAZY_LOADER)
      .flatMap(file => requiredFiles(file).filter(target => lazy.includes(target)).map(target => `${path.relative(root, file)} → ${target}`));
    assert.deepEqual(elsewhere, []);
  });
});
