// Payer deadline rules: appeal windows per level and the timely-filing limit. Every payer starts from the
// defaults for its type and a manager edits them (design.md "Deadlines"). Where the law or the payer is
// unclear, a default errs short: nobody is told they have longer than they do.
import type { AppealLevel } from './appeal-levels';

export const PAYER_TYPES = ['medicare', 'medicaid', 'commercial'] as const;
export type PayerType = (typeof PAYER_TYPES)[number];

export const PAYER_TYPE_LABEL: Record<PayerType, string> = { medicare: 'Medicare', medicaid: 'Medicaid', commercial: 'Commercial' };

/**
 * What the window counts from. receipt: the day the notice is received, presumed `receiptPresumptionDays`
 * after the notice (remit) date; notice: the notice date itself; prior_decision: the date of the previous
 * level's decision (plus `receiptPresumptionDays`, if the payer counts from its receipt).
 */
export const DEADLINE_TRIGGERS = ['receipt', 'notice', 'prior_decision'] as const;
export type DeadlineTrigger = (typeof DEADLINE_TRIGGERS)[number];

/** "… days from {label}" */
export const DEADLINE_TRIGGER_LABEL: Record<DeadlineTrigger, string> = {
  receipt: 'receipt of the notice',
  notice: 'the notice date',
  prior_decision: 'the prior level’s decision',
};

/** What a manager may set: the form's bounds and the server's checks are these numbers. */
export const PAYER_RULE_LIMITS = {
  levelDays: { min: 1, max: 3650 },
  receiptPresumptionDays: { min: 0, max: 60 },
  timelyFiling: { min: 1, max: 3650 },
  warningWindowDays: { min: 0, max: 180 },
} as const;

export interface AppealLevelRule {
  level: AppealLevel;
  days: number;
  trigger: DeadlineTrigger;
  receiptPresumptionDays: number;
  /** The payer's own name for the level ("Provider dispute"), on screens and letters; the default name when absent. */
  name?: string;
}

/** From the date of service; months are calendar months ("12 months"), days are calendar days. */
export type TimelyFilingLimit = { days: number } | { months: number };

export interface PayerDeadlineRules {
  payerType: PayerType;
  appealLevels: AppealLevelRule[];
  timelyFiling: TimelyFilingLimit;
  /** A deadline this close (or closer) is due soon and rises in the queue. */
  warningWindowDays: number;
  /** Move a Saturday/Sunday deadline to Monday. Only when the payer says so; off by default. */
  rollWeekendToBusinessDay: boolean;
}

export const DEFAULT_WARNING_WINDOW_DAYS = 14;

const common = { warningWindowDays: DEFAULT_WARNING_WINDOW_DAYS, rollWeekendToBusinessDay: false };

const MEDICARE: PayerDeadlineRules = {
  payerType: 'medicare',
  appealLevels: [
    // Redetermination: 120 days from receipt of the initial determination, receipt presumed 5 days after
    // the notice date (42 CFR 405.942(a)(1)).
    { level: 1, days: 120, trigger: 'receipt', receiptPresumptionDays: 5 },
    // Reconsideration: 180 days from receipt of the redetermination (42 CFR 405.962(a)), receipt presumed 5 days
    // after its date (42 CFR 405.962(a)(2)).
    { level: 2, days: 180, trigger: 'prior_decision', receiptPresumptionDays: 5 },
    // ALJ hearing: 60 days after receipt of the reconsideration (42 CFR 405.1014(b)), presumed 5 days after its date.
    { level: 3, days: 60, trigger: 'prior_decision', receiptPresumptionDays: 5 },
    // Medicare Appeals Council review: 60 days after receipt of the ALJ's decision (42 CFR 405.1102(a)(1)),
    // receipt presumed 5 days after its date (42 CFR 405.1102(a)(2)).
    { level: 4, days: 60, trigger: 'prior_decision', receiptPresumptionDays: 5 },
    // Judicial review in federal district court: 60 days after receipt of the Council's decision
    // (42 CFR 405.1136(c)(1)), receipt presumed 5 days after its date (42 CFR 405.1136(c)(2)).
    { level: 5, days: 60, trigger: 'prior_decision', receiptPresumptionDays: 5 },
  ],
  // One calendar year from the date of service (42 CFR 424.44(a)(1)).
  timelyFiling: { months: 12 },
  ...common,
};

const MEDICAID: PayerDeadlineRules = {
  payerType: 'medicaid',
  // State-specific: each state sets its provider appeal window (commonly 30–120 days from the notice).
  // 90 days from the notice is a placeholder to be set per state plan.
  appealLevels: [{ level: 1, days: 90, trigger: 'notice', receiptPresumptionDays: 0 }],
  // Federal ceiling: claims within 12 months of the date of service (42 CFR 447.45(d)(1)); states may be stricter.
  timelyFiling: { months: 12 },
  ...common,
};

const COMMERCIAL: PayerDeadlineRules = {
  payerType: 'commercial',
  appealLevels: [
    // Contracts commonly allow 60–180 days; ERISA plans must allow at least 180 days from receipt of the
    // adverse determination (29 CFR 2560.503-1(h)(3)(i)). Counted from the notice date, without presumption.
    { level: 1, days: 180, trigger: 'notice', receiptPresumptionDays: 0 },
    // A second internal level, where the plan has one (group health plans may require at most two before external
    // review, 29 CFR 2560.503-1(c)(3)); 60 days from the first decision is the common contract term.
    { level: 2, days: 60, trigger: 'prior_decision', receiptPresumptionDays: 0 },
    // External review: 4 months after the final internal adverse determination (45 CFR 147.136, federal process);
    // 120 days is never longer than 4 calendar months.
    { level: 'external', days: 120, trigger: 'prior_decision', receiptPresumptionDays: 0 },
  ],
  // Contract-specific (often 90–365 days); 90 days is the short end, to be set per contract.
  timelyFiling: { days: 90 },
  ...common,
};

const DEFAULTS: Record<PayerType, PayerDeadlineRules> = { medicare: MEDICARE, medicaid: MEDICAID, commercial: COMMERCIAL };

/** A fresh copy of the defaults for a payer type (safe to edit). */
export function defaultPayerRules(payerType: PayerType): PayerDeadlineRules {
  const rules = DEFAULTS[payerType];
  return { ...rules, appealLevels: rules.appealLevels.map((level) => ({ ...level })), timelyFiling: { ...rules.timelyFiling } };
}
