// Bundles the three entry points of the extension (extension host, language server, panel webview) with esbuild.
// The npm packages under packages/ ship what tsc compiles (`npm run compile`), not bundles.
import * as esbuild from 'esbuild';
import { copyFileSync, existsSync, mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { LAZY_BUNDLES, assertEntryBudget, assertNotInlined, lazyBundleBuild, lazyRequires } from './lib/lazy-bundles.mjs';

const production = process.argv.includes('--production');
const watch = process.argv.includes('--watch');

const common = {
  bundle: true,
  sourcemap: !production,
  minify: production,
  logLevel: 'warning',
  legalComments: 'none',
};

// The server bundle's core gets TypeScript through src/server-loader/typescript-namespace.ts, which marks it
// as an ES module namespace so the core's `import * as ts` does not copy its 2,250 exports per file.
const TS_NAMESPACE = resolve('src/server-loader/typescript-namespace.ts');
const typescriptNamespace = {
  name: 'typescript-namespace',
  setup(build) {
    build.onResolve({ filter: /^typescript$/ }, args => (args.importer === TS_NAMESPACE ? undefined : { path: TS_NAMESPACE }));
  },
};

// `module` first: jsonc-parser's UMD `main` requires its own files dynamically, which a bundle cannot follow.
const node = { ...common, platform: 'node', format: 'cjs', target: 'node20', mainFields: ['module', 'main'] };

// The extension host: activation reads only dist/extension.js, which registers the commands; the parts it
// requires later (the client, and from it the language client, backends, panel) are bundles of their own,
// loaded on first use (see lib/lazy-bundles.mjs). A lazy bundle's own requires of the others stay requires.
const extensionHost = { ...node, external: ['vscode'] };
const builds = [
  { ...extensionHost, entryPoints: ['src/client/extension.ts'], outfile: 'dist/extension.js', plugins: [lazyRequires()], metafile: !watch },
  ...LAZY_BUNDLES.map(bundle => lazyBundleBuild(bundle, { ...extensionHost, plugins: [lazyRequires(LAZY_BUNDLES.filter(other => other !== bundle))], metafile: !watch })),
  // The language server package's server, bundled with the core and the parser into the VSIX; the same
  // file builds its V8 startup snapshot (see src/server-loader/startup-snapshot.ts), so it requires only
  // Node's own modules.
  { ...node, entryPoints: ['src/server-loader/server-entry.ts'], outfile: 'dist/server.js', plugins: [typescriptNamespace] },
  // Its process entry: loads server.js through V8's code cache (see src/server-loader).
  { ...node, entryPoints: ['src/server-loader/server-main.ts'], outfile: 'dist/server-main.js', external: ['./server.js'] },
  { ...common, platform: 'browser', format: 'iife', target: 'es2022', entryPoints: ['src/panel/webview/main.ts'], outfile: 'dist/webview.js' },
].filter(b => b.stdin || existsSync(b.entryPoints[0]));

// The panel's icons: the codicon font and stylesheet, served from dist/ under the webview's CSP.
mkdirSync('dist/codicons', { recursive: true });
for (const file of ['codicon.css', 'codicon.ttf']) copyFileSync(`node_modules/@vscode/codicons/dist/${file}`, `dist/codicons/${file}`);

if (watch) {
  for (const b of builds) (await esbuild.context(b)).watch();
} else {
  const results = await Promise.all(builds.map(b => esbuild.build(b)));
  const entry = results.find(r => r.metafile?.outputs['dist/extension.js']);
  if (entry) {
    assertNotInlined(entry.metafile, 'dist/extension.js');
    assertEntryBudget(entry.metafile, 'dist/extension.js');
  }
  // The client holds the Context and the commands, but none of the bundles it loads on first use.
  const client = results.find(r => r.metafile?.outputs['dist/client.js']);
  if (client) assertNotInlined(client.metafile, 'dist/client.js', LAZY_BUNDLES.filter(bundle => bundle.outfile !== 'dist/client.js'));
}
