/**
 * Lints a large set of files on several threads. The run stays synchronous (the CLI's `run` returns its
 * exit code directly): worker threads and this thread take the next file from a shared counter, each
 * worker posts one message per file, and this thread collects them with `receiveMessageOnPort` while it
 * waits on a shared progress counter. The result, and every message, comes out in the files' order, the
 * same as linting them one after the other. A file a worker took but never reported (a worker that could
 * not start or failed) is linted here, so nothing is skipped.
 */
import { availableParallelism } from 'node:os';
import * as path from 'node:path';
import { MessageChannel, Worker, receiveMessageOnPort, type MessagePort } from 'node:worker_threads';
import type { CliOptions } from './args';
import type { AnalyzerSettings } from './core';
import { processFiles, type Processed } from './process-files';

/** Below this many files per thread, starting a thread (and loading the parser in it) costs more than it saves. */
export const FILES_PER_THREAD = 32;
/** A worker that reports nothing for this long is given up on; its files are linted on this thread. */
const STALL_MS = 120_000;

/** Slots of the shared counters. */
const NEXT = 0;
const PROGRESS = 1;
const FINISHED = 2;

export interface WorkerData {
  readonly files: readonly string[];
  readonly cwd: string;
  readonly settings: AnalyzerSettings;
  readonly options: Pick<CliOptions, 'fix' | 'errorOnUnreadable'>;
  readonly shared: SharedArrayBuffer;
  readonly port: MessagePort;
}

/** One file's outcome, with the lines said about it. */
export interface FileOutcome {
  readonly processed: Processed;
  readonly said: readonly string[];
}

export interface FileMessage {
  readonly index: number;
  readonly outcome: FileOutcome;
}

export const defaultJobs = (): number => Math.max(1, availableParallelism());

/** How many worker threads `jobs` threads in all get for this many files (this thread is one of the jobs). */
export function workersFor(jobs: number, files: number): number {
  return Math.max(0, Math.min(jobs - 1, Math.floor(files / FILES_PER_THREAD) - 1));
}

export function processFilesInParallel(
  files: readonly string[],
  cwd: string,
  settings: AnalyzerSettings,
  options: Pick<CliOptions, 'fix' | 'errorOnUnreadable'>,
  say: (line: string) => void,
  jobs: number,
): Processed & { readonly workers: number } {
  const count = workersFor(jobs, files.length);
  if (count === 0) return { ...processFiles(files, cwd, settings, options, say), workers: 0 };

  const shared = new SharedArrayBuffer(3 * Int32Array.BYTES_PER_ELEMENT);
  const counters = new Int32Array(shared);
  const outcomes: (FileOutcome | undefined)[] = new Array(files.length);
  const workers: { worker: Worker; port: MessagePort }[] = [];
  for (let i = 0; i < count; i++) {
    const { port1, port2 } = new MessageChannel();
    const workerData: WorkerData = { files, cwd, settings, options, shared, port: port2 };
    try {
      const worker = new Worker(path.join(__dirname, 'parallel-worker.js'), { workerData, transferList: [port2] });
      worker.unref();
      // A worker that fails is noticed by the files it never reports; the event only keeps it from being thrown.
      worker.on('error', () => undefined);
      workers.push({ worker, port: port1 });
    } catch {
      port1.close();
    }
  }

  const one = (index: number): FileOutcome => {
    const said: string[] = [];
    return { processed: processFiles([files[index]!], cwd, settings, options, line => said.push(line)), said };
  };
  const drain = (): void => {
    for (const { port } of workers) {
      for (let m = receiveMessageOnPort(port); m; m = receiveMessageOnPort(port)) {
        const { index, outcome } = m.message as FileMessage;
        outcomes[index] = outcome;
      }
    }
  };

  // This thread lints too, taking files from the same counter.
  for (let index = Atomics.add(counters, NEXT, 1); index < files.length; index = Atomics.add(counters, NEXT, 1)) {
    outcomes[index] = one(index);
  }
  // Then it waits for the files the workers took.
  let lastProgress = Date.now();
  for (;;) {
    const seen = Atomics.load(counters, PROGRESS);
    drain();
    if (!outcomes.includes(undefined)) break;
    // Every worker has stopped and some file is still missing: a worker failed on it; it is linted below.
    if (Atomics.load(counters, FINISHED) === workers.length && Atomics.load(counters, PROGRESS) === seen) break;
    if (Atomics.wait(counters, PROGRESS, seen, 1000) !== 'timed-out') lastProgress = Date.now();
    else if (Date.now() - lastProgress > STALL_MS) break;
  }
  drain();
  for (const { worker, port } of workers) {
    port.close();
    void worker.terminate();
  }

  const merged = { reports: [] as Processed['reports'], unreadable: [] as Processed['unreadable'], failures: 0, fixedFiles: 0, diffs: [] as string[] };
  for (let index = 0; index < files.length; index++) {
    const outcome = outcomes[index] ?? one(index);
    for (const line of outcome.said) say(line);
    const p = outcome.processed;
    merged.reports.push(...p.reports);
    merged.unreadable.push(...p.unreadable);
    merged.failures += p.failures;
    merged.fixedFiles += p.fixedFiles;
    merged.diffs.push(...p.diffs);
  }
  return { ...merged, workers: workers.length };
}
