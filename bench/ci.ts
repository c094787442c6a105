/**
 * CI scale: a generated repository of 2,000 web resources (100 to 400 lines each, in 20 folders), linted
 *  - by the `omnichannel-lint` CLI (its default: one thread per core) against the ESLint CLI with
 *    `@microsoft/eslint-plugin-power-apps` (its preset, `--concurrency` set to the same number of threads),
 *    each a fresh process, wall time from spawn to exit, runs alternated;
 *  - by ESLint with its recommended rules, with and without `@omnichannel-tools/eslint-plugin`, in-process
 *    through the ESLint API, runs alternated: the cost the plugin adds to a CI lint that already runs ESLint.
 * The files live under `out/bench/` so the ESLint config there names its plugins as a user's config does.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import * as path from 'node:path';
import { ESLint } from 'eslint';
import { generateWebResource } from './generate';
import { seeded } from '@omnichannel-tools/core/test-support/prng';

export const FILES = 2_000;
const FOLDERS = 20;

export interface Repository {
  readonly root: string;
  readonly lines: number;
  remove(): void;
}

/** The repository, deterministic: file i is a web resource of 100 to 400 lines generated from seed i. */
export function generateRepository(name: string): Repository {
  const root = path.join(__dirname, name);
  rmSync(root, { recursive: true, force: true });
  const rand = seeded(2_000);
  let lines = 0;
  for (let i = 0; i < FILES; i++) {
    const folder = path.join(root, 'webresources', `area${String(i % FOLDERS).padStart(2, '0')}`);
    mkdirSync(folder, { recursive: true });
    const text = generateWebResource(100 + Math.floor(rand() * 300), i + 1);
    lines += text.split('\n').length - 1;
    writeFileSync(path.join(folder, `form${String(i).padStart(4, '0')}.js`), text);
  }
  return { root, lines, remove: () => rmSync(root, { recursive: true, force: true }) };
}

const LANGUAGE = "languageOptions: { ecmaVersion: 'latest', sourceType: 'script' }";

const POWER_APPS_CONFIG = `import powerApps from '@microsoft/eslint-plugin-power-apps';
export default [{
  files: ['**/*.js'],
  ${LANGUAGE},
  plugins: { '@microsoft/power-apps': powerApps },
  rules: powerApps.configs.paCheckerHosted.rules,
  settings: powerApps.configs.paCheckerHosted.settings ?? {},
}];
`;

/** ESLint's own recommended rules, from the rules ESLint ships (each marks itself recommended); with ESLint's parser or typescript-eslint's. */
const bareConfig = (parser: Parser): string => `import { builtinRules } from 'eslint/use-at-your-own-risk';
${parser === 'typescript-eslint' ? "import tsParser from '@typescript-eslint/parser';\n" : ''}export const recommended = Object.fromEntries([...builtinRules].filter(([, rule]) => rule.meta?.docs?.recommended).map(([id]) => [id, 'error']));
export default [{ files: ['**/*.js'], ${parser === 'typescript-eslint' ? "languageOptions: { parser: tsParser, ecmaVersion: 'latest', sourceType: 'script' }" : LANGUAGE}, rules: recommended }];
`;

/** ESLint's own parser (espree), or `@typescript-eslint/parser` without a program (each file parsed alone by TypeScript). */
export type Parser = 'espree' | 'typescript-eslint';

const WITH_PLUGIN_CONFIG = `import omnichannel from '@omnichannel-tools/eslint-plugin';
import bare from './bare.config.mjs';
export default [...bare, { files: ['**/*.js'], ...omnichannel.configs.recommended }];
`;

export interface Timing {
  readonly samples: number[];
  readonly detail: string;
}

function wall(command: string, args: readonly string[], cwd: string, what: string): number {
  const start = process.hrtime.bigint();
  const result = spawnSync(process.execPath, [command, ...args], { cwd, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  const elapsed = Number(process.hrtime.bigint() - start) / 1e6;
  // Exit 1 is "problems found"; anything else is a failed run, which must not pass for a fast one.
  if (result.status !== 0 && result.status !== 1) throw new Error(`${what} failed (exit ${result.status ?? result.signal}):\n${result.stderr}`);
  return elapsed;
}

/**
 * The CLI against ESLint + power-apps on the repository: ours, theirs, ours, … (`runs` of theirs, one more of
 * ours, so every ESLint run sits between two of ours and a change of load shows in both).
 */
export function cliVersusPowerApps(repo: Repository, runs: number): { ours: Timing; theirs: Timing } {
  const threads = availableParallelism();
  writeFileSync(path.join(repo.root, 'eslint.config.mjs'), POWER_APPS_CONFIG);
  const ourBin = path.join(__dirname, '..', '..', 'packages', 'cli', 'out', 'src', 'bin.js');
  const eslintBin = path.join(path.dirname(require.resolve('eslint/package.json')), 'bin', 'eslint.js');
  const ourReport = path.join(repo.root, 'omnichannel.json');
  const theirReport = path.join(repo.root, 'eslint.json');
  const ours: number[] = [];
  const theirs: number[] = [];
  const lintOurs = (): void => { ours.push(wall(ourBin, ['--format', 'json', '--output', ourReport, 'webresources'], repo.root, 'omnichannel-lint')); };
  lintOurs();
  for (let i = 0; i < runs; i++) {
    theirs.push(wall(eslintBin, ['--concurrency', String(threads), '--format', 'json', '--output-file', theirReport, 'webresources'], repo.root, 'ESLint'));
    lintOurs();
  }
  // Both must have linted every file, and ESLint must have parsed them (a parse error would make it look fast).
  const ourFiles = (JSON.parse(readFileSync(ourReport, 'utf8')) as unknown[]).length;
  const theirResults = JSON.parse(readFileSync(theirReport, 'utf8')) as { messages: { fatal?: boolean; message: string }[] }[];
  const fatal = theirResults.flatMap(r => r.messages).find(m => m.fatal);
  if (fatal) throw new Error(`ESLint could not parse a benchmark file: ${fatal.message}`);
  if (ourFiles !== FILES || theirResults.length !== FILES) throw new Error(`expected ${FILES} files linted, got ${ourFiles} (omnichannel-lint) and ${theirResults.length} (ESLint)`);
  return {
    ours: { samples: ours.sort((a, b) => a - b), detail: `${threads} threads` },
    theirs: { samples: theirs.sort((a, b) => a - b), detail: `--concurrency ${threads}` },
  };
}

/**
 * ESLint with its recommended rules, bare and with our plugin, in-process: without, with, without, … (`runs`
 * with the plugin, each between two without). Both configs are loaded and warmed up on one folder first.
 */
export async function pluginOverhead(repo: Repository, runs: number, folders: readonly string[] = ['webresources'], parser: Parser = 'espree'): Promise<{ bare: number[]; withPlugin: number[]; findings: number }> {
  writeFileSync(path.join(repo.root, 'bare.config.mjs'), bareConfig(parser));
  writeFileSync(path.join(repo.root, 'with-plugin.config.mjs'), WITH_PLUGIN_CONFIG);
  const all = folders.length === 1 && folders[0] === 'webresources';
  const lint = async (config: string, targets = folders): Promise<{ ms: number; omnichannel: number }> => {
    const eslint = new ESLint({ cwd: repo.root, overrideConfigFile: path.join(repo.root, config), cache: false });
    const start = process.hrtime.bigint();
    const results = await eslint.lintFiles([...targets]);
    const ms = Number(process.hrtime.bigint() - start) / 1e6;
    const fatal = results.flatMap(r => r.messages).find(m => m.fatal);
    if (fatal) throw new Error(`ESLint could not parse a benchmark file: ${fatal.message}`);
    if (targets === folders && all && results.length !== FILES) throw new Error(`expected ${FILES} files linted, got ${results.length}`);
    return { ms, omnichannel: results.flatMap(r => r.messages).filter(m => m.ruleId?.startsWith('omnichannel/')).length };
  };
  const warmup = path.join('webresources', 'area00');
  await lint('bare.config.mjs', [warmup]);
  if ((await lint('with-plugin.config.mjs', [warmup])).omnichannel === 0) throw new Error('the plugin reported nothing: it is not running on the benchmark files');
  const bare: number[] = [(await lint('bare.config.mjs')).ms];
  const withPlugin: number[] = [];
  let findings = 0;
  for (let i = 0; i < runs; i++) {
    const run = await lint('with-plugin.config.mjs');
    withPlugin.push(run.ms);
    findings = run.omnichannel;
    bare.push((await lint('bare.config.mjs')).ms);
  }
  return { bare, withPlugin, findings };
}
