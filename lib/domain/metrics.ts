// One definition per metric (design.md "Metrics"). Each is finished from additive sums (metrics-sums.ts →
// metrics-finish.ts); a breakdown (by month, payer, category, department, CARC, location, provider, appeal level)
// is the same sums per group. In memory: sumsBy(); in PostgreSQL: lib/server/metrics/dashboard-sql.ts.
import { addDays as addDaysIso, diffDays } from './dates';
import { type DenialRow, type DenialSums, type Period, sumDenials } from './metrics-sums';

export * from './metrics-finish';
export * from './metrics-open';
export * from './metrics-sums';

export const BREAKDOWNS = ['month', 'payer', 'category', 'department', 'carc', 'location', 'provider', 'level'] as const;
export type Breakdown = (typeof BREAKDOWNS)[number];

/**
 * The group a row falls in for a breakdown. Month is the first-denied month for opened sums and the resolved
 * month for resolved sums, so month groups take the row's two dates (see sumsBy). Unknown location, provider
 * and never-appealed levels group under 'none'. A denial counts under each of its CARCs, so CARC groups overlap.
 */
export function groupKeys(row: DenialRow, by: Exclude<Breakdown, 'month'>): readonly string[] {
  return by === 'carc' ? [...new Set(row.carcCodes)] : [groupKey(row, by)];
}

function groupKey(row: DenialRow, by: Exclude<Breakdown, 'month' | 'carc'>): string {
  switch (by) {
    case 'payer':
      return row.payerId;
    case 'category':
      return row.category;
    case 'department':
      return row.department;
    case 'location':
      return row.location ?? 'none';
    case 'provider':
      return row.provider ?? 'none';
    case 'level':
      return row.appealLevel ?? 'none';
  }
}

export const monthOf = (date: string) => date.slice(0, 7);

function add(map: Map<string, DenialSums>, key: string, sums: DenialSums) {
  const total = map.get(key);
  if (!total) {
    map.set(key, sums);
    return;
  }
  for (const k of Object.keys(sums) as (keyof DenialSums)[]) total[k] += sums[k];
}

/** The sums per group over rows, for the period (null = every row). Groups with nothing in them are left out. */
export function sumsBy(rows: readonly DenialRow[], by: Breakdown, period: Period | null = null): Map<string, DenialSums> {
  const out = new Map<string, DenialSums>();
  for (const row of rows) {
    const sums = sumDenials([row], period);
    if (by !== 'month') for (const key of groupKeys(row, by)) add(out, key, { ...sums });
    else {
      // A row's opened parts belong to its first-denied month, its resolved parts to its resolved month.
      const opened = { ...sums, resolved: 0, resolvedCents: 0, recovered: 0, recoveredCents: 0, resolutionDays: 0, writtenOff: 0, writeOffCents: 0, avoidableWriteOffCents: 0 };
      const resolved = { ...sums, opened: 0, openedCents: 0, avoidable: 0, avoidableCents: 0 };
      if (opened.opened > 0) add(out, monthOf(row.firstDeniedOn), opened);
      if (resolved.resolved > 0 && row.resolvedOn) add(out, monthOf(row.resolvedOn), resolved);
    }
  }
  for (const [key, s] of out) if (s.opened === 0 && s.resolved === 0) out.delete(key);
  return out;
}

/** The period of equal length just before `period` (the comparison every headline shows). */
export function priorPeriod(period: Period): Period {
  const days = dayCount(period);
  const to = addDaysIso(period.from, -1);
  return { from: addDaysIso(to, -(days - 1)), to };
}

export const dayCount = (period: Period) => diffDays(period.to, period.from) + 1;
