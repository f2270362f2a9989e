import 'server-only';
import { z } from 'zod';
import { APPEAL_LEVEL_VALUES, parseAppealLevel } from '@/lib/domain/appeal-levels';
import { canOpenAppeal } from '@/lib/domain/appeals/appeal-chain';
import { computeDeadline } from '@/lib/domain/deadline';
import { isOpen } from '@/lib/domain/lifecycle';
import type { Actor } from '@/lib/domain/permissions';
import { type Result, fail } from '../errors';
import { denialRef } from '../denials/denial-ref';
import { type DenialStateDto, isoDate } from '../denials/dto';
import { mutateDenial } from '../denials/mutate-denial';
import { dateValue, loadPayerAppealRules, readAppeals, stepOf } from './appeal-records';

export const startAppealInput = z.object({ ...denialRef, level: z.enum(APPEAL_LEVEL_VALUES) });
export type StartAppealInput = z.infer<typeof startAppealInput>;

/**
 * Opens a draft appeal at a level the payer has, with that level's deadline: level 1 counts from the denial's
 * notice, later levels from the previous decision. Nothing goes to the payer yet and the denial keeps its status;
 * an assigned denial is being worked from here on.
 */
export async function startAppeal(actor: Actor, input: StartAppealInput): Promise<Result<DenialStateDto>> {
  return mutateDenial(actor, input, 'edit_denial', async (denial, { tx }) => {
    if (!isOpen(denial.status)) return fail('invalid_input', 'This denial is closed: a manager reopens it before it can be appealed again.');
    if (!denial.appealable) {
      return fail('invalid_input', 'The payer gave no appeal rights for this denial (e.g. MA130): correct the claim and resubmit it instead.');
    }
    if (denial.status === 'new') return fail('invalid_input', 'Take this denial (or assign it) before drafting an appeal.');
    if (denial.status === 'writeoff_pending') return fail('invalid_input', 'A write-off of this denial awaits a manager: it is decided first.');
    const level = parseAppealLevel(input.level)!;
    const payer = await loadPayerAppealRules(tx, denial.payerId);
    const rule = payer.rules.appealLevels.find((r) => r.level === level);
    if (!rule) return fail('invalid_input', 'This payer has no such appeal level in its rules: add it under Payer rules, or choose another level.');
    const appeals = await readAppeals(tx, denial.id);
    const open = canOpenAppeal(appeals.map(stepOf), level);
    if (!open.ok) return fail('invalid_input', open.reason);
    const { noticeDate } = await tx.denial.findUniqueOrThrow({ where: { id: denial.id }, select: { noticeDate: true } });
    const lastDecision = appeals.map((a) => isoDate(a.decidedAt)).filter((d): d is string => d !== null).sort().at(-1) ?? null;
    const deadline = computeDeadline(payer.rules, { level, noticeDate: isoDate(noticeDate), priorDecisionDate: lastDecision });
    const dueDate = deadline.ok ? deadline.dueDate : null;
    return {
      data: denial.status === 'assigned' ? { status: 'in_progress' } : {},
      events: [{ type: 'appeal', data: { action: 'drafted', level: input.level, dueDate, from: denial.status, to: denial.status === 'assigned' ? 'in_progress' : denial.status } }],
      audit: { action: 'appeal.draft', details: { level: input.level, dueDate } },
      rescore: denial.status === 'assigned',
      after: async (t) => {
        await t.appeal.create({ data: { denialId: denial.id, level: input.level, dueDate: dueDate ? dateValue(dueDate) : null, createdById: actor.id } });
      },
    };
  });
}
