import 'server-only';
import type { DashboardFilters } from '@/lib/domain/contracts/dashboard';
import { type IsoDate, addDays } from '@/lib/domain/dates';
import { AGING_BUCKETS, type Period } from '@/lib/domain/metrics';
import type { Actor } from '@/lib/domain/permissions';
import { Prisma } from '@/lib/generated/prisma/client';
import { startOfDay } from '../clock';
import { OPEN, queueFilters, reachSql } from '../denials/queue-sql';
import { dayRangeSql } from './day-range';

// The dashboard's statements: additive sums per group (lib/domain/metrics-sums.ts), counted in PostgreSQL over
// the period's rows only (denial_opened_idx, denial_resolved_idx, the open partial indexes); no denial row
// reaches Node. Rates are finished from these sums by lib/domain/metrics-finish.ts.

/** The server's time zone, so months and days in SQL are the days clock.ts and the queue's filters use. */
export const serverTimeZone = () => Intl.DateTimeFormat().resolvedOptions().timeZone;

/** Reach and the dashboard's filters: the queue's own fragments, so a drill-down counts the same rows. */
export function scopeSql(actor: Actor, filters: DashboardFilters, today: IsoDate): Prisma.Sql {
  const q = { payer: filters.payer ? [filters.payer] : undefined, location: filters.location, provider: filters.provider, team: filters.team };
  return Prisma.join([reachSql(actor), ...queueFilters(actor, q, today)], ' AND ');
}

/** 'c' for the current period, 'p' for the prior (the statement reads both: prior.from through period.to). */
const periodOf = (column: Prisma.Sql, period: Period) => Prisma.sql`CASE WHEN ${column} >= ${startOfDay(period.from)}::timestamptz THEN 'c' ELSE 'p' END`;

/** The grouping-set columns, in GROUPING() bit order (first = highest bit). */
export const GROUP_COLUMNS = ['month', 'payer', 'category', 'department', 'location', 'provider', 'level'] as const;
export type GroupColumn = (typeof GROUP_COLUMNS)[number];
/** GROUPING() of a row grouped by one column (its bit clear, the others set); the period total has every bit set. */
export const groupingOf = (column: GroupColumn | null) => 127 - (column === null ? 0 : 1 << (6 - GROUP_COLUMNS.indexOf(column)));

export interface SumsRow {
  g: number;
  period: 'c' | 'p';
  month: string | null;
  payer: string | null;
  category: string | null;
  department: string | null;
  location: string | null;
  provider: string | null;
  level: string | null;
  opened: number;
  openedCents: string;
  avoidable: number;
  avoidableCents: string;
  resolved: number;
  resolvedCents: string;
  recovered: number;
  recoveredCents: string;
  resolutionDays: string;
  writtenOff: number;
  writeOffCents: string;
  avoidableWriteOffCents: string;
}

/**
 * Denials first denied in the two periods and denials resolved in them, as one stream of additive parts (an
 * opened row carries the opened parts, a resolved row the resolved ones), summed per period for the total and
 * for each breakdown in one pass (grouping sets).
 */
export function denialSumsSql(actor: Actor, filters: DashboardFilters, period: Period, prior: Period, today: IsoDate): Prisma.Sql {
  const tz = serverTimeZone();
  const scope = scopeSql(actor, filters, today);
  const columns = Prisma.sql`d."payerId" AS payer, d.category, d.department, d.location, d.provider, COALESCE(d."appealLevel", 'none') AS level`;
  const local = (c: Prisma.Sql) => Prisma.sql`(${c} AT TIME ZONE ${tz}::text)`;
  return Prisma.sql`
    SELECT GROUPING(x.month, x.payer, x.category, x.department, x.location, x.provider, x.level)::int AS g, x.period,
           x.month, x.payer, x.category, x.department, x.location, x.provider, x.level,
           sum(x.opened)::int AS opened, sum(x.opened_cents)::text AS "openedCents",
           sum(x.avoidable)::int AS avoidable, sum(x.avoidable_cents)::text AS "avoidableCents",
           sum(x.resolved)::int AS resolved, sum(x.resolved_cents)::text AS "resolvedCents",
           sum(x.recovered)::int AS recovered, sum(x.recovered_cents)::text AS "recoveredCents",
           sum(x.resolution_days)::text AS "resolutionDays",
           sum(x.written_off)::int AS "writtenOff", sum(x.write_off_cents)::text AS "writeOffCents",
           sum(x.avoidable_write_off_cents)::text AS "avoidableWriteOffCents"
    FROM (
      SELECT ${periodOf(Prisma.sql`d."openedAt"`, period)} AS period, to_char(${local(Prisma.sql`d."openedAt"`)}, 'YYYY-MM') AS month, ${columns},
             1 AS opened, d."deniedCents" AS opened_cents,
             d.avoidable::int AS avoidable, CASE WHEN d.avoidable THEN d."deniedCents" ELSE 0 END AS avoidable_cents,
             0 AS resolved, 0::bigint AS resolved_cents, 0 AS recovered, 0::bigint AS recovered_cents, 0 AS resolution_days,
             0 AS written_off, 0::bigint AS write_off_cents, 0::bigint AS avoidable_write_off_cents
      FROM denial d
      WHERE ${dayRangeSql(Prisma.sql`d."openedAt"`, prior.from, period.to)} AND ${scope}
      UNION ALL
      SELECT ${periodOf(Prisma.sql`d."resolvedAt"`, period)}, to_char(${local(Prisma.sql`d."resolvedAt"`)}, 'YYYY-MM'), ${columns},
             0, 0, 0, 0,
             1, d."deniedCents", (d."recoveredCents" > 0)::int, d."recoveredCents",
             ${local(Prisma.sql`d."resolvedAt"`)}::date - ${local(Prisma.sql`d."openedAt"`)}::date,
             (d.status = 'written_off')::int,
             CASE WHEN d.status = 'written_off' THEN greatest(0, d."deniedCents" - d."recoveredCents") ELSE 0 END,
             CASE WHEN d.status = 'written_off' AND d.avoidable THEN greatest(0, d."deniedCents" - d."recoveredCents") ELSE 0 END
      FROM denial d
      WHERE NOT (${OPEN}) AND ${dayRangeSql(Prisma.sql`d."resolvedAt"`, prior.from, period.to)} AND ${scope}
    ) x
    GROUP BY GROUPING SETS ((x.period), (x.period, x.month), (x.period, x.payer), (x.period, x.category), (x.period, x.department),
                            (x.period, x.location), (x.period, x.provider), (x.period, x.level))`;
}

/** Denials first denied in the periods per CARC (a denial counts under each of its distinct CARCs). */
export function carcSumsSql(actor: Actor, filters: DashboardFilters, period: Period, prior: Period, today: IsoDate): Prisma.Sql {
  return Prisma.sql`
    SELECT ${periodOf(Prisma.sql`d."openedAt"`, period)} AS period, cc.code AS carc, count(*)::int AS opened, sum(d."deniedCents")::text AS "openedCents",
           count(*) FILTER (WHERE d.avoidable)::int AS avoidable, COALESCE(sum(d."deniedCents") FILTER (WHERE d.avoidable), 0)::text AS "avoidableCents"
    FROM denial d CROSS JOIN LATERAL (SELECT DISTINCT c AS code FROM unnest(d."carcCodes") AS c) cc
    WHERE ${dayRangeSql(Prisma.sql`d."openedAt"`, prior.from, period.to)} AND ${scopeSql(actor, filters, today)}
    GROUP BY 1, 2`;
}

/** Open denials as of today per aging bucket (each bucket a range of first-denied days: metrics-open.ts agingRange). */
export function openSumsSql(actor: Actor, filters: DashboardFilters, today: IsoDate): Prisma.Sql {
  const cases = AGING_BUCKETS.filter((b) => b.max !== null).map(
    (b) => Prisma.sql`WHEN d."openedAt" >= ${startOfDay(addDays(today, -(b.max as number)))}::timestamptz THEN ${b.key}`,
  );
  return Prisma.sql`
    SELECT CASE ${Prisma.join(cases, ' ')} ELSE '120+' END AS bucket, count(*)::int AS open,
           sum(greatest(0, d."deniedCents" - d."recoveredCents"))::text AS "openCents"
    FROM denial d
    WHERE ${OPEN} AND ${scopeSql(actor, filters, today)}
    GROUP BY 1`;
}

/**
 * Claims on their first adjudication (not a reversal, CLP02 22) imported in the periods: the initial denial
 * rate. Claims belong to no team, so there is no team or reach filter here; location and provider read the
 * claim's columns by the rule the denial_claim_place trigger copies onto denials.
 */
export function claimSumsSql(filters: DashboardFilters, period: Period, prior: Period): Prisma.Sql {
  const parts = [dayRangeSql(Prisma.sql`c."createdAt"`, prior.from, period.to), Prisma.sql`c."statusCode" <> '22'`];
  if (filters.payer) parts.push(Prisma.sql`c."payerId" = ${filters.payer}::uuid`);
  if (filters.location) parts.push(Prisma.sql`COALESCE(NULLIF(c."payeeName", ''), NULLIF(c."payeeNpi", '')) = ${filters.location}`);
  if (filters.provider) parts.push(Prisma.sql`COALESCE(NULLIF(c."renderingProviderName", ''), NULLIF(c."renderingProviderNpi", '')) = ${filters.provider}`);
  return Prisma.sql`
    SELECT ${periodOf(Prisma.sql`c."createdAt"`, period)} AS period, count(*)::int AS adjudicated, sum(c."billedCents")::text AS "billedCents",
           count(*) FILTER (WHERE c."isDenial")::int AS denied, COALESCE(sum(c."deniedCents") FILTER (WHERE c."isDenial"), 0)::text AS "deniedCents"
    FROM claim c WHERE ${Prisma.join(parts, ' AND ')}
    GROUP BY 1`;
}

/** Distinct denials (in scope) each person wrote on in the periods (denial_event_worked_idx). */
export function workedSumsSql(actor: Actor, filters: DashboardFilters, period: Period, prior: Period, today: IsoDate): Prisma.Sql {
  return Prisma.sql`
    SELECT e."actorId" AS id, ${periodOf(Prisma.sql`e."createdAt"`, period)} AS period, count(DISTINCT e."denialId")::int AS worked
    FROM denial_event e JOIN denial d ON d.id = e."denialId"
    WHERE ${dayRangeSql(Prisma.sql`e."createdAt"`, prior.from, period.to)} AND e."actorId" IS NOT NULL AND ${scopeSql(actor, filters, today)}
    GROUP BY 1, 2`;
}

/** Denials each person owned when they were resolved in the periods, and the money back on them. */
export function resolvedByOwnerSql(actor: Actor, filters: DashboardFilters, period: Period, prior: Period, today: IsoDate): Prisma.Sql {
  return Prisma.sql`
    SELECT d."ownerId" AS id, ${periodOf(Prisma.sql`d."resolvedAt"`, period)} AS period, count(*)::int AS resolved,
           sum(d."recoveredCents")::text AS "recoveredCents"
    FROM denial d
    WHERE NOT (${OPEN}) AND ${dayRangeSql(Prisma.sql`d."resolvedAt"`, prior.from, period.to)} AND d."ownerId" IS NOT NULL AND ${scopeSql(actor, filters, today)}
    GROUP BY 1, 2`;
}
