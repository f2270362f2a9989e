// The fuzzer (npm run fuzz, tests/fuzz/) kept from rotting: a couple of hundred cases through the same harness
// the workers run, which must all pass (the long runs found nothing these seeds reach); the same seed and case
// make the same input (a printed failure reproduces); and the harness tells a typed refusal from a crash.
import { describe, expect, it, vi } from 'vitest';
import { AppError } from '@/lib/server/errors';
import { caseInput, isTypedError, runCases } from '../../fuzz/harness';
import { caseRng } from '../../fuzz/prng';
import { TARGETS } from '../../fuzz/targets';

vi.mock('server-only', () => ({}));

describe('the fuzz harness', { timeout: 120_000 }, () => {
  it.each([
    ['835', 100],
    ['csv', 90],
    ['letter', 10],
  ] as const)('runs %s cases without a failure', async (target, cases) => {
    const tally = await runCases(target, 20261207, 0, cases);
    expect(tally.failures).toEqual([]);
    expect(tally.cases).toBe(cases);
    // The cases reach past the first check: some are read or rendered, not all refused.
    expect(Object.entries(tally.outcomes).some(([word, n]) => !word.startsWith('refused') && n > 0)).toBe(true);
  });

  it('rebuilds a case from its seed and number alone', () => {
    for (const target of ['835', 'csv', 'letter'] as const) {
      expect(caseInput(target, 5, 1234)).toEqual(caseInput(target, 5, 1234));
      expect(caseInput(target, 5, 1234)).not.toEqual(caseInput(target, 6, 1234));
    }
    expect(caseRng(1, 'x', 2).next()).toBe(caseRng(1, 'x', 2).next());
  });

  it('counts a typed refusal as kept and any other throw as a failure', async () => {
    expect(isTypedError(new AppError('invalid_input', 'no'))).toBe(true);
    expect(isTypedError(new RangeError('boom'))).toBe(false);
    const run = vi.spyOn(TARGETS.csv, 'run').mockImplementation(async (input) => {
      if (input.length % 2) throw new TypeError('planted');
      throw new AppError('invalid_input', 'refused');
    });
    const tally = await runCases('csv', 1, 0, 20);
    run.mockRestore();
    const odd = Array.from({ length: 20 }, (_, k) => k).filter((k) => caseInput('csv', 1, k).length % 2);
    expect(tally.failures.map((f) => f.caseNumber)).toEqual(odd);
    expect(tally.failures[0]?.error).toBe('TypeError: planted');
    expect(tally.outcomes['refused: AppError']).toBe(20 - odd.length);
  });
});
