// Starter letters whose argument is the coding: codes and modifiers, units and days, bundling.
import { type StarterLetter, starterLetter } from './letter-parts';

export const CODING_MODIFIERS: StarterLetter = {
  subject: 'Appeal of a coding or modifier denial',
  ground: 'The service is correctly coded, and the records support the codes and modifiers billed.',
  argument: `## The codes and what the records show

- **As billed:** [procedure code(s), modifier(s) and diagnosis code(s) on the original claim]
- **As corrected:** [the corrected codes and modifiers, or "no change — the original coding is correct"]

[Explain why the coding is right: what the record documents (the service performed, its components, its time or complexity) and how that matches the code's descriptor and the modifier's definition in CPT/HCPCS and the payer's policy.]

[If a modifier was added or changed, give the reason: e.g. modifier 25 — a significant, separately identifiable evaluation and management service on the same day as a procedure, documented in its own note.]

[If a corrected claim was also sent, give its date and claim number.]`,
  enclosures: [
    'Records of the service [operative report, procedure note or visit note, with its date]',
    '[Corrected claim, if one was sent, with its submission date]',
    'Copy of the remittance advice showing the denial',
  ],
};

export const UNITS_DAYS: StarterLetter = {
  subject: 'Appeal of a units or days of service denial',
  ground: 'The units or days billed are the units or days provided, and the records support them.',
  argument: `## Units and days of service

- **As billed:** [procedure code, units or days billed, and the date range]
- **As documented:** [the units or days the records show, e.g. minutes of timed therapy per day, doses given, days of inpatient stay]
- **As corrected:** [the corrected units or days, or "no change — the units billed are correct"]

[Explain how the units were counted: the code's unit of measure, the time rule or dose conversion used, and where in the record each unit is documented.]

[If the remark was M53 (missing, incomplete or invalid days or units of service), state what was missing or invalid and how the corrected claim now reports it.]

[If the units exceed a medically unlikely edit (MUE), explain the clinical reason the additional units were necessary on that date.]`,
  enclosures: [
    'Records showing each unit or day [treatment logs, medication administration record, or daily notes]',
    '[Corrected claim, if one was sent, with its submission date]',
    'Copy of the remittance advice showing the denial',
  ],
};

export const BUNDLING: StarterLetter = {
  subject: 'Appeal of a bundling denial',
  ground: 'The service is separately payable: it is distinct from the service it was bundled into.',
  argument: `## Why the service is separately payable

- **Service denied:** [procedure code and modifier(s)]
- **Bundled into:** [the procedure code it was bundled with]
- **Edit applied:** [the NCCI procedure-to-procedure edit, or the payer's bundling policy, if stated]

[Explain why the services are distinct: a different session or encounter, a different site or organ system, a separate incision or lesion, or a service not ordinarily performed with the other — and which modifier (59, XE, XS, XP, XU) identifies it.]

[Point to where the record documents the service separately: its own note, time or findings.]

[If the edit's modifier indicator allows a modifier to bypass it, say so and cite the edit.]`,
  enclosures: [
    'Records documenting each service separately [notes and reports, with their dates]',
    '[Copy of the NCCI edit or the payer’s bundling policy cited]',
    'Copy of the remittance advice showing the denial',
  ],
};

export const CODING_LETTERS = {
  coding_modifiers: { name: 'Coding and modifiers supported', body: starterLetter(CODING_MODIFIERS) },
  units_days: { name: 'Units and days of service (M53)', body: starterLetter(UNITS_DAYS) },
  bundling: { name: 'Separately payable service', body: starterLetter(BUNDLING) },
} as const;
