import 'server-only';
import { type Actor, can, takesOrgWideScope } from '@/lib/domain/permissions';
import { audit } from '../audit';
import { db } from '../db';
import { fail, type Result } from '../errors';
import type { UpdateUserInput } from './schemas';
import { unknownTeam } from './team-exists';

/**
 * Changes a user's role, team, letter title or (for a manager) organisation-wide scope, or disables/enables them. Disabling
 * ends every open session at once. Audited with what changed.
 */
export async function updateUser(actor: Actor, input: UpdateUserInput): Promise<Result<{ id: string }>> {
  if (!can(actor, 'manage_users')) return fail('forbidden', 'Only administrators manage users.');
  if (input.userId === actor.id && (input.disabled || (input.role && input.role !== 'admin'))) {
    return fail('invalid_input', 'You cannot disable yourself or remove your own administrator role.');
  }
  const user = await db.user.findUnique({ where: { id: input.userId } });
  if (!user) return fail('not_found', 'No such user.');
  const noTeam = await unknownTeam(db, input.teamId);
  if (noTeam) return noTeam;
  if (input.orgWide && !takesOrgWideScope(input.role ?? user.role)) {
    return fail('invalid_input', 'Only a manager can be given organisation-wide scope.');
  }
  const now = new Date();
  await db.$transaction(async (tx) => {
    await tx.user.update({
      where: { id: input.userId },
      data: {
        role: input.role,
        teamId: input.teamId,
        orgWide: input.orgWide,
        title: input.title === undefined ? undefined : input.title || null,
        disabledAt: input.disabled === undefined ? undefined : input.disabled ? (user.disabledAt ?? now) : null,
      },
    });
    if (input.disabled) {
      await tx.authSession.updateMany({ where: { userId: input.userId, revokedAt: null }, data: { revokedAt: now } });
    }
    await audit(actor, { action: 'user.update', entityType: 'user', entityId: input.userId, details: { ...input } }, tx);
  });
  return { ok: true, data: { id: input.userId } };
}
