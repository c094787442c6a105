// Bundles the three entry points of the extension (extension host, language server, panel webview) with esbuild.
// The npm packages under packages/ ship what tsc compiles (`npm run compile`), not bundles.
import * as esbuild from 'esbuild';
import { copyFileSync, existsSync, mkdirSync, readFileSync } from 'node:fs';
import { LAZY_BUNDLES, assertEntryBudget, assertNotInlined, lazyBundleBuild, lazyRequires } from './lib/lazy-bundles.mjs';
import { assertParserOnly, parserOnlyBuildOptions } from './lib/parser-only-typescript.mjs';

const production = process.argv.includes('--production');
const watch = process.argv.includes('--watch');

const common = {
  bundle: true,
  sourcemap: !production,
  minify: production,
  logLevel: 'warning',
  legalComments: 'none',
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
  // Node's own modules. Its TypeScript is the parser alone (see lib/parser-only-typescript.mjs); a name the
  // server uses that the module does not export fails the build.
  {
    ...node,
    entryPoints: ['src/server-loader/server-entry.ts'],
    outfile: 'dist/server.js',
    ...parserOnlyBuildOptions(),
  },
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
  // What the parser-only TypeScript leaves out must be out of reach: checked on the server bundle's code
  // before minification renames it.
  const server = builds.find(b => b.outfile === 'dist/server.js');
  const plain = production ? (await esbuild.build({ ...server, minify: false, sourcemap: false, write: false })).outputFiles[0].text : readFileSync(server.outfile, 'utf8');
  assertParserOnly(plain);
}
