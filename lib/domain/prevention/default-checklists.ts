// "What to check before the visit", per front-desk cause: the defaults a new installation shows until a manager
// writes their own (table prevention_checklist). Written for the codes behind each category (design.md): each
// line is one thing a registrar can do at scheduling or check-in that would have stopped the denial.
import type { FrontDeskCategory } from './front-desk';

export const CHECKLIST_LIMITS = { items: 12, itemLength: 200 } as const;

export const DEFAULT_CHECKLISTS: Record<FrontDeskCategory, readonly string[]> = {
  // CARC 26, 27, 31, 32, 177, 200, 140
  eligibility_coverage: [
    'Run a real-time eligibility check (270/271) for the date of service, not the booking date.',
    'Scan both sides of the current insurance card; compare member id and group number with the record.',
    'Ask whether coverage changed since the last visit (new job, Medicaid renewal, Medicare turning 65).',
    'Confirm the patient is the subscriber or a covered dependant, with the right relationship code.',
    'If coverage cannot be confirmed, get a signed self-pay or financial agreement before the visit.',
  ],
  // CARC 13, 14, 224, and 16 with MA21, MA27, MA36–MA39 (name, address, birth date, sex on the claim)
  registration_demographics: [
    'Match the name exactly as it is on the insurance card (no nicknames, hyphens as printed).',
    'Verify date of birth and sex against photo id and the card.',
    'Confirm address and phone; update the record before the claim is built.',
    'Check for duplicate patient records before creating a new one.',
  ],
  // CARC 15, 39, 197, 198, 243, 288
  authorization_referral: [
    'Check the payer’s prior-authorization list for the scheduled procedure codes.',
    'Record the authorization number, the approved units and dates, and who granted it.',
    'For HMO or managed Medicaid plans, confirm a referral from the primary care provider is on file.',
    'If the procedure, units or site change, update the authorization before the visit.',
    'Reschedule rather than proceed when a required authorization is still pending.',
  ],
  // CARC 22, 109, 19, 20, 21
  coordination_of_benefits: [
    'Ask about every coverage the patient has (spouse’s plan, Medicare, workers’ comp, auto).',
    'Set primary and secondary in the order the payers’ rules give (Medicare Secondary Payer questionnaire).',
    'For accidents or injuries, capture the claim number and carrier.',
    'Confirm the payer on the claim is the one the card says processes claims for this plan.',
  ],
  // CARC 96, 49, 119, 35, 149, 204
  non_covered_benefit_limits: [
    'Check the plan covers the scheduled service (routine exams, screenings and therapies often limited).',
    'Check visits or units used so far this benefit year against the plan’s maximum.',
    'For Medicare services likely to be denied, have the patient sign an ABN before the service.',
    'Tell the patient the expected cost and record their decision.',
  ],
};

/** A manager's list, or the default when none is stored. */
export function checklistFor(category: FrontDeskCategory, stored: ReadonlyMap<string, readonly string[]>): { items: readonly string[]; custom: boolean } {
  const own = stored.get(category);
  return own ? { items: own, custom: true } : { items: DEFAULT_CHECKLISTS[category], custom: false };
}
