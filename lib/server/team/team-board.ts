import 'server-only';
import { type DenialCategory, isDenialCategory } from '@/lib/domain/codes';
import { type IsoDate } from '@/lib/domain/dates';
import { categoryLabel } from '@/lib/domain/labels';
import { type Actor, reachesAll } from '@/lib/domain/permissions';
import { UNTOUCHED_DAYS } from '@/lib/domain/team/at-risk';
import type { BoardCounts, BoardPersonRow, TeamBoardDto } from '@/lib/domain/contracts/team-board';
import { Prisma } from '@/lib/generated/prisma/client';
import { audit } from '../audit';
import { authorize } from '../authorize';
import { OPEN, reachSql } from '../denials/queue-sql';
import { query } from '../sql';
import { remembered } from './board-memo';
import { followUpAfterDeadlineSql, inWarningWindowSql, openEscalationSql, untouchedSql, workedBounds } from './board-sql';

// GROUPING(owner, payer, category): a bit per column, set when the row is not grouped by it.
const BY_OWNER = 3;
const BY_PAYER = 5;
const BY_CATEGORY = 6;
const TOTAL = 7;

/** A grouping-sets row of the open measures (int8 sums come back from pg as text). */
type OpenRow = Omit<BoardCounts, 'openCents' | 'workedToday' | 'workedWeek'> & {
  g: number;
  flagged: number;
  ownerId: string | null;
  payerId: string | null;
  category: string | null;
  openCents: string;
};

interface WorkedRow {
  g: number;
  actorId: string | null;
  payerId: string | null;
  category: string | null;
  workedToday: number;
  workedWeek: number;
}

/**
 * The open measures, per owner (null = the unassigned pool), payer and category, and in total: one pass over the
 * open denials in reach (the partial indexes' predicate). Each denial's conditions are evaluated once, into one
 * group per owner × payer × category (a few thousand at most); the grouping sets then add those up, which costs
 * half what evaluating every condition once per grouping set does (bench/board.ts).
 */
export function openMeasuresSql(actor: Actor, today: IsoDate): Prisma.Sql {
  return Prisma.sql`
    SELECT GROUPING(b."ownerId", b."payerId", b.category)::int AS g, b."ownerId", b."payerId", b.category,
           sum(b.open)::int AS open, sum(b.cents)::bigint::text AS "openCents",
           sum(b."followUpsOverdue")::int AS "followUpsOverdue", sum(b."followUpsToday")::int AS "followUpsToday",
           sum(b."inWindow")::int AS "inWindow", sum(b.missed)::int AS missed,
           sum(b.escalations)::int AS escalations, sum(b."atRisk")::int AS "atRisk", sum(b.flagged)::int AS flagged
    FROM (
      SELECT d."ownerId", d."payerId", d.category,
             count(*) AS open,
             sum(d."deniedCents") AS cents,
             count(*) FILTER (WHERE d."followUpDate" < ${today}::date) AS "followUpsOverdue",
             count(*) FILTER (WHERE d."followUpDate" = ${today}::date) AS "followUpsToday",
             count(*) FILTER (WHERE ${inWarningWindowSql(today, Prisma.sql`p."warningWindowDays"`)}) AS "inWindow",
             count(*) FILTER (WHERE d."deadlineDate" < ${today}::date) AS missed,
             count(*) FILTER (WHERE ${openEscalationSql}) AS escalations,
             count(*) FILTER (WHERE ${followUpAfterDeadlineSql} OR ${untouchedSql(today)}) AS "atRisk",
             count(*) FILTER (WHERE d."reviewReason" IS NOT NULL) AS flagged
      FROM denial d
      JOIN payer p ON p.id = d."payerId"
      WHERE ${OPEN} AND ${reachSql(actor)}
      GROUP BY d."ownerId", d."payerId", d.category
    ) b
    GROUP BY GROUPING SETS ((b."ownerId"), (b."payerId"), (b.category), ())`;
}

/**
 * Worked: distinct denials in reach with a timeline event written by a person in the window, whatever their
 * status now (closing one is work) — per author, per payer and category (by anyone), and in total.
 */
export function workedMeasuresSql(actor: Actor, today: IsoDate): Prisma.Sql {
  const day = workedBounds('today', today);
  const week = workedBounds('7d', today);
  return Prisma.sql`
    SELECT GROUPING(e."actorId", d."payerId", d.category)::int AS g, e."actorId", d."payerId", d.category,
           count(DISTINCT d.id) FILTER (WHERE e."createdAt" >= ${day.from}::timestamptz)::int AS "workedToday",
           count(DISTINCT d.id)::int AS "workedWeek"
    FROM denial_event e
    JOIN denial d ON d.id = e."denialId"
    WHERE e."createdAt" >= ${week.from}::timestamptz AND e."createdAt" < ${week.until}::timestamptz
      AND e."actorId" IS NOT NULL AND ${reachSql(actor)}
    GROUP BY GROUPING SETS ((e."actorId"), (d."payerId"), (d.category), ())`;
}

function counts(open: OpenRow | undefined, worked: WorkedRow | undefined, canWork = true): BoardCounts {
  return {
    open: open?.open ?? 0,
    openCents: open ? Number(open.openCents) : 0,
    workedToday: canWork ? (worked?.workedToday ?? 0) : null,
    workedWeek: canWork ? (worked?.workedWeek ?? 0) : null,
    followUpsOverdue: open?.followUpsOverdue ?? 0,
    followUpsToday: open?.followUpsToday ?? 0,
    inWindow: open?.inWindow ?? 0,
    missed: open?.missed ?? 0,
    escalations: open?.escalations ?? 0,
    atRisk: open?.atRisk ?? 0,
  };
}

const anything = (c: BoardCounts) => c.open > 0 || (c.workedWeek ?? 0) > 0;

/**
 * The team board: for a manager's reach (the queue's: own team and the shared pool, or every team with
 * organisation-wide scope), each person's workload and risk, the unassigned pool, and the same per payer and
 * category. Counted in PostgreSQL (two grouped statements); no denial row reaches Node. Remembered for a few
 * seconds per reach (board-memo.ts); `fresh` counts again.
 *
 * Audited as a read, not a PHI read: it shows counts and dollar totals per staff member, payer and category and
 * names no patient, claim or service — nothing that identifies a person's health information.
 */
export async function teamBoard(actor: Actor, today: IsoDate, options: { fresh?: boolean } = {}): Promise<TeamBoardDto> {
  authorize(actor, 'view_team_board', undefined, 'Only managers see the team board.');
  const orgWide = reachesAll(actor);
  // The reach decides the answer: every organisation-wide manager shares one; a team manager's includes their own.
  const key = `${today}|${orgWide ? 'organisation' : `${actor.teamId ?? 'none'}|${actor.id}`}`;
  const board = await remembered(key, options.fresh ?? false, () => countBoard(actor, orgWide, today));
  await audit(actor, {
    action: 'team_board.view',
    entityType: 'team',
    entityId: orgWide ? null : actor.teamId,
    phi: false,
    details: { scope: board.scope, people: board.people.length, countedAt: board.countedAt },
  });
  return board;
}

async function countBoard(actor: Actor, orgWide: boolean, today: IsoDate): Promise<TeamBoardDto> {
  const [openRows, workedRows, members] = await Promise.all([
    query<OpenRow>(openMeasuresSql(actor, today), { prepared: true }),
    query<WorkedRow>(workedMeasuresSql(actor, today), { prepared: true }),
    query<{ id: string; name: string; role: string }>(Prisma.sql`
      SELECT id, name, role::text AS role FROM app_user
      WHERE role IN ('specialist', 'manager') AND "disabledAt" IS NULL
        AND ${orgWide ? Prisma.sql`TRUE` : actor.teamId ? Prisma.sql`"teamId" = ${actor.teamId}::uuid` : Prisma.sql`id = ${actor.id}::uuid`}`),
  ]);
  const openBy = (g: number, key: (r: OpenRow) => string | null) => new Map(openRows.filter((r) => r.g === g).map((r) => [key(r), r]));
  const workedBy = (g: number, key: (r: WorkedRow) => string | null) => new Map(workedRows.filter((r) => r.g === g).map((r) => [key(r), r]));
  const openByOwner = openBy(BY_OWNER, (r) => r.ownerId);
  const workedByActor = workedBy(BY_OWNER, (r) => r.actorId);

  // Everyone on the team, and anyone else who owns or worked denials in reach (a colleague from another team).
  const memberIds = new Set(members.map((m) => m.id));
  const outsiders = [...new Set([...openByOwner.keys(), ...workedByActor.keys()])].filter((id): id is string => id !== null && !memberIds.has(id));
  const others = outsiders.length
    ? await query<{ id: string; name: string; role: string }>(Prisma.sql`SELECT id, name, role::text AS role FROM app_user WHERE id = ANY(${outsiders}::uuid[])`)
    : [];
  const people: BoardPersonRow[] = [...members.map((m) => ({ ...m, member: true })), ...others.map((m) => ({ ...m, member: false }))]
    .map((m): BoardPersonRow => ({
      id: m.id,
      name: m.name,
      role: m.role === 'specialist' || m.role === 'manager' ? m.role : 'other',
      member: m.member,
      ...counts(openByOwner.get(m.id), workedByActor.get(m.id)),
    }))
    // Specialists always show (an idle specialist is news); managers and others when they hold or did work.
    .filter((p) => (p.role === 'specialist' && p.member) || anything(p))
    .sort((a, b) => a.name.localeCompare(b.name, 'en'));

  const openByPayer = openBy(BY_PAYER, (r) => r.payerId);
  const workedByPayer = workedBy(BY_PAYER, (r) => r.payerId);
  const payerIds = [...new Set([...openByPayer.keys(), ...workedByPayer.keys()])].filter((id): id is string => id !== null);
  const payerNames = payerIds.length
    ? new Map((await query<{ id: string; name: string }>(Prisma.sql`SELECT id, name FROM payer WHERE id = ANY(${payerIds}::uuid[])`)).map((p) => [p.id, p.name]))
    : new Map<string, string>();
  const payers = payerIds
    .map((id) => ({ id, name: payerNames.get(id) ?? 'Unknown payer', ...counts(openByPayer.get(id), workedByPayer.get(id)) }))
    .sort((a, b) => b.openCents - a.openCents || a.name.localeCompare(b.name, 'en'));

  const openByCategory = openBy(BY_CATEGORY, (r) => r.category);
  const workedByCategory = workedBy(BY_CATEGORY, (r) => r.category);
  const categories = [...new Set([...openByCategory.keys(), ...workedByCategory.keys()])]
    .filter((c): c is DenialCategory => c !== null && isDenialCategory(c))
    .map((category) => ({ category, label: categoryLabel(category), ...counts(openByCategory.get(category), workedByCategory.get(category)) }))
    .sort((a, b) => b.openCents - a.openCents || a.label.localeCompare(b.label, 'en'));

  return {
    today,
    countedAt: new Date().toISOString(),
    untouchedDays: UNTOUCHED_DAYS,
    scope: orgWide ? 'organisation' : 'team',
    people,
    pool: counts(openByOwner.get(null), undefined, false),
    total: counts(openBy(TOTAL, () => null).get(null), workedBy(TOTAL, () => null).get(null)),
    flagged: openBy(TOTAL, () => null).get(null)?.flagged ?? 0,
    payers,
    categories,
  };
}
