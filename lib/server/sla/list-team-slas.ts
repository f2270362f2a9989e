import 'server-only';
import { Prisma } from '@/lib/generated/prisma/client';
import type { TeamSlaDto } from '@/lib/domain/contracts/team-slas';
import { type Actor, reachesAll } from '@/lib/domain/permissions';
import type { SlaRule } from '@/lib/domain/sla';
import { authorize } from '../authorize';
import { todayIso } from '../clock';
import { db } from '../db';
import { slaCandidatesSql } from './sla-candidates';
import { type SlaScope, slaScopes } from './sla-settings';

/** A manager edits their own team's SLA; an organisation-wide manager every team's and the default. */
export function mayEditSla(actor: Actor, teamId: string | null): boolean {
  return reachesAll(actor) || (teamId !== null && teamId === actor.teamId);
}

/**
 * The dry run: per scope and rule, how many denials the job would escalate now — with every rule switched on, so
 * a manager sees what turning one on would do before doing it. The job's own statement, counted.
 */
export async function wouldFireCounts(scopes: readonly SlaScope[], now = new Date()): Promise<Map<string | null, Record<SlaRule, number>>> {
  const allOn = scopes.map((s) => ({ ...s, settings: { ...s.settings, followUpOverdueEnabled: true, deadlineUnworkedEnabled: true, unassignedEnabled: true } }));
  const rows =
    allOn.length === 0
      ? []
      : await db.$queryRaw<{ teamId: string | null; rule: SlaRule; n: number }[]>(Prisma.sql`
          SELECT "teamId", rule, count(DISTINCT "denialId")::int AS n FROM (${slaCandidatesSql(allOn, todayIso(now), now)}) c GROUP BY 1, 2`);
  const counts = new Map<string | null, Record<SlaRule, number>>(scopes.map((s) => [s.teamId, { follow_up_overdue: 0, deadline_unworked: 0, unassigned: 0 }]));
  for (const r of rows) counts.get(r.teamId)![r.rule] = r.n;
  return counts;
}

/** The Team SLAs page: the organisation default and each team the viewer reaches, with the dry-run counts. */
export async function listTeamSlas(actor: Actor): Promise<TeamSlaDto[]> {
  authorize(actor, 'manage_team_slas', undefined, 'Only managers see team SLAs.');
  // Everyone with the action reads the default (their team may inherit it); their own team, or all teams.
  const scopes = (await slaScopes(db)).filter((s) => s.teamId === null || reachesAll(actor) || s.teamId === actor.teamId);
  const counts = await wouldFireCounts(scopes);
  return scopes.map((s) => ({
    teamId: s.teamId,
    teamName: s.teamName,
    settings: s.settings,
    source: s.source,
    version: s.version,
    updatedAt: s.updatedAt?.toISOString() ?? null,
    canEdit: mayEditSla(actor, s.teamId),
    wouldFire: counts.get(s.teamId)!,
  }));
}
