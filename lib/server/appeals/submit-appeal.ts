import 'server-only';
import { z } from 'zod';
import { appealLevelValue } from '@/lib/domain/appeal-levels';
import { APPEAL_METHODS, PAYER_REFERENCE_MAX_LENGTH, submitAppeal as submitStep } from '@/lib/domain/appeals/appeal-chain';
import { isoDateInput } from '@/lib/domain/contracts/dates';
import { plainText } from '@/lib/domain/contracts/text';
import { canTransition } from '@/lib/domain/lifecycle';
import type { Actor } from '@/lib/domain/permissions';
import { type Result, fail } from '../errors';
import { denialRef } from '../denials/denial-ref';
import { type DenialStateDto, isoDate } from '../denials/dto';
import { mutateDenial } from '../denials/mutate-denial';
import { dateValue, loadPayerAppealRules, readAppeals, stepOf } from './appeal-records';

export const submitAppealInput = z.object({
  ...denialRef,
  appealId: z.uuid(),
  on: isoDateInput(),
  method: z.enum(APPEAL_METHODS),
  payerReference: plainText(z.string().trim().max(PAYER_REFERENCE_MAX_LENGTH), 'one-line').optional(),
});
export type SubmitAppealInput = z.infer<typeof submitAppealInput>;

export const APPEAL_NOT_FOUND = 'This appeal does not exist on this denial.';

/**
 * Records that a drafted appeal went to the payer: the denial is appealed at its level and waits on the payer,
 * and its follow-up becomes the appeal's status check. A submission after the deadline is kept (good cause
 * exists) and the timeline says it was late.
 */
export async function submitAppeal(actor: Actor, input: SubmitAppealInput): Promise<Result<DenialStateDto>> {
  return mutateDenial(actor, input, 'edit_denial', async (denial, { tx, today }) => {
    const row = (await readAppeals(tx, denial.id)).find((a) => a.id === input.appealId);
    if (!row) return fail('not_found', APPEAL_NOT_FOUND);
    if (!canTransition(denial.status, 'appealed')) {
      return fail('invalid_input', `A denial that is ${denial.status.replace(/_/g, ' ')} cannot be appealed now.`);
    }
    const payer = await loadPayerAppealRules(tx, denial.payerId);
    const { noticeDate } = await tx.denial.findUniqueOrThrow({ where: { id: denial.id }, select: { noticeDate: true } });
    const step = stepOf(row);
    const result = submitStep(step, { on: input.on, method: input.method, payerReference: input.payerReference ?? null }, {
      today,
      noticeDate: isoDate(noticeDate),
      statusCheckDays: payer.statusCheckDays,
    });
    if (!result.ok) return fail('invalid_input', result.reason);
    const submission = result.value.submission!;
    const late = result.warnings.length > 0;
    return {
      data: { status: 'appealed', appealLevel: appealLevelValue(step.level), followUpDate: dateValue(submission.statusCheckOn) },
      events: [
        {
          type: 'appeal',
          note: late ? result.warnings.join(' ') : null,
          data: { action: 'submitted', appealLevel: appealLevelValue(step.level), from: denial.status, to: 'appealed', ...submission, late },
        },
      ],
      audit: { action: 'appeal.submit', details: { appealId: row.id, level: row.level, method: submission.method, on: submission.on, late } },
      rescore: true,
      after: async (t) => {
        await t.appeal.update({
          where: { id: row.id },
          data: { submittedAt: dateValue(submission.on), method: submission.method, payerReference: submission.payerReference, statusCheckOn: dateValue(submission.statusCheckOn) },
        });
      },
    };
  });
}
