import 'server-only';
import type { DashboardFilters } from '@/lib/domain/contracts/dashboard';
import { type IsoDate, addDays } from '@/lib/domain/dates';
import { AGING_BUCKETS, type Period } from '@/lib/domain/metrics';
import { monthSpan } from '@/lib/domain/month-span';
import { type Actor, reachesAll } from '@/lib/domain/permissions';
import { Prisma } from '@/lib/generated/prisma/client';
import { type GroupColumn, groupingOf } from './dashboard-sql';
import { dayRangeSql } from './day-range';

// The dashboard's statements over its maintained summary (dashboard_rollup, claim_rollup: decision 0031), each
// answering in the shape of its counterpart in dashboard-sql.ts so the dashboard finishes both alike. A rollup
// row holds additive sums for one scope, breakdown value and local day (plus the writers' deltas not yet folded
// in); a statement sums the rows of its scopes in the two periods — thousands of rows where the denial statements
// read hundreds of thousands.

/**
 * Which rollup rows hold the actor's reach narrowed by the filters, or null when the rollup cannot say (then the
 * dashboard counts from denial). Scopes are disjoint, so their rows add up: an organisation-wide manager with at
 * most one filter reads one scope; anyone else, without filters, reads their team's and the pool's scopes plus
 * their own denials outside the team (`owned`, counted from denial by dashboard_rollup_owned).
 */
export interface RollupScope {
  scopes: string[];
  owned: { owner: string; team: string | null } | null;
}

export function rollupScope(actor: Actor, filters: DashboardFilters): RollupScope | null {
  const set = (['payer', 'location', 'provider', 'team'] as const).filter((k) => filters[k] !== undefined);
  if (!reachesAll(actor)) {
    if (set.length > 0) return null;
    return { scopes: actor.teamId ? [`team:${actor.teamId}`, 'pool'] : ['pool'], owned: { owner: actor.id, team: actor.teamId } };
  }
  if (set.length === 0) return { scopes: ['org'], owned: null };
  if (set.length > 1) return null;
  const key = set[0]!;
  // The queue's 'none' for a place is "no place named" (queueFilters), the rollup's empty name.
  const value = (key === 'location' || key === 'provider') && filters[key] === 'none' ? '' : filters[key]!;
  return { scopes: [`${key}:${value}`], owned: null };
}

const MEASURES = Prisma.raw(
  'opened, opened_cents, avoidable, avoidable_cents, open, open_cents, resolved, resolved_cents, recovered, recovered_cents, resolution_days, written_off, write_off_cents, avoidable_write_off_cents',
);

/**
 * The scope's rows of some breakdowns within periods (each inclusive; null = every day), with their period ('c'
 * from `current`): each period's whole months from the monthly rows, its loose days from the daily ones.
 */
function rows(scope: RollupScope, dims: readonly string[], periods: Period[] | null, current: IsoDate | null, monthsBefore: IsoDate | null = null): Prisma.Sql {
  const ranges: Prisma.Sql[] = [];
  for (const p of periods ?? []) {
    const span = monthSpan(p.from, p.to);
    if (span.months) ranges.push(Prisma.sql`(monthly AND day BETWEEN ${span.months.first}::date AND ${span.months.last}::date)`);
    for (const d of span.days) ranges.push(Prisma.sql`(NOT monthly AND day BETWEEN ${d.from}::date AND ${d.to}::date)`);
  }
  // Every day: the days from `monthsBefore` (a month's first) one by one, the whole months before it as one row each.
  const everyDay = monthsBefore
    ? Prisma.sql`((NOT monthly AND day >= ${monthsBefore}::date) OR (monthly AND day < ${monthsBefore}::date))`
    : Prisma.sql`NOT monthly`;
  const days = periods === null ? everyDay : ranges.length ? Prisma.sql`(${Prisma.join(ranges, ' OR ')})` : Prisma.sql`FALSE`;
  // Deltas are daily only (the compaction adds their months): read by plain day ranges.
  const deltaDays = periods === null ? Prisma.sql`TRUE` : Prisma.join(periods.map((p) => Prisma.sql`(day BETWEEN ${p.from}::date AND ${p.to}::date)`), ' OR ');
  const period = current ? Prisma.sql`CASE WHEN day >= ${current}::date THEN 'c' ELSE 'p' END` : Prisma.sql`NULL::text`;
  // The rollup's rows and the deltas not yet folded into them (one snapshot: each delta is in one or the other).
  const parts = [
    { table: 'dashboard_rollup', within: days },
    { table: 'dashboard_rollup_delta', within: Prisma.sql`NOT monthly AND (${deltaDays})` },
  ].map(
    ({ table, within }) =>
      Prisma.sql`SELECT day, dim, val, ${MEASURES} FROM ${Prisma.raw(table)} WHERE scope = ANY(${scope.scopes}::text[]) AND dim = ANY(${[...dims]}::text[]) AND ${within}`,
  );
  if (scope.owned) {
    parts.push(
      Prisma.sql`SELECT day, dim, val, ${MEASURES} FROM dashboard_rollup_owned(${scope.owned.owner}::uuid, ${scope.owned.team}::uuid) WHERE dim = ANY(${[...dims]}::text[]) AND ${days}`,
    );
  }
  return Prisma.sql`(SELECT ${period} AS period, x.* FROM (${Prisma.join(parts, ' UNION ALL ')}) x)`;
}

const SUMS = Prisma.sql`sum(opened)::int AS opened, sum(opened_cents)::text AS "openedCents",
  sum(avoidable)::int AS avoidable, sum(avoidable_cents)::text AS "avoidableCents",
  sum(resolved)::int AS resolved, sum(resolved_cents)::text AS "resolvedCents",
  sum(recovered)::int AS recovered, sum(recovered_cents)::text AS "recoveredCents",
  sum(resolution_days)::text AS "resolutionDays",
  sum(written_off)::int AS "writtenOff", sum(write_off_cents)::text AS "writeOffCents",
  sum(avoidable_write_off_cents)::text AS "avoidableWriteOffCents"`;

/** A breakdown's rows hold every denial once, so the category rows also give the total and the months. */
export const BREAKDOWNS: readonly Exclude<GroupColumn, 'month'>[] = ['payer', 'category', 'department', 'location', 'provider', 'level'];

/**
 * denialSumsSql's rows (SumsRow) from the rollup, one statement per chart, run in parallel: the month trend and the
 * period totals from the category rows (a breakdown's rows hold every denial once), then each breakdown's values
 * from its own rows — so no chart waits for the largest breakdown (provider: over half the rows) to be grouped. A
 * group whose rows were all cancelled by later changes (nothing opened or resolved) is not one the denial
 * statement would return, so it is left out.
 */
export function denialSumsRollupSql(scope: RollupScope, period: Period, prior: Period): Prisma.Sql[] {
  const trend = Prisma.sql`
    SELECT (CASE WHEN GROUPING(month) = 0 THEN ${groupingOf('month')} ELSE ${groupingOf(null)} END)::int AS g, period,
           to_char(month, 'YYYY-MM') AS month, ${Prisma.join(
             BREAKDOWNS.map((b) => Prisma.sql`NULL::text AS ${Prisma.raw(b)}`),
             ', ',
           )}, ${SUMS}
    FROM (SELECT r.*, date_trunc('month', day) AS month FROM ${rows(scope, ['category'], [prior, period], period.from)} r) r
    GROUP BY GROUPING SETS ((period, month), (period))
    HAVING sum(opened) + sum(resolved) > 0`;
  const byBreakdown = BREAKDOWNS.map(
    (b) => Prisma.sql`
    SELECT ${groupingOf(b)}::int AS g, period, NULL::text AS month, ${Prisma.join(
      BREAKDOWNS.map((c) => (c === b ? Prisma.sql`NULLIF(val, '') AS ${Prisma.raw(c)}` : Prisma.sql`NULL::text AS ${Prisma.raw(c)}`)),
      ', ',
    )}, ${SUMS}
    FROM ${rows(scope, [b], [prior, period], period.from)} r
    GROUP BY period, val
    HAVING sum(opened) + sum(resolved) > 0`,
  );
  return [trend, ...byBreakdown];
}

/** carcSumsSql's rows from the rollup (a denial's row under each of its distinct CARCs). */
export function carcSumsRollupSql(scope: RollupScope, period: Period, prior: Period): Prisma.Sql {
  return Prisma.sql`
    SELECT period, val AS carc, sum(opened)::int AS opened, sum(opened_cents)::text AS "openedCents",
           sum(avoidable)::int AS avoidable, sum(avoidable_cents)::text AS "avoidableCents"
    FROM ${rows(scope, ['carc'], [prior, period], period.from)} r
    GROUP BY 1, 2 HAVING sum(opened) > 0`;
}

/** openSumsSql's rows from the rollup: open denials per aging bucket of their first-denied day. */
export function openSumsRollupSql(scope: RollupScope, today: IsoDate): Prisma.Sql {
  const bounded = AGING_BUCKETS.filter((b) => b.max !== null);
  const cases = bounded.map((b) => Prisma.sql`WHEN day >= ${addDays(today, -(b.max as number))}::date THEN ${b.key}`);
  // Every month wholly before the oldest bounded bucket is all in the last one (120+): read as its monthly row, so
  // the statement reads ~150 daily rows per value and one per older month, however long the history.
  const oldest = addDays(today, -Math.max(...bounded.map((b) => b.max as number)));
  return Prisma.sql`
    SELECT CASE ${Prisma.join(cases, ' ')} ELSE '120+' END AS bucket, sum(open)::int AS open, sum(open_cents)::text AS "openCents"
    FROM ${rows(scope, ['category'], null, null, `${oldest.slice(0, 7)}-01`)} r
    GROUP BY 1 HAVING sum(open) > 0`;
}

/** resolvedByOwnerSql's rows from the rollup. */
export function resolvedByOwnerRollupSql(scope: RollupScope, period: Period, prior: Period): Prisma.Sql {
  return Prisma.sql`
    SELECT val AS id, period, sum(resolved)::int AS resolved, sum(recovered_cents)::text AS "recoveredCents"
    FROM ${rows(scope, ['owner'], [prior, period], period.from)} r
    GROUP BY 1, 2 HAVING sum(resolved) > 0`;
}

/**
 * claimSumsSql's rows from claim_rollup, or null for more than one filter. A place filter compares the claim's
 * place as claimSumsSql does (a claim naming none matches no filter).
 */
export function claimSumsRollupSql(filters: DashboardFilters, period: Period, prior: Period): Prisma.Sql | null {
  const set = (['payer', 'location', 'provider'] as const).filter((k) => filters[k] !== undefined);
  if (set.length > 1) return null;
  const scope = set.length === 0 ? 'org' : `${set[0]!}:${filters[set[0]!]!}`;
  return Prisma.sql`
    SELECT CASE WHEN day >= ${period.from}::date THEN 'c' ELSE 'p' END AS period, sum(adjudicated)::int AS adjudicated,
           sum(billed_cents)::text AS "billedCents", sum(denied)::int AS denied, sum(denied_cents)::text AS "deniedCents"
    FROM (SELECT day, adjudicated, billed_cents, denied, denied_cents FROM claim_rollup WHERE scope = ${scope} AND day >= ${prior.from}::date AND day <= ${period.to}::date
          UNION ALL
          SELECT day, adjudicated, billed_cents, denied, denied_cents FROM claim_rollup_delta WHERE scope = ${scope} AND day >= ${prior.from}::date AND day <= ${period.to}::date) x
    GROUP BY 1 HAVING sum(adjudicated) > 0`;
}

/**
 * workedSumsSql's rows from work_rollup (decision 0038): per person and period, the distinct denials they wrote
 * on. A day's row counts the denials first written on in the period that day — all of them but those whose gap
 * reaches back into the period (width_bucket: how many sorted gaps are ≤ day − from). The marks not yet folded in
 * count by the same rule (work_pending); reach's own denials outside the team are counted from the timeline, as
 * the denial statement does, since they are few.
 */
export function workedRollupSql(scope: RollupScope, period: Period, prior: Period): Prisma.Sql {
  // workedSumsSql's periods: 'c' from period.from, 'p' the days before it from prior.from; each day's row read
  // once, by one range of the primary key.
  const inRange = (day: Prisma.Sql) => Prisma.sql`${day} BETWEEN ${prior.from}::date AND ${period.to}::date`;
  const periodOf = (day: Prisma.Sql) => Prisma.sql`CASE WHEN ${day} >= ${period.from}::date THEN 'c' ELSE 'p' END`;
  const first = (day: Prisma.Sql) => Prisma.sql`CASE WHEN ${day} >= ${period.from}::date THEN ${period.from}::date ELSE ${prior.from}::date END`;
  const parts = [
    Prisma.sql`SELECT r.actor_id, ${periodOf(Prisma.sql`r.day`)}, r.days - width_bucket(r.day - ${first(Prisma.sql`r.day`)}, r.gaps)
      FROM work_rollup r WHERE r.scope = ANY(${scope.scopes}::text[]) AND ${inRange(Prisma.sql`r.day`)}`,
    Prisma.sql`SELECT w.actor_id, ${periodOf(Prisma.sql`w.day`)}, w.n
      FROM work_pending() w
      WHERE w.scope = ANY(${scope.scopes}::text[]) AND ${inRange(Prisma.sql`w.day`)} AND (w.gap IS NULL OR w.day - w.gap < ${first(Prisma.sql`w.day`)})`,
  ];
  if (scope.owned) {
    const outside = scope.owned.team ? Prisma.sql`(d."teamId" IS NULL OR d."teamId" <> ${scope.owned.team}::uuid)` : Prisma.sql`TRUE`;
    for (const [name, from, to] of [['c', period.from, period.to], ['p', prior.from, addDays(period.from, -1)]] as const) {
      parts.push(Prisma.sql`SELECT e."actorId", ${name}, count(DISTINCT e."denialId")
        FROM denial d JOIN denial_event e ON e."denialId" = d.id
        WHERE d."ownerId" = ${scope.owned.owner}::uuid AND ${outside} AND e."actorId" IS NOT NULL AND ${dayRangeSql(Prisma.sql`e."createdAt"`, from, to)}
        GROUP BY 1`);
    }
  }
  return Prisma.sql`
    SELECT x.actor_id AS id, x.period, sum(x.worked)::int AS worked
    FROM (${Prisma.join(parts, ' UNION ALL ')}) x(actor_id, period, worked)
    GROUP BY 1, 2 HAVING sum(x.worked) > 0`;
}
