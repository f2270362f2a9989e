import 'server-only';
import { z } from 'zod';
import { Prisma } from '@/lib/generated/prisma/client';
import { type Actor, can } from '@/lib/domain/permissions';
import { SLA_LIMITS as L } from '@/lib/domain/sla';
import { audit } from '../audit';
import { type Tx, db } from '../db';
import { type Result, fail } from '../errors';
import { mayEditSla } from './list-team-slas';

const whole = (limit: { min: number; max: number }, unit: string) =>
  z
    .number({ error: `A whole number of ${unit}` })
    .int(`A whole number of ${unit}`)
    .min(limit.min, `At least ${limit.min} ${unit}`)
    .max(limit.max, `At most ${limit.max} ${unit}`);

export const slaSettingsInput = z.object({
  followUpOverdueEnabled: z.boolean(),
  followUpOverdueDays: whole(L.followUpOverdueDays, 'days'),
  deadlineUnworkedEnabled: z.boolean(),
  deadlineWithinDays: whole(L.deadlineWithinDays, 'days'),
  deadlineIdleDays: whole(L.deadlineIdleDays, 'days'),
  unassignedEnabled: z.boolean(),
  unassignedHours: whole(L.unassignedHours, 'hours'),
});

export const updateTeamSlaInput = slaSettingsInput.extend({
  /** null: the organisation default. */
  teamId: z.uuid().nullable(),
  /** The version read (0 when the team had no settings of its own). */
  version: z.number().int().min(0),
});
export type UpdateTeamSlaInput = z.infer<typeof updateTeamSlaInput>;

type Settings = z.infer<typeof slaSettingsInput>;

function updateRow(tx: Tx, actor: Actor, s: Settings, where: Prisma.Sql) {
  return tx.$queryRaw<{ version: number }[]>(Prisma.sql`
    UPDATE team_sla SET "followUpOverdueEnabled" = ${s.followUpOverdueEnabled}, "followUpOverdueDays" = ${s.followUpOverdueDays},
           "deadlineUnworkedEnabled" = ${s.deadlineUnworkedEnabled}, "deadlineWithinDays" = ${s.deadlineWithinDays},
           "deadlineIdleDays" = ${s.deadlineIdleDays}, "unassignedEnabled" = ${s.unassignedEnabled}, "unassignedHours" = ${s.unassignedHours},
           version = version + 1, "updatedById" = ${actor.id}::uuid, "updatedAt" = now()
     WHERE ${where}
    RETURNING version`);
}

/**
 * Saves one team's SLA (or the organisation default), refusing a stale edit (team_sla.version), audited in the
 * same transaction. A team's first save creates its row (version 0 → 1); two first saves at once: one wins, the
 * other is told to reload.
 */
export async function updateTeamSla(actor: Actor, input: UpdateTeamSlaInput): Promise<Result<{ version: number }>> {
  if (!can(actor, 'manage_team_slas')) return fail('forbidden', 'Only managers set team SLAs.');
  if (!mayEditSla(actor, input.teamId)) {
    return input.teamId === null
      ? fail('forbidden', 'Only a manager with organisation-wide scope sets the organisation default.')
      : fail('not_found', 'This team does not exist.');
  }
  const { teamId, version, ...settings } = input;
  return db.$transaction(async (tx) => {
    if (teamId !== null && !(await tx.team.findUnique({ where: { id: teamId }, select: { id: true } }))) return fail('not_found', 'This team does not exist.');
    const before = await tx.teamSla.findFirst({ where: { teamId } });
    const s = settings;
    const saved =
      teamId === null
        ? await updateRow(tx, actor, settings, Prisma.sql`"teamId" IS NULL AND version = ${version}`)
        : await tx.$queryRaw<{ version: number }[]>(Prisma.sql`
            INSERT INTO team_sla (id, "teamId", "followUpOverdueEnabled", "followUpOverdueDays", "deadlineUnworkedEnabled", "deadlineWithinDays",
                                  "deadlineIdleDays", "unassignedEnabled", "unassignedHours", version, "updatedById", "updatedAt")
            SELECT gen_random_uuid(), ${teamId}::uuid, ${s.followUpOverdueEnabled}, ${s.followUpOverdueDays}, ${s.deadlineUnworkedEnabled}, ${s.deadlineWithinDays},
                   ${s.deadlineIdleDays}, ${s.unassignedEnabled}, ${s.unassignedHours}, 1, ${actor.id}::uuid, now()
             WHERE ${version} = 0
            ON CONFLICT ("teamId") DO UPDATE SET
                   "followUpOverdueEnabled" = excluded."followUpOverdueEnabled", "followUpOverdueDays" = excluded."followUpOverdueDays",
                   "deadlineUnworkedEnabled" = excluded."deadlineUnworkedEnabled", "deadlineWithinDays" = excluded."deadlineWithinDays",
                   "deadlineIdleDays" = excluded."deadlineIdleDays", "unassignedEnabled" = excluded."unassignedEnabled",
                   "unassignedHours" = excluded."unassignedHours", version = team_sla.version + 1,
                   "updatedById" = excluded."updatedById", "updatedAt" = now()
             WHERE team_sla.version = ${version}
            RETURNING version`);
    // A version above 0 means the row exists: a plain versioned update (no row matching = stale).
    const updated =
      saved.length === 0 && teamId !== null && version > 0
        ? await updateRow(tx, actor, settings, Prisma.sql`"teamId" = ${teamId}::uuid AND version = ${version}`)
        : saved;
    if (updated.length === 0) {
      return fail('conflict', 'Someone else saved this SLA while you were editing. Your change was not saved: the latest settings are shown — check them and save again.');
    }
    const previous = before ? { ...before, updatedAt: before.updatedAt.toISOString() } : null;
    await audit(actor, { action: 'team_sla.update', entityType: 'team_sla', entityId: teamId, details: { teamId, before: previous, after: settings } }, tx);
    return { ok: true as const, data: { version: updated[0]!.version } };
  });
}
