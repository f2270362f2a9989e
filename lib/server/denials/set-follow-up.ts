import 'server-only';
import { z } from 'zod';
import { compareDates } from '@/lib/domain/dates';
import { type Result, fail } from '../errors';
import { denialRef } from './denial-ref';
import type { Actor } from '@/lib/domain/permissions';
import { type DenialStateDto, isoDate } from './dto';
import { mutateDenial } from './mutate-denial';

export const setFollowUpInput = z.object({
  ...denialRef,
  /** null clears it. */
  date: z.iso.date('Enter a date as YYYY-MM-DD').nullable(),
});
export type SetFollowUpInput = z.infer<typeof setFollowUpInput>;

export async function setFollowUp(actor: Actor, input: SetFollowUpInput): Promise<Result<DenialStateDto>> {
  return mutateDenial(actor, input, 'edit_denial', (denial, { today }) => {
    if (input.date !== null && compareDates(input.date, today) < 0) {
      return fail('invalid_input', 'A follow-up date cannot be in the past.', { fieldErrors: { date: ['Choose today or a later date'] } });
    }
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
