// A fuzz worker: runs cases [from, to) of one target and reports to fuzz.ts. Before each case it writes the
// case number and the time into shared memory, so the main thread can tell a hang (a case past its budget) and
// which case it was without the worker's help — a worker stuck in a loop answers no messages.
import { getHeapStatistics } from 'node:v8';
import { parentPort, workerData } from 'node:worker_threads';
import { runCase } from './harness';
import type { TargetName } from './targets';

export interface WorkerInput {
  target: TargetName;
  seed: number;
  from: number;
  to: number;
  /** [case number, case started (ms since epoch), stop requested (1)] as Float64. */
  shared: SharedArrayBuffer;
}

export type WorkerMessage =
  | { type: 'failure'; caseNumber: number; error: string; stack: string }
  | { type: 'progress'; done: number; heapMb: number; outcomes: Record<string, number> }
  | { type: 'done'; done: number; heapMb: number; outcomes: Record<string, number> };

const PROGRESS_EVERY = 2000;
const { target, seed, from, to, shared } = workerData as WorkerInput;
const slots = new Float64Array(shared);
const post = (m: WorkerMessage) => parentPort!.postMessage(m);
const heapMb = () => Math.round(getHeapStatistics().used_heap_size / 1024 / 1024);

let outcomes: Record<string, number> = {};
let done = 0;
for (let k = from; k < to && slots[2] !== 1; k++) {
  slots[0] = k;
  slots[1] = Date.now();
  const result = await runCase(target, seed, k);
  done++;
  if (result.ok) {
    const word = result.outcome.slice(0, 40);
    outcomes[word] = (outcomes[word] ?? 0) + 1;
  } else post({ type: 'failure', caseNumber: k, error: result.error, stack: result.stack });
  if (done % PROGRESS_EVERY === 0) {
    post({ type: 'progress', done, heapMb: heapMb(), outcomes });
    outcomes = {};
    done = 0;
  }
}
slots[1] = 0;
post({ type: 'done', done, heapMb: heapMb(), outcomes });
