// Starting points for the priority score, per root-cause category, used while the organisation has few
// outcomes of its own (priority.ts smooths its own recovery rate toward `recovery`).
//
// These are deliberately rough judgements, not figures from a study: how often a denial of this kind is
// typically recovered once worked, and how much work that takes relative to a standard written appeal
// (effort 1). The reasoning is in each note. They exist so a new installation orders its queue sensibly
// on day one; the organisation's own outcomes replace `recovery` as they accumulate, and an administrator
// may adjust either number.
import type { DenialCategory } from './codes';

export interface CategoryPrior {
  /** Prior probability that working the denial recovers money, 0–1. */
  recovery: number;
  /** Relative work: 1 = a standard written appeal. */
  effort: number;
  note: string;
}

export const CATEGORY_PRIORS: Record<DenialCategory, CategoryPrior> = {
  registration_demographics: { recovery: 0.85, effort: 0.5, note: 'fix the demographic data and resubmit' },
  correct_resubmit: { recovery: 0.8, effort: 0.5, note: 'a corrected claim, no appeal letter' },
  coding_modifiers: { recovery: 0.7, effort: 1, note: 'recode and resubmit, or show the code was right' },
  documentation_requested: { recovery: 0.75, effort: 1, note: 'send the records the payer asked for' },
  units_days: { recovery: 0.6, effort: 1, note: 'correct the units or support them with the record' },
  coordination_of_benefits: { recovery: 0.65, effort: 1, note: 'find the right payer or order of payers and bill it' },
  eligibility_coverage: { recovery: 0.45, effort: 1, note: 'recoverable only if other coverage is found' },
  bundling: { recovery: 0.45, effort: 1.5, note: 'needs a modifier-supported or NCCI argument' },
  medical_necessity: { recovery: 0.45, effort: 2.5, note: 'clinical appeal: records, letter, often peer review' },
  authorization_referral: { recovery: 0.35, effort: 2, note: 'retro-authorisation is hard to obtain' },
  pricing_contract: { recovery: 0.4, effort: 2, note: 'contract dispute with the payer' },
  duplicate: { recovery: 0.2, effort: 0.5, note: 'usually the original was paid; quick to check' },
  timely_filing: { recovery: 0.15, effort: 1.5, note: 'only with proof of timely submission' },
  non_covered_benefit_limits: { recovery: 0.15, effort: 1.5, note: 'rarely overturned; bill the patient if notified' },
  other: { recovery: 0.4, effort: 1.5, note: 'unknown cause: needs investigation first' },
};

/** How many "virtual" outcomes the prior is worth: own data outweighs it after about ten resolved denials. */
export const PRIOR_PSEUDO_COUNT = 10;
