// Every fixture at a glance: counts, parties, payments and balancing, read off the files by hand.
import { describe, expect, it } from 'vitest';
import { parse835 } from '@/lib/domain/x12';
import { claimsOf, fixture, okFile, transactionsOf, type FixtureName } from './helpers';

interface Expected {
  transactions: number;
  claims: number;
  payer: string;
  payee: string;
  /** BPR02 of each transaction, in cents. */
  payments: number[];
  /** False for the masked DeIdent files: their 99.99 amounts cannot add up. */
  claimsBalance: boolean;
}

const EXPECTED: Record<FixtureName, Expected> = {
  'edi835parser-blue_cross_nc_sample.835': { transactions: 1, claims: 1, payer: 'BLUE CROSS AND BLUE SHIELD OF NORTH CAROLINA', payee: 'XYZ HEALTHCARE CORPORATION', payments: [192286], claimsBalance: true },
  'edi835parser-emedny_sample.835': { transactions: 1, claims: 3, payer: 'NYSDOH', payee: 'MAJOR MEDICAL PROVIDER', payments: [4575], claimsBalance: true },
  'linuxforhealth-cob-contractural-adjustment.835': { transactions: 1, claims: 1, payer: 'YOUR TAX DOLLARS AT WORK', payee: 'ATONEWITHHEALTH', payments: [3400], claimsBalance: true },
  'linuxforhealth-managed-care.835': { transactions: 1, claims: 2, payer: 'RUSHMORE LIFE', payee: 'ACME MEDICAL CENTER', payments: [94500], claimsBalance: true },
  'linuxforhealth-medicare-part-a.835': { transactions: 1, claims: 2, payer: 'INSURANCE COMPANY OF TIMBUCKTU', payee: 'REGIONAL HOPE HOSPITAL', payments: [15000000], claimsBalance: true },
  'linuxforhealth-secondary-payment.835': { transactions: 1, claims: 2, payer: 'YOUR TAX DOLLARS AT WORK', payee: 'ACME MEDICAL CENTER', payments: [122200], claimsBalance: true },
  'linuxforhealth-tertiary-payment.835': { transactions: 1, claims: 1, payer: 'YOUR TAX DOLLARS AT WORK', payee: 'ACME MEDICAL CENTER', payments: [18750], claimsBalance: true },
  'oopfactory-835_DeIdent_01.835': { transactions: 1, claims: 96, payer: 'XXXX XXXXX XXXX XXXXXX XXXXXXXX', payee: 'XXXXXXX XXXXXXXX & XXXXXXXXXX XX', payments: [9999999], claimsBalance: false },
  'oopfactory-835_DeIdent_02.835': { transactions: 6, claims: 375, payer: 'XXX - XXX X9 XXXX X', payee: 'XXXXXXXXXX XXX XXXXXXXX XXX', payments: [0, 9999999, 9999, 0, 9999999, 9999], claimsBalance: false },
};

describe.each(Object.entries(EXPECTED) as [FixtureName, Expected][])('%s', (name, expected) => {
  const result = parse835(fixture(name), { maxWarnings: 5000 });
  const file = okFile(result);
  const transactions = transactionsOf(file);

  it(`reads ${expected.transactions} transaction(s) and ${expected.claims} claim(s)`, () => {
    expect(transactions).toHaveLength(expected.transactions);
    expect(claimsOf(file)).toHaveLength(expected.claims);
    expect(result.stats).toMatchObject({ transactions: expected.transactions, claims: expected.claims });
  });

  it('reads the payer, the payee and each BPR02 total', () => {
    expect(transactions[0]!.payer!.name).toBe(expected.payer);
    expect(transactions[0]!.payee!.name).toBe(expected.payee);
    expect(transactions.map((t) => t.payment!.totalCents)).toEqual(expected.payments);
  });

  it(expected.claimsBalance ? 'balances every claim to the cent' : 'reports every claim that does not balance as a warning at its CLP', () => {
    const unbalanced = claimsOf(file).filter((claim) => !claim.balance.ok);
    const warned = result.warnings.filter((w) => w.code === 'claim-imbalance').map((w) => w.segmentIndex);
    expect(warned).toEqual(unbalanced.map((claim) => claim.segmentIndex));
    if (expected.claimsBalance) expect(unbalanced).toEqual([]);
    else expect(unbalanced.length).toBeGreaterThan(0);
  });

  it('gives every claim the segment index of its CLP', () => {
    const text = fixture(name);
    const segments = text.split('~').map((s) => s.trim());
    for (const claim of claimsOf(file)) expect(segments[claim.segmentIndex - 1]!.startsWith(`CLP*${claim.patientControlNumber}*`)).toBe(true);
  });
});
