// Every number on the dashboard opens the queue showing exactly the denials behind it: the period as a history
// filter (opened, resolved or worked on these days), the dashboard's filters, the group and the measure. The
// queue's SQL reads each filter with the same fragment the dashboard's sums use (lib/server/metrics).
import type { DashboardFilters } from './contracts/dashboard';
import { type IsoDate, addDays } from './dates';
import { OPEN_STATUSES } from './lifecycle';
import { AGING_BUCKETS, type AgingKey, type Breakdown, type Period, agingRange } from './metrics';
import { APPEAL_LEVEL_FILTERS, type QueueParams, queueParamsToSearch } from './queue-params';
import { DENIAL_CATEGORIES, DEPARTMENTS, type DenialCategory, type Department } from './codes';

/** What a number counts: denials first denied, of them the avoidable; resolved, recovered, written off. */
export type DenialMeasure = 'opened' | 'avoidable' | 'resolved' | 'recovered' | 'writtenOff' | 'avoidableWrittenOff';

const toQuery = (params: QueueParams) => `/queue?${queueParamsToSearch(params).toString()}`;

function filterParams(f: DashboardFilters): QueueParams {
  return { payer: f.payer ? [f.payer] : undefined, location: f.location, provider: f.provider, team: f.team };
}

function groupParams(by: Breakdown | null, key: string): QueueParams | null {
  switch (by) {
    case null:
    case 'month':
      return {};
    case 'payer':
      return { payer: [key] };
    case 'category':
      return (DENIAL_CATEGORIES as readonly string[]).includes(key) ? { category: [key as DenialCategory] } : null;
    case 'department':
      return (DEPARTMENTS as readonly string[]).includes(key) ? { department: [key as Department] } : null;
    case 'carc':
      return /^[A-Z0-9]{1,5}$/.test(key) ? { carc: key } : null;
    case 'location':
      return { location: key };
    case 'provider':
      return { provider: key };
    case 'level':
      return (APPEAL_LEVEL_FILTERS as readonly string[]).includes(key) ? { level: key as QueueParams['level'] } : null;
  }
}

function measureParams(measure: DenialMeasure, period: Period): QueueParams {
  const opened = { openedFrom: period.from, openedTo: period.to };
  const resolved = { resolvedFrom: period.from, resolvedTo: period.to };
  switch (measure) {
    case 'opened':
      return opened;
    case 'avoidable':
      return { ...opened, avoidable: 'true' };
    case 'resolved':
      return resolved;
    case 'recovered':
      return { ...resolved, recovered: 'true' };
    case 'writtenOff':
      return { ...resolved, status: ['written_off'] };
    case 'avoidableWrittenOff':
      return { ...resolved, status: ['written_off'], avoidable: 'true' };
  }
}

/**
 * The queue behind a denial measure for a group in a period (a month's group passes that month's days within the
 * period). Null when the group cannot be a queue filter (a category the queue does not know).
 */
export function denialLink(filters: DashboardFilters, period: Period, measure: DenialMeasure, by: Breakdown | null = null, key = ''): string | null {
  const group = groupParams(by, key);
  if (group === null) return null;
  // A group's own filter wins over the dashboard's (a payer row under a payer filter is that payer anyway).
  return toQuery({ ...filterParams(filters), ...group, ...measureParams(measure, period) });
}

/** A month's days inside the span (the trend's first and last months may be partial). */
export function monthWithin(month: string, span: Period): Period {
  const first = `${month}-01`;
  const next = addDays(`${month}-28`, 4).slice(0, 7);
  const last = addDays(`${next}-01`, -1);
  return { from: first < span.from ? span.from : first, to: last > span.to ? span.to : last };
}

/** A date far enough ahead to include anything first denied "in the future" (clock skew), as aging does. */
const openedThrough = (today: IsoDate) => addDays(today, 36_500);

/** The open denials (as of today) in an aging bucket, or all of them. */
export function openLink(filters: DashboardFilters, today: IsoDate, bucket: AgingKey | null = null): string {
  const b = bucket === null ? null : AGING_BUCKETS.find((x) => x.key === bucket);
  const range = b ? agingRange(b, today) : { from: null, to: openedThrough(today) };
  return toQuery({ ...filterParams(filters), status: [...OPEN_STATUSES], openedFrom: range.from ?? undefined, openedTo: range.to });
}

export type WorkMeasure = 'worked' | 'resolved' | 'recovered';

/** A person's work in the period: what they wrote on, or what they owned when it closed (and got money back on). */
export function workLink(filters: DashboardFilters, period: Period, personId: string, measure: WorkMeasure): string {
  const base = filterParams(filters);
  if (measure === 'worked') return toQuery({ ...base, by: personId, workedFrom: period.from, workedTo: period.to });
  return toQuery({ ...base, owner: personId, resolvedFrom: period.from, resolvedTo: period.to, ...(measure === 'recovered' ? { recovered: 'true' as const } : {}) });
}

