// What a queue request may ask for: the views, filters and sorts are allow-lists (house-style: sort and
// filter keys are allow-listed), parsed from the URL the same way by the route handler, the server page
// and the browser, so a bookmarked or shared URL means one thing everywhere.
import { z } from 'zod';
import { DENIAL_CATEGORIES, DEPARTMENTS } from './codes';
import { type IsoDate, addDays, isIsoDate } from './dates';
import { enteredAmount } from './contracts/amount';
import { DENIAL_STATUSES } from './lifecycle';
import { centsToText } from './money';
import { searchProblem, tidySearch } from './queue-search';

export const QUEUE_VIEWS = ['mine', 'team', 'unassigned', 'follow_ups', 'deadlines', 'all'] as const;
export type QueueView = (typeof QUEUE_VIEWS)[number];

export const QUEUE_SORTS = ['score', 'deadline', 'amount', 'age'] as const;
export type QueueSort = (typeof QUEUE_SORTS)[number];

/**
 * Deadline windows, counted from today: missed, due today, due within N days, inside the payer's own warning
 * window (payer.warningWindowDays, from today), or no deadline known.
 */
export const DEADLINE_WINDOWS = ['missed', 'today', '7d', '14d', '30d', 'window', 'none'] as const;
export type DeadlineWindow = (typeof DEADLINE_WINDOWS)[number];

/** Follow-up dates: overdue (before today) or due today. */
export const FOLLOW_UP_FILTERS = ['overdue', 'today'] as const;
export type FollowUpFilter = (typeof FOLLOW_UP_FILTERS)[number];

/** Worked: a timeline event written by a person (not the system) today, or in the seven days ending today. */
export const WORKED_WINDOWS = ['today', '7d'] as const;
export type WorkedWindow = (typeof WORKED_WINDOWS)[number];

/** At risk (lib/domain/team/at-risk.ts): the deadline falls before the follow-up, or nobody touched it lately. */
export const RISK_FILTERS = ['at_risk', 'untouched'] as const;
export type RiskFilter = (typeof RISK_FILTERS)[number];

export const QUEUE_PAGE_SIZES = [25, 50, 100] as const;
export const DEFAULT_PAGE_SIZE = 50;

/** The view a role lands on, and the sort each view starts with. */
export const DEFAULT_VIEW: QueueView = 'mine';
export function defaultSortFor(view: QueueView): QueueSort {
  return view === 'deadlines' ? 'deadline' : 'score';
}

const list = <T extends readonly [string, ...string[]]>(values: T) =>
  z
    .string()
    .transform((s) => s.split(',').filter(Boolean))
    .pipe(z.array(z.enum(values)).max(values.length))
    .optional();

const code = /^[A-Z0-9]{1,5}$/;
/** A dollar amount in the URL ("min=1,250.50") read into integer cents exactly, by the rule typed amounts use. */
const dollars = enteredAmount().optional();

/** A calendar day in the URL ("2025-03-01"). */
const isoDay = z.string().refine(isIsoDate, 'A date is YYYY-MM-DD').optional();
/** A place or person named on the claim (denial.location / denial.provider); 'none' = not named. */
const claimName = z.string().trim().min(1).max(200).optional();

/** Appeal levels a denial reached, and 'none' for never appealed (the dashboard's overturn by level). */
export const APPEAL_LEVEL_FILTERS = ['1', '2', '3', '4', '5', 'external', 'none'] as const;

const queueParamsObject = z.object({
    view: z.enum(QUEUE_VIEWS).optional(),
    sort: z.enum(QUEUE_SORTS).optional(),
    payer: z
      .string()
      .transform((s) => s.split(',').filter(Boolean))
      .pipe(z.array(z.uuid()).max(50))
      .optional(),
    category: list(DENIAL_CATEGORIES),
    department: list(DEPARTMENTS),
    status: list(DENIAL_STATUSES),
    carc: z.string().trim().toUpperCase().regex(code, 'A CARC is 1–5 letters or digits').optional(),
    rarc: z.string().trim().toUpperCase().regex(code, 'A RARC is 1–5 letters or digits').optional(),
    min: dollars,
    max: dollars,
    due: z.enum(DEADLINE_WINDOWS).optional(),
    owner: z.union([z.literal('me'), z.literal('none'), z.uuid()]).optional(),
    escalated: z.enum(['true', 'false']).optional(),
    /** An open escalation row waits for a manager (the escalation queue), not just the legacy flag. */
    escalation: z.enum(['open']).optional(),
    follow: z.enum(FOLLOW_UP_FILTERS).optional(),
    /**
     * Worked in the window (by any person; with `by`, by that person — `by` alone means the last seven days).
     * Worked denials include those closed in the window.
     */
    worked: z.enum(WORKED_WINDOWS).optional(),
    by: z.uuid().optional(),
    risk: z.enum(RISK_FILTERS).optional(),
    limit: z.coerce
      .number()
      .int()
      .refine((n) => (QUEUE_PAGE_SIZES as readonly number[]).includes(n), 'Page size is 25, 50 or 100')
      .optional(),
    /** Part of a patient name, claim number or member id (queue-search.ts). */
    q: z
      .string()
      .transform(tidySearch)
      .superRefine((term, ctx) => {
        const problem = term ? searchProblem(term) : null;
        if (problem) ctx.addIssue({ code: 'custom', message: problem });
      })
      .transform((s) => s || undefined)
      .optional(),
    cursor: z.string().max(512).optional(),
    /**
     * Exactly the denials one import created (its id in the import history), whatever their status or view:
     * the link from an upload's summary and from the history.
     */
    import: z.uuid().optional(),
    // The dashboard's drill-down (lib/domain/dashboard-links.ts): history, not work, so a date range stands in
    // for the view as an import does — every status in reach unless the status filter narrows it.
    /** First denied (denial.openedAt) on or after / on or before these days. */
    openedFrom: isoDay,
    openedTo: isoDay,
    /** Resolved (closed, denial.resolvedAt) on or after / on or before these days. */
    resolvedFrom: isoDay,
    resolvedTo: isoDay,
    /** Worked by `by` (or anyone) on these days (with `by`, instead of the board's today / 7 days). */
    workedFrom: isoDay,
    workedTo: isoDay,
    location: claimName,
    provider: claimName,
    team: z.uuid().optional(),
    avoidable: z.enum(['true', 'false']).optional(),
    level: z.enum(APPEAL_LEVEL_FILTERS).optional(),
    /** Any money back (recoveredCents > 0), or none. */
    recovered: z.enum(['true', 'false']).optional(),
    /**
     * Flagged for review (denial.reviewReason): a code-mapping change made the denial's codes no longer a denial
     * (lib/server/codes/reclassify-denials.ts) — it stays open until someone closes or keeps it.
     */
    review: z.enum(['flagged']).optional(),
  });

/** URL search params -> a typed query. Unknown keys are ignored; bad values are a 422, never a guess. */
export const queueParamsSchema = queueParamsObject
  .refine((q) => q.min === undefined || q.max === undefined || q.min <= q.max, {
    message: 'The minimum amount is above the maximum',
    path: ['min'],
  })
  .refine((q) => !q.openedFrom || !q.openedTo || q.openedFrom <= q.openedTo, { message: 'The opened range ends before it starts', path: ['openedFrom'] })
  .refine((q) => !q.resolvedFrom || !q.resolvedTo || q.resolvedFrom <= q.resolvedTo, { message: 'The resolved range ends before it starts', path: ['resolvedFrom'] })
  .refine((q) => !q.workedFrom || !q.workedTo || q.workedFrom <= q.workedTo, { message: 'The worked range ends before it starts', path: ['workedFrom'] });

export type QueueParams = z.infer<typeof queueParamsSchema>;

/** The filter keys, in the order the filter bar shows them (for "clear filters" and saved views). */
export const QUEUE_FILTER_KEYS = [
  'import', 'q', 'payer', 'category', 'department', 'status', 'carc', 'rarc', 'min', 'max', 'due', 'owner', 'escalated', 'escalation', 'follow', 'worked', 'by', 'risk',
  'openedFrom', 'openedTo', 'resolvedFrom', 'resolvedTo', 'workedFrom', 'workedTo', 'location', 'provider', 'team', 'avoidable', 'level', 'recovered', 'review',
] as const;

/** The dashboard's history filters: any of them makes the queue span every status in reach (queue-sql.ts). */
export const HISTORY_FILTER_KEYS = ['openedFrom', 'openedTo', 'resolvedFrom', 'resolvedTo', 'workedFrom', 'workedTo'] as const;
export const isHistoryQuery = (q: QueueParams) => HISTORY_FILTER_KEYS.some((k) => q[k] !== undefined);

/** A query back into URL params: only what differs from the defaults, in a stable order (bookmarks, keys). */
export function queueParamsToSearch(params: QueueParams): URLSearchParams {
  const out = new URLSearchParams();
  const view = params.view ?? DEFAULT_VIEW;
  if (params.view) out.set('view', params.view);
  if (params.sort && params.sort !== defaultSortFor(view)) out.set('sort', params.sort);
  for (const key of QUEUE_FILTER_KEYS) {
    const value = params[key];
    if (value === undefined || (Array.isArray(value) && value.length === 0)) continue;
    out.set(key, Array.isArray(value) ? value.join(',') : key === 'min' || key === 'max' ? centsToText(value as number) : String(value));
  }
  if (params.limit && params.limit !== DEFAULT_PAGE_SIZE) out.set('limit', String(params.limit));
  if (params.cursor) out.set('cursor', params.cursor);
  return out;
}

/** "Deadlines this week": due from today through the next seven days. */
export const DEADLINES_VIEW_DAYS = 7;

/**
 * A deadline window as a date range (inclusive), from today. Missed is strictly before today: a deadline
 * on today's date can still be met.
 */
export function deadlineRange(
  window: DeadlineWindow,
  today: IsoDate,
): { kind: 'none' } | { kind: 'warning_window' } | { kind: 'range'; from: IsoDate | null; to: IsoDate | null } {
  switch (window) {
    case 'none':
      return { kind: 'none' };
    case 'missed':
      return { kind: 'range', from: null, to: addDays(today, -1) };
    case 'today':
      return { kind: 'range', from: today, to: today };
    case '7d':
      return { kind: 'range', from: today, to: addDays(today, 7) };
    case '14d':
      return { kind: 'range', from: today, to: addDays(today, 14) };
    case '30d':
      return { kind: 'range', from: today, to: addDays(today, 30) };
    case 'window':
      return { kind: 'warning_window' };
  }
}

/** A URL parameter left out because it meant nothing, with the short notice the queue shows for it. */
export interface DroppedParam {
  key: keyof QueueParams;
  notice: string;
}

const DROP_NOTICE: Record<keyof QueueParams, string> = {
  view: 'Ignored an unknown queue view',
  sort: 'Ignored an unknown sort order',
  payer: 'Ignored an unknown payer filter',
  category: 'Ignored an unknown category filter',
  department: 'Ignored an unknown department filter',
  status: 'Ignored an unknown status filter',
  carc: 'Ignored an invalid CARC filter',
  rarc: 'Ignored an invalid RARC filter',
  min: 'Ignored an invalid minimum amount',
  max: 'Ignored an invalid maximum amount',
  due: 'Ignored an unknown deadline filter',
  owner: 'Ignored an unknown owner filter',
  escalated: 'Ignored an invalid escalation filter',
  escalation: 'Ignored an invalid escalation filter',
  follow: 'Ignored an unknown follow-up filter',
  worked: 'Ignored an unknown worked filter',
  by: 'Ignored an unknown worked-by filter',
  risk: 'Ignored an unknown risk filter',
  limit: 'Ignored an unsupported page size',
  q: 'Ignored a search that cannot be run',
  cursor: 'Ignored an invalid page position',
  import: 'Ignored an invalid import filter',
  openedFrom: 'Ignored an invalid opened-from date',
  openedTo: 'Ignored an invalid opened-to date',
  resolvedFrom: 'Ignored an invalid resolved-from date',
  resolvedTo: 'Ignored an invalid resolved-to date',
  workedFrom: 'Ignored an invalid worked-from date',
  workedTo: 'Ignored an invalid worked-to date',
  location: 'Ignored an invalid location filter',
  provider: 'Ignored an invalid provider filter',
  team: 'Ignored an unknown team filter',
  avoidable: 'Ignored an invalid avoidable filter',
  level: 'Ignored an unknown appeal level filter',
  recovered: 'Ignored an invalid recovered filter',
  review: 'Ignored an unknown review filter',
};

/** Lists keep their known values: "status=new,bogus" still filters on new. */
const LIST_VALUES: Partial<Record<keyof QueueParams, readonly string[]>> = { category: DENIAL_CATEGORIES, department: DEPARTMENTS, status: DENIAL_STATUSES };

/**
 * A queue URL read leniently, for people: each parameter that means nothing (a mistyped link, an old bookmark)
 * is dropped with a notice and the rest still apply. The API reads the same URL strictly (queueParamsSchema).
 */
export function parseQueueUrl(raw: Record<string, string | undefined>): { params: QueueParams; dropped: DroppedParam[] } {
  const out: Record<string, unknown> = {};
  const dropped: DroppedParam[] = [];
  const drop = (key: keyof QueueParams, detail?: string) => dropped.push({ key, notice: detail ? `${DROP_NOTICE[key]}: ${detail}` : DROP_NOTICE[key] });
  for (const [key, field] of Object.entries(queueParamsObject.shape) as [keyof QueueParams, z.ZodType][]) {
    let value = raw[key];
    if (value === undefined) continue;
    const known = LIST_VALUES[key];
    if (known) {
      const values = value.split(',').filter(Boolean);
      const kept = values.filter((v) => known.includes(v));
      if (kept.length < values.length) drop(key);
      if (kept.length === 0) continue;
      value = kept.join(',');
    }
    const result = field.safeParse(value);
    if (!result.success) drop(key, key === 'q' ? result.error.issues[0]?.message.toLowerCase() : undefined);
    else if (result.data !== undefined) out[key] = result.data;
  }
  if (typeof out.min === 'number' && typeof out.max === 'number' && out.min > out.max) {
    delete out.min;
    delete out.max;
    dropped.push({ key: 'min', notice: 'Ignored an amount range whose minimum is above its maximum' });
  }
  return { params: out as QueueParams, dropped };
}
