import 'server-only';
import { appealLevelValue } from '@/lib/domain/appeal-levels';
import type { AppealLevelRuleDto, PayerRulesDto } from '@/lib/domain/contracts/payers';
import type { AppealLevelRule } from '@/lib/domain/payer-rules';
import { effectivePayerRules } from '@/lib/domain/stored-payer-rules';
import { db } from '../db';

const levelDto = (r: AppealLevelRule): AppealLevelRuleDto => ({ level: appealLevelValue(r.level), days: r.days, trigger: r.trigger, receiptPresumptionDays: r.receiptPresumptionDays });

/** Every payer with the rules in force (stored, or the defaults for its type) — the payer-rules page. */
export async function listPayerRules(): Promise<PayerRulesDto[]> {
  const [payers, counts] = await Promise.all([
    db.payer.findMany({ include: { deadlineRules: true }, orderBy: { name: 'asc' } }),
    db.$queryRaw<{ payerId: string; n: number }[]>`
      SELECT "payerId", count(*)::int AS n FROM denial
      WHERE status NOT IN ('resolved_paid', 'resolved_partial', 'written_off') GROUP BY 1`,
  ]);
  const open = new Map(counts.map((c) => [c.payerId, c.n]));
  return payers.map((p) => {
    const rules = effectivePayerRules({ ...p, levels: p.deadlineRules });
    const tfDefault = p.timelyFilingDays === null && p.timelyFilingMonths === null;
    const tf = rules.timelyFiling;
    return {
      id: p.id,
      name: p.name,
      identifier: p.identifier,
      payerType: p.payerType,
      version: p.version,
      levels: rules.appealLevels.map(levelDto),
      levelsAreDefault: p.deadlineRules.length === 0,
      timelyFiling: 'months' in tf ? { value: tf.months, unit: 'months', isDefault: tfDefault } : { value: tf.days, unit: 'days', isDefault: tfDefault },
      warningWindowDays: p.warningWindowDays,
      rollWeekendDeadlines: p.rollWeekendDeadlines,
      openDenials: open.get(p.id) ?? 0,
    };
  });
}

