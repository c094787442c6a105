/**
 * The language server's V8 startup snapshot: a heap image with the parser and the analysis already loaded,
 * built once per runtime from `dist/server.js` and kept in the extension's global storage. A
 * server started with it (`--snapshot-blob <file>`) skips loading and compiling the 10 MB bundle.
 *
 * A snapshot only works for the exact runtime and V8 flags that built it, so its name is keyed by the
 * bundle, the runtime and the flags. It is used only after a verification run of the same runtime has
 * deserialised it and analysed a file, and only while its size is the one recorded then: a truncated,
 * foreign or half-written file is never used, but deleted and built again. A runtime that cannot build
 * snapshots (an embedder that disables them) is remembered, and the code cache is used instead.
 */
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { setPriority } from 'node:os';
import * as path from 'node:path';

const PREFIX = 'server-';

export interface SnapshotOptions {
  /** `dist/server.js`, which is also the snapshot's builder. */
  readonly builder: string;
  /** Where snapshots are kept (the extension's global storage). */
  readonly dir: string;
  /** The V8 flags the server runs with: a snapshot must be built with the same ones. */
  readonly execArgv: readonly string[];
  /** The runtime that will run the server; this process's by default. */
  readonly execPath?: string;
}

export type SnapshotState =
  /** A verified snapshot for this bundle, runtime and flags: `execArgv` starts the server from it. */
  | { readonly kind: 'ready'; readonly execArgv: readonly string[]; readonly file: string }
  /** None yet (or the one there was unusable and is gone): `build()` makes one. */
  | { readonly kind: 'missing'; readonly reason: string }
  /** This runtime failed to build one before; not tried again until the bundle or runtime changes. */
  | { readonly kind: 'unsupported'; readonly reason: string };

interface Record {
  readonly size: number;
}

function files(options: SnapshotOptions): { stem: string; blob: string; record: string; unsupported: string } {
  const execPath = options.execPath ?? process.execPath;
  const bundle = statSync(options.builder);
  const key = createHash('sha256')
    .update(JSON.stringify([bundle.size, bundle.mtimeMs, execPath, process.version, process.versions.v8, process.arch, options.execArgv]))
    .digest('hex')
    .slice(0, 20);
  const base = path.join(options.dir, `${PREFIX}${key}`);
  return { stem: path.basename(base), blob: `${base}.blob`, record: `${base}.json`, unsupported: `${base}.unsupported` };
}

/** What the server can start from now. Cheap: two small reads and a stat, no hashing of the snapshot. */
export function snapshotState(options: SnapshotOptions): SnapshotState {
  const { blob, record, unsupported } = files(options);
  try {
    return { kind: 'unsupported', reason: readFileSync(unsupported, 'utf8') };
  } catch {
    // Not marked unsupported.
  }
  let recorded: Record;
  try {
    recorded = JSON.parse(readFileSync(record, 'utf8')) as Record;
  } catch {
    return { kind: 'missing', reason: 'no verified snapshot' };
  }
  let size: number;
  try {
    size = statSync(blob).size;
  } catch {
    rmSync(record, { force: true });
    return { kind: 'missing', reason: 'the snapshot file is gone' };
  }
  if (typeof recorded.size !== 'number' || recorded.size !== size) {
    rmSync(blob, { force: true });
    rmSync(record, { force: true });
    return { kind: 'missing', reason: `the snapshot is ${size} bytes, ${recorded.size} were verified` };
  }
  return { kind: 'ready', execArgv: ['--snapshot-blob', blob], file: blob };
}

/** Deletes a snapshot (and its record) that a server could not start from. */
export function discardSnapshot(file: string): void {
  rmSync(file, { force: true });
  rmSync(file.replace(/\.blob$/, '.json'), { force: true });
}

export type BuildOutcome = { readonly kind: 'built'; readonly file: string } | { readonly kind: 'unsupported'; readonly reason: string };

/**
 * Builds, verifies and installs the snapshot for these options, removing the ones of other bundles and
 * runtimes. `nice` lowers the builder's priority, so it never competes with the editor.
 */
export async function buildSnapshot(options: SnapshotOptions, nice = true): Promise<BuildOutcome> {
  const { stem, blob, record, unsupported } = files(options);
  const execPath = options.execPath ?? process.execPath;
  mkdirSync(options.dir, { recursive: true });
  // Snapshots of other bundles, runtimes or flags can never be used again: only this one's files stay.
  for (const name of readdirSync(options.dir)) {
    if (name.startsWith(PREFIX) && !name.startsWith(stem)) rmSync(path.join(options.dir, name), { force: true });
  }
  const temp = `${blob}.${process.pid}.tmp`;
  const env = { ...process.env, ELECTRON_RUN_AS_NODE: '1' };
  try {
    const built = await run(execPath, [...options.execArgv, '--snapshot-blob', temp, '--build-snapshot', options.builder], env, nice);
    if (built.code !== 0) return giveUp(unsupported, temp, `building the snapshot failed (exit ${built.code}): ${firstLine(built.stderr)}`);
    const verified = await run(execPath, [...options.execArgv, '--snapshot-blob', temp, options.builder, '--verify-snapshot'], env, nice);
    if (verified.code !== 0 || verified.stdout.trim() !== 'ok') {
      return giveUp(unsupported, temp, `the snapshot did not start (exit ${verified.code}): ${firstLine(verified.stderr || verified.stdout)}`);
    }
    const size = statSync(temp).size;
    renameSync(temp, blob);
    writeFileSync(record, JSON.stringify({ size } satisfies Record));
    return { kind: 'built', file: blob };
  } catch (error) {
    return giveUp(unsupported, temp, error instanceof Error ? error.message : String(error));
  } finally {
    rmSync(temp, { force: true });
  }
}

function giveUp(unsupported: string, temp: string, reason: string): BuildOutcome {
  rmSync(temp, { force: true });
  try {
    writeFileSync(unsupported, reason);
  } catch {
    // Not remembered: the next start tries again, which costs only time.
  }
  return { kind: 'unsupported', reason };
}

function firstLine(text: string): string {
  return text.split(/\r?\n/).find(line => line.trim())?.trim().slice(0, 300) ?? 'no output';
}

function run(command: string, args: string[], env: NodeJS.ProcessEnv, nice: boolean): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { env, stdio: ['ignore', 'pipe', 'pipe'], windowsHide: true });
    if (nice && child.pid !== undefined) {
      try {
        setPriority(child.pid, 10);
      } catch {
        // Not allowed here: it runs at normal priority.
      }
    }
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => { stdout += chunk.toString('utf8'); });
    child.stderr.on('data', (chunk: Buffer) => { if (stderr.length < 10_000) stderr += chunk.toString('utf8'); });
    child.on('error', reject);
    child.on('close', code => resolve({ code, stdout, stderr }));
  });
}
