import { describe, expect, it } from 'vitest';
import {
  type AdjudicatedClaimRow,
  type DenialRow,
  agingBuckets,
  agingKeyOf,
  agingRange,
  AGING_BUCKETS,
  avoidableDenialRate,
  daysToResolution,
  denialDollars,
  initialDenialRate,
  openDenialDollars,
  overturnRate,
  priorPeriod,
  productivity,
  rateChange,
  ratio,
  recoveredDollars,
  sumClaims,
  sumDenials,
  sumOpen,
  sumsBy,
  writeOffs,
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
  carcCodes: ['4'],
  location: 'North clinic',
  provider: 'Dr A',
  appealLevel: null,
  avoidable: true,
  deniedCents: 100_00,
  recoveredCents: 0,
  status: 'in_progress',
  firstDeniedOn: '2025-03-01',
  resolvedOn: null,
  ...overrides,
});

// The hand-computed fixture: March 2025 is the period.
const MARCH = { from: '2025-03-01', to: '2025-03-31' };
const rows: DenialRow[] = [
  // a: paid in full after appeal level 1, 10 days.
  denial({ deniedCents: 200_00, recoveredCents: 200_00, status: 'resolved_paid', resolvedOn: '2025-03-11', appealLevel: '1', avoidable: false }),
  // b: partial recovery (60 of 300), level 2, 20 days, another payer.
  denial({ payerId: 'aetna', category: 'medical_necessity', department: 'clinical', carcCodes: ['50', '4'], deniedCents: 300_00, recoveredCents: 60_00, status: 'resolved_partial', firstDeniedOn: '2025-03-05', resolvedOn: '2025-03-25', appealLevel: '2', avoidable: false }),
  // c: a payment recovered then reversed: net 0, written off (avoidable) — 100 given up, 5 days.
  denial({ deniedCents: 100_00, recoveredCents: 0, status: 'written_off', firstDeniedOn: '2025-03-10', resolvedOn: '2025-03-15' }),
  // d: written off after a partial recovery of 30 of 80 (not avoidable): 50 given up, 0 days.
  denial({ payerId: 'aetna', deniedCents: 80_00, recoveredCents: 30_00, status: 'written_off', firstDeniedOn: '2025-03-20', resolvedOn: '2025-03-20', avoidable: false, location: null }),
  // e: reopened: it was paid, then reopened, so it is open again (no resolution date) with 40 of 150 back.
  denial({ deniedCents: 150_00, recoveredCents: 40_00, status: 'in_progress', firstDeniedOn: '2025-03-28' }),
  // f: opened in February, resolved in March (a March resolution, not a March denial): 31 days.
  denial({ deniedCents: 50_00, recoveredCents: 50_00, status: 'resolved_paid', firstDeniedOn: '2025-02-10', resolvedOn: '2025-03-13', avoidable: false }),
  // g: opened in March, still new.
  denial({ payerId: 'aetna', deniedCents: 70_00, status: 'new', firstDeniedOn: '2025-03-31', provider: null }),
];

describe('denial sums and the metrics finished from them', () => {
  const s = sumDenials(rows, MARCH);

  it('counts denials first denied in the period, with their dollars', () => {
    // a b c d e g (f opened in February)
    expect(denialDollars(s)).toEqual({ count: 6, cents: 900_00 });
  });

  it('is avoidable ÷ all by count and by dollars', () => {
    // c, e, g avoidable: 100 + 150 + 70 = 320 of 900
    expect(avoidableDenialRate(s)).toEqual({ count: ratio(3, 6), dollars: ratio(320_00, 900_00) });
  });

  it('is recovered ÷ resolved for the overturn rate, a reversal counting as nothing back', () => {
    // resolved in March: a b c d f; money back on a b d f (c's payment was reversed)
    const o = overturnRate(s);
    expect(o.count).toEqual(ratio(4, 5));
    // recovered 200 + 60 + 0 + 30 + 50 = 340 of 200 + 300 + 100 + 80 + 50 = 730
    expect(o.dollars).toEqual(ratio(340_00, 730_00));
    expect(recoveredDollars(s)).toEqual({ count: 4, cents: 340_00 });
  });

  it('averages days from first denial to resolution over the resolved', () => {
    // 10 + 20 + 5 + 0 + 31 = 66 over 5
    expect(daysToResolution(s)).toEqual({ count: 5, meanDays: 66 / 5 });
  });

  it('gives the written-off dollars (denied less recovered) and their avoidable share', () => {
    // c: 100 given up (avoidable); d: 50 (not)
    expect(writeOffs(s)).toEqual({ count: 2, cents: 150_00, avoidableShare: ratio(100_00, 150_00) });
  });

  it('has no rate when there is nothing to divide by', () => {
    const empty = sumDenials(rows, { from: '2030-01-01', to: '2030-01-31' });
    expect(overturnRate(empty).count.rate).toBeNull();
    expect(daysToResolution(empty).meanDays).toBeNull();
  });
});

describe('breakdowns are the same sums per group', () => {
  it('adds up to the total for every breakdown', () => {
    const total = sumDenials(rows, MARCH);
    for (const by of ['payer', 'category', 'department', 'location', 'provider', 'level', 'month'] as const) {
      const groups = [...sumsBy(rows, by, MARCH).values()];
      expect(groups.reduce((n, g) => n + g.openedCents, 0), by).toBe(total.openedCents);
      expect(groups.reduce((n, g) => n + g.recoveredCents, 0), by).toBe(total.recoveredCents);
      expect(groups.reduce((n, g) => n + g.resolved, 0), by).toBe(total.resolved);
    }
  });

  it('gives denial dollars by payer and overturn by appeal level', () => {
    const byPayer = sumsBy(rows, 'payer', MARCH);
    expect(denialDollars(byPayer.get('aetna')!)).toEqual({ count: 3, cents: 450_00 });
    expect(denialDollars(byPayer.get('medicare')!)).toEqual({ count: 3, cents: 450_00 });
    const byLevel = sumsBy(rows, 'level', MARCH);
    expect(overturnRate(byLevel.get('2')!).dollars).toEqual(ratio(60_00, 300_00));
    expect(overturnRate(byLevel.get('none')!).count).toEqual(ratio(2, 3));
  });

  it('puts a row’s opened parts in its first-denied month and its resolution in the resolved month', () => {
    const byMonth = sumsBy(rows, 'month');
    expect(byMonth.get('2025-02')).toMatchObject({ opened: 1, resolved: 0 });
    expect(byMonth.get('2025-03')).toMatchObject({ opened: 6, resolved: 5 });
  });

  it('counts a denial under each of its CARCs', () => {
    const byCarc = sumsBy(rows, 'carc', MARCH);
    expect(byCarc.get('50')?.openedCents).toBe(300_00);
    expect(byCarc.get('4')?.openedCents).toBe(900_00);
  });

  it('groups unknown locations and providers under none', () => {
    expect(sumsBy(rows, 'location', MARCH).get('none')?.opened).toBe(1);
    expect(sumsBy(rows, 'provider', MARCH).get('none')?.opened).toBe(1);
  });
});

describe('initial denial rate', () => {
  it('is claims denied on first adjudication ÷ claims adjudicated, by count and by dollars', () => {
    const rate = initialDenialRate(
      sumClaims([claim(100_00, false), claim(300_00, true, 300_00), claim(200_00, true, 50_00), claim(400_00, false), claim(999_00, true, 999_00, false)]),
    );
    expect(rate.count).toEqual(ratio(2, 4));
    expect(rate.dollars).toEqual(ratio(350_00, 1000_00));
  });
});

describe('open work and aging', () => {
  const today = '2025-06-30';
  it('is denied less recovered over open denials, the reopened one included', () => {
    // e: 150 - 40 = 110; g: 70
    expect(openDenialDollars(sumOpen(rows))).toEqual({ count: 2, cents: 180_00 });
  });

  it('puts each open denial in one bucket by days since first denial', () => {
    expect(agingKeyOf('2025-06-30', today)).toBe('0-30');
    expect(agingKeyOf('2025-05-31', today)).toBe('0-30');
    expect(agingKeyOf('2025-05-30', today)).toBe('31-60');
    expect(agingKeyOf('2025-03-02', today)).toBe('91-120');
    expect(agingKeyOf('2025-03-01', today)).toBe('120+');
    expect(agingKeyOf('2025-07-04', today)).toBe('0-30');
    const buckets = agingBuckets(rows, today);
    // e (2025-03-28) is 94 days; g (2025-03-31) is 91 days
    expect(buckets.find((b) => b.key === '91-120')?.sums).toEqual({ open: 2, openCents: 180_00 });
    expect(buckets.reduce((n, b) => n + b.sums.open, 0)).toBe(2);
  });

  it('has date ranges that agree with the buckets', () => {
    for (const b of AGING_BUCKETS) {
      const range = agingRange(b, today);
      expect(agingKeyOf(range.to, today)).toBe(b.key);
      if (range.from) expect(agingKeyOf(range.from, today)).toBe(b.key);
    }
  });
});

describe('periods and comparisons', () => {
  it('compares with the prior period of equal length', () => {
    expect(priorPeriod(MARCH)).toEqual({ from: '2025-01-29', to: '2025-02-28' });
    expect(priorPeriod({ from: '2025-03-10', to: '2025-03-16' })).toEqual({ from: '2025-03-03', to: '2025-03-09' });
  });

  it('gives the change in rate points, or null without both rates', () => {
    expect(rateChange(ratio(3, 10), ratio(1, 10))).toBeCloseTo(0.2);
    expect(rateChange(ratio(3, 10), ratio(0, 0))).toBeNull();
  });

  it('gives productivity per day of the period', () => {
    expect(productivity({ worked: 20, resolved: 10, recoveredCents: 1000_00 }, 10)).toMatchObject({ workedPerDay: 2, resolvedPerDay: 1, recoveredCentsPerDay: 100_00 });
  });
});
