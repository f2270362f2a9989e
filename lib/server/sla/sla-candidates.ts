import 'server-only';
import { Prisma } from '@/lib/generated/prisma/client';
import type { SlaRule } from '@/lib/domain/sla';
import type { SlaScope } from './sla-settings';

/** One (denial, rule) whose condition holds now and has not fired before for this instance of the condition. */
export interface SlaCandidate {
  denialId: string;
  /** The scope whose settings matched: the denial's team, or null for a denial with no team. */
  teamId: string | null;
  rule: SlaRule;
  /** Which occurrence of the condition this is (sla_firing): a new one may fire again after a resolved escalation. */
  instance: string;
  /** follow_up_overdue: days overdue; deadline_unworked: days to the deadline; unassigned: hours without owner. */
  measure: number;
  /** deadline_unworked: whole days idle; otherwise null. */
  measure2: number | null;
}

const OPEN = Prisma.sql`d.status NOT IN ('resolved_paid', 'resolved_partial', 'written_off')`;
const UTC_TEXT = (column: Prisma.Sql) => Prisma.sql`to_char(${column} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;
/**
 * A team's scope matches its denials by equality and the default's scope the teamless ones: two branches rather
 * than one OR, which the planner turns into a scan of every teamless denial for every team.
 */
const SCOPES = [Prisma.sql`s."teamId" IS NOT NULL AND d."teamId" = s."teamId"`, Prisma.sql`s."teamId" IS NULL AND d."teamId" IS NULL`];

/** The scopes as a relation, one row each, so one statement evaluates every team's numbers. */
function settingsRelation(scopes: readonly SlaScope[]): Prisma.Sql {
  const col = <T>(pick: (s: SlaScope) => T) => scopes.map(pick);
  return Prisma.sql`
    SELECT * FROM unnest(
      ${col((s) => s.teamId)}::uuid[],
      ${col((s) => s.settings.followUpOverdueEnabled)}::boolean[], ${col((s) => s.settings.followUpOverdueDays)}::int[],
      ${col((s) => s.settings.deadlineUnworkedEnabled)}::boolean[], ${col((s) => s.settings.deadlineWithinDays)}::int[],
      ${col((s) => s.settings.deadlineIdleDays)}::int[],
      ${col((s) => s.settings.unassignedEnabled)}::boolean[], ${col((s) => s.settings.unassignedHours)}::int[]
    ) AS s("teamId", "fuOn", "fuDays", "dlOn", "dlWithin", "dlIdle", "unOn", "unHours")`;
}

function followUpOverdue(today: string, sameScope: Prisma.Sql): Prisma.Sql {
  return Prisma.sql`
    SELECT d.id AS "denialId", s."teamId", 'follow_up_overdue' AS rule, d."followUpDate"::text AS instance,
           (${today}::date - d."followUpDate") AS measure, NULL::int AS measure2
      FROM s CROSS JOIN LATERAL (
        SELECT d.id, d."followUpDate" FROM denial d
         WHERE s."fuOn" AND ${sameScope} AND ${OPEN} AND NOT d.escalated
           AND d."followUpDate" < ${today}::date - s."fuDays") d`;
}

function deadlineUnworked(today: string, at: Prisma.Sql, sameScope: Prisma.Sql): Prisma.Sql {
  return Prisma.sql`
    SELECT d.id, s."teamId", 'deadline_unworked', d."deadlineDate"::text || ' idle since ' || ${UTC_TEXT(Prisma.sql`d.since`)},
           (d."deadlineDate" - ${today}::date), floor(extract(epoch FROM ${at} - d.since) / 86400)::int
      FROM s CROSS JOIN LATERAL (
        SELECT d.id, d."deadlineDate",
               -- Worked = a person's event; the import's event names its uploader but is nobody's work.
               greatest(d."openedAt", (SELECT max(e."createdAt") FROM denial_event e
                                        WHERE e."denialId" = d.id AND e."actorId" IS NOT NULL AND e.type <> 'ingested')) AS since
          FROM denial d
         WHERE s."dlOn" AND ${sameScope} AND ${OPEN} AND NOT d.escalated
           AND d."deadlineDate" BETWEEN ${today}::date AND ${today}::date + s."dlWithin"
        OFFSET 0) d
     WHERE d.since <= ${at} - make_interval(days => s."dlIdle")`;
}

function unassigned(at: Prisma.Sql, sameScope: Prisma.Sql): Prisma.Sql {
  return Prisma.sql`
    SELECT d.id, s."teamId", 'unassigned', ${UTC_TEXT(Prisma.sql`d.since`)},
           floor(extract(epoch FROM ${at} - d.since) / 3600)::int, NULL::int
      FROM s CROSS JOIN LATERAL (
        SELECT d.id,
               greatest(d."openedAt", (SELECT max(e."createdAt") FROM denial_event e WHERE e."denialId" = d.id AND e.type = 'assigned')) AS since
          FROM denial d
         WHERE s."unOn" AND ${sameScope} AND ${OPEN} AND NOT d.escalated AND d."ownerId" IS NULL
        OFFSET 0) d
     WHERE d.since < ${at} - make_interval(hours => s."unHours")`;
}

/**
 * Every open, not-escalated denial meeting an enabled rule of its team's SLA (definitions: lib/domain/sla.ts),
 * minus the conditions that already fired. Set-based: per scope, an index scan of the open denials of its team
 * (or of the rule's column: follow-up date, deadline, owner — the planner's choice), and per candidate an index
 * probe of its timeline (denial_event by denial and time) and of sla_firing. (OFFSET 0 keeps a subquery whole, so
 * its `since` is computed once a row rather than once per use.) The run (batches) and the dry-run
 * counts on the settings page both read this statement, so the page shows exactly what the job would do.
 */
export function slaCandidatesSql(scopes: readonly SlaScope[], today: string, now: Date): Prisma.Sql {
  const at = Prisma.sql`${now}::timestamptz`;
  const branches = SCOPES.flatMap((scope) => [followUpOverdue(today, scope), deadlineUnworked(today, at, scope), unassigned(at, scope)]);
  return Prisma.sql`
    WITH s AS MATERIALIZED (${settingsRelation(scopes)}),
    c AS (${Prisma.join(branches, ' UNION ALL ')})
    SELECT c.* FROM c
     WHERE NOT EXISTS (SELECT 1 FROM sla_firing f WHERE f."denialId" = c."denialId" AND f.rule = c.rule AND f.instance = c.instance)`;
}
