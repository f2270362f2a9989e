// The dashboard as the page receives it (lib/server/metrics/dashboard.ts builds it): additive sums only — every
// rate, average and share is finished from them by lib/domain/metrics-finish.ts, in the page and in tests alike.
import { z } from 'zod';
import { type IsoDate, addDays, diffDays, isIsoDate } from '../dates';
import type { AgingKey, ClaimSums, DenialSums, OpenSums, Period, WorkSums } from '../metrics';

/** The longest period one dashboard reads (with its prior period, two years of history). */
export const MAX_PERIOD_DAYS = 366;
export const DEFAULT_PERIOD_DAYS = 90;

const day = z.string().refine(isIsoDate, 'A date is YYYY-MM-DD').optional();
const name = z.string().trim().min(1).max(200).optional();

/** The dashboard's URL: period and filters. Unknown keys are ignored; bad values are a 422. */
export const dashboardParamsSchema = z
  .object({ from: day, to: day, payer: z.uuid().optional(), location: name, provider: name, team: z.uuid().optional() })
  .refine((p) => !p.from || !p.to || p.from <= p.to, { message: 'The period ends before it starts', path: ['from'] });
export type DashboardParams = z.infer<typeof dashboardParamsSchema>;

/** The period the params ask for, as of today: the last 90 days by default, never more than a year. */
export function dashboardPeriod(params: DashboardParams, today: IsoDate): Period | { error: string } {
  const to = params.to ?? today;
  const from = params.from ?? addDays(to, -(DEFAULT_PERIOD_DAYS - 1));
  if (from > to) return { error: 'The period ends before it starts' };
  if (diffDays(to, from) + 1 > MAX_PERIOD_DAYS) return { error: `A period is at most ${MAX_PERIOD_DAYS} days` };
  return { from, to };
}

export interface DashboardFilters {
  payer?: string;
  location?: string;
  provider?: string;
  team?: string;
}

/** One group of a breakdown, in the current and the prior period. */
export interface GroupRow {
  key: string;
  label: string;
  current: DenialSums;
  prior: DenialSums;
}

export interface PersonRow {
  id: string;
  name: string;
  current: WorkSums;
  prior: WorkSums;
}

export interface DashboardDto {
  today: IsoDate;
  /** When these sums were counted (ISO instant): the dashboard remembers an answer for a few seconds. */
  countedAt: string;
  period: Period;
  prior: Period;
  filters: DashboardFilters;
  scope: 'organisation' | 'team';
  current: DenialSums;
  priorSums: DenialSums;
  /** The initial denial rate's claims; null where it cannot be read (a team filter: claims belong to no team). */
  claims: { current: ClaimSums; prior: ClaimSums } | null;
  open: OpenSums;
  aging: { key: AgingKey; label: string; sums: OpenSums }[];
  /** Months from the prior period's start to the period's end (first-denied month for opened sums, resolved month for resolved). */
  months: { key: string; sums: DenialSums }[];
  byPayer: GroupRow[];
  byCategory: GroupRow[];
  byDepartment: GroupRow[];
  byCarc: GroupRow[];
  byLocation: GroupRow[];
  byProvider: GroupRow[];
  byLevel: GroupRow[];
  people: PersonRow[];
  options: { payers: { id: string; name: string }[]; teams: { id: string; name: string }[] };
}
