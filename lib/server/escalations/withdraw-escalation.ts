import 'server-only';
import { z } from 'zod';
import { type Actor, can, roleMay } from '@/lib/domain/permissions';
import { todayIso } from '../clock';
import { db } from '../db';
import { type Result, fail } from '../errors';
import type { DenialStateDto } from '../denials/dto';
import { readDenialState, toDenialState } from '../denials/mutate-denial';
import { ESCALATION_NOT_FOUND, alreadyEnded, endEscalation, readEscalation } from './end-escalation';
import { escalationText } from './escalation-text';

export const withdrawEscalationInput = z.object({
  escalationId: z.uuid(),
  /** Why it no longer needs a manager, for the timeline. */
  note: escalationText('why you withdraw it'),
});
export type WithdrawEscalationInput = z.infer<typeof withdrawEscalationInput>;

/**
 * Its raiser takes back an open escalation (the payer called back, the block cleared) while it is still open: the
 * same ending as a manager's (endEscalation), with the raiser's note. Only the raiser: a colleague's escalation,
 * like one outside the actor's reach, answers as missing.
 */
export async function withdrawEscalation(actor: Actor, input: WithdrawEscalationInput, today = todayIso()): Promise<Result<DenialStateDto>> {
  if (!roleMay(actor.role, 'escalate')) return fail('forbidden', 'Your role does not allow escalating denials.');
  return db.$transaction(
    async (tx) => {
      const found = await readEscalation(tx, input.escalationId);
      if (!found || found.escalation.raisedById !== actor.id || !can(actor, 'escalate', found.denial)) return fail('not_found', ESCALATION_NOT_FOUND);
      if (found.escalation.status !== 'open') return alreadyEnded(tx, found.escalation.id);
      const refused = await endEscalation(tx, actor, found, 'withdrawn', input.note);
      if (refused) return refused;
      const fresh = await readDenialState(tx, found.denial.id);
      return { ok: true as const, data: toDenialState(fresh!, today) };
    },
    { maxWait: 15_000, timeout: 20_000 },
  );
}
