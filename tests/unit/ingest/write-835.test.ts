import { describe, expect, it } from 'vitest';
import { guessPayerType, payerIdentifier } from '@/lib/domain/remit-payer';
import { mulberry32, write835 } from '@/lib/domain/write-835';
import { parse835 } from '@/lib/domain/x12';

const text = write835({
  controlNumber: '000000042',
  sender: 'PAYER',
  receiver: 'CLINIC',
  date: '2026-10-01',
  transactions: [
    {
      controlNumber: '0001',
      payer: { name: 'ACME HEALTH', id: '60054' },
      payee: { name: 'CLINIC', npi: '1234567893' },
      traceNumber: 'EFT1',
      traceOriginator: '1999999999',
      paymentDate: '2026-10-01',
      claims: [
        {
          patientControlNumber: 'A1',
          status: '4',
          billedCents: 25000,
          paidCents: 0,
          filingIndicator: 'MB',
          payerClaimNumber: 'ICN1',
          patient: { last: 'DOE', first: 'JANE', memberId: 'M1' },
          renderingProvider: { name: 'SMITH GROUP', npi: '1999999984' },
          remarks: ['MA130'],
          lines: [{ procedure: '99214:25', billedCents: 25000, paidCents: 0, serviceDate: '2026-09-01', adjustments: [{ group: 'CO', reason: '16', amountCents: 25000 }], remarks: ['M127'] }],
        },
        { patientControlNumber: 'A2', status: '1', billedCents: 10000, paidCents: 8000, filingIndicator: 'MB', payerClaimNumber: 'ICN2', adjustments: [{ group: 'CO', reason: '45', amountCents: 2000 }] },
      ],
      providerAdjustments: [{ reason: 'WO', reference: 'A2', amountCents: 1000 }],
    },
  ],
});

describe('writing an 835', () => {
  it('is read back by the reader with every count, control number and balance right', () => {
    const result = parse835(text);
    expect(result.ok).toBe(true);
    expect(result.warnings).toEqual([]);
    const [t] = result.file.interchanges[0]!.groups[0]!.transactions;
    expect(t!.payment).toMatchObject({ totalCents: 7000, creditDebit: 'C', date: '2026-10-01' });
    expect(t!.balance?.ok).toBe(true);
    expect(payerIdentifier(t!)).toBe('60054');
    expect(t!.providerAdjustments).toEqual([expect.objectContaining({ reasonCode: 'WO', reference: 'A2', amountCents: 1000 })]);
    const [denied, paid] = t!.claims;
    expect(denied).toMatchObject({ statusCode: '4', filingIndicator: 'MB', payerClaimControlNumber: 'ICN1', patient: { last: 'DOE', memberId: 'M1' } });
    expect(denied!.renderingProvider).toMatchObject({ name: 'SMITH GROUP', npi: '1999999984' });
    expect(denied!.remarkCodes.map((r) => r.code)).toEqual(['MA130']);
    expect(denied!.serviceLines[0]).toMatchObject({ procedure: { code: '99214', modifiers: ['25'] }, serviceDate: '2026-09-01' });
    expect([denied!.balance.ok, paid!.balance.ok]).toEqual([true, true]);
  });

  it('writes a debit (BPR03 = D) when the payer takes back more than it pays', () => {
    const debit = write835({
      controlNumber: '000000043', sender: 'P', receiver: 'C', date: '2026-10-01',
      transactions: [{ controlNumber: '0001', payer: { name: 'P', id: '1' }, payee: { name: 'C', npi: '1234567893' }, traceNumber: 'T', traceOriginator: '1', paymentDate: '2026-10-01', claims: [], providerAdjustments: [{ reason: 'WO', reference: 'X', amountCents: 500 }] }],
    });
    const result = parse835(debit);
    const [t] = result.file.interchanges[0]!.groups[0]!.transactions;
    expect(t!.payment).toMatchObject({ totalCents: 500, creditDebit: 'D' });
    expect(t!.balance?.ok).toBe(true);
  });
});

describe('a payer seen for the first time', () => {
  it.each([
    ['MB', null, 'medicare'],
    ['MA', null, 'medicare'],
    ['MC', null, 'medicaid'],
    ['CI', 'Medicare Advantage Plan', 'commercial'],
    [null, 'Texas Medicaid', 'medicaid'],
    [null, 'MEDICARE PART B', 'medicare'],
    [null, 'Aetna', 'commercial'],
  ] as const)('with filing indicator %s and name %s is %s', (indicator, name, type) => {
    expect(guessPayerType(indicator, name)).toBe(type);
  });
});

describe('the demo random numbers', () => {
  it('are the same for the same seed', () => {
    const [a, b] = [mulberry32(7), mulberry32(7)];
    expect(Array.from({ length: 5 }, a)).toEqual(Array.from({ length: 5 }, b));
  });
});
