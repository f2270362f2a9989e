import 'server-only';
import { z } from 'zod';
import { APPEAL_DECISIONS, APPEAL_DECISION_LABEL, afterDecision, decideAppeal as decideStep } from '@/lib/domain/appeals/appeal-chain';
import { formatUsd } from '@/lib/domain/money';
import { enteredAmount } from '@/lib/domain/contracts/amount';
import { isoDateInput } from '@/lib/domain/contracts/dates';
import type { Actor } from '@/lib/domain/permissions';
import { type Result, fail } from '../errors';
import { denialRef } from '../denials/denial-ref';
import { type DenialStateDto, isoDate } from '../denials/dto';
import { mutateDenial } from '../denials/mutate-denial';
import { notify } from '../notifications/notify';
import { dateValue, loadPayerAppealRules, readAppeals, stepOf } from './appeal-records';
import { APPEAL_NOT_FOUND } from './submit-appeal';

export const decideAppealInput = z.object({
  ...denialRef,
  appealId: z.uuid(),
  decision: z.enum(APPEAL_DECISIONS),
  on: isoDateInput(),
  /** What the decision pays, as typed ("1,234.56"); the operation receives cents. Omitted when nothing is paid. */
  recovered: enteredAmount().optional(),
});
export type DecideAppealInput = z.infer<typeof decideAppealInput>;

/**
 * Records the payer's decision. Overturned for everything still denied resolves the denial as paid; any other
 * decision sends it back to work with what the decision paid counted as recovered, and the timeline names the
 * next level (with its deadline, counted from this decision) or why there is none — then a write-off.
 */
export async function decideAppeal(actor: Actor, input: DecideAppealInput): Promise<Result<DenialStateDto>> {
  return mutateDenial(actor, input, 'edit_denial', async (denial, { tx, today }) => {
    const row = (await readAppeals(tx, denial.id)).find((a) => a.id === input.appealId);
    if (!row) return fail('not_found', APPEAL_NOT_FOUND);
    if (denial.status !== 'appealed') return fail('invalid_input', 'This denial is not waiting on an appeal decision.');
    const outstandingCents = Math.max(0, Number(denial.deniedCents) - Number(denial.recoveredCents));
    const decided = decideStep(stepOf(row), { decision: input.decision, on: input.on, recoveredCents: input.recovered ?? 0 }, { today, outstandingCents });
    if (!decided.ok) return fail('invalid_input', decided.reason, { fieldErrors: /amount/i.test(decided.reason) ? { recovered: [decided.reason] } : undefined });
    const payer = await loadPayerAppealRules(tx, denial.payerId);
    const { noticeDate } = await tx.denial.findUniqueOrThrow({ where: { id: denial.id }, select: { noticeDate: true } });
    const next = afterDecision(decided.value, { rules: payer.rules, thresholds: payer.thresholds, outstandingCents, noticeDate: isoDate(noticeDate) });
    const resolved = next.denialStatus === 'resolved_paid';
    const recoveredCents = Number(denial.recoveredCents) + next.recoveredCents;
    return {
      data: {
        status: next.denialStatus,
        recoveredCents: BigInt(recoveredCents),
        // The status check was for this decision; a closed denial has nothing left to follow up.
        followUpDate: null,
        ...(resolved ? { resolvedAt: new Date() } : {}),
      },
      events: [
        {
          type: 'appeal',
          data: {
            action: 'decided',
            appealLevel: row.level,
            decision: input.decision,
            on: input.on,
            recoveredCents: next.recoveredCents,
            remainingCents: next.remainingCents,
            from: denial.status,
            to: next.denialStatus,
            nextLevel: next.nextLevel?.deadline.ok ? { level: next.nextLevel.level, dueDate: next.nextLevel.deadline.dueDate } : null,
            noNextLevelReason: next.noNextLevelReason,
          },
        },
      ],
      audit: { action: 'appeal.decide', details: { appealId: row.id, level: row.level, decision: input.decision, recoveredCents: next.recoveredCents } },
      rescore: true,
      after: async (t) => {
        await t.appeal.update({ where: { id: row.id }, data: { outcome: input.decision, decidedAt: dateValue(input.on), recoveredCents: BigInt(next.recoveredCents) } });
        // The owner hears of the payer's decision when someone else recorded it (a colleague, a manager).
        if (denial.ownerId) {
          const recovered = next.recoveredCents > 0 ? `: ${formatUsd(next.recoveredCents, { showCents: true })} recovered` : '';
          await notify(t, actor.id, [
            { userId: denial.ownerId, kind: 'appeal_decided', title: `Appeal ${APPEAL_DECISION_LABEL[input.decision].toLowerCase()}${recovered}`, href: `/denials/${denial.id}`, denialId: denial.id },
          ]);
        }
      },
    };
  });
}
