/**
 * The packaged VSIX holds only what the installed extension needs: the bundles, snippets, schemas,
 * media, the codicon assets, README, CHANGELOG, LICENSE and package.json. Sources, tests, source maps,
 * node_modules and samples in the package are failures.
 */
import * as assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join, normalize } from 'node:path';
import { REPO_ROOT } from '../e2e/support/repo';
import { ensureVsix } from '../e2e/support/vsix';
import { zipEntries } from './zip-entries';

const ALLOWED: readonly RegExp[] = [
  /^extension\.vsixmanifest$/,
  /^\[Content_Types\]\.xml$/,
  /^extension\/package\.json$/,
  /^extension\/(readme|changelog)\.md$/i,
  /^extension\/license(\.txt|\.md)?$/i,
  /^extension\/dist\/(extension|client|language-client|backends|auth|panel-host|server|server-main|webview)\.js$/,
  /^extension\/dist\/codicons\/codicon\.(css|ttf)$/,
  /^extension\/snippets\/[\w.-]+\.(code-snippets|json)$/,
  /^extension\/schemas\/[\w.-]+\.schema\.json$/,
  // The simulator seed's schema lives with the simulator engine, in the testing package.
  /^extension\/packages\/testing\/schemas\/simulator\.schema\.json$/,
  /^extension\/media\/[\w.-]+\.(svg|png|css)$/,
  // The Get Started walkthrough's pages.
  /^extension\/media\/walkthrough\/[\w.-]+\.md$/,
];

const REQUIRED = [
  'extension/package.json',
  'extension/dist/extension.js',
  // Loaded after activation by extension.js (the client), and on first use by the client (the language
  // client, the backends, sign-in, the panel).
  'extension/dist/client.js',
  'extension/dist/language-client.js',
  'extension/dist/backends.js',
  'extension/dist/auth.js',
  'extension/dist/panel-host.js',
  'extension/dist/server.js',
  'extension/dist/server-main.js',
  'extension/dist/webview.js',
];

describe('package: the VSIX', function () {
  this.timeout(180_000);
  let entries: string[];

  before(async () => {
    entries = zipEntries(await ensureVsix());
  });

  it('contains the extension host bundle, the language server bundle, the webview bundle and the manifest', () => {
    const missing = REQUIRED.filter(name => !entries.includes(name));
    assert.deepEqual(missing, [], `Missing from the VSIX: ${missing.join(', ')}`);
  });

  it('contains nothing outside the allow-list (no sources, tests, maps, node_modules or samples)', () => {
    const unexpected = entries.filter(name => !name.endsWith('/') && !ALLOWED.some(pattern => pattern.test(name)));
    assert.deepEqual(unexpected, [], `Unexpected files in the VSIX (tighten .vscodeignore):\n${unexpected.join('\n')}`);
  });

  it('ships every bundle the extension host bundle requires at run time (the parts it loads on first use)', () => {
    // Packaging built dist/ just now, so dist/ holds the shipped bundles. They require each other in turn:
    // extension.js the client, the client the language client, backends, sign-in and panel.
    const requiredBy = (file: string): string[] => {
      const code = readFileSync(join(REPO_ROOT, 'dist', file), 'utf8');
      return [...new Set([...code.matchAll(/require\(["']\.\/([\w.-]+\.js)["']\)/g)].map(m => m[1]!))];
    };
    assert.ok(requiredBy('extension.js').length > 0, 'dist/extension.js requires no bundle of its own: the lazily loaded parts were inlined');
    const loaded = new Set<string>();
    const visit = (file: string): void => {
      for (const next of requiredBy(file)) {
        if (loaded.has(next)) continue;
        loaded.add(next);
        if (existsSync(join(REPO_ROOT, 'dist', next))) visit(next);
      }
    };
    visit('extension.js');
    const missing = [...loaded].map(name => `extension/dist/${name}`).filter(name => !entries.includes(name));
    assert.deepEqual(missing, [], `The extension host bundles require bundles the VSIX lacks (add them to .vscodeignore): ${missing.join(', ')}`);
  });

  it('ships every file package.json refers to (main, JSON schemas, snippets, icons)', () => {
    const missing = referencedFiles().filter(path => !entries.includes(`extension/${path}`));
    assert.deepEqual(missing, [], `package.json refers to files the VSIX lacks: ${missing.join(', ')}`);
  });
});

interface Manifest {
  main: string;
  contributes: {
    jsonValidation?: { url: string }[];
    snippets?: { path: string }[];
    viewsContainers?: Record<string, { icon?: string }[]>;
  };
}

/** Relative paths package.json points at inside the extension. */
function referencedFiles(): string[] {
  const manifest = JSON.parse(readFileSync(join(REPO_ROOT, 'package.json'), 'utf8')) as Manifest;
  const { contributes } = manifest;
  const paths = [
    manifest.main,
    ...(contributes.jsonValidation ?? []).map(v => v.url).filter(url => !/^https?:/.test(url)),
    ...(contributes.snippets ?? []).map(s => s.path),
    ...Object.values(contributes.viewsContainers ?? {}).flat().map(c => c.icon).filter((icon): icon is string => icon !== undefined),
  ];
  return [...new Set(paths.map(path => normalize(path).replace(/\\/g, '/')))];
}
