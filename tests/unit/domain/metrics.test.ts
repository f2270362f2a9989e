import { describe, expect, it } from 'vitest';
import {
  type AdjudicatedClaimRow,
  type DenialRow,
  agingBuckets,
  avoidableDenialRate,
  daysToResolution,
  denialDollarsByCarc,
  denialDollarsByCategory,
  denialDollarsByPayer,
  groupRows,
  initialDenialRate,
  monthOf,
  openDenialDollars,
  overturnRate,
  ratio,
  rateChange,
} from '@/lib/domain/metrics';

const claim = (billedCents: number, isDenial: boolean, deniedCents = 0, firstAdjudication = true): AdjudicatedClaimRow => ({
  billedCents,
  isDenial,
  deniedCents,
  firstAdjudication,
});

const denial = (overrides: Partial<DenialRow>): DenialRow => ({
  payerId: 'medicare',
  category: 'coding_modifiers',
  department: 'coding',
  carc: '4',
  avoidable: true,
  deniedCents: 100_00,
  recoveredCents: 0,
  status: 'in_progress',
  firstDeniedOn: '2025-01-01',
  resolvedOn: null,
  ...overrides,
});

describe('initial denial rate', () => {
  it('is claims denied on first adjudication ÷ claims adjudicated, by count and by dollars', () => {
    const rate = initialDenialRate([
      claim(100_00, false),
      claim(300_00, true, 300_00),
      claim(200_00, true, 50_00),
      claim(400_00, false),
      claim(999_00, true, 999_00, false), // a resubmission: not a first adjudication
    ]);
    expect(rate.count).toEqual({ numerator: 2, denominator: 4, rate: 0.5 });
    expect(rate.dollars).toEqual({ numerator: 350_00, denominator: 1_000_00, rate: 0.35 });
  });

  it('has no rate, rather than 0%, when nothing was adjudicated', () => {
    expect(initialDenialRate([]).count.rate).toBeNull();
  });
});

describe('avoidable denial rate', () => {
  it('is avoidable denials ÷ all denials', () => {
    const rate = avoidableDenialRate([denial({ avoidable: true, deniedCents: 300_00 }), denial({ avoidable: false, deniedCents: 100_00 })]);
    expect(rate.count.rate).toBe(0.5);
    expect(rate.dollars.rate).toBe(0.75);
  });
});

describe('denial dollars by payer, category and CARC', () => {
  const rows = [
    denial({ payerId: 'aetna', category: 'medical_necessity', deniedCents: 50_00 }),
    denial({ payerId: 'medicare', category: 'coding_modifiers', deniedCents: 200_00 }),
    denial({ payerId: 'aetna', category: 'coding_modifiers', deniedCents: 100_00 }),
  ];

  it('sums per payer, largest first', () => {
    expect(denialDollarsByPayer(rows)).toEqual([
      { key: 'medicare', count: 1, cents: 200_00 },
      { key: 'aetna', count: 2, cents: 150_00 },
    ]);
  });

  it('sums per category', () => {
    expect(denialDollarsByCategory(rows).map((r) => [r.key, r.cents])).toEqual([
      ['coding_modifiers', 300_00],
      ['medical_necessity', 50_00],
    ]);
  });

  it('sums per CARC over denial adjustments, so a claim with two reasons counts under each', () => {
    expect(denialDollarsByCarc([{ carc: '50', amountCents: 80_00 }, { carc: '97', amountCents: 20_00 }, { carc: '50', amountCents: 5_00 }])).toEqual([
      { key: '50', count: 2, cents: 85_00 },
      { key: '97', count: 1, cents: 20_00 },
    ]);
  });
});

describe('overturn rate', () => {
  it('is recovered ÷ resolved, by count and dollars, ignoring open denials', () => {
    const rate = overturnRate([
      denial({ status: 'resolved_paid', deniedCents: 100_00, recoveredCents: 100_00 }),
      denial({ status: 'resolved_partial', deniedCents: 100_00, recoveredCents: 40_00 }),
      denial({ status: 'written_off', deniedCents: 200_00 }),
      denial({ status: 'appealed', deniedCents: 1_000_00 }),
    ]);
    expect(rate.count).toEqual({ numerator: 2, denominator: 3, rate: 2 / 3 });
    expect(rate.dollars).toEqual({ numerator: 140_00, denominator: 400_00, rate: 0.35 });
  });
});

describe('days to resolution', () => {
  it('runs from the first denial to paid or written off', () => {
    const result = daysToResolution([
      denial({ status: 'resolved_paid', firstDeniedOn: '2025-01-01', resolvedOn: '2025-01-31' }),
      denial({ status: 'written_off', firstDeniedOn: '2025-01-01', resolvedOn: '2025-03-02' }),
      denial({ status: 'resolved_partial', firstDeniedOn: '2024-12-31', resolvedOn: '2025-01-10' }),
      denial({ status: 'in_progress' }),
    ]);
    expect(result).toEqual({ count: 3, meanDays: (30 + 60 + 10) / 3, medianDays: 30 });
  });

  it('has no figure without resolved denials', () => {
    expect(daysToResolution([denial({})])).toEqual({ count: 0, meanDays: null, medianDays: null });
  });
});

describe('open denial dollars and aging', () => {
  const rows = [
    denial({ firstDeniedOn: '2025-06-01', deniedCents: 10_00 }), // 0 days
    denial({ firstDeniedOn: '2025-05-02', deniedCents: 20_00 }), // 30
    denial({ firstDeniedOn: '2025-05-01', deniedCents: 30_00 }), // 31
    denial({ firstDeniedOn: '2025-03-03', deniedCents: 40_00, recoveredCents: 15_00 }), // 90
    denial({ firstDeniedOn: '2025-02-01', deniedCents: 50_00 }), // 120
    denial({ firstDeniedOn: '2025-01-31', deniedCents: 60_00 }), // 121
    denial({ firstDeniedOn: '2024-01-01', deniedCents: 70_00, status: 'resolved_paid', recoveredCents: 70_00 }),
  ];

  it('sums what is still outstanding on open denials', () => {
    expect(openDenialDollars(rows)).toBe(10_00 + 20_00 + 30_00 + 25_00 + 50_00 + 60_00);
  });

  it('puts each open denial in 0–30, 31–60, 61–90, 91–120 or 120+ days', () => {
    expect(agingBuckets(rows, '2025-06-01')).toEqual([
      { label: '0–30', count: 2, cents: 30_00 },
      { label: '31–60', count: 1, cents: 30_00 },
      { label: '61–90', count: 1, cents: 25_00 },
      { label: '91–120', count: 1, cents: 50_00 },
      { label: '120+', count: 1, cents: 60_00 },
    ]);
  });
});

describe('breakdowns and comparisons', () => {
  it('groups rows by month, then applies the same definition', () => {
    const groups = groupRows([denial({ firstDeniedOn: '2025-01-05' }), denial({ firstDeniedOn: '2025-02-01' }), denial({ firstDeniedOn: '2025-01-31' })], (d) =>
      monthOf(d.firstDeniedOn),
    );
    expect([...groups.keys()]).toEqual(['2025-01', '2025-02']);
    expect(groups.get('2025-01')).toHaveLength(2);
  });

  it('compares a rate with a prior period in rate points', () => {
    expect(rateChange(ratio(3, 10), ratio(1, 5))).toBeCloseTo(0.1, 12);
    expect(rateChange(ratio(3, 10), ratio(0, 0))).toBeNull();
  });
});
