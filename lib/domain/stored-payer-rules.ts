// A payer's rules as stored (columns on payer + one row per appeal level) -> the rules deadline.ts reads.
// Whatever a manager has not set falls back to the default for the payer's type, so a payer first seen in
// a remittance is usable at once and never told it has longer than the defaults allow.
import { type AppealLevel, appealRank, parseAppealLevel } from './appeal-levels';
import { type AppealLevelRule, DEADLINE_TRIGGERS, type DeadlineTrigger, type PayerDeadlineRules, type PayerType, defaultPayerRules } from './payer-rules';

export interface StoredPayerRules {
  payerType: PayerType;
  timelyFilingDays: number | null;
  timelyFilingMonths: number | null;
  warningWindowDays: number;
  rollWeekendDeadlines: boolean;
  levels: { level: string; days: number; trigger: string; receiptPresumptionDays: number; name?: string | null }[];
}

function isTrigger(value: string): value is DeadlineTrigger {
  return (DEADLINE_TRIGGERS as readonly string[]).includes(value);
}

/** Stored rows in appeal order; a row with an unknown level or trigger is skipped rather than guessed. */
function storedLevels(rows: StoredPayerRules['levels']): AppealLevelRule[] {
  const levels: AppealLevelRule[] = [];
  for (const row of rows) {
    const level = parseAppealLevel(row.level);
    if (level === null || !isTrigger(row.trigger)) continue;
    const name = row.name?.trim();
    levels.push({ level, days: row.days, trigger: row.trigger, receiptPresumptionDays: row.receiptPresumptionDays, ...(name ? { name } : {}) });
  }
  return levels.sort((a, b) => appealRank(a.level) - appealRank(b.level));
}

export function effectivePayerRules(stored: StoredPayerRules): PayerDeadlineRules {
  const defaults = defaultPayerRules(stored.payerType);
  const levels = storedLevels(stored.levels);
  const timelyFiling =
    stored.timelyFilingMonths !== null
      ? { months: stored.timelyFilingMonths }
      : stored.timelyFilingDays !== null
        ? { days: stored.timelyFilingDays }
        : defaults.timelyFiling;
  return {
    payerType: stored.payerType,
    appealLevels: levels.length > 0 ? levels : defaults.appealLevels,
    timelyFiling,
    warningWindowDays: stored.warningWindowDays,
    rollWeekendToBusinessDay: stored.rollWeekendDeadlines,
  };
}

/** The level after `current` in this payer's rules (null when there is no further level to appeal to). */
export function nextAppealLevel(rules: PayerDeadlineRules, current: AppealLevel | null): AppealLevel | null {
  const levels = rules.appealLevels.map((r) => r.level);
  if (current === null) return levels[0] ?? null;
  const index = levels.indexOf(current);
  if (index === -1) {
    return levels.find((level) => appealRank(level) > appealRank(current)) ?? null;
  }
  return levels[index + 1] ?? null;
}
