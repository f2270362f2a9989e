// The front desk's feedback (issue 15), as pure computations over rows the server reads: which months a
// trend shows and which one is still running, trend tables, the top causes of the month, coaching examples
// without repeats, masked member ids, and a cause's monthly counts before and after a prevention action.
import type { DenialCategory } from '../codes';
import { type IsoDate, addDays, addMonths } from '../dates';

/** The root causes registration, eligibility and scheduling can prevent (design.md: front desk). */
export const FRONT_DESK_CATEGORIES = [
  'eligibility_coverage',
  'registration_demographics',
  'authorization_referral',
  'coordination_of_benefits',
  'non_covered_benefit_limits',
] as const satisfies readonly DenialCategory[];
export type FrontDeskCategory = (typeof FRONT_DESK_CATEGORIES)[number];

export function isFrontDeskCategory(value: string): value is FrontDeskCategory {
  return (FRONT_DESK_CATEGORIES as readonly string[]).includes(value);
}

/** 'YYYY-MM'. */
export type MonthKey = string;

export const monthOf = (date: IsoDate): MonthKey => date.slice(0, 7);

export interface MonthWindow {
  /** Oldest first; the last is the current month. */
  months: MonthKey[];
  current: MonthKey;
  /** The current month is counted only through this day: it is partial unless today is its last day. */
  partialThrough: IsoDate;
  currentIsPartial: boolean;
  /** The first day of the oldest month: the query's lower bound. */
  since: IsoDate;
}

/** The last `count` calendar months up to and including today's. */
export function monthWindow(today: IsoDate, count: number): MonthWindow {
  const first = `${monthOf(today)}-01`;
  const months = Array.from({ length: count }, (_, i) => monthOf(addMonths(first, i - count + 1)));
  return {
    months,
    current: monthOf(today),
    partialThrough: today,
    // Through the last day of the month it is complete; any earlier day, more of it is still to come.
    currentIsPartial: monthOf(addDays(today, 1)) === monthOf(today),
    since: `${months[0]}-01`,
  };
}

export interface CountRow {
  key: string;
  month: MonthKey;
  count: number;
}

export interface TrendLine {
  key: string;
  /** One count per window month, in the window's order (0 where nothing happened). */
  byMonth: number[];
  total: number;
  thisMonth: number;
}

/** One line per key over the window's months, largest total first (ties by key, so the order is stable). */
export function trendLines(rows: readonly CountRow[], months: readonly MonthKey[]): TrendLine[] {
  const lines = new Map<string, TrendLine>();
  for (const row of rows) {
    const slot = months.indexOf(row.month);
    if (slot < 0) continue;
    let line = lines.get(row.key);
    if (!line) lines.set(row.key, (line = { key: row.key, byMonth: months.map(() => 0), total: 0, thisMonth: 0 }));
    line.byMonth[slot]! += row.count;
    line.total += row.count;
  }
  const last = months.length - 1;
  for (const line of lines.values()) line.thisMonth = line.byMonth[last] ?? 0;
  return [...lines.values()].sort((a, b) => b.total - a.total || a.key.localeCompare(b.key));
}

/** The total per month across every line (the trend's bottom row). */
export function monthTotals(lines: readonly TrendLine[], months: readonly MonthKey[]): number[] {
  return months.map((_, i) => lines.reduce((sum, l) => sum + (l.byMonth[i] ?? 0), 0));
}

export interface CauseCount {
  category: string;
  /** The CARC that carried it (the first on the denial). */
  carc: string;
  count: number;
}

/** This month's most frequent causes (category + CARC), most first; ties by category then code. */
export function topCauses(rows: readonly CauseCount[], limit: number): CauseCount[] {
  return [...rows]
    .filter((r) => isFrontDeskCategory(r.category) && r.count > 0)
    .sort((a, b) => b.count - a.count || a.category.localeCompare(b.category) || a.carc.localeCompare(b.carc))
    .slice(0, limit);
}

export interface ExampleRow {
  /** Identifies the claim across remittances (patient control number): a resubmission is the same claim. */
  claimKey: string;
  category: string;
  carcCodes: string[];
}

/**
 * Coaching examples, newest first as given, keeping one per claim and cause: a claim denied again for the same
 * reason teaches nothing new, while the same cause on another claim (or another cause on this one) does.
 */
export function distinctExamples<T extends ExampleRow>(rows: readonly T[], limit: number): T[] {
  const seen = new Set<string>();
  const out: T[] = [];
  for (const row of rows) {
    const key = `${row.claimKey}\u0000${row.category}\u0000${[...row.carcCodes].sort().join(',')}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(row);
    if (out.length === limit) break;
  }
  return out;
}

/**
 * The examples shown, spread over the causes: one of each cause in turn (newest first within a cause; the cause
 * with the newest example first), so one busy cause does not crowd the others out of the list.
 */
export function spreadAcrossCauses<T extends { category: string }>(rows: readonly T[], limit: number): T[] {
  const byCause = new Map<string, T[]>();
  for (const row of rows) byCause.set(row.category, [...(byCause.get(row.category) ?? []), row]);
  const queues = [...byCause.values()];
  const out: T[] = [];
  for (let round = 0; out.length < limit && queues.some((q) => q.length > round); round++) {
    for (const queue of queues) if (queue[round] && out.length < limit) out.push(queue[round]!);
  }
  return out;
}

/** Enough of a member id to match a card at the desk, never the whole id: the last four characters. */
export function maskMemberId(memberId: string | null): string | null {
  if (!memberId) return null;
  const id = memberId.trim();
  if (id.length <= 4) return '••••';
  return `••••${id.slice(-4)}`;
}
