// A payer's deadline rules as the payer-rules page shows and edits them.
import type { AppealLevelValue } from '../appeal-levels';
import type { DeadlineTrigger, PayerType } from '../payer-rules';

export interface AppealLevelRuleDto {
  level: AppealLevelValue;
  days: number;
  trigger: DeadlineTrigger;
  receiptPresumptionDays: number;
  /** The payer's own name for the level; '' keeps the default name. */
  name: string;
  /** The amount in controversy the level needs, as typed ("200", "1,960"); '' = no threshold. */
  minimumAmount: string;
  /** The year the threshold applies to (Medicare's change every January); null without a threshold. */
  minimumAmountYear: number | null;
}

/** Most characters in a payer's own name for a level. */
export const MAX_LEVEL_NAME = 60;

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
  /** Where appeals go, one line per line of the envelope; '' = not set ({{payer.appeals_address}} is then missing). */
  appealsAddress: string;
  /** Days after an appeal's submission when its status check is due, and whether that is the type's default. */
  statusCheckDays: { value: number; isDefault: boolean };
  /** Days after a corrected or new claim is sent when its follow-up is due, and whether that is the default. */
  resubmissionFollowUpDays: { value: number; isDefault: boolean };
  /** This payer's write-off approval threshold as text; '' = it follows the global threshold. */
  writeOffThreshold: string;
  openDenials: number;
}

export const MAX_APPEALS_ADDRESS_LINES = 6;
export const MAX_APPEALS_ADDRESS_LINE = 100;

/** The stored appeals address as the letter's lines: trimmed, blank lines dropped ([] when not set). */
export function appealsAddressLines(text: string | null): string[] {
  return (text ?? '').replace(/\r\n?/g, '\n').split('\n').map((l) => l.trim()).filter((l) => l !== '');
}
