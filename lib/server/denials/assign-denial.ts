import 'server-only';
import { z } from 'zod';
import { statusAfterAssignment } from '@/lib/domain/lifecycle';
import { formatUsd } from '@/lib/domain/money';
import { givenReason, reassignNeedsReason, reassignReason } from '@/lib/domain/team/reassign-reason';
import { type Result, fail } from '../errors';
import { notify } from '../notifications/notify';
import { denialRef } from './denial-ref';
import { type Actor, can } from '@/lib/domain/permissions';
import type { DenialStateDto } from './dto';
import { mutateDenial } from './mutate-denial';

export const assignDenialInput = z.object({
  ...denialRef,
  /** 'me' takes it; a user id reassigns it (managers); null puts it back in the pool (managers). */
  assignee: z.union([z.literal('me'), z.uuid(), z.null()]),
  /** Why: required when it takes the denial away from a colleague (lib/domain/team/reassign-reason.ts). */
  reason: reassignReason.optional(),
});
export type AssignDenialInput = z.infer<typeof assignDenialInput>;

export const REASON_REQUIRED = 'Say why you are taking this denial from its owner.';

export async function assignDenial(actor: Actor, input: AssignDenialInput): Promise<Result<DenialStateDto>> {
  const targetId = input.assignee === 'me' ? actor.id : input.assignee;
  const action = targetId === actor.id ? 'assign_self' : 'reassign';
  const reason = givenReason(input.reason);
  return mutateDenial(actor, input, action, async (denial, { tx }) => {
    if (denial.ownerId === targetId) {
      return fail('invalid_input', targetId ? `Already assigned to ${denial.owner?.name ?? 'them'}.` : 'Already unassigned.');
    }
    if (!reason && reassignNeedsReason(actor.id, denial.ownerId, targetId)) {
      return fail('invalid_input', REASON_REQUIRED, { fieldErrors: { reason: ['Say why (at least 3 characters)'] } });
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
    const payer = await tx.payer.findUniqueOrThrow({ where: { id: denial.payerId }, select: { name: true } });
    return {
      // The denial joins its owner's team, so the team queue follows the work.
      data: { ownerId: target?.id ?? null, teamId: target?.teamId ?? denial.teamId, status },
      events: [
        {
          type: 'assigned',
          note: reason,
          data: {
            from: denial.owner ? { id: denial.owner.id, name: denial.owner.name } : null,
            to: target ? { id: target.id, name: target.name } : null,
            ...(status !== denial.status ? { status: { from: denial.status, to: status } } : {}),
          },
        },
      ],
      audit: { action: 'denial.assign', details: { from: denial.ownerId, to: target?.id ?? null, ...(reason ? { reason } : {}) } },
      // The new owner hears of it in the same transaction: a refused or rolled-back move notifies nobody.
      after: target
        ? async (t) => {
            await notify(t, actor.id, [
              {
                userId: target.id,
                kind: 'assignment',
                title: `${actor.name} assigned you a denial: ${payer.name}, ${formatUsd(Number(denial.deniedCents))}`,
                body: reason,
                href: `/denials/${denial.id}`,
                denialId: denial.id,
              },
            ]);
          }
        : undefined,
    };
  });
}
