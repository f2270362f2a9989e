import 'server-only';
import { z } from 'zod';
import { plainText } from '@/lib/domain/contracts/text';
import { transition } from '@/lib/domain/lifecycle';
import { type Result, fail } from '../errors';
import { denialRef } from './denial-ref';
import type { Actor } from '@/lib/domain/permissions';
import type { DenialStateDto } from './dto';
import { mutateDenial } from './mutate-denial';
import { writeOffThresholdCents } from './write-off-threshold';

export const decideWriteOffInput = z.object({
  ...denialRef,
  approve: z.boolean(),
  note: plainText(z.string().trim().max(2000), 'multi-line').optional(),
});
export type DecideWriteOffInput = z.infer<typeof decideWriteOffInput>;

/** A manager approves (written off) or rejects (back to work) a pending write-off. */
export async function decideWriteOff(actor: Actor, input: DecideWriteOffInput): Promise<Result<DenialStateDto>> {
  return mutateDenial(actor, input, 'approve_writeoff', async (denial, { tx }) => {
    const pending = await tx.writeOff.findFirst({ where: { denialId: denial.id, status: 'pending' }, orderBy: { requestedAt: 'desc' } });
    if (denial.status !== 'writeoff_pending' || !pending) return fail('invalid_input', 'There is no pending write-off to decide.');
    const to = input.approve ? 'written_off' : 'in_progress';
    const result = transition(
      { status: denial.status, appealLevel: null, escalated: denial.escalated },
      { to, reason: pending.reason, actorRole: actor.role },
      { deniedAmountCents: Number(denial.deniedCents), writeOffApprovalThresholdCents: await writeOffThresholdCents(tx) },
    );
    if (!result.ok) return fail('invalid_input', result.reason);
    const decision = input.approve ? 'approved' : 'rejected';
    return {
      data: { status: to, escalated: result.state.escalated, ...(input.approve ? { resolvedAt: new Date(), followUpDate: null } : {}) },
      events: [{ type: 'write_off', note: input.note || null, data: { decision, amountCents: Number(pending.amountCents), from: denial.status, writeOffId: pending.id } }],
      audit: { action: `denial.write_off_${decision}`, details: { writeOffId: pending.id } },
      rescore: true,
      after: async (t) => {
        await t.writeOff.update({
          where: { id: pending.id },
          data: { status: decision, decidedById: actor.id, decidedAt: new Date(), decisionNote: input.note || null },
        });
      },
    };
  });
}
