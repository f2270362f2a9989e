import 'server-only';
import { appealLevelValue } from '@/lib/domain/appeal-levels';
import type { AmountInControversy } from '@/lib/domain/appeals/appeal-chain';
import { effectiveThresholds, statusCheckDays } from '@/lib/domain/appeals/appeal-thresholds';
import { DEFAULT_RESUBMISSION_FOLLOW_UP_DAYS } from '@/lib/domain/appeals/corrected-claim';
import { centsToText } from '@/lib/domain/money';
import type { AppealLevelRuleDto, PayerRulesDto } from '@/lib/domain/contracts/payers';
import type { AppealLevelRule } from '@/lib/domain/payer-rules';
import { effectivePayerRules } from '@/lib/domain/stored-payer-rules';
import type { Actor } from '@/lib/domain/permissions';
import { authorize } from '../authorize';
import { db } from '../db';
import { writeOffThresholdCents } from '../denials/write-off-threshold';

const levelDto = (r: AppealLevelRule, thresholds: readonly AmountInControversy[]): AppealLevelRuleDto => {
  const threshold = thresholds.find((t) => t.level === r.level);
  return {
    level: appealLevelValue(r.level),
    days: r.days,
    trigger: r.trigger,
    receiptPresumptionDays: r.receiptPresumptionDays,
    name: r.name ?? '',
    minimumAmount: threshold ? centsToText(threshold.minimumCents) : '',
    minimumAmountYear: threshold?.year ?? null,
  };
};

/**
 * The payer-rules page: every payer with the rules in force (stored, or the defaults for its type), and the amount
 * above which a write-off waits for a manager.
 */
export async function listPayerRules(actor: Actor): Promise<{ payers: PayerRulesDto[]; writeOffThresholdCents: number }> {
  authorize(actor, 'manage_payer_rules', undefined, 'Only managers see payer rules.');
  const [payers, counts, threshold] = await Promise.all([
    db.payer.findMany({ include: { deadlineRules: true }, orderBy: { name: 'asc' } }),
    db.$queryRaw<{ payerId: string; n: number }[]>`
      SELECT "payerId", count(*)::int AS n FROM denial
      WHERE status NOT IN ('resolved_paid', 'resolved_partial', 'written_off') GROUP BY 1`,
    writeOffThresholdCents(db),
  ]);
  const open = new Map(counts.map((c) => [c.payerId, c.n]));
  const rows = payers.map((p): PayerRulesDto => {
    const rules = effectivePayerRules({ ...p, levels: p.deadlineRules });
    const thresholds = effectiveThresholds(
      p.payerType,
      p.deadlineRules.map((r) => ({ ...r, minimumAmountCents: r.minimumAmountCents === null ? null : Number(r.minimumAmountCents) })),
    );
    const tfDefault = p.timelyFilingDays === null && p.timelyFilingMonths === null;
    const tf = rules.timelyFiling;
    return {
      id: p.id,
      name: p.name,
      identifier: p.identifier,
      payerType: p.payerType,
      version: p.version,
      levels: rules.appealLevels.map((r) => levelDto(r, thresholds)),
      levelsAreDefault: p.deadlineRules.length === 0,
      timelyFiling: 'months' in tf ? { value: tf.months, unit: 'months', isDefault: tfDefault } : { value: tf.days, unit: 'days', isDefault: tfDefault },
      warningWindowDays: p.warningWindowDays,
      rollWeekendDeadlines: p.rollWeekendDeadlines,
      appealsAddress: p.appealsAddress ?? '',
      statusCheckDays: { value: statusCheckDays(p.payerType, p.appealStatusCheckDays), isDefault: p.appealStatusCheckDays === null },
      resubmissionFollowUpDays: { value: p.resubmissionFollowUpDays ?? DEFAULT_RESUBMISSION_FOLLOW_UP_DAYS, isDefault: p.resubmissionFollowUpDays === null },
      writeOffThreshold: p.writeOffThresholdCents === null ? '' : centsToText(Number(p.writeOffThresholdCents)),
      openDenials: open.get(p.id) ?? 0,
    };
  });
  return { payers: rows, writeOffThresholdCents: threshold };
}
