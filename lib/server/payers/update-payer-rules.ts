import 'server-only';
import { z } from 'zod';
import { APPEAL_LEVELS, APPEAL_LEVEL_VALUES } from '@/lib/domain/appeal-levels';
import { MAX_APPEALS_ADDRESS_LINE, MAX_APPEALS_ADDRESS_LINES, MAX_LEVEL_NAME, appealsAddressLines } from '@/lib/domain/contracts/payers';
import { plainText } from '@/lib/domain/contracts/text';
import { MAX_WRITE_OFF_THRESHOLD_CENTS, parseEnteredAmount } from '@/lib/domain/money';
import { DEADLINE_TRIGGERS, PAYER_RULE_LIMITS as LIMITS } from '@/lib/domain/payer-rules';
import { type Actor, can } from '@/lib/domain/permissions';
import { audit } from '../audit';
import { db } from '../db';
import { type Result, fail } from '../errors';
import { requestPayerRescore } from '../scoring/jobs';

/**
 * A typed threshold into cents, with the money rules' own message when it is not an amount: at most $1,000,000,
 * for an amount in controversy as for a write-off approval threshold (the global one's rule).
 */
function amountCents(text: string, ctx: z.RefinementCtx): number {
  const parsed = parseEnteredAmount(text, MAX_WRITE_OFF_THRESHOLD_CENTS);
  if (parsed.ok) return parsed.cents;
  ctx.addIssue({ code: 'custom', message: parsed.reason });
  return z.NEVER;
}

export const updatePayerRulesInput = z.object({
  payerId: z.uuid(),
  version: z.number().int().min(0),
  levels: z
    .array(
      z.object({
        level: z.enum(APPEAL_LEVEL_VALUES),
        days: z.number().int().min(LIMITS.levelDays.min, 'At least 1 day').max(LIMITS.levelDays.max),
        trigger: z.enum(DEADLINE_TRIGGERS),
        receiptPresumptionDays: z.number().int().min(LIMITS.receiptPresumptionDays.min).max(LIMITS.receiptPresumptionDays.max),
        /** '' keeps the default name for the payer's type. */
        name: plainText(z.string().trim().max(MAX_LEVEL_NAME, `A level's name is at most ${MAX_LEVEL_NAME} characters`), 'one-line').optional(),
        /** As typed; '' (or 0) = no threshold for this level. At most $1,000,000: thresholds are in the thousands. */
        minimumAmount: z.string().transform((text, ctx) => (text.trim() === '' ? 0 : amountCents(text, ctx))).optional(),
        minimumAmountYear: z.number().int().min(2000).max(2100).nullable().optional(),
      })
      // A threshold is a figure of a year (Medicare's change every January): without its year it would be ignored.
      .refine((l) => !l.minimumAmount || l.minimumAmountYear != null, {
        message: 'Give the year the amount in controversy applies to',
        path: ['minimumAmountYear'],
      }),
    )
    .min(1, 'Keep at least one appeal level')
    .max(APPEAL_LEVELS.length)
    .refine((levels) => new Set(levels.map((l) => l.level)).size === levels.length, 'Each level appears once'),
  timelyFiling: z.object({ value: z.number().int().min(LIMITS.timelyFiling.min).max(LIMITS.timelyFiling.max), unit: z.enum(['days', 'months']) }),
  warningWindowDays: z.number().int().min(LIMITS.warningWindowDays.min).max(LIMITS.warningWindowDays.max),
  rollWeekendDeadlines: z.boolean(),
  /** Days after submission when an appeal's status check is due; null = the payer type's default. */
  statusCheckDays: z.number().int().min(1, 'At least 1 day').max(365, 'At most 365 days').nullable().optional(),
  /** Days after a corrected or new claim is sent when its follow-up is due; null = the default (30). */
  resubmissionFollowUpDays: z.number().int().min(1, 'At least 1 day').max(365, 'At most 365 days').nullable().optional(),
  /**
   * Above this a write-off of this payer's denials waits for approval; as typed, the same rule as the global
   * threshold (at most $1,000,000). '' = follow the global threshold; absent leaves it as stored.
   */
  writeOffThreshold: z.string().max(40).transform((text, ctx) => (text.trim() === '' ? null : amountCents(text, ctx))).optional(),
  /** Multi-line; '' clears it; absent leaves it as stored. */
  appealsAddress: plainText(z.string().max(MAX_APPEALS_ADDRESS_LINES * (MAX_APPEALS_ADDRESS_LINE + 2)), 'multi-line')
    .refine((text) => appealsAddressLines(text).length <= MAX_APPEALS_ADDRESS_LINES, `At most ${MAX_APPEALS_ADDRESS_LINES} address lines`)
    .refine((text) => appealsAddressLines(text).every((l) => l.length <= MAX_APPEALS_ADDRESS_LINE), `At most ${MAX_APPEALS_ADDRESS_LINE} characters an address line`)
    .optional(),
});
export type UpdatePayerRulesInput = z.infer<typeof updatePayerRulesInput>;

/**
 * Saves one payer's deadline rules (managers), refusing a stale edit (Payer.version), with its audit event
 * in the same transaction. The payer's open denials then get new deadlines and scores (a queued job).
 */
export async function updatePayerRules(actor: Actor, input: UpdatePayerRulesInput): Promise<Result<{ version: number; rescore: 'queued' | 'done' }>> {
  if (!can(actor, 'manage_payer_rules')) return fail('forbidden', 'Only managers set payer rules.');
  const tf = input.timelyFiling;
  const saved = await db.$transaction(async (tx) => {
    const { count } = await tx.payer.updateMany({
      where: { id: input.payerId, version: input.version },
      data: {
        timelyFilingDays: tf.unit === 'days' ? tf.value : null,
        timelyFilingMonths: tf.unit === 'months' ? tf.value : null,
        warningWindowDays: input.warningWindowDays,
        rollWeekendDeadlines: input.rollWeekendDeadlines,
        appealsAddress: input.appealsAddress === undefined ? undefined : appealsAddressLines(input.appealsAddress).join('\n') || null,
        appealStatusCheckDays: input.statusCheckDays,
        resubmissionFollowUpDays: input.resubmissionFollowUpDays,
        writeOffThresholdCents: input.writeOffThreshold === undefined ? undefined : input.writeOffThreshold === null ? null : BigInt(input.writeOffThreshold),
        version: { increment: 1 },
      },
    });
    if (count === 0) {
      const exists = await tx.payer.findUnique({ where: { id: input.payerId }, select: { version: true } });
      return exists
        ? fail('conflict', 'Someone else saved this payer’s rules while you were editing. Your change was not saved: the latest rules are shown — check them and save again.', { details: { version: exists.version } })
        : fail('not_found', 'This payer does not exist.');
    }
    await tx.payerDeadlineRule.deleteMany({ where: { payerId: input.payerId } });
    await tx.payerDeadlineRule.createMany({
      data: input.levels.map(({ name, minimumAmount, minimumAmountYear, ...level }) => ({
        payerId: input.payerId,
        ...level,
        name: name || null,
        // Absent: keep the type's default threshold (null); '' or $0: this level has none (0).
        minimumAmountCents: minimumAmount === undefined ? null : BigInt(minimumAmount),
        minimumAmountYear: minimumAmount ? (minimumAmountYear ?? null) : null,
      })),
    });
    await audit(actor, { action: 'payer.rules_update', entityType: 'payer', entityId: input.payerId, details: { ...input } }, tx);
    return { ok: true as const, data: { version: input.version + 1 } };
  });
  if (!saved.ok) return saved;
  return { ok: true, data: { ...saved.data, rescore: await requestPayerRescore(input.payerId) } };
}
