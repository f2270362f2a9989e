// npm run fuzz [-- --cases 1000000 --seed N --target 835|csv|letter|all --max-seconds S --case-ms 30000
//                  --max-heap-mb 512 --parallel --case K]
// Runs the 835 reader, the CSV reader and the letter renderer on generated and mutated inputs
// (docs/decisions/0037-fuzzing.md), one worker thread per target at a time, watched from here: a case that
// throws anything but a typed error, runs past --case-ms (a hang) or takes the worker's heap past
// --max-heap-mb (memory that grows without bound) is a failure, printed with its seed and case number and its
// input saved under .data/fuzz/, where `--target T --seed N --case K` runs it again in this thread with its
// stack. --cases is the total, split across the targets as WEIGHTS says when --target is all.
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { caseInput, runCase } from './harness';
import { TARGET_NAMES, TARGETS, type TargetName } from './targets';
import type { WorkerInput, WorkerMessage } from './worker';

const ROOT = path.resolve(import.meta.dirname, '../..');
const OUT_DIR = path.join(ROOT, '.data', 'fuzz');
/** The letter renderer makes a PDF per case, ~25× slower than a read: fewer cases, the same order of time. */
const WEIGHTS: Record<TargetName, number> = { '835': 0.55, csv: 0.44, letter: 0.01 };

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : undefined;
}
function numberArg(name: string, fallback: number): number {
  const v = arg(name);
  if (v === undefined) return fallback;
  const n = Number(v);
  if (!Number.isFinite(n) || n < 0) {
    console.error(`--${name} takes a number, not "${v}"`);
    process.exit(2);
  }
  return n;
}

const targetArg = arg('target') ?? 'all';
if (targetArg !== 'all' && !(TARGET_NAMES as readonly string[]).includes(targetArg)) {
  console.error(`--target is one of ${TARGET_NAMES.join(', ')} or all`);
  process.exit(2);
}
const targets: TargetName[] = targetArg === 'all' ? [...TARGET_NAMES] : [targetArg as TargetName];
const seed = numberArg('seed', Math.floor(Math.random() * 2 ** 31));
const totalCases = numberArg('cases', 100_000);
const maxSeconds = numberArg('max-seconds', Infinity);
// Generous: the slowest letters take a second or two on a loaded machine; a hang never ends.
const caseMs = numberArg('case-ms', 30_000);
/** The targets side by side, one worker each (a machine with cores to spare), rather than one after another. */
const parallel = process.argv.includes('--parallel');
const maxHeapMb = numberArg('max-heap-mb', 512);

interface Failure {
  target: TargetName;
  caseNumber: number;
  kind: 'exception' | 'hang' | 'memory' | 'crash';
  error: string;
  stack: string;
}

function save(f: Failure): string {
  mkdirSync(OUT_DIR, { recursive: true });
  const base = path.join(OUT_DIR, `${f.target}-seed${seed}-case${f.caseNumber}`);
  writeFileSync(`${base}.${TARGETS[f.target].ext}`, caseInput(f.target, seed, f.caseNumber));
  writeFileSync(`${base}.txt`, `${f.kind}: ${f.error}\n\nnpm run fuzz -- --target ${f.target} --seed ${seed} --case ${f.caseNumber}\n\n${f.stack}\n`);
  return base;
}

function report(f: Failure): void {
  const base = save(f);
  console.log(`✖ ${f.target} seed ${seed} case ${f.caseNumber}: ${f.kind} — ${f.error.split('\n')[0]}\n  input: ${path.relative(ROOT, base)}.${TARGETS[f.target].ext}`);
}

interface TargetRun {
  target: TargetName;
  cases: number;
  seconds: number;
  perSecond: number;
  failures: number;
  maxHeapMb: number;
  outcomes: Record<string, number>;
}

/** Runs cases [0, count) of `target` in workers, a new one after each hang or crash, until done or `deadline`. */
async function runTarget(target: TargetName, count: number, deadline: number): Promise<TargetRun> {
  const started = performance.now();
  const outcomes: Record<string, number> = {};
  let cases = 0;
  let failures = 0;
  let maxHeap = 0;
  let lastPrint = Date.now();
  let next = 0;
  const fail = (f: Failure) => {
    failures++;
    report(f);
  };
  while (next < count && Date.now() < deadline) {
    const shared = new SharedArrayBuffer(3 * 8);
    const slots = new Float64Array(shared);
    const input: WorkerInput = { target, seed, from: next, to: count, shared };
    const worker = new Worker(new URL('./worker.ts', import.meta.url), { workerData: input, execArgv: process.execArgv, resourceLimits: { maxOldGenerationSizeMb: maxHeapMb } });
    next = await new Promise<number>((resolve) => {
      let settled = false;
      const settle = (resumeAt: number) => {
        if (settled) return;
        settled = true;
        clearInterval(watchdog);
        resolve(resumeAt);
      };
      const current = () => (slots[1] ? slots[0]! : next);
      const watchdog = setInterval(() => {
        if (Date.now() > deadline) slots[2] = 1;
        if (slots[1] && Date.now() - slots[1] > caseMs) {
          const k = current();
          cases++;
          fail({ target, caseNumber: k, kind: 'hang', error: `still running after ${caseMs} ms`, stack: '' });
          void worker.terminate();
          settle(k + 1);
        }
      }, 100);
      worker.on('message', (m: WorkerMessage) => {
        if (m.type === 'failure') {
          fail({ target, caseNumber: m.caseNumber, kind: 'exception', error: m.error, stack: m.stack });
          return;
        }
        cases += m.done;
        maxHeap = Math.max(maxHeap, m.heapMb);
        for (const [word, n] of Object.entries(m.outcomes)) outcomes[word] = (outcomes[word] ?? 0) + n;
        if (Date.now() - lastPrint > 10_000) {
          lastPrint = Date.now();
          console.log(`  ${target}: ${cases} cases, ${Math.round(cases / ((performance.now() - started) / 1000))}/s, heap ${m.heapMb} MB`);
        }
        if (m.type === 'done') settle(count);
      });
      worker.on('error', (error: Error & { code?: string }) => {
        const k = current();
        cases++;
        const memory = error.code === 'ERR_WORKER_OUT_OF_MEMORY';
        fail({ target, caseNumber: k, kind: memory ? 'memory' : 'crash', error: memory ? `the worker's heap passed ${maxHeapMb} MB` : `${error.name}: ${error.message}`, stack: error.stack ?? '' });
        settle(k + 1);
      });
      worker.on('exit', (code) => {
        if (settled) return;
        const k = current();
        cases++;
        fail({ target, caseNumber: k, kind: 'crash', error: `the worker exited (code ${code}) during the case`, stack: '' });
        settle(k + 1);
      });
    });
    await worker.terminate();
  }
  const seconds = (performance.now() - started) / 1000;
  return { target, cases, seconds: Number(seconds.toFixed(1)), perSecond: Math.round(cases / seconds), failures, maxHeapMb: maxHeap, outcomes };
}

const oneCase = arg('case');
if (oneCase !== undefined) {
  // Reproduce one case here, with its whole stack.
  if (targets.length !== 1) {
    console.error('--case needs --target 835, csv or letter, and the --seed of the run');
    process.exit(2);
  }
  const k = numberArg('case', 0);
  const result = await runCase(targets[0]!, seed, k);
  const base = save({ target: targets[0]!, caseNumber: k, kind: 'exception', error: result.ok ? `no failure: ${result.outcome}` : result.error, stack: result.ok ? '' : result.stack });
  console.log(result.ok ? `✔ case ${k}: ${result.outcome}` : `✖ case ${k}: ${result.stack || result.error}`);
  console.log(`input: ${path.relative(ROOT, base)}.${TARGETS[targets[0]!].ext}`);
  process.exit(result.ok ? 0 : 1);
}

const weightSum = targets.reduce((s, t) => s + WEIGHTS[t], 0);
console.log(`fuzz: seed ${seed}, ${totalCases} cases over ${targets.join(', ')}${Number.isFinite(maxSeconds) ? `, at most ${maxSeconds} s` : ''}, ${caseMs} ms a case, ${maxHeapMb} MB heap`);
const runStarted = Date.now();
async function runShare(target: TargetName): Promise<TargetRun> {
  const share = WEIGHTS[target] / weightSum;
  const count = Math.round(totalCases * share);
  const seconds = Number.isFinite(maxSeconds) ? maxSeconds * (parallel ? 1 : share) : Infinity;
  const run = await runTarget(target, count, Date.now() + seconds * 1000);
  const top = Object.entries(run.outcomes).sort((a, b) => b[1] - a[1]).slice(0, 5).map(([w, n]) => `${w} ${n}`).join(', ');
  console.log(`${target}: ${run.cases} cases in ${run.seconds} s = ${run.perSecond}/s, ${run.failures} failures, heap ≤ ${run.maxHeapMb} MB (${top})`);
  return run;
}
const runs: TargetRun[] = [];
if (parallel) runs.push(...(await Promise.all(targets.map(runShare))));
else for (const target of targets) runs.push(await runShare(target));
const failures = runs.reduce((s, r) => s + r.failures, 0);
const cases = runs.reduce((s, r) => s + r.cases, 0);
console.log(`total: ${cases} cases in ${((Date.now() - runStarted) / 1000).toFixed(1)} s, ${failures} failures, seed ${seed}`);
console.log(JSON.stringify({ seed, cases, failures, runs: runs.map(({ outcomes: _, ...r }) => r) }));
process.exit(failures ? 1 : 0);
