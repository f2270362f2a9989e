import 'server-only';
import { z } from 'zod';
import { plainText } from '@/lib/domain/contracts/text';
import { transition } from '@/lib/domain/lifecycle';
import { formatUsd } from '@/lib/domain/money';
import { writeOffReasonText } from '@/lib/domain/write-off-reasons';
import { type Result, fail } from '../errors';
import { notify } from '../notifications/notify';
import { denialRef } from './denial-ref';
import type { Actor } from '@/lib/domain/permissions';
import type { DenialStateDto } from './dto';
import { mutateDenial } from './mutate-denial';
import { payerWriteOffThresholdCents } from './write-off-threshold';

export const REJECT_NEEDS_NOTE = 'Say why the write-off is rejected: the requester works the denial again from it.';
export const OWN_WRITE_OFF = 'You asked for this write-off: another manager decides it.';

export const decideWriteOffInput = z
  .object({
    ...denialRef,
    approve: z.boolean(),
    note: plainText(z.string().trim().max(2000), 'multi-line').optional(),
  })
  .refine((d) => d.approve || (d.note ?? '').length >= 3, { message: REJECT_NEEDS_NOTE, path: ['note'] });
export type DecideWriteOffInput = z.infer<typeof decideWriteOffInput>;

/**
 * A manager approves (written off, the denial closed) or rejects (back to work, with a reason) a pending write-off.
 * Nobody decides their own request — a manager's own write-off above the threshold waits for another manager —
 * and specialists never decide any (the action is a manager's). The requester is told in the same transaction.
 */
export async function decideWriteOff(actor: Actor, input: DecideWriteOffInput): Promise<Result<DenialStateDto>> {
  const note = input.note?.trim() || null;
  return mutateDenial(actor, input, 'approve_writeoff', async (denial, { tx }) => {
    if (!input.approve && (note ?? '').length < 3) return fail('invalid_input', REJECT_NEEDS_NOTE, { fieldErrors: { note: [REJECT_NEEDS_NOTE] } });
    const pending = await tx.writeOff.findFirst({ where: { denialId: denial.id, status: 'pending' }, orderBy: { requestedAt: 'desc' } });
    if (denial.status !== 'writeoff_pending' || !pending) return fail('invalid_input', 'There is no pending write-off to decide.');
    if (pending.requestedById === actor.id) return fail('forbidden', OWN_WRITE_OFF);
    const to = input.approve ? 'written_off' : 'in_progress';
    const reason = writeOffReasonText(pending.reasonCode, pending.reason);
    const result = transition(
      { status: denial.status, appealLevel: null, escalated: denial.escalated },
      { to, reason, actorRole: actor.role },
      { deniedAmountCents: Number(denial.deniedCents), writeOffApprovalThresholdCents: await payerWriteOffThresholdCents(tx, denial.payerId) },
    );
    if (!result.ok) return fail('invalid_input', result.reason);
    const decision = input.approve ? 'approved' : 'rejected';
    const amountCents = Number(pending.amountCents);
    return {
      data: { status: to, escalated: result.state.escalated, ...(input.approve ? { resolvedAt: new Date(), followUpDate: null } : {}) },
      events: [{ type: 'write_off', note, data: { decision, amountCents, from: denial.status, writeOffId: pending.id, reasonCode: pending.reasonCode } }],
      audit: { action: `denial.write_off_${decision}`, details: { writeOffId: pending.id, reasonCode: pending.reasonCode } },
      rescore: true,
      after: async (t) => {
        await t.writeOff.update({
          where: { id: pending.id },
          data: { status: decision, decidedById: actor.id, decidedAt: new Date(), decisionNote: note },
        });
        await notify(t, actor.id, [
          {
            userId: pending.requestedById,
            kind: 'approval_decided',
            title: `${actor.name} ${decision} your write-off of ${formatUsd(amountCents)}`,
            body: note ? `${reason}. ${note}` : reason,
            href: `/denials/${denial.id}`,
            denialId: denial.id,
          },
        ]);
      },
    };
  });
}
