// One fuzz case, start to end: its input rebuilt from (seed, target, case), run, and judged. Used in the
// worker (worker.ts), for `--case K` (fuzz.ts) and by the unit test that keeps the harness from rotting.
import { CsvError } from '@/lib/domain/csv';
import { AppError } from '@/lib/server/errors';
import { caseRng } from './prng';
import { TARGETS, type TargetName } from './targets';

export type CaseResult = { ok: true; outcome: string } | { ok: false; error: string; stack: string };

/** Errors the app turns into a clear answer (a 4xx, a refused import): the promise kept, not a bug. */
export function isTypedError(error: unknown): boolean {
  return error instanceof AppError || error instanceof CsvError;
}

export function caseInput(target: TargetName, seed: number, caseNumber: number): Uint8Array {
  return TARGETS[target].input(caseRng(seed, target, caseNumber));
}

export async function runCase(target: TargetName, seed: number, caseNumber: number, input = caseInput(target, seed, caseNumber)): Promise<CaseResult> {
  try {
    return { ok: true, outcome: await TARGETS[target].run(input, caseRng(seed, `${target}:run`, caseNumber)) };
  } catch (error) {
    if (isTypedError(error)) return { ok: true, outcome: `refused: ${(error as Error).name}` };
    const e = error instanceof Error ? error : new Error(String(error));
    return { ok: false, error: `${e.name}: ${e.message}`, stack: e.stack ?? '' };
  }
}

export interface Tally {
  cases: number;
  failures: { caseNumber: number; error: string; stack: string }[];
  outcomes: Record<string, number>;
}

/** Cases [from, to) in this thread: the unit test's way in, and the worker's loop. */
export async function runCases(target: TargetName, seed: number, from: number, to: number, beforeCase?: (caseNumber: number) => boolean): Promise<Tally> {
  const tally: Tally = { cases: 0, failures: [], outcomes: {} };
  for (let k = from; k < to; k++) {
    if (beforeCase && !beforeCase(k)) break;
    const result = await runCase(target, seed, k);
    tally.cases++;
    if (result.ok) {
      const word = result.outcome.length > 40 ? result.outcome.slice(0, 40) : result.outcome;
      tally.outcomes[word] = (tally.outcomes[word] ?? 0) + 1;
    } else tally.failures.push({ caseNumber: k, error: result.error, stack: result.stack });
  }
  return tally;
}
