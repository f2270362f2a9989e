// Test data for letters, pure (no database): unit tests and the integration factories share it.
import type { LetterFacts } from '@/lib/domain/appeals/letter-merge';

/** A letterhead that passes every check. */
export const GOOD_ORGANIZATION = {
  name: 'Riverside Family Practice',
  addressLines: ['12 Mill Road', 'Springfield, IL 62701'],
  npi: '1234567893',
  tin: '37-1234567',
  contactName: 'Dana Ortiz',
  contactPhone: '(217) 555-0100',
  contactEmail: 'billing@riverside.example',
};

/** Complete facts: every field a starter letter may name has a value. */
export const completeLetterFacts: LetterFacts = {
  today: '2026-12-05',
  organization: GOOD_ORGANIZATION,
  payer: { name: 'Acme Health Plan', appealsAddressLines: ['Appeals Unit', 'PO Box 100', 'Dallas, TX 75201'] },
  patient: { name: 'María Williams', memberId: 'XJH123456789' },
  claim: { number: 'CLM-0042', payerClaimNumber: '2026123000042', billedCents: 35_000, serviceFrom: '2026-10-03', serviceTo: '2026-10-04' },
  provider: { name: 'Dr. Lee Chen', npi: '1245319599' },
  denial: {
    deniedCents: 24_050,
    noticeDate: '2026-11-02',
    adjustments: [{ group: 'CO', code: '50', description: 'These are non-covered services because this is not deemed a medical necessity by the payer.', amountCents: 24_050 }],
    remarks: [],
  },
  lines: [{ serviceDate: '2026-10-03', procedure: '99214', modifiers: ['25'], units: '1', chargeCents: 35_000, paidCents: 0 }],
  appeal: { levelName: 'Level 1 appeal', dueDate: '2027-05-01' },
  signer: { name: 'Sam Rivera', title: 'Denial specialist' },
};

/**
 * A fresh copy (tests change it) of the complete facts with remark codes and two lines (the patient's name has an
 * accent on purpose), for the merge and PDF tests.
 */
export const letterFacts = (): LetterFacts => {
  const facts = structuredClone(completeLetterFacts);
  facts.provider.npi = '1987654321';
  facts.denial.remarks = [{ code: 'N130', description: 'Consult plan benefit documents/guidelines for information about restrictions for this service.' }];
  facts.lines = [
    { serviceDate: '2026-10-03', procedure: '99214', modifiers: ['25'], units: '1', chargeCents: 20_000, paidCents: 0 },
    { serviceDate: '2026-10-04', procedure: '97110', modifiers: [], units: '3', chargeCents: 15_000, paidCents: 0 },
  ];
  return facts;
};
