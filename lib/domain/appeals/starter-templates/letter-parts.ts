// The parts every starter letter shares (design.md "What an appeal letter holds"): the date, the
// payer's appeals address, the reference block, the request, the enclosures and the signature. Each category's
// letter adds its argument. [Bracketed text] marks what the specialist completes in every draft; the formatting is
// lib/domain/appeals/letter-format.ts (# headings, - lists, **bold**).

/**
 * The date and the payer's appeals address. The letterhead (organisation name, address, NPI, TIN, contact) is not
 * part of the text: the printed page and the PDF print it above every letter from the organisation's settings,
 * and drafting requires it (lib/domain/appeals/appeal-letter.ts), so a letter never shows it twice.
 */
export const DATE_AND_ADDRESS = `{{today}}

{{payer.name}}
{{payer.appeals_address}}`;

export const REFERENCE_BLOCK = `**Claim number:** {{claim.number}}
**Payer claim number:** {{claim.payer_claim_number}}
**Patient:** {{patient.name}}
**Member ID:** {{patient.member_id}}
**Date(s) of service:** {{claim.service_dates}}
**Billed amount:** {{claim.billed}}
**Amount denied:** {{denial.amount}}
**Appeal level:** {{appeal.level}}

**Denial reasons, as stated on your remittance of {{denial.notice_date}}:**

{{denial.reasons}}

**Services on this claim:**

{{claim.lines}}`;

export const SIGNATURE = `Please direct any questions about this appeal to {{organization.contact}}. Thank you for your prompt review.

Sincerely,

{{signer.name}}
{{signer.title}}
{{organization.name}}`;

export interface StarterLetter {
  /** The heading under the reference block: what is asked, in a few words. */
  subject: string;
  /** The request's second sentence: why the claim is payable, in one line. */
  ground: string;
  /** The category's argument: paragraphs, lists and [bracketed instructions]. */
  argument: string;
  enclosures: string[];
}

/** A whole letter from its category's parts. */
export function starterLetter(letter: StarterLetter): string {
  return [
    DATE_AND_ADDRESS,
    `# ${letter.subject}`,
    REFERENCE_BLOCK,
    'To the appeals department:',
    `Please accept this letter as our request for {{appeal.level}} of the claim above. ${letter.ground} We ask that you reprocess the claim and pay the denied amount of **{{denial.amount}}**.`,
    letter.argument,
    '## Enclosures',
    letter.enclosures.map((e, i) => `${i + 1}. ${e}`).join('\n'),
    SIGNATURE,
  ].join('\n\n');
}
