/**
 * Where the simulator's state survives a reload. The file store writes atomically (temporary file
 * `<state file>.<pid>.<n>.tmp` in the same folder, flushed, then renamed over the old one), so a crash
 * mid-write leaves the previous state intact; saves run one after another, never interleaved. A crash
 * leaves its temporary file behind: on first load the store removes its own (that name pattern, that
 * folder, files only) whose writing process is gone or that are older than ten minutes (a pid can be reused).
 */
import { promises as fs } from 'node:fs';
import * as path from 'node:path';

export interface SimulatorStore {
  /** The saved text, or undefined when nothing was saved yet. Rejects only on an unreadable file. */
  load(): Promise<string | undefined>;
  /** Replaces the saved text; resolves once it is durable. */
  save(text: string): Promise<void>;
}

/** Keeps state for the session only (tests, virtual workspaces without a storage folder). */
export class MemorySimulatorStore implements SimulatorStore {
  constructor(private text?: string) {}
  async load(): Promise<string | undefined> {
    return this.text;
  }
  async save(text: string): Promise<void> {
    this.text = text;
  }
}

let tempCounter = 0;

/** A write takes milliseconds; a temporary file this old is left over whatever its pid says now. */
const STALE_AFTER_MS = 10 * 60 * 1000;

export class FileSimulatorStore implements SimulatorStore {
  private queue: Promise<void> = Promise.resolve();
  private swept = false;

  constructor(readonly filePath: string) {}

  async load(): Promise<string | undefined> {
    if (!this.swept) {
      this.swept = true;
      await removeStaleTemporaryFiles(this.filePath);
    }
    try {
      return await fs.readFile(this.filePath, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
      throw error;
    }
  }

  /** Queued behind earlier saves, so the last call's text is what ends up on disk. */
  save(text: string): Promise<void> {
    const run = this.queue.then(() => this.write(text));
    // The queue continues after a failed write; the caller still sees the failure.
    this.queue = run.catch(() => undefined);
    return run;
  }

  private async write(text: string): Promise<void> {
    const dir = path.dirname(this.filePath);
    await fs.mkdir(dir, { recursive: true });
    // Unique per process and call: two stores (or windows) never share a temporary file.
    const temp = `${this.filePath}.${process.pid}.${++tempCounter}.tmp`;
    try {
      const handle = await fs.open(temp, 'w');
      try {
        await handle.writeFile(text, 'utf8');
        await handle.sync();
      } finally {
        await handle.close();
      }
      await fs.rename(temp, this.filePath);
    } catch (error) {
      await fs.rm(temp, { force: true });
      throw error;
    }
    await syncDirectory(dir);
  }
}

/** Removes the leftovers of writes that died (see the file's header); never fails, a file it cannot remove stays. */
async function removeStaleTemporaryFiles(filePath: string): Promise<void> {
  const now = Date.now();
  const dir = path.dirname(filePath);
  const ours = new RegExp(`^${escapeRegExp(path.basename(filePath))}\\.(\\d+)\\.\\d+\\.tmp$`);
  let names: string[];
  try {
    names = await fs.readdir(dir);
  } catch {
    return; // no folder yet: nothing left over
  }
  for (const name of names) {
    const pid = ours.exec(name)?.[1];
    if (pid === undefined) continue;
    const temp = path.join(dir, name);
    try {
      const stat = await fs.lstat(temp);
      if (!stat.isFile() || (isRunning(Number(pid)) && now - stat.mtimeMs < STALE_AFTER_MS)) continue;
      await fs.rm(temp);
    } catch {
      // Gone already (its writer renamed it) or not ours to remove: leave it.
    }
  }
}

function isRunning(pid: number): boolean {
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0); // signal 0 only asks whether the process exists
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM'; // it exists, under another user
  }
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Makes the rename itself durable where the platform allows it (not on Windows). */
async function syncDirectory(dir: string): Promise<void> {
  let handle: fs.FileHandle | undefined;
  try {
    handle = await fs.open(dir, 'r');
    await handle.sync();
  } catch {
    // Directories cannot be opened or synced on every platform; the rename is still atomic.
  } finally {
    await handle?.close();
  }
}
