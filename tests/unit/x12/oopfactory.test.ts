// De-identified production 835s (4010 era) from the OopFactory X12 parser: CRLF, indented segments, letters masked
// as X and some digits as 9, so masked amounts (all nines) do not balance. Counts below were checked with grep.
import { describe, expect, it } from 'vitest';
import { parse835, type Claim } from '@/lib/domain/x12';
import { claimsOf, fixture, okFile, transactionsOf } from './helpers';

/** The amounts of each claim (CLP03-05, SVC02-03, CAS03/06/...), read from the raw text by CLP segment index. */
function claimAmounts(text: string, claims: Claim[]): string[][] {
  const segments = text.split('~').map((s) => s.trim().split('*'));
  const amountElements: Record<string, number[]> = { CLP: [3, 4, 5], SVC: [2, 3], CAS: [3, 6, 9, 12, 15, 18] };
  return claims.map((claim, i) => {
    const next = claims[i + 1]?.segmentIndex ?? segments.length;
    return segments
      .slice(claim.segmentIndex - 1, next - 1)
      .flatMap((elements) => (amountElements[elements[0]!] ?? []).map((k) => elements[k] ?? '').filter(Boolean));
  });
}

/** The masking of these files turns amounts into nines: 99.99, 9999, -999. */
function isMasked(amount: string): boolean {
  return /^-?9*\.?9+$/.test(amount) && amount.replace(/[^9]/g, '').length >= 2;
}

function statusCounts(claims: Claim[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const claim of claims) counts[claim.statusCode] = (counts[claim.statusCode] ?? 0) + 1;
  return counts;
}

describe('oopfactory-835_DeIdent_01.835', () => {
  const text = fixture('oopfactory-835_DeIdent_01.835');
  const result = parse835(text);
  const file = okFile(result);
  const transaction = transactionsOf(file)[0]!;
  const claims = claimsOf(file);

  it('reads one transaction of 96 claims: 51 primary, 26 secondary, 19 reversals (CLP02 = 22)', () => {
    expect(transactionsOf(file)).toHaveLength(1);
    expect(claims).toHaveLength(96);
    expect(statusCounts(claims)).toEqual({ '1': 51, '2': 26, '22': 19 });
    expect(result.stats.segments).toBe(2361);
  });

  it('reads the 4010 envelope: ISA11 = U is no repetition separator', () => {
    expect(file.interchanges[0]).toMatchObject({ controlNumber: '999999999', senderId: 'XXXXXXXXXXXXX', delimiters: { repetition: null, component: ':' } });
    expect(file.interchanges[0]!.groups[0]!.version).toBe('999999X999X9');
  });

  it('reads the check payment, the payer id from REF*2U and the payee NPI and tax id', () => {
    expect(transaction.payment).toEqual({ handlingCode: 'I', totalCents: 9999999, creditDebit: 'C', method: 'CHK', format: null, date: '2011-05-03' });
    expect(transaction.payer).toMatchObject({ name: 'XXXX XXXXX XXXX XXXXXX XXXXXXXX', id: '99999' });
    expect(transaction.payee).toMatchObject({ name: 'XXXXXXX XXXXXXXX & XXXXXXXXXX XX', npi: '9999999999', taxId: '999999999' });
  });

  it('reads the first claim, fully patient responsibility (PR-16 on six lines), and balances it', () => {
    const claim = claims[0]!;
    expect(claim).toMatchObject({ segmentIndex: 18, statusCode: '2', billedCents: 48800, paidCents: 0, patientResponsibilityCents: 48800, filingIndicator: '12', facilityCode: '11' });
    expect(claim.correctedPatient).toMatchObject({ last: null, idQualifier: 'C', id: 'XXX999999999' });
    expect(claim.serviceLines.map((l) => l.adjustments[0]!.amountCents)).toEqual([21500, 1500, 6800, 4200, 7100, 7700]);
    expect(claim.serviceLines[4]!.procedure.modifiers).toEqual(['XX']);
    expect(claim.serviceLines.every((l) => l.remarkCodes[0]!.code === 'X999' && l.lineControlNumber === '999X999999999999999999')).toBe(true);
    expect(claim.balance.ok).toBe(true);
  });

  it('reads reversals with negative amounts and the 4010 group code CR', () => {
    const reversal = claims.find((c) => c.statusCode === '22')!;
    expect(reversal.billedCents).toBeLessThan(0);
    expect(reversal.serviceLines[0]!.adjustments[0]).toMatchObject({ group: 'CR', reason: '31', amountCents: -4200 });
  });

  it('finds the 6 LQ remark codes', () => {
    expect(claims.flatMap((c) => c.serviceLines.flatMap((l) => l.remarkCodes))).toHaveLength(6);
  });

  it('balances every claim except those carrying a masked amount, and warns about each of those', () => {
    const amounts = claimAmounts(text, claims);
    const unbalanced = claims.filter((c) => !c.balance.ok);
    expect(unbalanced.length).toBe(86);
    claims.forEach((claim, i) => {
      if (!claim.balance.ok) expect(amounts[i]!.some(isMasked), `claim at segment ${claim.segmentIndex}: ${amounts[i]}`).toBe(true);
    });
    const warned = result.warnings.filter((w) => w.code === 'claim-imbalance').map((w) => w.segmentIndex);
    expect(warned).toEqual(unbalanced.map((c) => c.segmentIndex));
  });

  it('finds the envelope counts right (SE01 = 2357, GE01, IEA01) and control numbers matching', () => {
    expect(result.warnings.filter((w) => w.code === 'control-count' || w.code === 'control-number')).toEqual([]);
  });
});

describe('oopfactory-835_DeIdent_02.835', () => {
  const text = fixture('oopfactory-835_DeIdent_02.835');
  const result = parse835(text, { maxWarnings: 5000 });
  const file = okFile(result);
  const transactions = transactionsOf(file);
  const claims = claimsOf(file);

  it('reads 6 transactions and 375 claims (1 + 162 + 2 + 2 + 196 + 12)', () => {
    expect(transactions).toHaveLength(6);
    expect(transactions.map((t) => t.claimCount)).toEqual([1, 162, 2, 2, 196, 12]);
    expect(claims).toHaveLength(375);
    expect(file.interchanges[0]!.groups[0]!.controlNumber).toBe('647');
  });

  it('finds CLP02 1, 2, 4 (denied), 19 (forwarded) and 22 (reversal)', () => {
    expect(statusCounts(claims)).toEqual({ '1': 73, '2': 1, '4': 1, '19': 292, '22': 8 });
  });

  it('reads the denied claim: CO-16 with remark M51 and an MOA on it', () => {
    const denied = claims.find((c) => c.statusCode === '4')!;
    expect(denied).toMatchObject({ billedCents: 999900, paidCents: 0, patientResponsibilityCents: 0, filingIndicator: 'MB', renderingProvider: { npi: '9999999999' } });
    expect(denied.remarkCodes).toEqual([{ code: 'XX999', source: 'MOA', list: 'RARC' }, { code: 'XX99', source: 'MOA', list: 'RARC' }]);
    expect(denied.serviceLines[0]!.adjustments).toEqual([{ group: 'CO', reason: '16', amountCents: 999900, quantity: null }]);
    expect(denied.serviceLines[0]!.remarkCodes.map((r) => r.code)).toEqual(['M51', 'X999']);
    expect(denied.serviceLines[0]!.originalUnits).toBe(120);
    expect(denied.balance.ok).toBe(true);
  });

  it('has an MOA on every claim and 454 LQ remark codes', () => {
    expect(claims.every((c) => c.remarkCodes.some((r) => r.source === 'MOA'))).toBe(true);
    expect(claims.flatMap((c) => c.serviceLines.flatMap((l) => l.remarkCodes))).toHaveLength(454);
  });

  it('reads the notification-only payments (BPR01 = H, NON) and the PLB', () => {
    expect(transactions.map((t) => t.payment!.handlingCode)).toEqual(['H', 'I', 'I', 'H', 'I', 'I']);
    expect(transactions[0]!.payment).toMatchObject({ totalCents: 0, method: 'NON' });
    expect(transactions[4]!.providerAdjustments).toEqual([
      { segmentIndex: 12770, providerId: '9999999999', fiscalPeriodDate: '2011-12-31', reasonCode: 'XX', reference: '99999999999999999  999999999X', amountCents: 9999 },
    ]);
  });

  it('balances the zero payments and every claim without a masked amount', () => {
    expect(transactions[0]!.balance!.ok).toBe(true);
    const amounts = claimAmounts(text, claims);
    claims.forEach((claim, i) => {
      if (!claim.balance.ok) expect(amounts[i]!.some(isMasked), `claim at segment ${claim.segmentIndex}: ${amounts[i]}`).toBe(true);
    });
  });

  it('warns that the last SE02 and IEA02 do not match their headers (masked control numbers)', () => {
    const mismatches = result.warnings.filter((w) => w.code === 'control-number').map((w) => w.message);
    expect(mismatches).toEqual([
      'segment 13000 (SE), element 02: SE02 "999999999" does not match ST02 "9999999996"',
      'segment 13002 (IEA), element 02: IEA02 "9999999996" does not match ISA13 "999999999"',
    ]);
    expect(result.warnings.filter((w) => w.code === 'control-count')).toEqual([]);
  });

  it('keeps at most 1,000 warnings by default and counts the rest', () => {
    const capped = parse835(text);
    expect(capped.warningCount).toBe(result.warningCount);
    expect(capped.warnings).toHaveLength(1001);
    expect(capped.warnings.at(-1)).toMatchObject({ code: 'warnings-truncated' });
    expect(transactions[4]!.warnings).toHaveLength(100);
  });
});
