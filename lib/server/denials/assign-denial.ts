import 'server-only';
import { z } from 'zod';
import { statusAfterAssignment } from '@/lib/domain/lifecycle';
import { type Result, fail } from '../errors';
import { denialRef } from './denial-ref';
import { type Actor, can } from '@/lib/domain/permissions';
import type { DenialStateDto } from './dto';
import { mutateDenial } from './mutate-denial';

export const assignDenialInput = z.object({
  ...denialRef,
  /** 'me' takes it; a user id reassigns it (managers); null puts it back in the pool (managers). */
  assignee: z.union([z.literal('me'), z.uuid(), z.null()]),
});
export type AssignDenialInput = z.infer<typeof assignDenialInput>;

export async function assignDenial(actor: Actor, input: AssignDenialInput): Promise<Result<DenialStateDto>> {
  const targetId = input.assignee === 'me' ? actor.id : input.assignee;
  const action = targetId === actor.id ? 'assign_self' : 'reassign';
  return mutateDenial(actor, input, action, async (denial, { tx }) => {
    if (denial.ownerId === targetId) {
      return fail('invalid_input', targetId ? `Already assigned to ${denial.owner?.name ?? 'them'}.` : 'Already unassigned.');
    }
    const target = targetId
      ? await tx.user.findUnique({ where: { id: targetId }, select: { id: true, name: true, role: true, teamId: true, disabledAt: true } })
      : null;
    // The denial joins its new owner's team, so it must stay within the actor's reach. A colleague outside it
    // answers exactly as an unknown id does: a user id never tells whether it exists in another team.
    const assignable =
      target !== null &&
      !target.disabledAt &&
      (target.role === 'specialist' || target.role === 'manager') &&
      (action !== 'reassign' || can(actor, 'reassign', { ownerId: target.id, teamId: target.teamId }));
    if (targetId && !assignable) {
      return fail('invalid_input', 'Denials can be assigned only to active specialists and managers you work with.', {
        fieldErrors: { assignee: ['Choose someone from the list'] },
      });
    }
    const status = statusAfterAssignment(denial.status, target !== null);
    return {
      // The denial joins its owner's team, so the team queue follows the work.
      data: { ownerId: target?.id ?? null, teamId: target?.teamId ?? denial.teamId, status },
      events: [
        {
          type: 'assigned',
          data: {
            from: denial.owner ? { id: denial.owner.id, name: denial.owner.name } : null,
            to: target ? { id: target.id, name: target.name } : null,
            ...(status !== denial.status ? { status: { from: denial.status, to: status } } : {}),
          },
        },
      ],
      audit: { action: 'denial.assign', details: { from: denial.ownerId, to: target?.id ?? null } },
    };
  });
}
