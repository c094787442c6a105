/**
 * Where the simulator's state survives a reload. The file store writes atomically (temporary file
 * in the same folder, flushed to disk, then renamed over the old one), so a crash mid-write leaves
 * the previous state intact; saves run one after another, never interleaved.
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

export class FileSimulatorStore implements SimulatorStore {
  private queue: Promise<void> = Promise.resolve();

  constructor(readonly filePath: string) {}

  async load(): Promise<string | undefined> {
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
