import 'server-only';
import { z } from 'zod';
import { plainText } from '@/lib/domain/contracts/text';
import { transition } from '@/lib/domain/lifecycle';
import { formatUsd } from '@/lib/domain/money';
import { WRITE_OFF_DETAIL_MAX, WRITE_OFF_REASON_CODES, writeOffReasonProblem, writeOffReasonText } from '@/lib/domain/write-off-reasons';
import { type Result, fail } from '../errors';
import { managersOfTeams } from '../escalations/team-managers';
import { notify } from '../notifications/notify';
import { newId } from '../remits/new-id';
import { denialRef } from './denial-ref';
import type { Actor } from '@/lib/domain/permissions';
import type { DenialStateDto } from './dto';
import { mutateDenial } from './mutate-denial';
import { payerWriteOffThresholdCents } from './write-off-threshold';

export const requestWriteOffInput = z
  .object({
    ...denialRef,
    reasonCode: z.enum(WRITE_OFF_REASON_CODES, 'Choose a reason from the list'),
    /** The detail: required for 'other', optional for the rest (write-off-reasons.ts). */
    reason: plainText(z.string().trim().max(WRITE_OFF_DETAIL_MAX), 'multi-line').default(''),
  })
  .superRefine((input, ctx) => {
    const problem = writeOffReasonProblem(input.reasonCode, input.reason);
    if (problem) ctx.addIssue({ code: 'custom', message: problem, path: ['reason'] });
  });
export type RequestWriteOffInput = z.input<typeof requestWriteOffInput>;

/**
 * Writes off what is still unpaid. At or below the approval threshold (the payer's own, else the global Setting)
 * it is written off at once; above it, it waits as a pending write-off for a manager — whoever asks, managers
 * included: nobody approves their own (decide-write-off.ts), so a manager's large write-off waits for another
 * manager. The team's managers are told in the same transaction.
 */
export async function requestWriteOff(actor: Actor, input: RequestWriteOffInput): Promise<Result<DenialStateDto>> {
  const reasonCode = input.reasonCode;
  const detail = (input.reason ?? '').trim();
  const summary = writeOffReasonText(reasonCode, detail);
  return mutateDenial(actor, input, 'request_writeoff', async (denial, { tx }) => {
    // The schema checks this at the edge; an operation called directly checks it too.
    const problem = writeOffReasonProblem(reasonCode, detail);
    if (problem) return fail('invalid_input', problem, { fieldErrors: { reason: [problem] } });
    const threshold = await payerWriteOffThresholdCents(tx, denial.payerId);
    const amountCents = Number(denial.deniedCents);
    const direct = amountCents <= threshold;
    const to = direct ? 'written_off' : 'writeoff_pending';
    const result = transition(
      { status: denial.status, appealLevel: null, escalated: denial.escalated },
      { to, reason: summary, actorRole: actor.role },
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
          note: summary,
          data: { amountCents, status, from: denial.status, writeOffId, reasonCode, ...(direct ? {} : { needsApprovalAbove: formatUsd(threshold) }) },
        },
      ],
      // Written off at once (at or below the threshold): its author may take it back for a moment.
      undoable: direct,
      audit: { action: 'denial.write_off_request', details: { amountCents, status, reasonCode } },
      rescore: true,
      after: async (t) => {
        await t.writeOff.create({
          data: {
            id: writeOffId,
            denialId: denial.id,
            amountCents: BigInt(amountCents),
            reasonCode,
            reason: detail,
            status,
            requestedById: actor.id,
            ...(direct ? { decidedById: actor.id, decidedAt: new Date() } : {}),
          },
        });
        if (direct) return;
        const managers = (await managersOfTeams(t, [denial.teamId])).get(denial.teamId) ?? [];
        await notify(
          t,
          actor.id,
          managers.map((userId) => ({
            userId,
            kind: 'approval_requested' as const,
            title: `${actor.name} asks to write off ${formatUsd(amountCents)}`,
            body: summary,
            href: '/approvals',
            denialId: denial.id,
          })),
        );
      },
    };
  });
}
