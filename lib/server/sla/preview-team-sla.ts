import 'server-only';
import { z } from 'zod';
import { type Actor, can, reachesAll } from '@/lib/domain/permissions';
import type { SlaRule } from '@/lib/domain/sla';
import { db } from '../db';
import { type Result, fail } from '../errors';
import { wouldFireCounts } from './list-team-slas';
import { slaSettingsInput } from './update-team-sla';

export const previewTeamSlaInput = slaSettingsInput.extend({ teamId: z.uuid().nullable() });
export type PreviewTeamSlaInput = z.infer<typeof previewTeamSlaInput>;

/**
 * What the numbers being typed would escalate now, per rule, before they are saved: the dry run of the page's
 * counts with unsaved settings. Reads counts only (no denial is named), so nothing is audited.
 */
export async function previewTeamSla(actor: Actor, input: PreviewTeamSlaInput): Promise<Result<Record<SlaRule, number>>> {
  if (!can(actor, 'manage_team_slas')) return fail('forbidden', 'Only managers see team SLAs.');
  const { teamId, ...settings } = input;
  const readable = teamId === null || reachesAll(actor) || teamId === actor.teamId;
  if (!readable || (teamId !== null && !(await db.team.findUnique({ where: { id: teamId }, select: { id: true } })))) {
    return fail('not_found', 'This team does not exist.');
  }
  const counts = await wouldFireCounts([{ teamId, teamName: '', settings, source: 'team', version: 0, updatedAt: null }]);
  return { ok: true, data: counts.get(teamId)! };
}
