/** A worker thread of `parallel.ts`: lints the files it takes from the shared counter, one message per file. */
import { workerData as data } from 'node:worker_threads';
import type { FileMessage, WorkerData } from './parallel';
import { processFiles } from './process-files';

const { files, cwd, settings, options, shared, port } = data as WorkerData;
const counters = new Int32Array(shared);
const NEXT = 0;
const PROGRESS = 1;
const FINISHED = 2;

try {
  for (let index = Atomics.add(counters, NEXT, 1); index < files.length; index = Atomics.add(counters, NEXT, 1)) {
    const said: string[] = [];
    const processed = processFiles([files[index]!], cwd, settings, options, line => said.push(line));
    port.postMessage({ index, outcome: { processed, said } } satisfies FileMessage);
    Atomics.add(counters, PROGRESS, 1);
    Atomics.notify(counters, PROGRESS);
  }
} finally {
  // Wakes the main thread even when this worker stops early: the files it did not report are linted there.
  Atomics.add(counters, FINISHED, 1);
  Atomics.add(counters, PROGRESS, 1);
  Atomics.notify(counters, PROGRESS);
  port.close();
}
