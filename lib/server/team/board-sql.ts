import 'server-only';
import { untouchedCutoff, workedDays } from '@/lib/domain/team/at-risk';
import type { IsoDate } from '@/lib/domain/dates';
import { addDays } from '@/lib/domain/dates';
import type { WorkedWindow } from '@/lib/domain/queue-params';
import { Prisma } from '@/lib/generated/prisma/client';
import { startOfDay } from '../clock';

// The team board's rules as SQL over the denial aliased `d`, shared by the board's counts (team-board.ts) and
// the queue's filters (queue-sql.ts), so a number and the queue behind its link are one definition.
// Sets are written `d.id IN (uncorrelated subquery)`: Postgres hashes the subquery once per statement instead of
// probing it per row, which is what lets the board count hundreds of thousands of denials in one pass.

/** The deadline falls before the follow-up date (lib/domain/team/at-risk.ts followUpAfterDeadline). */
export const followUpAfterDeadlineSql = Prisma.sql`d."deadlineDate" < d."followUpDate"`;

/**
 * The deadline is from today through the payer's warning window. `windowDays`: the payer's warningWindowDays —
 * a joined column where the query joins payer, else a lookup by the denial's payer.
 */
export function inWarningWindowSql(today: IsoDate, windowDays: Prisma.Sql = Prisma.sql`(SELECT wp."warningWindowDays" FROM payer wp WHERE wp.id = d."payerId")`): Prisma.Sql {
  return Prisma.sql`(d."deadlineDate" >= ${today}::date AND d."deadlineDate" <= ${today}::date + ${windowDays})`;
}

/** An open escalation row waits on the denial (one at most: escalation_one_open_idx). */
export const openEscalationSql = Prisma.sql`d.id IN (SELECT x."denialId" FROM escalation x WHERE x.status = 'open')`;

/** Person-written timeline events (the system's ingest, rescoring and SLA entries have no actor). */
function touchedSince(from: Date, until: Date | null, by: string | null): Prisma.Sql {
  const who = by ? Prisma.sql`e."actorId" = ${by}::uuid` : Prisma.sql`e."actorId" IS NOT NULL`;
  const end = until ? Prisma.sql`AND e."createdAt" < ${until}::timestamptz` : Prisma.empty;
  return Prisma.sql`SELECT e."denialId" FROM denial_event e WHERE e."createdAt" >= ${from}::timestamptz ${end} AND ${who}`;
}

/** The instants a worked window spans: from the first day's start to the start of the day after today. */
export function workedBounds(window: WorkedWindow, today: IsoDate): { from: Date; until: Date } {
  const days = workedDays(window, today);
  return { from: startOfDay(days.from), until: startOfDay(addDays(days.through, 1)) };
}

/** A person (or, with `by` null, anyone) wrote on the denial's timeline in the window. */
export function workedSql(window: WorkedWindow, today: IsoDate, by: string | null): Prisma.Sql {
  const { from, until } = workedBounds(window, today);
  return Prisma.sql`d.id IN (${touchedSince(from, until, by)})`;
}

/** Opened before the cutoff day and no person's event since it (lib/domain/team/at-risk.ts isUntouched). */
export function untouchedSql(today: IsoDate): Prisma.Sql {
  const cutoff = startOfDay(untouchedCutoff(today));
  return Prisma.sql`(d."openedAt" < ${cutoff}::timestamptz AND d.id NOT IN (${touchedSince(cutoff, null, null)}))`;
}

/** A person (or anyone) wrote on the denial's timeline on these days (inclusive; null = open-ended). */
export function workedBetweenSql(from: IsoDate | null, to: IsoDate | null, by: string | null): Prisma.Sql {
  const who = by ? Prisma.sql`e."actorId" = ${by}::uuid` : Prisma.sql`e."actorId" IS NOT NULL`;
  const start = from ? Prisma.sql`AND e."createdAt" >= ${startOfDay(from)}::timestamptz` : Prisma.empty;
  const end = to ? Prisma.sql`AND e."createdAt" < ${startOfDay(addDays(to, 1))}::timestamptz` : Prisma.empty;
  return Prisma.sql`d.id IN (SELECT e."denialId" FROM denial_event e WHERE ${who} ${start} ${end})`;
}
