import 'server-only';
import { z } from 'zod';
import { isoDateInput } from '@/lib/domain/contracts/dates';
import { followUpProblem } from '@/lib/domain/follow-up';
import { type Result, fail } from '../errors';
import { denialRef } from './denial-ref';
import type { Actor } from '@/lib/domain/permissions';
import { type DenialStateDto, isoDate } from './dto';
import { mutateDenial } from './mutate-denial';

export const setFollowUpInput = z.object({
  ...denialRef,
  /** null clears it. */
  date: isoDateInput().nullable(),
});
export type SetFollowUpInput = z.infer<typeof setFollowUpInput>;

export async function setFollowUp(actor: Actor, input: SetFollowUpInput): Promise<Result<DenialStateDto>> {
  return mutateDenial(actor, input, 'edit_denial', (denial, { today }) => {
    const problem = input.date === null ? null : followUpProblem(input.date, today);
    if (problem) return fail('invalid_input', problem, { fieldErrors: { date: [problem] } });
    const from = isoDate(denial.followUpDate);
    if (from === input.date) return fail('invalid_input', input.date ? `The follow-up is already ${input.date}.` : 'There is no follow-up to clear.');
    return {
      data: { followUpDate: input.date ? new Date(`${input.date}T00:00:00Z`) : null },
      events: [{ type: 'follow_up', data: { from, to: input.date } }],
      audit: { action: 'denial.follow_up', details: { from, to: input.date } },
      // While the denial waits on the payer, its follow-up date sets its urgency (lib/domain/priority.ts).
      rescore: true,
    };
  });
}
