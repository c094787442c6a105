/**
 * Loads a CommonJS bundle through V8's code cache: the compiled code of the language server is kept in a
 * file keyed by the bundle's content, Node's version and the architecture, so a later start skips most of
 * the compilation. A cache that V8 rejects (truncated, corrupt, written by another V8) is never used: it is
 * deleted and written anew. Writing happens once per process, at exit or after `writeAfterMs`, whichever
 * comes first, so the functions compiled while serving the first requests are in it too.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import Module from 'node:module';
import * as path from 'node:path';
import * as vm from 'node:vm';

export type CacheOutcome = 'none' | 'accepted' | 'rejected' | 'unreadable';

export interface CachedLoad {
  /** What happened to the cache file that was there: none, accepted, or rejected by V8 (then rebuilt). */
  readonly outcome: CacheOutcome;
  readonly cacheFile: string;
}

const PREFIX = 'server-';
const SUFFIX = '.v8cache';

export function loadWithCodeCache(bundle: string, cacheDir: string, writeAfterMs = 10_000): CachedLoad {
  const source = readFileSync(bundle, 'utf8').replace(/^#!.*/, '');
  const key = createHash('sha256').update(source).update(process.version).update(process.arch).digest('hex').slice(0, 20);
  const cacheFile = path.join(cacheDir, `${PREFIX}${key}${SUFFIX}`);
  let cachedData: Buffer | undefined;
  let outcome: CacheOutcome = 'none';
  try {
    cachedData = readFileSync(cacheFile);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') outcome = 'unreadable';
  }
  const script = new vm.Script(Module.wrap(source), { filename: bundle, ...(cachedData ? { cachedData } : {}) });
  if (cachedData) outcome = script.cachedDataRejected ? 'rejected' : 'accepted';
  if (outcome !== 'accepted') scheduleWrite(script, cacheDir, cacheFile, writeAfterMs);
  runAsModule(script, bundle);
  return { outcome, cacheFile };
}

/** Runs the compiled wrapper as Node runs a CommonJS main module: its own `require`, `module` and paths. */
function runAsModule(script: vm.Script, file: string): void {
  const mod = new Module(file, undefined);
  mod.filename = file;
  mod.paths = (Module as unknown as { _nodeModulePaths(dir: string): string[] })._nodeModulePaths(path.dirname(file));
  const localRequire = Module.createRequire(file);
  const wrapper = script.runInThisContext() as (exports: unknown, require: NodeJS.Require, module: Module, filename: string, dirname: string) => void;
  wrapper.call(mod.exports, mod.exports, localRequire, mod, file, path.dirname(file));
}

function scheduleWrite(script: vm.Script, cacheDir: string, cacheFile: string, writeAfterMs: number): void {
  let written = false;
  const write = (): void => {
    if (written) return;
    written = true;
    try {
      mkdirSync(cacheDir, { recursive: true });
      // Caches of other bundles or Node versions are stale by construction: only the current one is kept.
      for (const name of readdirSync(cacheDir)) {
        if (name.startsWith(PREFIX) && name !== path.basename(cacheFile)) rmSync(path.join(cacheDir, name), { force: true });
      }
      const temp = `${cacheFile}.${process.pid}.tmp`;
      writeFileSync(temp, script.createCachedData());
      renameSync(temp, cacheFile);
    } catch {
      // A cache that cannot be written costs the next start its speed-up, nothing else.
    }
  };
  setTimeout(write, writeAfterMs).unref();
  process.once('exit', write);
}
