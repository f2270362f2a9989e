// The dashboard's content as data: headline numbers and chart sections, each value with the queue link behind
// it. The page draws the sections as charts and as tables (the same rows), and dashboardTables() turns them into
// plain tables for export — one source, so a chart, its table and an export never disagree.
import type { DashboardDto, GroupRow } from './contracts/dashboard';
import { type DenialMeasure, denialLink, monthWithin, openLink, workLink } from './dashboard-links';
import {
  type Breakdown,
  type CountAndDollars,
  type DenialSums,
  type Ratio,
  avoidableDenialRate,
  daysToResolution,
  dayCount,
  denialDollars,
  initialDenialRate,
  overturnRate,
  productivity,
  recoveredDollars,
  writeOffs,
} from './metrics';

export type ValueFormat = 'usd' | 'count' | 'percent' | 'days' | 'perDay' | 'usdPerDay';

/** One number with where it leads (null: not a set of denials, e.g. a rate over claims). */
export interface LinkedValue {
  value: number | null;
  href: string | null;
}

export interface Headline {
  id: string;
  title: string;
  format: ValueFormat;
  current: LinkedValue;
  prior: LinkedValue;
  /** A second line under the number: its parts ("12 of 80 denials"). */
  detail: string | null;
  note?: string;
}

export interface SectionSeries {
  key: string;
  name: string;
  format: ValueFormat;
  /** How the chart tells this series apart without colour: solid bars, hatched bars. */
  pattern: 'solid' | 'hatched';
  /** Shown in the table view only (another unit than the chart's axis). */
  tableOnly?: boolean;
}

export interface SectionRow {
  key: string;
  label: string;
  values: Record<string, LinkedValue>;
}

export interface Section {
  id: string;
  title: string;
  description: string;
  series: SectionSeries[];
  rows: SectionRow[];
  /** Horizontal bars for long category names, columns for months and buckets. */
  layout: 'bars' | 'columns';
}

const TOP = 12;

export function formatValue(value: number | null, format: ValueFormat): string {
  if (value === null) return '—';
  switch (format) {
    case 'usd':
      return usd(value);
    case 'usdPerDay':
      return `${usd(Math.round(value))}/day`;
    case 'count':
      return value.toLocaleString('en-US');
    case 'percent':
      return `${(value * 100).toFixed(1)}%`;
    case 'days':
      return `${value.toFixed(1)} days`;
    case 'perDay':
      return `${value.toFixed(1)}/day`;
  }
}

function usd(cents: number): string {
  const dollars = Math.round(cents / 100);
  return `${dollars < 0 ? '-' : ''}$${Math.abs(dollars).toLocaleString('en-US')}`;
}

const rate = (r: Ratio) => r.rate;
const parts = (r: Ratio, of: string, format: ValueFormat = 'count') => `${formatValue(r.numerator, format)} of ${formatValue(r.denominator, format)} ${of}`;

export function headlines(dto: DashboardDto): Headline[] {
  const f = dto.filters;
  const link = (m: DenialMeasure, prior = false) => denialLink(f, prior ? dto.prior : dto.period, m);
  const both = (pick: (s: DenialSums) => number | null, m: DenialMeasure | null) => ({
    current: { value: pick(dto.current), href: m ? link(m) : null },
    prior: { value: pick(dto.priorSums), href: m ? link(m, true) : null },
  });
  const cd = (fn: (s: DenialSums) => CountAndDollars) => ({ now: fn(dto.current), before: fn(dto.priorSums) });
  const avoidable = cd(avoidableDenialRate);
  const overturn = cd(overturnRate);
  const initial = dto.claims ? { now: initialDenialRate(dto.claims.current), before: initialDenialRate(dto.claims.prior) } : null;
  const out: Headline[] = [
    { id: 'denials', title: 'Denials', format: 'count', ...both((s) => denialDollars(s).count, 'opened'), detail: `${formatValue(dto.current.openedCents, 'usd')} denied` },
    { id: 'denied-dollars', title: 'Denied dollars', format: 'usd', ...both((s) => denialDollars(s).cents, 'opened'), detail: null },
    {
      id: 'initial-rate',
      title: 'Initial denial rate',
      format: 'percent',
      current: { value: initial ? rate(initial.now.count) : null, href: null },
      prior: { value: initial ? rate(initial.before.count) : null, href: null },
      detail: initial ? `${parts(initial.now.count, 'claims')}; ${formatValue(rate(initial.now.dollars), 'percent')} of billed dollars` : null,
      note: initial ? 'Over every claim of every 835 (claims are not denials, so this number opens no queue).' : 'Organisation-wide managers only, without a team filter: claims belong to no team.',
    },
    {
      id: 'avoidable-rate',
      title: 'Avoidable denial rate',
      format: 'percent',
      current: { value: rate(avoidable.now.count), href: link('avoidable') },
      prior: { value: rate(avoidable.before.count), href: link('avoidable', true) },
      detail: `${parts(avoidable.now.count, 'denials')}; ${formatValue(rate(avoidable.now.dollars), 'percent')} of dollars`,
    },
    {
      id: 'overturn-rate',
      title: 'Overturn rate',
      format: 'percent',
      current: { value: rate(overturn.now.count), href: link('recovered') },
      prior: { value: rate(overturn.before.count), href: link('recovered', true) },
      detail: `${parts(overturn.now.count, 'resolved')}; ${formatValue(rate(overturn.now.dollars), 'percent')} of dollars`,
    },
    { id: 'recovered', title: 'Recovered dollars', format: 'usd', ...both((s) => recoveredDollars(s).cents, 'recovered'), detail: null },
    { id: 'days', title: 'Days to resolution', format: 'days', ...both((s) => daysToResolution(s).meanDays, 'resolved'), detail: `Mean over ${dto.current.resolved.toLocaleString('en-US')} resolved` },
    {
      id: 'write-offs',
      title: 'Written off',
      format: 'usd',
      ...both((s) => writeOffs(s).cents, 'writtenOff'),
      detail: `${formatValue(rate(writeOffs(dto.current).avoidableShare), 'percent')} avoidable`,
    },
    {
      id: 'open',
      title: 'Open denial dollars (today)',
      format: 'usd',
      current: { value: dto.open.openCents, href: openLink(f, dto.today) },
      prior: { value: null, href: null },
      detail: `${dto.open.open.toLocaleString('en-US')} open denials`,
      note: 'Open work as of today: no prior period.',
    },
  ];
  return out;
}

function periodPair(dto: DashboardDto, by: Breakdown, measure: DenialMeasure, groups: GroupRow[], pick: (s: DenialSums) => number | null, format: ValueFormat, title: string, id: string, description: string): Section {
  return {
    id,
    title,
    description,
    layout: 'bars',
    series: [
      { key: 'current', name: 'This period', format, pattern: 'solid' },
      { key: 'prior', name: 'Prior period', format, pattern: 'hatched' },
    ],
    rows: groups.slice(0, TOP).map((g) => ({
      key: g.key,
      label: g.label,
      values: {
        current: { value: pick(g.current), href: denialLink(dto.filters, dto.period, measure, by, g.key) },
        prior: { value: pick(g.prior), href: denialLink(dto.filters, dto.prior, measure, by, g.key) },
      },
    })),
  };
}

export function sections(dto: DashboardDto): Section[] {
  const f = dto.filters;
  const span = { from: dto.prior.from, to: dto.period.to };
  const denied = (s: DenialSums) => s.openedCents;
  const overturnCount = (s: DenialSums) => overturnRate(s).count.rate;
  const days = dayCount(dto.period);
  const out: Section[] = [
    {
      id: 'trend',
      title: 'Trend by month',
      description: 'Denied dollars by the month first denied; recovered dollars by the month resolved. The first and last months may be partial.',
      layout: 'columns',
      series: [
        { key: 'denied', name: 'Denied', format: 'usd', pattern: 'solid' },
        { key: 'recovered', name: 'Recovered', format: 'usd', pattern: 'hatched' },
      ],
      rows: dto.months.map((m) => ({
        key: m.key,
        label: m.key,
        values: {
          denied: { value: m.sums.openedCents, href: denialLink(f, monthWithin(m.key, span), 'opened', 'month', m.key) },
          recovered: { value: m.sums.recoveredCents, href: denialLink(f, monthWithin(m.key, span), 'recovered', 'month', m.key) },
        },
      })),
    },
    periodPair(dto, 'payer', 'opened', dto.byPayer, denied, 'usd', 'Denial dollars by payer', 'payer', 'Denied dollars first denied in each period.'),
    periodPair(dto, 'category', 'opened', dto.byCategory, denied, 'usd', 'Denial dollars by category', 'category', 'Denied dollars by root-cause category.'),
    periodPair(dto, 'department', 'opened', dto.byDepartment, denied, 'usd', 'Denial dollars by department', 'department', 'Denied dollars by the department that can prevent them.'),
    periodPair(dto, 'carc', 'opened', dto.byCarc, denied, 'usd', 'Denial dollars by CARC', 'carc', 'A denial with several CARCs counts under each, so these overlap.'),
    periodPair(dto, 'location', 'opened', dto.byLocation, denied, 'usd', 'Denial dollars by location', 'location', 'The billing site (the claim’s payee).'),
    periodPair(dto, 'provider', 'opened', dto.byProvider, denied, 'usd', 'Denial dollars by provider', 'provider', 'The claim’s rendering provider.'),
    {
      id: 'aging',
      title: 'Aging of open denials (today)',
      description: 'Outstanding dollars (denied less recovered) of open denials, by days since first denied.',
      layout: 'columns',
      series: [
        { key: 'cents', name: 'Outstanding', format: 'usd', pattern: 'solid' },
        { key: 'count', name: 'Denials', format: 'count', pattern: 'hatched', tableOnly: true },
      ],
      rows: dto.aging.map((b) => ({
        key: b.key,
        label: `${b.label} days`,
        values: { cents: { value: b.sums.openCents, href: openLink(f, dto.today, b.key) }, count: { value: b.sums.open, href: openLink(f, dto.today, b.key) } },
      })),
    },
    periodPair(dto, 'payer', 'recovered', dto.byPayer.filter((g) => g.current.resolved + g.prior.resolved > 0), overturnCount, 'percent', 'Overturn rate by payer', 'overturn-payer', 'Resolved denials with money back ÷ resolved; each bar opens those with money back.'),
    periodPair(dto, 'level', 'recovered', dto.byLevel.filter((g) => g.current.resolved + g.prior.resolved > 0), overturnCount, 'percent', 'Overturn rate by appeal level', 'overturn-level', 'By the highest appeal level the denial reached.'),
    {
      id: 'productivity',
      title: 'Specialist productivity',
      description: `Per person in this period (${days} days): denials worked (wrote on), resolved while owning them, and recovered on those.`,
      layout: 'bars',
      series: [
        { key: 'worked', name: 'Worked', format: 'count', pattern: 'solid' },
        { key: 'resolved', name: 'Resolved', format: 'count', pattern: 'hatched' },
        { key: 'workedPerDay', name: 'Worked per day', format: 'perDay', pattern: 'solid', tableOnly: true },
        { key: 'resolvedPerDay', name: 'Resolved per day', format: 'perDay', pattern: 'solid', tableOnly: true },
        { key: 'recoveredPerDay', name: 'Recovered per day', format: 'usdPerDay', pattern: 'solid', tableOnly: true },
      ],
      rows: dto.people.map((p) => {
        const per = productivity(p.current, days);
        const worked = workLink(f, dto.period, p.id, 'worked');
        const resolved = workLink(f, dto.period, p.id, 'resolved');
        const recovered = workLink(f, dto.period, p.id, 'recovered');
        return {
          key: p.id,
          label: p.name,
          values: {
            worked: { value: per.worked, href: worked },
            resolved: { value: per.resolved, href: resolved },
            workedPerDay: { value: per.workedPerDay, href: worked },
            resolvedPerDay: { value: per.resolvedPerDay, href: resolved },
            recoveredPerDay: { value: per.recoveredCentsPerDay, href: recovered },
          },
        };
      }),
    },
  ];
  return out;
}

/** The series a chart draws (on one axis, so one unit); the others are table columns only. */
export const chartSeries = (section: Section) => section.series.filter((s) => !s.tableOnly);
