// Splits the extension host's code into a small entry bundle and bundles loaded on first use: each
// `require` in LAZY_LOADER (the one module that defers the client, language client, backends, sign-in,
// panel) becomes a runtime `require` of a separate file in dist/, so activation compiles none of them; the
// tsc output keeps the plain requires and runs as is. A lazy module required anywhere else fails the build.
// The entry bundle only registers the commands: the build refuses one over ENTRY_BUDGET_BYTES.
import { existsSync } from 'node:fs';
import { basename, join, relative, resolve } from 'node:path';

/** Which lazily required modules ship in which file; modules sharing dependencies (ajv) share a file. */
export const LAZY_BUNDLES = [
  // Everything activation starts after it returned; it requires the bundles below on first use in turn.
  { outfile: 'dist/client.js', modules: { client: 'src/client/start.ts' } },
  { outfile: 'dist/language-client.js', modules: { languageClient: 'src/client/language-client.ts' } },
  {
    outfile: 'dist/backends.js',
    modules: {
      config: 'src/environments/index.ts',
      simulator: 'src/backends/simulator/index.ts',
      dataverse: 'src/backends/dataverse/index.ts',
      seeding: 'src/seeding/index.ts',
      webResources: 'src/client/webresources/index.ts',
    },
  },
  // Its own file: MSAL is the biggest dependency, needed only for a service-principal sign-in.
  { outfile: 'dist/auth.js', modules: { auth: 'src/sign-in/index.ts' } },
  { outfile: 'dist/panel-host.js', modules: { provider: 'src/panel/host/provider.ts' } },
];

/** The one module that requires the lazily loaded ones, a typed getter each. */
export const LAZY_LOADER = 'src/client/lazy.ts';

const NAMESPACE = 'lazy-bundle';

/** esbuild options for one lazy bundle: an entry whose getters evaluate each module on first access. */
export function lazyBundleBuild(bundle, options) {
  const getters = Object.entries(bundle.modules).map(([key, source]) => {
    const path = `./${source.split('\\').join('/')}`;
    return `  ${JSON.stringify(key)}: { enumerable: true, get() { return loaded[${JSON.stringify(key)}] ??= require(${JSON.stringify(path)}); } },`;
  });
  const contents = `const loaded = {};\nObject.defineProperties(exports, {\n${getters.join('\n')}\n});\n`;
  return { ...options, stdin: { contents, resolveDir: process.cwd(), sourcefile: `${basename(bundle.outfile, '.js')}-entry.js`, loader: 'js' }, outfile: bundle.outfile };
}

/** The plugin for the entry bundle: a `require` of a lazily loaded module reads its dist file at run time. */
export function lazyRequires(bundles = LAZY_BUNDLES) {
  const byFile = new Map();
  for (const bundle of bundles) {
    for (const [key, source] of Object.entries(bundle.modules)) byFile.set(resolve(source), { key, file: `./${basename(bundle.outfile)}` });
  }
  return {
    name: 'lazy-requires',
    setup(build) {
      build.onResolve({ filter: /^\.\.?\// }, args => {
        if (args.namespace === NAMESPACE) return { path: args.path, external: true };
        if (args.kind !== 'require-call') return undefined;
        const target = sourceFile(resolve(args.resolveDir, args.path));
        const lazy = target && byFile.get(target);
        if (!lazy) return undefined;
        if (args.importer !== resolve(LAZY_LOADER)) {
          return { errors: [{ text: `${relative(process.cwd(), args.importer)} requires ${args.path}, which loads on first use: add a getter to ${LAZY_LOADER} and call that instead.` }] };
        }
        return { path: `${lazy.file}#${lazy.key}`, namespace: NAMESPACE, pluginData: lazy };
      });
      build.onLoad({ filter: /.*/, namespace: NAMESPACE }, args => ({
        contents: `module.exports = require(${JSON.stringify(args.pluginData.file)})[${JSON.stringify(args.pluginData.key)}];\n`,
        resolveDir: process.cwd(),
        loader: 'js',
      }));
    },
  };
}

/** Fails the build when a lazily loaded module was also bundled into the entry (a static import of it). */
export function assertNotInlined(metafile, outfile, bundles = LAZY_BUNDLES) {
  const inputs = Object.keys(metafile.outputs[outfile]?.inputs ?? {});
  const lazy = new Set(bundles.flatMap(b => Object.values(b.modules)).map(source => relative(process.cwd(), resolve(source)).split('\\').join('/')));
  const inlined = inputs.filter(input => lazy.has(input));
  if (inlined.length > 0) {
    throw new Error(`${outfile} holds ${inlined.join(', ')}, which should load on first use from its own bundle: import only types from it (\`import type\`) and \`require\` it where it is used.`);
  }
  // The heavy libraries the lazy bundles exist for: a value import from a module that loads one (an index
  // re-exporting a validator, say) pulls it into activation without naming a lazy module.
  const heavy = inputs.filter(input => HEAVY_LIBRARIES.some(name => input.startsWith(`node_modules/${name}/`)));
  if (heavy.length > 0) {
    throw new Error(`${outfile} holds ${[...new Set(heavy.map(input => input.split('/').slice(0, input.startsWith('node_modules/@') ? 3 : 2).join('/')))].join(', ')}, which should load on first use: import the value from a module that does not load it, or through ${LAZY_LOADER}.`);
  }
}

/**
 * What VS Code times as activation is loading dist/extension.js and calling `activate`, so the entry holds
 * the command registrations and little else; the rest is dist/client.js. (It is about 3 KB minified.)
 */
export const ENTRY_BUDGET_BYTES = 8 * 1024;

/** Fails the build when the entry bundle outgrew its budget: something was imported as a value that should load later. */
export function assertEntryBudget(metafile, outfile, budget = ENTRY_BUDGET_BYTES) {
  const output = metafile.outputs[outfile];
  if (!output || output.bytes <= budget) return;
  const inputs = Object.entries(output.inputs).sort(([, a], [, b]) => b.bytesInOutput - a.bytesInOutput).slice(0, 8)
    .map(([input, { bytesInOutput }]) => `${input} (${bytesInOutput} bytes)`);
  throw new Error(`${outfile} is ${output.bytes} bytes, over its ${budget}-byte budget: activation loads all of it. Import only types in src/client/extension.ts and reach the rest through ${LAZY_LOADER}. Largest parts: ${inputs.join(', ')}.`);
}

/** Libraries only the lazy bundles may hold. */
const HEAVY_LIBRARIES = ['ajv', 'jsonc-parser', '@azure/msal-node', '@azure/msal-common', 'vscode-languageclient', 'vscode-jsonrpc'];

function sourceFile(path) {
  for (const candidate of [path, `${path}.ts`, join(path, 'index.ts')]) {
    if (candidate.endsWith('.ts') && existsSync(candidate)) return candidate;
  }
  return undefined;
}
