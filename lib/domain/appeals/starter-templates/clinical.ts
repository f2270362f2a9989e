// Starter letters whose argument is clinical: medical necessity, authorization, documentation requested.
import { type StarterLetter, starterLetter } from './letter-parts';

export const MEDICAL_NECESSITY: StarterLetter = {
  subject: 'Appeal of a medical necessity denial',
  ground: 'The services were reasonable and necessary for the diagnosis and treatment of the patient’s condition, and they meet the coverage policy that applies to them.',
  argument: `## Clinical picture

[Summarise the clinical picture: the diagnosis with its ICD-10-CM code(s), the presenting symptoms and their duration, the findings on examination and testing, and the treatments already tried and why they failed or were not appropriate.]

[State why this service, at this level and on this date, was the appropriate next step — and what the risk to the patient would have been without it.]

## Coverage policy met

The service meets the criteria of [name the policy: NCD or LCD number and title, or the plan's medical policy number and title]. Point by point:

- [Criterion 1 of the policy] — met: [where the record shows it, e.g. "progress note of the date of service, page 2"]
- [Criterion 2 of the policy] — met: [where the record shows it]
- [Add a line for each remaining criterion]

[For Medicare: keep this paragraph. For other payers: delete it.] Under Section 1862(a)(1)(A) of the Social Security Act, Medicare covers items and services that are reasonable and necessary for the diagnosis or treatment of illness or injury. The enclosed records show that this service was both, and that it was furnished in accordance with the coverage criteria above.

The treating provider's documentation supports the medical necessity of the service as billed. We ask that the denial be reversed.`,
  enclosures: [
    'Progress notes and history for the date(s) of service [list each document and its date]',
    '[Test results, imaging reports or consultation notes that support the diagnosis]',
    'Copy of the coverage policy cited [NCD/LCD or plan medical policy]',
    '[Letter of medical necessity from the treating provider, if one was obtained]',
    'Copy of the remittance advice showing the denial',
  ],
};

export const AUTHORIZATION: StarterLetter = {
  subject: 'Appeal of a denial for missing authorization',
  ground: 'The service was authorized before it was provided [or: did not require prior authorization under the plan’s rules].',
  argument: `## Authorization

**Authorization number:** [authorization or reference number]
**Date granted:** [date]
**Granted by:** [the payer's department or the utilisation-management vendor, and the representative's name if known]
**Services and dates covered:** [the procedure codes, units and date range the authorization covers]

The service billed on this claim falls within that authorization: [explain how the billed codes, units and dates match the authorization].

[If no authorization was required, replace the block above with: "Under [the plan's prior-authorization list or provider manual section, with its date], this service does not require prior authorization for this member's plan."]

[If the authorization was obtained late because the care was urgent or emergent, explain the circumstances and when the payer was notified.]`,
  enclosures: [
    'Copy of the authorization approval [letter, portal screen or call reference]',
    '[Relevant page of the payer’s prior-authorization list or provider manual]',
    'Records of the service as provided [list each document and its date]',
    'Copy of the remittance advice showing the denial',
  ],
};

export const DOCUMENTATION_REQUESTED: StarterLetter = {
  subject: 'Records submitted as requested',
  ground: 'The claim was denied pending information that we now provide in full.',
  argument: `## The records you requested

Your notice asked for [describe the request as the payer worded it, with the date of the request letter or the remark code].

We enclose the following records, which answer the request in full:

- [Document 1, its date and the number of pages]
- [Document 2, its date and the number of pages]
- [Add a line for each document]

[If any requested record does not exist or cannot be provided, say so and explain why — for example, a test that was not performed.]

With these records the claim can be adjudicated as billed.`,
  enclosures: [
    'Copy of your request for records [letter or remark]',
    '[Each record listed above]',
    'Copy of the remittance advice showing the denial',
  ],
};

export const CLINICAL_LETTERS = {
  medical_necessity: { name: 'Medical necessity', body: starterLetter(MEDICAL_NECESSITY) },
  authorization: { name: 'Authorization on file', body: starterLetter(AUTHORIZATION) },
  documentation_requested: { name: 'Records as requested', body: starterLetter(DOCUMENTATION_REQUESTED) },
} as const;
