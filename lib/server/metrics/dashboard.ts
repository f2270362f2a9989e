import 'server-only';
import type { DashboardDto, DashboardFilters, GroupRow, PersonRow } from '@/lib/domain/contracts/dashboard';
import { type IsoDate } from '@/lib/domain/dates';
import { categoryLabel, departmentLabel } from '@/lib/domain/labels';
import { AGING_BUCKETS, type ClaimSums, type DenialSums, EMPTY_DENIAL_SUMS, type OpenSums, type Period, type WorkSums, priorPeriod } from '@/lib/domain/metrics';
import { type Actor, reachesAll } from '@/lib/domain/permissions';
import { appealLevelLabel, type AppealLevelValue } from '@/lib/domain/appeal-levels';
import { Prisma } from '@/lib/generated/prisma/client';
import { audit } from '../audit';
import { authorize } from '../authorize';
import { reportPool } from '../db';
import { remembered } from '../team/board-memo';
import { query } from '../sql';
import { analyticQuery } from './analytic-query';
import { type GroupColumn, type SumsRow, groupingOf } from './dashboard-sql';
import { dashboardStatements } from './dashboard-statements';
import { compactRollups } from './compact-rollups';
import { rollupMatchesServerZone } from './rollup-zone';

type CarcRow = { period: 'c' | 'p'; carc: string; opened: number; openedCents: string; avoidable: number; avoidableCents: string };
type ClaimRow = { period: 'c' | 'p'; adjudicated: number; billedCents: string; denied: number; deniedCents: string };

function toSums(r: SumsRow): DenialSums {
  return {
    opened: r.opened,
    openedCents: Number(r.openedCents),
    avoidable: r.avoidable,
    avoidableCents: Number(r.avoidableCents),
    resolved: r.resolved,
    resolvedCents: Number(r.resolvedCents),
    recovered: r.recovered,
    recoveredCents: Number(r.recoveredCents),
    resolutionDays: Number(r.resolutionDays),
    writtenOff: r.writtenOff,
    writeOffCents: Number(r.writeOffCents),
    avoidableWriteOffCents: Number(r.avoidableWriteOffCents),
  };
}

function addSums(a: DenialSums, b: DenialSums): DenialSums {
  const out = { ...a };
  for (const k of Object.keys(b) as (keyof DenialSums)[]) out[k] += b[k];
  return out;
}

/** One breakdown's groups with both periods, largest current denied dollars first (then by label). */
function breakdown(rows: SumsRow[], column: Exclude<GroupColumn, 'month'>, label: (key: string) => string): GroupRow[] {
  const g = groupingOf(column);
  const groups = new Map<string, GroupRow>();
  for (const r of rows) {
    if (r.g !== g) continue;
    const key = r[column] ?? 'none';
    const row = groups.get(key) ?? { key, label: label(key), current: { ...EMPTY_DENIAL_SUMS }, prior: { ...EMPTY_DENIAL_SUMS } };
    row[r.period === 'c' ? 'current' : 'prior'] = toSums(r);
    groups.set(key, row);
  }
  return [...groups.values()].sort((a, b) => b.current.openedCents - a.current.openedCents || b.current.resolvedCents - a.current.resolvedCents || a.label.localeCompare(b.label, 'en'));
}

const levelLabel = (key: string) => (key === 'none' ? 'Not appealed' : appealLevelLabel(key as AppealLevelValue));
const named = (key: string, what: string) => (key === 'none' ? `No ${what} named` : key);

/**
 * The dashboard: for a period and the prior period of equal length, the sums behind every metric — in total, by
 * month, payer, category, department, CARC, location, provider and appeal level — plus open work and aging as of
 * today and each person's work. Scope is the queue's reach (own, team and pool; everything for an
 * organisation-wide manager) narrowed by the filters. Seven grouped statements in PostgreSQL (over the maintained
 * rollups where they hold the question: dashboard-statements.ts), run together, the
 * answer remembered for a few seconds (`fresh` counts again).
 *
 * Audited as a read, not a PHI read: sums per payer, category, place and staff member name no patient or claim.
 */
export async function dashboardMetrics(
  actor: Actor,
  period: Period,
  filters: DashboardFilters,
  today: IsoDate,
  options: { fresh?: boolean } = {},
): Promise<DashboardDto> {
  authorize(actor, 'view_metrics', undefined, 'Your role does not include the dashboard.');
  const orgWide = reachesAll(actor);
  // Remembered a few seconds per question (the board's memory, board-memo.ts): the reach decides the answer — every
  // organisation-wide manager shares one; anyone else's includes their own denials, so it is theirs.
  const reach = orgWide ? 'organisation' : `${actor.teamId ?? 'none'}|${actor.id}`;
  const key = `dashboard|${today}|${reach}|${period.from}|${period.to}|${JSON.stringify([filters.payer, filters.location, filters.provider, filters.team])}`;
  const dto = await remembered(key, options.fresh ?? false, () => countDashboard(actor, period, filters, today));
  await audit(actor, {
    action: 'metrics.view',
    entityType: 'dashboard',
    entityId: null,
    phi: false,
    details: { period: { ...period }, filters: { ...filters }, scope: orgWide ? 'organisation' : 'team', countedAt: dto.countedAt },
  });
  return dto;
}

async function countDashboard(actor: Actor, period: Period, filters: DashboardFilters, today: IsoDate): Promise<DashboardDto> {
  const prior = priorPeriod(period);
  const orgWide = reachesAll(actor);
  // Claims belong to no team: the initial denial rate is an organisation's number, for those who see the organisation.
  const readClaims = orgWide && !filters.team;
  const rollupUsable = await rollupMatchesServerZone();
  // Writers' deltas folded into the rollups first, on the primary (one asker at a time; the others read the deltas
  // too, so a replica that has not caught up with the compaction still counts every delta once).
  if (rollupUsable) await compactRollups();
  const sql = dashboardStatements(actor, filters, period, prior, today, { readClaims, rollupUsable });
  const small = { small: sql.fromRollup.denials };
  const [sums, carcs, open, claims, worked, resolvedBy, payers, teams] = await Promise.all([
    Promise.all(sql.sums.map((s) => analyticQuery<SumsRow>(s, small))).then((parts) => parts.flat()),
    analyticQuery<CarcRow>(sql.carcs, small),
    analyticQuery<{ bucket: string; open: number; openCents: string }>(sql.open, small),
    sql.claims ? analyticQuery<ClaimRow>(sql.claims, { small: sql.fromRollup.claims }) : Promise.resolve(null),
    analyticQuery<{ id: string; period: 'c' | 'p'; worked: number }>(sql.worked, small),
    analyticQuery<{ id: string; period: 'c' | 'p'; resolved: number; recoveredCents: string }>(sql.resolvedBy, small),
    query<{ id: string; name: string }>(Prisma.sql`SELECT id, name FROM payer ORDER BY name`, { client: reportPool }),
    query<{ id: string; name: string }>(
      orgWide ? Prisma.sql`SELECT id, name FROM team ORDER BY name` : Prisma.sql`SELECT id, name FROM team WHERE id = ${actor.teamId ?? null}::uuid`,
      { client: reportPool },
    ),
  ]);

  const total = (p: 'c' | 'p') => {
    const row = sums.find((r) => r.g === groupingOf(null) && r.period === p);
    return row ? toSums(row) : { ...EMPTY_DENIAL_SUMS };
  };
  const months = new Map<string, DenialSums>();
  for (const r of sums) if (r.g === groupingOf('month') && r.month) months.set(r.month, addSums(months.get(r.month) ?? { ...EMPTY_DENIAL_SUMS }, toSums(r)));

  const payerName = new Map(payers.map((p) => [p.id, p.name]));
  const byCarc = new Map<string, GroupRow>();
  for (const r of carcs) {
    const row = byCarc.get(r.carc) ?? { key: r.carc, label: r.carc, current: { ...EMPTY_DENIAL_SUMS }, prior: { ...EMPTY_DENIAL_SUMS } };
    row[r.period === 'c' ? 'current' : 'prior'] = { ...EMPTY_DENIAL_SUMS, opened: r.opened, openedCents: Number(r.openedCents), avoidable: r.avoidable, avoidableCents: Number(r.avoidableCents) };
    byCarc.set(r.carc, row);
  }

  const aging = AGING_BUCKETS.map((b) => {
    const row = open.find((r) => r.bucket === b.key);
    return { key: b.key, label: b.label, sums: { open: row?.open ?? 0, openCents: row ? Number(row.openCents) : 0 } satisfies OpenSums };
  });

  const claimSums = (p: 'c' | 'p'): ClaimSums => {
    const row = claims?.find((r) => r.period === p);
    return { adjudicated: row?.adjudicated ?? 0, billedCents: row ? Number(row.billedCents) : 0, denied: row?.denied ?? 0, deniedCents: row ? Number(row.deniedCents) : 0 };
  };

  const people = await peopleRows(worked, resolvedBy);
  return {
    today,
    countedAt: new Date().toISOString(),
    period,
    prior,
    filters,
    scope: orgWide ? 'organisation' : 'team',
    current: total('c'),
    priorSums: total('p'),
    claims: readClaims ? { current: claimSums('c'), prior: claimSums('p') } : null,
    open: { open: aging.reduce((n, b) => n + b.sums.open, 0), openCents: aging.reduce((n, b) => n + b.sums.openCents, 0) },
    aging,
    months: [...months.entries()].sort(([a], [b]) => (a < b ? -1 : 1)).map(([key, s]) => ({ key, sums: s })),
    byPayer: breakdown(sums, 'payer', (id) => payerName.get(id) ?? 'Unknown payer'),
    byCategory: breakdown(sums, 'category', categoryLabel),
    byDepartment: breakdown(sums, 'department', departmentLabel),
    byCarc: [...byCarc.values()].sort((a, b) => b.current.openedCents - a.current.openedCents || a.key.localeCompare(b.key, 'en')),
    byLocation: breakdown(sums, 'location', (k) => named(k, 'location')),
    byProvider: breakdown(sums, 'provider', (k) => named(k, 'provider')),
    byLevel: breakdown(sums, 'level', levelLabel),
    people,
    options: { payers, teams },
  };
}

async function peopleRows(
  worked: { id: string; period: 'c' | 'p'; worked: number }[],
  resolvedBy: { id: string; period: 'c' | 'p'; resolved: number; recoveredCents: string }[],
): Promise<PersonRow[]> {
  const empty = (): WorkSums => ({ worked: 0, resolved: 0, recoveredCents: 0 });
  const rows = new Map<string, PersonRow>();
  const row = (id: string) => {
    let r = rows.get(id);
    if (!r) rows.set(id, (r = { id, name: '', current: empty(), prior: empty() }));
    return r;
  };
  for (const w of worked) row(w.id)[w.period === 'c' ? 'current' : 'prior'].worked = w.worked;
  for (const r of resolvedBy) {
    const sums = row(r.id)[r.period === 'c' ? 'current' : 'prior'];
    sums.resolved = r.resolved;
    sums.recoveredCents = Number(r.recoveredCents);
  }
  if (rows.size === 0) return [];
  const users = await query<{ id: string; name: string }>(Prisma.sql`SELECT id, name FROM app_user WHERE id = ANY(${[...rows.keys()]}::uuid[])`, { client: reportPool });
  const names = new Map(users.map((u) => [u.id, u.name]));
  return [...rows.values()].map((r) => ({ ...r, name: names.get(r.id) ?? 'Former user' })).sort((a, b) => a.name.localeCompare(b.name, 'en'));
}
