/**
 * The core as the server bundles it (its TypeScript the parser-only module), built twice for the benchmark:
 * with lean nodes, as shipped, and with every node field kept, the lever's before.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { analyze as Analyze, DEFAULT_SETTINGS as Settings, OmnichannelDocument as Document } from '@omnichannel-tools/core';

export interface BundledCore {
  readonly file: string;
  readonly OmnichannelDocument: typeof Document;
  readonly analyze: typeof Analyze;
  readonly DEFAULT_SETTINGS: typeof Settings;
}

const root = path.resolve(__dirname, '..', '..');

/** Builds both variants into a temporary folder; `remove()` deletes it. */
export async function bundledCores(): Promise<{ readonly lean: BundledCore; readonly full: BundledCore; remove(): void }> {
  const dir = mkdtempSync(path.join(tmpdir(), 'omnichannel-bench-core-'));
  const esbuild = await import('esbuild');
  const { parserOnlyBuildOptions } = await import(pathToFileURL(path.join(root, 'scripts/lib/parser-only-typescript.mjs')).href) as { parserOnlyBuildOptions(options: { leanNodes: boolean }): object };
  const build = async (leanNodes: boolean): Promise<BundledCore> => {
    const file = path.join(dir, leanNodes ? 'lean.js' : 'full.js');
    await esbuild.build({
      stdin: { contents: "export { OmnichannelDocument, analyze, DEFAULT_SETTINGS } from '@omnichannel-tools/core';", resolveDir: root, loader: 'ts' },
      bundle: true, platform: 'node', format: 'cjs', target: 'node20', minify: true, outfile: file, logLevel: 'silent', absWorkingDir: root,
      ...parserOnlyBuildOptions({ leanNodes }),
    });
    return { file, ...require(file) as Omit<BundledCore, 'file'> };
  };
  return { lean: await build(true), full: await build(false), remove: () => rmSync(dir, { recursive: true, force: true }) };
}
