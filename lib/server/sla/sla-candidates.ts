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
const SAME_TEAM = Prisma.sql`(d."teamId" = s."teamId" OR (d."teamId" IS NULL AND s."teamId" IS NULL))`;
const UTC_TEXT = (column: Prisma.Sql) => Prisma.sql`to_char(${column} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;

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

/**
 * Every open, not-escalated denial meeting an enabled rule of its team's SLA (definitions: lib/domain/sla.ts),
 * minus the conditions that already fired. Set-based: per scope, one range scan over the partial open-denial
 * index of the rule's column (follow-up date, deadline, owner), and per candidate an index probe of its
 * timeline (denial_event by denial and time) and of sla_firing. The run (batches) and the dry-run counts on the
 * settings page both read this statement, so the page shows exactly what the job would do.
 */
export function slaCandidatesSql(scopes: readonly SlaScope[], today: string, now: Date): Prisma.Sql {
  const at = Prisma.sql`${now}::timestamptz`;
  return Prisma.sql`
    WITH s AS MATERIALIZED (${settingsRelation(scopes)}),
    c AS (
      SELECT d.id AS "denialId", s."teamId", 'follow_up_overdue' AS rule, d."followUpDate"::text AS instance,
             (${today}::date - d."followUpDate") AS measure, NULL::int AS measure2
        FROM s CROSS JOIN LATERAL (
          SELECT d.id, d."followUpDate" FROM denial d
           WHERE s."fuOn" AND ${OPEN} AND NOT d.escalated AND ${SAME_TEAM}
             AND d."followUpDate" < ${today}::date - s."fuDays") d
      UNION ALL
      SELECT d.id, s."teamId", 'deadline_unworked', d."deadlineDate"::text || ' idle since ' || ${UTC_TEXT(Prisma.sql`d.since`)},
             (d."deadlineDate" - ${today}::date), floor(extract(epoch FROM ${at} - d.since) / 86400)::int
        FROM s CROSS JOIN LATERAL (
          SELECT d.id, d."deadlineDate",
                 -- Worked = a person's event; the import's event names its uploader but is nobody's work.
                 greatest(d."openedAt", (SELECT max(e."createdAt") FROM denial_event e
                                          WHERE e."denialId" = d.id AND e."actorId" IS NOT NULL AND e.type <> 'ingested')) AS since
            FROM denial d
           WHERE s."dlOn" AND ${OPEN} AND NOT d.escalated AND ${SAME_TEAM}
             AND d."deadlineDate" BETWEEN ${today}::date AND ${today}::date + s."dlWithin") d
       WHERE d.since <= ${at} - make_interval(days => s."dlIdle")
      UNION ALL
      SELECT d.id, s."teamId", 'unassigned', ${UTC_TEXT(Prisma.sql`d.since`)},
             floor(extract(epoch FROM ${at} - d.since) / 3600)::int, NULL::int
        FROM s CROSS JOIN LATERAL (
          SELECT d.id,
                 greatest(d."openedAt", (SELECT max(e."createdAt") FROM denial_event e WHERE e."denialId" = d.id AND e.type = 'assigned')) AS since
            FROM denial d
           WHERE s."unOn" AND ${OPEN} AND NOT d.escalated AND ${SAME_TEAM} AND d."ownerId" IS NULL) d
       WHERE d.since < ${at} - make_interval(hours => s."unHours")
    )
    SELECT c.* FROM c
     WHERE NOT EXISTS (SELECT 1 FROM sla_firing f WHERE f."denialId" = c."denialId" AND f.rule = c.rule AND f.instance = c.instance)`;
}
