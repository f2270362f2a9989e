// Starter letters whose argument is administrative: timely filing, duplicate, coordination of benefits, eligibility.
import { type StarterLetter, starterLetter } from './letter-parts';

export const TIMELY_FILING: StarterLetter = {
  subject: 'Appeal of a timely filing denial',
  ground: 'The claim was first submitted within your filing limit, as the enclosed proof of submission shows.',
  argument: `## Proof of timely submission

The claim was submitted electronically on **[original submission date]**, within the [number]-day filing limit that applies to the date(s) of service.

The enclosed clearinghouse acceptance report shows it:

- **Clearinghouse:** [name of the clearinghouse]
- **Acceptance report:** [report name, e.g. 999 acknowledgement or 277CA claim acknowledgement]
- **Date accepted:** [date on the report]
- **Batch or claim reference:** [the identifier on the report that matches this claim]

[If the claim was rejected and resubmitted, list each submission with its date and the reason it was returned, showing that the first submission was timely.]

[If the delay was caused by the payer or by retroactive coverage — for example, a retroactive eligibility change or a primary payer's late decision — explain it here with the dates.]

Because the claim reached you within the filing limit, the timely filing denial does not apply.`,
  enclosures: [
    'Clearinghouse acceptance report for the original submission, dated [date]',
    '[Any rejection notices and the resubmission reports, in date order]',
    'Copy of the remittance advice showing the denial',
  ],
};

export const DUPLICATE: StarterLetter = {
  subject: 'Appeal of a denial as a duplicate claim',
  ground: 'This claim is not a duplicate: it is for a separate, distinct service.',
  argument: `## How this service differs from the one already paid

The claim you paid is [the other claim's number, date of service and procedure]. The service on this claim differs from it:

- [What is different: a different date, a separate encounter, a different body site, a second session on the same day, or a different provider]
- [Modifiers that identify the distinct service, e.g. 76, 77, 59, XS, RT/LT, with what each signifies here]

[If this claim is a corrected claim replacing an earlier one, say so: it was sent with frequency code 7 and the original claim number [number], and it replaces the earlier claim rather than duplicating it.]

The enclosed records document each service separately.`,
  enclosures: [
    'Records of both services [list each document and its date]',
    '[Copy of the remittance advice for the claim already paid]',
    'Copy of the remittance advice showing the denial',
  ],
};

export const COORDINATION_OF_BENEFITS: StarterLetter = {
  subject: 'Appeal of a coordination of benefits denial',
  ground: 'The primary payer has made its determination, and this claim is now payable under your coverage.',
  argument: `## The primary payer's determination

- **Primary payer:** [name of the primary payer]
- **Primary payer claim number:** [number]
- **Determination:** [paid amount, or denied with the reason]
- **Date of determination:** [date]

[Explain the order of benefits: why the primary payer is primary — for example, the birthday rule, active employment, or Medicare Secondary Payer rules — and that your plan is secondary for the date(s) of service.]

[If your records show other coverage that had ended, or that never existed, replace the block above with the dates the other coverage ended and how this was verified, and ask that your records be updated.]

The enclosed explanation of benefits shows the primary payer's determination.`,
  enclosures: [
    'Primary payer’s explanation of benefits or remittance, dated [date]',
    '[Patient’s coordination of benefits questionnaire or statement of other coverage]',
    'Copy of the remittance advice showing the denial',
  ],
};

export const ELIGIBILITY: StarterLetter = {
  subject: 'Appeal of an eligibility denial',
  ground: 'The patient was covered by your plan on the date(s) of service.',
  argument: `## Coverage on the date(s) of service

We verified the patient's coverage before the service:

- **Verified on:** [date of the eligibility check]
- **How:** [the payer portal, a 270/271 eligibility response, or a call with its reference number]
- **Result:** [active coverage, the plan and the coverage dates returned]

[If the member details on the claim were wrong — a name, date of birth or member id — explain what was corrected; the claim has been corrected to match the member's card.]

[If the patient's coverage was reinstated or made retroactive, give the date and how you learned of it.]

The enclosed verification shows that coverage was in force when the service was provided.`,
  enclosures: [
    'Eligibility verification, dated [date] [portal screen or 271 response]',
    'Copy of the patient’s insurance card, front and back',
    'Copy of the remittance advice showing the denial',
  ],
};

export const BILLING_LETTERS = {
  timely_filing: { name: 'Timely filing with proof of submission', body: starterLetter(TIMELY_FILING) },
  duplicate: { name: 'Not a duplicate', body: starterLetter(DUPLICATE) },
  coordination_of_benefits: { name: 'Coordination of benefits', body: starterLetter(COORDINATION_OF_BENEFITS) },
  eligibility: { name: 'Coverage on the date of service', body: starterLetter(ELIGIBILITY) },
} as const;
