// The off-guide corpus (tests/fixtures/x12-835/off-guide, README there): every claim's values, its payee and
// the warning each quirk gives; the same result however the file is chunked.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { type Claim, parse835, Remit835Reader } from '@/lib/domain/x12';
import { claimsOf, errorOf, okFile, transactionsOf } from './helpers';

const DIR = path.resolve(import.meta.dirname, '../../fixtures/x12-835/off-guide');
const read = (name: string) => readFileSync(path.join(DIR, name), 'utf8');

/** What a claim must read as: number, status, billed, paid, patient share, adjustments ("CO-45 20.00"), payee. */
interface Expected {
  number: string;
  status: string;
  billed: number;
  paid: number;
  patient: number | null;
  adjustments: string[];
  payee: string;
  npi: string;
}

function summary(claim: Claim): Expected {
  const all = [...claim.adjustments, ...claim.serviceLines.flatMap((line) => line.adjustments)];
  return {
    number: claim.patientControlNumber,
    status: claim.statusCode,
    billed: claim.billedCents,
    paid: claim.paidCents,
    patient: claim.patientResponsibilityCents,
    adjustments: all.map((a) => `${a.group}-${a.reason} ${(a.amountCents / 100).toFixed(2)}`),
    payee: claim.payee?.name ?? '',
    npi: claim.payee?.npi ?? '',
  };
}

const NORTH = { payee: 'NORTH CLINIC', npi: '1111111112' };

const CORPUS: Record<string, { claims: Expected[]; warnings: string[]; bpr: number }> = {
  'payee-per-claim.835': {
    bpr: 23000,
    claims: [
      { number: 'PCN-A1', status: '1', billed: 15000, paid: 12000, patient: 3000, adjustments: ['PR-2 30.00'], ...NORTH },
      { number: 'PCN-B1', status: '4', billed: 20000, paid: 0, patient: null, adjustments: ['CO-50 200.00'], payee: 'SOUTH CLINIC', npi: '2222222220' },
      { number: 'PCN-B2', status: '1', billed: 8000, paid: 6000, patient: null, adjustments: ['CO-45 20.00'], payee: 'SOUTH CLINIC', npi: '2222222220' },
      { number: 'PCN-C1', status: '1', billed: 9000, paid: 5000, patient: null, adjustments: ['CO-97 40.00'], payee: 'EAST CLINIC', npi: '3333333338' },
    ],
    warnings: [
      'segment 20 (N1): payee loop (N1*PE) repeated between claims: each claim that follows is read as paid to the payee named last (here "SOUTH CLINIC")',
    ],
  },
  'no-lx.835': {
    bpr: 10000,
    claims: [
      { number: 'PCN-N1', status: '1', billed: 12000, paid: 10000, patient: null, adjustments: ['CO-45 20.00'], ...NORTH },
      { number: 'PCN-N2', status: '4', billed: 7500, paid: 0, patient: null, adjustments: ['CO-29 75.00'], ...NORTH },
    ],
    warnings: ['segment 13 (CLP): CLP without an LX before it: read as if the LX were there'],
  },
  'repeated-lx.835': {
    bpr: 14000,
    claims: [
      { number: 'PCN-L1', status: '1', billed: 10000, paid: 9000, patient: null, adjustments: ['CO-45 10.00'], ...NORTH },
      { number: 'PCN-L2', status: '2', billed: 6000, paid: 5000, patient: 1000, adjustments: ['PR-1 10.00'], ...NORTH },
    ],
    warnings: ['segment 13 (LX): an LX with no claim after the previous one: the claims are read all the same'],
  },
  'ref-dtm-out-of-place.835': {
    bpr: 18000,
    claims: [
      { number: 'PCN-R1', status: '1', billed: 25000, paid: 18000, patient: null, adjustments: ['CO-45 30.00', 'CO-45 40.00'], ...NORTH },
      { number: 'PCN-R2', status: '4', billed: 4000, paid: 0, patient: null, adjustments: ['CO-16 40.00'], ...NORTH },
    ],
    warnings: [
      "segment 13 (REF): REF before its claim's CLP: read as the next claim's",
      "segment 22 (DTM): claim-level DTM after the claim's service lines (SVC): read as the claim's",
    ],
  },
  'whitespace.835': {
    bpr: 7000,
    claims: [
      { number: 'PCN-W1', status: '1', billed: 10000, paid: 7000, patient: 3000, adjustments: ['PR-3 30.00'], ...NORTH },
      { number: 'PCN-W2', status: '4', billed: 5500, paid: 0, patient: null, adjustments: ['CO-50 55.00'], ...NORTH },
    ],
    warnings: ['segment 4 (BPR): whitespace before the segment terminator: ignored (said once per transaction)'],
  },
  'lower-case-codes.835': {
    bpr: 10500,
    claims: [
      { number: 'PCN-c1', status: '1', billed: 13000, paid: 10000, patient: 1000, adjustments: ['CO-45 20.00', 'PR-2 10.00'], payee: 'North Clinic', npi: '1111111112' },
    ],
    warnings: ['segment 4 (BPR), element 01: expected an upper-case code, found "i": read as "I" (said once per transaction)'],
  },
};

describe.each(Object.entries(CORPUS))('%s', (name, expected) => {
  const result = parse835(read(name));
  const file = okFile(result);

  it('reads every claim: number, status, billed, paid, adjustments and payee', () => {
    expect(claimsOf(file).map(summary)).toEqual(expected.claims);
  });

  it('balances every claim and the payment (BPR02) to the cent', () => {
    const [transaction] = transactionsOf(file);
    expect(transaction!.payment!.totalCents).toBe(expected.bpr);
    expect(transaction!.balance!.ok).toBe(true);
    expect(claimsOf(file).every((claim) => claim.balance.ok)).toBe(true);
  });

  it('says what was off-guide, where, and nothing else', () => {
    expect(result.warnings.map((w) => w.message)).toEqual(expected.warnings);
    expect(result.warnings.every((w) => w.code === 'off-guide' && w.segmentIndex !== null && w.segmentId !== null)).toBe(true);
  });

  it('reads the same claims and warnings one byte at a time', () => {
    const claims: Claim[] = [];
    const reader = new Remit835Reader({ onClaim: (claim) => claims.push(claim) });
    for (const byte of new TextEncoder().encode(read(name))) reader.push(new Uint8Array([byte]));
    const streamed = reader.end();
    expect(streamed.ok).toBe(true);
    expect(claims.map(summary)).toEqual(expected.claims);
    expect(streamed.warnings.map((w) => w.message)).toEqual(expected.warnings);
  });
});

describe('what each quirk is read as, besides the money', () => {
  it('keeps the first payee as the transaction’s and each payee’s N3/N4/REF on it', () => {
    const [transaction] = transactionsOf(okFile(parse835(read('payee-per-claim.835'))));
    expect(transaction!.payee).toMatchObject({ name: 'NORTH CLINIC', npi: '1111111112', taxId: '111111111' });
    const claims = transaction!.claims;
    expect(claims[0]!.payee).toBe(transaction!.payee);
    expect(claims[1]!.payee).toMatchObject({ taxId: '222222222', address: { lines: ['2 SOUTH ST'], city: 'ALBANY', state: 'NY', postalCode: '12207' } });
    expect(claims[3]!.payee).toMatchObject({ taxId: '333333333', address: null });
    expect(claims[1]!.remarkCodes).toEqual([{ code: 'N115', source: 'MOA', list: 'RARC' }]);
    expect(claims[0]!.dates.statementFrom).toBe('2024-03-01');
  });

  it('gives the REF and DTM before a CLP to that claim, and claim segments after its lines to the claim', () => {
    const [first, second] = claimsOf(okFile(parse835(read('ref-dtm-out-of-place.835'))));
    expect(first!.references).toEqual([{ qualifier: 'EA', value: 'MRN-0001' }]);
    expect(first!.dates).toEqual({ statementFrom: '2024-03-05', statementTo: '2024-03-06', received: '2024-03-10', coverageExpiration: null });
    expect(first!.patient).toMatchObject({ last: 'GRAY', first: 'GIL', memberId: 'M0000007' });
    expect(first!.serviceLines.map((line) => [line.procedure.code, line.serviceDate])).toEqual([['99213', '2024-03-05'], ['85025', '2024-03-05']]);
    expect(second!.references).toEqual([{ qualifier: '1L', value: 'GROUP-22' }]);
  });

  it('reads lower-case codes upper-case but keeps names, ids and claim numbers as written', () => {
    const file = okFile(parse835(read('lower-case-codes.835')));
    const [transaction] = transactionsOf(file);
    expect(transaction!.payment).toMatchObject({ handlingCode: 'I', creditDebit: 'C', method: 'ACH', format: 'CCP' });
    expect(transaction!.payer).toMatchObject({ name: 'STATE MEDICAID PROGRAM', id: 'MCD01', idQualifier: '2U' });
    expect(transaction!.payee).toMatchObject({ name: 'North Clinic', idQualifier: 'XX', npi: '1111111112', taxId: '111111111' });
    expect(transaction!.providerAdjustments).toEqual([expect.objectContaining({ reasonCode: 'L6', reference: 'INTEREST', amountCents: -500 })]);
    const [claim] = transaction!.claims;
    expect(claim).toMatchObject({ patientControlNumber: 'PCN-c1', filingIndicator: 'MC', patient: { last: 'Hill', first: 'Hana', idQualifier: 'MI', memberId: 'm0000008' } });
    const [line] = claim!.serviceLines;
    expect(line).toMatchObject({ procedure: { qualifier: 'HC', code: '99214', modifiers: ['25'] }, lineControlNumber: 'L1', allowedCents: 11000 });
    expect(line!.remarkCodes).toEqual([{ code: 'N130', source: 'LQ', list: 'RARC' }]);
  });

  it('warns about an LX number used twice even when each LX has its claim', () => {
    const text = read('repeated-lx.835').replace('LX*1~\nLX*1~\n', 'LX*1~\n');
    const result = parse835(text.replace('SE*17*', 'SE*16*'));
    expect(claimsOf(okFile(result))).toHaveLength(2);
    expect(result.warnings.map((w) => w.message)).toEqual(['segment 15 (LX): LX01 "1" repeated: the claims are read all the same']);
  });

  it('says so when a REF held for the next claim is followed by no claim', () => {
    const text = read('no-lx.835').replace('SE*17*', 'LX*2~\nREF*EA*ORPHAN~\nSE*19*');
    const result = parse835(text);
    okFile(result);
    expect(result.warnings.map((w) => [w.code, w.segmentIndex, w.segmentId])).toEqual([
      ['off-guide', 13, 'CLP'],
      ['off-guide', 20, 'REF'],
      ['unexpected-segment', 21, 'SE'],
    ]);
  });

  it('skips an N1 of another entity between claims, with its address, and keeps the payee', () => {
    const text = read('no-lx.835').replace('CLP*PCN-N2', 'N1*BE*SOMEONE ELSE~\nN3*1 MAIN ST~\nCLP*PCN-N2').replace('SE*17*', 'SE*19*');
    const result = parse835(text);
    expect(claimsOf(okFile(result)).map((claim) => claim.payee?.name)).toEqual(['NORTH CLINIC', 'NORTH CLINIC']);
    expect(result.warnings.map((w) => w.message)).toEqual([
      'segment 13 (CLP): CLP without an LX before it: read as if the LX were there',
      'segment 16 (N1): unexpected N1*BE between claims: skipped',
    ]);
  });

  it('accepts a file whose last IEA has no terminator but a line end after it', () => {
    const text = read('no-lx.835').trimEnd().slice(0, -1) + '\r\n';
    const result = parse835(text);
    expect(claimsOf(okFile(result))).toHaveLength(2);
    expect(result.warnings.map((w) => [w.code, w.segmentId])).toEqual([['off-guide', 'CLP'], ['off-guide', 'IEA'], ['odd-value', 'IEA']]);
  });

  it('refuses a payer loop between claims: which payer paid would be a guess', () => {
    const error = errorOf(parse835(read('refused-payer-between-claims.835')));
    expect(error).toMatchObject({ code: 'structure', segmentIndex: 14, segmentId: 'N1', element: 1 });
    expect(error.message).toBe('segment 14 (N1), element 01: expected the payer (N1*PR) before the first claim, found it after: a payment has one payer');
  });
});
