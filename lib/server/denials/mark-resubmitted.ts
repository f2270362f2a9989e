import 'server-only';
import { z } from 'zod';
import { parseAppealLevel, appealLevelValue } from '@/lib/domain/appeal-levels';
import {
  CLAIM_NUMBER_MAX_LENGTH,
  DEFAULT_RESUBMISSION_FOLLOW_UP_DAYS,
  FREQUENCY_CODES,
  checkResubmission,
  correctedClaimChecklist,
} from '@/lib/domain/appeals/corrected-claim';
import { isoDateInput } from '@/lib/domain/contracts/dates';
import { plainText } from '@/lib/domain/contracts/text';
import { transition } from '@/lib/domain/lifecycle';
import type { Actor } from '@/lib/domain/permissions';
import { type Result, fail } from '../errors';
import { changeStatus, recordAppeal } from './change-status';
import { denialRef } from './denial-ref';
import { type DenialStateDto, isoDate } from './dto';
import { mutateDenial } from './mutate-denial';
import { writeOffThresholdCents } from './write-off-threshold';

const claimNumber = plainText(z.string().trim().max(CLAIM_NUMBER_MAX_LENGTH, `At most ${CLAIM_NUMBER_MAX_LENGTH} characters`));

export const markResubmittedInput = z
  .object({
    ...denialRef,
    /** What was corrected, in the specialist's words. */
    note: plainText(z.string().trim().max(4000), 'multi-line').optional(),
    /** CLM05-3 of the claim sent. Without it only the status changes (the status dialog, older callers). */
    frequencyCode: z.enum(FREQUENCY_CODES).optional(),
    sentOn: isoDateInput().optional(),
    /** The original claim's payer claim number (REF*F8): required for a replacement (7) or a void (8). */
    payerClaimNumber: claimNumber.optional(),
    newClaimNumber: claimNumber.optional(),
    /** Ids of the checklist items ticked (lib/domain/appeals/corrected-claim.ts). */
    checklist: z.array(z.string().max(60)).max(40).optional(),
  })
  .refine((input) => input.frequencyCode === undefined || input.sentOn !== undefined, { path: ['sentOn'], message: 'Enter the date the claim was sent' });
export type MarkResubmittedInput = z.infer<typeof markResubmittedInput>;

/**
 * "Corrected and resubmitted": the path for claims that cannot be appealed (MA130) or are quicker fixed. With the
 * claim's details (frequency, date sent, claim numbers, checklist) it records the resubmission, and the follow-up
 * becomes the day to check the payer processed it: the payer's own number of days after sending, else 30
 * (DEFAULT_RESUBMISSION_FOLLOW_UP_DAYS, the prompt-payment window for a clean claim). A corrected claim is with the
 * payer, like a submitted appeal: it is not undone. Without the details only the status changes, as before.
 */
export async function markResubmitted(actor: Actor, input: MarkResubmittedInput): Promise<Result<DenialStateDto>> {
  const { frequencyCode, sentOn } = input;
  if (frequencyCode === undefined || sentOn === undefined) {
    return changeStatus(actor, { id: input.id, version: input.version, note: input.note, to: 'corrected_resubmitted' });
  }
  return mutateDenial(actor, input, 'edit_denial', async (denial, { tx, today }) => {
    const moved = transition(
      { status: denial.status, appealLevel: parseAppealLevel(denial.appealLevel), escalated: denial.escalated },
      { to: 'corrected_resubmitted', actorRole: actor.role },
      { deniedAmountCents: Number(denial.deniedCents), writeOffApprovalThresholdCents: await writeOffThresholdCents(tx) },
    );
    if (!moved.ok) return fail('invalid_input', moved.reason);
    const facts = await tx.denial.findUniqueOrThrow({ where: { id: denial.id }, select: { carcCodes: true, rarcCodes: true, noticeDate: true } });
    const payer = await tx.payer.findUniqueOrThrow({ where: { id: denial.payerId }, select: { resubmissionFollowUpDays: true } });
    const offered = correctedClaimChecklist({ category: denial.category, carcCodes: facts.carcCodes, rarcCodes: facts.rarcCodes });
    const checked = checkResubmission(
      { sentOn, frequencyCode, payerClaimNumber: input.payerClaimNumber ?? null, newClaimNumber: input.newClaimNumber ?? null, checklist: input.checklist ?? [] },
      { today, noticeDate: isoDate(facts.noticeDate), offered: offered.map((i) => i.id), followUpDays: payer.resubmissionFollowUpDays },
    );
    if (!checked.ok) return fail('invalid_input', checked.reason, { fieldErrors: { [checked.field]: [checked.reason] } });
    const r = checked.value;
    const record = {
      frequencyCode: r.frequencyCode,
      sentOn: r.sentOn,
      payerClaimNumber: r.payerClaimNumber,
      newClaimNumber: r.newClaimNumber,
      checklist: r.checklist,
      followUpOn: r.followUpOn,
      followUpDays: payer.resubmissionFollowUpDays ?? DEFAULT_RESUBMISSION_FOLLOW_UP_DAYS,
    };
    const { state } = moved;
    return {
      data: { status: state.status, appealLevel: appealLevelValue(state.appealLevel), escalated: state.escalated, followUpDate: new Date(`${r.followUpOn}T00:00:00Z`) },
      events: [{ type: 'resubmitted', note: input.note || null, data: { from: denial.status, to: state.status, ...record } }],
      audit: { action: 'denial.resubmitted', details: { from: denial.status, to: state.status, ...record } },
      rescore: true,
      after: async (t) => {
        await recordAppeal(t, denial, state.status, state.appealLevel, today);
        await t.claimResubmission.create({
          data: {
            denialId: denial.id,
            frequencyCode: r.frequencyCode,
            sentOn: new Date(`${r.sentOn}T00:00:00Z`),
            payerClaimNumber: r.payerClaimNumber,
            newClaimNumber: r.newClaimNumber,
            note: input.note || null,
            followUpOn: new Date(`${r.followUpOn}T00:00:00Z`),
            checklist: r.checklist,
            createdById: actor.id,
          },
        });
      },
      undoable: false,
    };
  });
}
