import 'server-only';
import { z } from 'zod';
import { plainText } from '@/lib/domain/contracts/text';
import { APPEAL_LEVEL_VALUES, type AppealLevel, appealLevelValue, parseAppealLevel } from '@/lib/domain/appeal-levels';
import { enteredAmount } from '@/lib/domain/contracts/amount';
import { DENIAL_STATUSES, transition } from '@/lib/domain/lifecycle';
import { recoveredAmountProblem } from '@/lib/domain/recovered-amount';
import type { Tx } from '../db';
import { type Result, fail } from '../errors';
import { denialRef } from './denial-ref';
import type { Actor } from '@/lib/domain/permissions';
import type { DenialStateDto } from './dto';
import { type DenialRecord, mutateDenial } from './mutate-denial';
import { writeOffThresholdCents } from './write-off-threshold';

export const changeStatusInput = z.object({
  ...denialRef,
  to: z.enum(DENIAL_STATUSES),
  appealLevel: z.enum(APPEAL_LEVEL_VALUES).optional(),
  note: plainText(z.string().trim().max(4000), 'multi-line').optional(),
  /**
   * For a manual resolution: what the payer paid (defaults to the denied amount when paid in full), as the
   * text typed ("1,234.56"); the operation receives integer cents.
   */
  recovered: enteredAmount().optional(),
});
export type ChangeStatusInput = z.infer<typeof changeStatusInput>;

/** Statuses whose entry or exit writes more than the denial (an appeal filed or decided, a write-off request). */
const UNDOABLE_EXCEPT: readonly string[] = ['appealed', 'writeoff_pending'];

/** Leaving `appealed` means the payer decided the appeal it had (a draft it never saw stays a draft); entering it files a new one. */
export async function recordAppeal(tx: Tx, denial: DenialRecord, to: string, level: AppealLevel | null, today: string) {
  const date = new Date(`${today}T00:00:00Z`);
  if (denial.status === 'appealed') {
    const outcome = to === 'resolved_paid' || to === 'resolved_partial' ? 'overturned' : 'upheld';
    await tx.appeal.updateMany({ where: { denialId: denial.id, decidedAt: null, submittedAt: { not: null } }, data: { decidedAt: date, outcome } });
  }
  if (to === 'appealed' && level !== null) {
    await tx.appeal.create({ data: { denialId: denial.id, level: appealLevelValue(level), submittedAt: date, dueDate: denial.deadlineDate } });
  }
}

/**
 * Moves a denial along its life (lifecycle.ts); anything outside it is refused with the reason. Write-offs
 * have their own operations (a reason, an amount, maybe a manager's approval).
 */
export async function changeStatus(actor: Actor, input: ChangeStatusInput): Promise<Result<DenialStateDto>> {
  if (input.to === 'writeoff_pending' || input.to === 'written_off') {
    return fail('invalid_input', 'Request a write-off instead: it needs a reason and maybe a manager’s approval.');
  }
  return mutateDenial(actor, input, 'edit_denial', async (denial, { tx, today }) => {
    const level = input.appealLevel ? parseAppealLevel(input.appealLevel) : null;
    const result = transition(
      { status: denial.status, appealLevel: parseAppealLevel(denial.appealLevel), escalated: denial.escalated },
      { to: input.to, appealLevel: level ?? undefined, actorRole: actor.role },
      { deniedAmountCents: Number(denial.deniedCents), writeOffApprovalThresholdCents: await writeOffThresholdCents(tx) },
    );
    if (!result.ok) return fail('invalid_input', result.reason);
    const { state } = result;
    const resolved = state.status === 'resolved_paid' || state.status === 'resolved_partial';
    if (state.status === 'resolved_partial' && input.recovered === undefined) {
      return fail('invalid_input', 'Enter the amount the payer paid.', { fieldErrors: { recovered: ['Required for a partial payment'] } });
    }
    const recovered = resolved ? (input.recovered ?? Number(denial.deniedCents)) : undefined;
    if (recovered !== undefined && input.recovered !== undefined) {
      const problem = recoveredAmountProblem(recovered, Number(denial.deniedCents), state.status as 'resolved_paid' | 'resolved_partial');
      if (problem) return fail('invalid_input', problem, { fieldErrors: { recovered: [problem] } });
    }
    return {
      data: {
        status: state.status,
        appealLevel: appealLevelValue(state.appealLevel),
        escalated: state.escalated,
        // A closed denial has nothing to follow up: its reminder ends with it.
        ...(resolved ? { resolvedAt: new Date(), recoveredCents: BigInt(recovered ?? 0), followUpDate: null } : {}),
      },
      events: [
        {
          type: state.status === 'appealed' ? 'appeal' : 'status',
          note: input.note || null,
          data: { from: denial.status, to: state.status, appealLevel: state.appealLevel, ...(resolved ? { recoveredCents: recovered } : {}) },
        },
      ],
      audit: { action: 'denial.status', details: { from: denial.status, to: state.status, appealLevel: state.appealLevel } },
      rescore: true,
      after: (t) => recordAppeal(t, denial, state.status, state.appealLevel, today),
      // Filing or deciding an appeal writes an appeal row the payer acts on: that is changed, not undone.
      undoable: !UNDOABLE_EXCEPT.includes(denial.status) && !UNDOABLE_EXCEPT.includes(state.status),
    };
  });
}
