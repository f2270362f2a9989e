import 'server-only';
import { z } from 'zod';
import { ESCALATION_OUTCOMES, type EscalationOutcome } from '@/lib/domain/escalations/handling';
import { statusAfterAssignment } from '@/lib/domain/lifecycle';
import { type Actor, can, roleMay } from '@/lib/domain/permissions';
import { todayIso } from '../clock';
import { db } from '../db';
import { type Result, fail } from '../errors';
import type { DenialStateDto } from '../denials/dto';
import { readDenialState, toDenialState } from '../denials/mutate-denial';
import { ESCALATION_NOT_FOUND, alreadyEnded, endEscalation, readEscalation } from './end-escalation';
import { type NewNotification, notify } from '../notifications/notify';
import { escalationText } from './escalation-text';

export const handleEscalationInput = z
  .object({
    escalationId: z.uuid(),
    outcome: z.enum(ESCALATION_OUTCOMES),
    /** Resolved: what was decided; returned: what the owner should do; reassigned: why them. */
    note: escalationText('what you decided'),
    /** The new owner, for a reassignment. */
    assigneeId: z.uuid().optional(),
  })
  .superRefine((input, ctx) => {
    if (input.outcome === 'reassigned' && !input.assigneeId) ctx.addIssue({ code: 'custom', path: ['assigneeId'], message: 'Choose who takes it' });
  });
export type HandleEscalationInput = z.infer<typeof handleEscalationInput>;

const TITLE: Record<EscalationOutcome, string> = {
  resolved: 'Your escalation was resolved',
  returned: 'Your escalation was returned to the owner',
  reassigned: 'Your escalation was reassigned',
};

/**
 * A manager handles an open escalation in their reach: resolves it, returns it to the denial's owner, or gives
 * the denial to another active specialist — always with a note (endEscalation: a second manager at the same moment
 * gets a 409), and notifications to the raiser (and the new owner), all in one transaction.
 */
export async function handleEscalation(actor: Actor, input: HandleEscalationInput, today = todayIso()): Promise<Result<DenialStateDto>> {
  if (!roleMay(actor.role, 'handle_escalation')) return fail('forbidden', 'Your role does not allow handling escalations.');
  return db.$transaction(
    async (tx) => {
      const found = await readEscalation(tx, input.escalationId);
      // Another team's escalation answers as a missing one: an id never tells whether it exists elsewhere.
      if (!found || !can(actor, 'handle_escalation', found.denial)) return fail('not_found', ESCALATION_NOT_FOUND);
      const { escalation, denial } = found;
      if (escalation.status !== 'open') return alreadyEnded(tx, escalation.id);

      let target: Parameters<typeof endEscalation>[5] = null;
      if (input.outcome === 'reassigned') {
        const user = await tx.user.findUnique({ where: { id: input.assigneeId! }, select: { id: true, name: true, role: true, teamId: true, disabledAt: true } });
        const assignable = user !== null && !user.disabledAt && user.role === 'specialist' && can(actor, 'reassign', { ownerId: user.id, teamId: user.teamId });
        if (!assignable) {
          return fail('invalid_input', 'An escalation can be reassigned only to an active specialist you manage.', { fieldErrors: { assigneeId: ['Choose someone from the list'] } });
        }
        if (user.id === denial.ownerId) {
          return fail('invalid_input', `${user.name} already owns this denial: return it to them instead.`, { fieldErrors: { assigneeId: ['Choose someone else'] } });
        }
        target = { id: user.id, name: user.name, teamId: user.teamId, status: statusAfterAssignment(denial.status, true) };
      }

      const refused = await endEscalation(tx, actor, found, input.outcome, input.note, target);
      if (refused) return refused;

      const href = `/denials/${denial.id}`;
      const notes: NewNotification[] = [];
      if (escalation.raisedById) notes.push({ userId: escalation.raisedById, kind: 'escalation_handled', title: TITLE[input.outcome], body: input.note, href, denialId: denial.id });
      // Returned work goes back to whoever owns it, who may not be the one who raised it (an SLA, a colleague).
      if (input.outcome === 'returned' && denial.ownerId && denial.ownerId !== escalation.raisedById) {
        notes.push({ userId: denial.ownerId, kind: 'escalation_handled', title: 'An escalation on your denial was returned to you', body: input.note, href, denialId: denial.id });
      }
      if (target) notes.push({ userId: target.id, kind: 'assignment', title: `${actor.name} gave you an escalated denial`, body: input.note, href, denialId: denial.id });
      await notify(tx, actor.id, notes);

      const fresh = await readDenialState(tx, denial.id);
      return { ok: true as const, data: toDenialState(fresh!, today) };
    },
    { maxWait: 15_000, timeout: 20_000 },
  );
}

