// A payer's deadline rules as the payer-rules page shows and edits them.
import type { AppealLevelValue } from '../appeal-levels';
import type { DeadlineTrigger, PayerType } from '../payer-rules';

export interface AppealLevelRuleDto {
  level: AppealLevelValue;
  days: number;
  trigger: DeadlineTrigger;
  receiptPresumptionDays: number;
}

export interface PayerRulesDto {
  id: string;
  name: string;
  identifier: string;
  payerType: PayerType;
  version: number;
  levels: AppealLevelRuleDto[];
  /** No levels stored: the payer uses its type's defaults until a manager saves its own. */
  levelsAreDefault: boolean;
  timelyFiling: { value: number; unit: 'days' | 'months'; isDefault: boolean };
  warningWindowDays: number;
  rollWeekendDeadlines: boolean;
  openDenials: number;
}
