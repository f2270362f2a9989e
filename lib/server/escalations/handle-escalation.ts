import 'server-only';
import { z } from 'zod';
import { ESCALATION_OUTCOMES, ESCALATION_OUTCOME_VERB, type EscalationOutcome } from '@/lib/domain/escalations/handling';
import { statusAfterAssignment } from '@/lib/domain/lifecycle';
import { type Actor, can, roleMay } from '@/lib/domain/permissions';
import { audit } from '../audit';
import { todayIso } from '../clock';
import { db, type Tx } from '../db';
import { type Result, fail } from '../errors';
import type { DenialStateDto } from '../denials/dto';
import { readDenialState, toDenialState } from '../denials/mutate-denial';
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

export const ESCALATION_NOT_FOUND = 'This escalation does not exist.';

const TITLE: Record<EscalationOutcome, string> = {
  resolved: 'Your escalation was resolved',
  returned: 'Your escalation was returned to the owner',
  reassigned: 'Your escalation was reassigned',
};

async function alreadyHandled(tx: Tx, id: string) {
  const row = await tx.escalation.findUnique({ where: { id }, select: { status: true, handledBy: { select: { name: true } } } });
  const who = row?.handledBy?.name ?? 'Someone else';
  const how = row && row.status !== 'open' ? ESCALATION_OUTCOME_VERB[row.status as EscalationOutcome] ?? row.status : 'handled';
  return fail('conflict', `${who} already ${how} this escalation. Nothing was changed: reload to see what they decided.`);
}

/**
 * A manager handles an open escalation in their reach: resolves it, returns it to the denial's owner, or gives
 * the denial to another active specialist — always with a note. The escalation row changes only while still open
 * (a second manager handling it at the same moment waits on the row lock, finds it handled and gets a 409); the
 * denial's flag clears and its version moves (an edit based on the escalated state is then stale), with one
 * timeline event, one audit event, and notifications to the raiser (and the new owner) — all in one transaction.
 */
export async function handleEscalation(actor: Actor, input: HandleEscalationInput, today = todayIso()): Promise<Result<DenialStateDto>> {
  if (!roleMay(actor.role, 'handle_escalation')) return fail('forbidden', 'Your role does not allow handling escalations.');
  return db.$transaction(
    async (tx) => {
      const escalation = await tx.escalation.findUnique({
        where: { id: input.escalationId },
        select: { id: true, status: true, denialId: true, raisedById: true, reason: true, slaRule: true },
      });
      const denial = escalation ? await readDenialState(tx, escalation.denialId) : null;
      // Another team's escalation answers as a missing one: an id never tells whether it exists elsewhere.
      if (!escalation || !denial || !can(actor, 'handle_escalation', denial)) return fail('not_found', ESCALATION_NOT_FOUND);
      if (escalation.status !== 'open') return alreadyHandled(tx, escalation.id);

      let target: { id: string; name: string; teamId: string | null } | null = null;
      if (input.outcome === 'reassigned') {
        const user = await tx.user.findUnique({ where: { id: input.assigneeId! }, select: { id: true, name: true, role: true, teamId: true, disabledAt: true } });
        const assignable = user !== null && !user.disabledAt && user.role === 'specialist' && can(actor, 'reassign', { ownerId: user.id, teamId: user.teamId });
        if (!assignable) {
          return fail('invalid_input', 'An escalation can be reassigned only to an active specialist you manage.', { fieldErrors: { assigneeId: ['Choose someone from the list'] } });
        }
        if (user.id === denial.ownerId) {
          return fail('invalid_input', `${user.name} already owns this denial: return it to them instead.`, { fieldErrors: { assigneeId: ['Choose someone else'] } });
        }
        target = { id: user.id, name: user.name, teamId: user.teamId };
      }

      const { count } = await tx.escalation.updateMany({
        where: { id: escalation.id, status: 'open' },
        data: { status: input.outcome, handledById: actor.id, handledAt: new Date(), handledNote: input.note },
      });
      if (count === 0) return alreadyHandled(tx, escalation.id);

      const status = target ? statusAfterAssignment(denial.status, true) : denial.status;
      await tx.denial.update({
        where: { id: denial.id },
        data: {
          escalated: false,
          escalatedAt: null,
          version: { increment: 1 },
          // The denial joins its new owner's team, so the team queue follows the work (as assign-denial.ts).
          ...(target ? { ownerId: target.id, teamId: target.teamId ?? denial.teamId, status } : {}),
        },
      });
      const from = denial.owner ? { id: denial.owner.id, name: denial.owner.name } : null;
      await tx.denialEvent.create({
        data: {
          denialId: denial.id,
          actorId: actor.id,
          type: 'escalation_handled',
          note: input.note,
          data: {
            escalationId: escalation.id,
            outcome: input.outcome,
            ...(target ? { from, to: { id: target.id, name: target.name }, ...(status !== denial.status ? { status: { from: denial.status, to: status } } : {}) } : {}),
          },
        },
      });
      await audit(
        actor,
        { action: 'escalation.handle', entityType: 'denial', entityId: denial.id, details: { escalationId: escalation.id, outcome: input.outcome, to: target?.id ?? null } },
        tx,
      );

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

