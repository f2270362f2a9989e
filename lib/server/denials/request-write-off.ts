import 'server-only';
import { z } from 'zod';
import { plainText } from '@/lib/domain/contracts/text';
import { transition } from '@/lib/domain/lifecycle';
import { formatUsd } from '@/lib/domain/money';
import { type Result, fail } from '../errors';
import { newId } from '../remits/new-id';
import { denialRef } from './denial-ref';
import { type Actor, can } from '@/lib/domain/permissions';
import type { DenialStateDto } from './dto';
import { mutateDenial } from './mutate-denial';
import { writeOffThresholdCents } from './write-off-threshold';

export const requestWriteOffInput = z.object({
  ...denialRef,
  reason: plainText(z.string().trim().min(3, 'Say why this is written off').max(2000), 'multi-line'),
});
export type RequestWriteOffInput = z.infer<typeof requestWriteOffInput>;

/**
 * Writes off what is still unpaid. At or below the approval threshold (a Setting), or by a manager, it is
 * written off at once; above it, it waits as a pending write-off for a manager (design.md).
 */
export async function requestWriteOff(actor: Actor, input: RequestWriteOffInput): Promise<Result<DenialStateDto>> {
  return mutateDenial(actor, input, 'request_writeoff', async (denial, { tx }) => {
    const threshold = await writeOffThresholdCents(tx);
    const amountCents = Number(denial.deniedCents);
    const direct = can(actor, 'approve_writeoff', denial) || amountCents <= threshold;
    const to = direct ? 'written_off' : 'writeoff_pending';
    const result = transition(
      { status: denial.status, appealLevel: null, escalated: denial.escalated },
      { to, reason: input.reason, actorRole: actor.role },
      { deniedAmountCents: amountCents, writeOffApprovalThresholdCents: threshold },
    );
    if (!result.ok) return fail('invalid_input', result.reason);
    const status = direct ? 'approved' : 'pending';
    const writeOffId = newId();
    return {
      data: { status: to, escalated: result.state.escalated, ...(direct ? { resolvedAt: new Date(), followUpDate: null } : {}) },
      events: [
        {
          type: 'write_off',
          note: input.reason,
          data: { amountCents, status, from: denial.status, writeOffId, ...(direct ? {} : { needsApprovalAbove: formatUsd(threshold) }) },
        },
      ],
      // Written off at once (below the threshold, or by a manager): its author may take it back for a moment.
      undoable: direct,
      audit: { action: 'denial.write_off_request', details: { amountCents, status } },
      rescore: true,
      after: async (t) => {
        await t.writeOff.create({
          data: {
            id: writeOffId,
            denialId: denial.id,
            amountCents: BigInt(amountCents),
            reason: input.reason,
            status,
            requestedById: actor.id,
            ...(direct ? { decidedById: actor.id, decidedAt: new Date() } : {}),
          },
        });
      },
    };
  });
}
