// The TR3 (005010X221A1) worked examples as re-keyed by LinuxForHealth/x12: values below were read off the files.
import { describe, expect, it } from 'vitest';
import { parse835 } from '@/lib/domain/x12';
import { claimsOf, fixture, okFile, transactionsOf } from './helpers';

describe('linuxforhealth-medicare-part-a.835 (institutional, MIA/MOA, TS3/TS2, PLB)', () => {
  const result = parse835(fixture('linuxforhealth-medicare-part-a.835'));
  const file = okFile(result);
  const [transaction] = transactionsOf(file);
  const [first, second] = claimsOf(file);

  it('reads the interchange and group envelopes', () => {
    const interchange = file.interchanges[0]!;
    expect(interchange).toMatchObject({
      controlNumber: '000000907', senderQualifier: '30', senderId: '000000005', receiverId: '12345', date: '2013-10-31', versionNumber: '00501', usage: 'T',
      delimiters: { element: '*', component: ':', repetition: '^', segment: '~' },
    });
    expect(interchange.groups[0]).toMatchObject({ controlNumber: '1', version: '005010X221A1', date: '2013-10-31' });
  });

  it('reads the payment, trace, production date, payer id from REF*2U and payee NPI', () => {
    expect(transaction!.payment).toEqual({ handlingCode: 'C', totalCents: 15000000, creditDebit: 'C', method: 'ACH', format: 'CTX', date: '2002-09-13' });
    expect(transaction!.trace).toEqual({ number: '12345', payerId: '1512345678' });
    expect(transaction!.productionDate).toBe('2002-09-16');
    expect(transaction!.payer).toMatchObject({ name: 'INSURANCE COMPANY OF TIMBUCKTU', id: '999', idQualifier: '2U' });
    expect(transaction!.payer!.address).toEqual({ lines: ['1 MAIN STREET'], city: 'TIMBUCKTU', state: 'AK', postalCode: '89111' });
    expect(transaction!.payee).toMatchObject({ name: 'REGIONAL HOPE HOSPITAL', npi: '6543210903' });
  });

  it('reads both claims with claim-level CAS CO-45 and skips TS3/TS2 without a warning', () => {
    expect(claimsOf(file)).toHaveLength(2);
    expect(first).toMatchObject({
      segmentIndex: 15, patientControlNumber: '666123', statusCode: '1', billedCents: 21136697, paidCents: 13801840,
      patientResponsibilityCents: null, filingIndicator: 'MA', payerClaimControlNumber: '1999999444444', facilityCode: '11', frequency: '1',
      patient: { last: 'JONES', first: 'SAM', middle: 'O', idQualifier: 'HN', memberId: '666666666A' },
      dates: { statementFrom: '2002-08-16', statementTo: '2002-08-24', received: null },
      adjustments: [{ group: 'CO', reason: '45', amountCents: 7334857, quantity: null }],
      quantities: [{ qualifier: 'CA', quantity: 8 }],
      remarkCodes: [],
    });
    expect(second).toMatchObject({ patientControlNumber: '777777', billedCents: 1500000, paidCents: 1198033, facilityCode: '13', filingIndicator: 'MB' });
    expect(result.warnings).toEqual([]);
  });

  it('takes MOA03 as a claim remark code', () => {
    expect(second!.remarkCodes).toEqual([{ code: 'MA02', source: 'MOA', list: 'RARC' }]);
  });

  it('reads the PLB composite CV:CP and balances BPR02 = Σ CLP04 − Σ PLB (150000.00 = 149998.73 + 1.27)', () => {
    expect(transaction!.providerAdjustments).toEqual([
      { segmentIndex: 29, providerId: '6543210903', fiscalPeriodDate: '2002-12-31', reasonCode: 'CV', reference: 'CP', amountCents: -127 },
    ]);
    expect(transaction!.totalPaidCents).toBe(14999873);
    expect(transaction!.balance).toEqual({ ok: true, expectedCents: 15000000, actualCents: 15000000, differenceCents: 0 });
    expect(claimsOf(file).every((claim) => claim.balance.ok)).toBe(true);
  });
});

describe('linuxforhealth-managed-care.835 (two claims, line CAS, DTM 150/151)', () => {
  const result = parse835(fixture('linuxforhealth-managed-care.835'));
  const file = okFile(result);
  const [first, second] = claimsOf(file);

  it('leaves the impossible BPR16 20002316 empty with a warning instead of failing', () => {
    expect(transactionsOf(file)[0]!.payment).toMatchObject({ totalCents: 94500, method: 'ACH', date: null });
    expect(result.warnings).toHaveLength(1);
    expect(result.warnings[0]!.message).toBe('segment 4 (BPR), element 16: expected a date CCYYMMDD in 1900–2199, found "20002316": left empty');
  });

  it('reads claim-level CAS CO-A2 and line-level CAS PR-1 / CO-45', () => {
    expect(first).toMatchObject({ patientControlNumber: '5554555444', billedCents: 80000, paidCents: 45000, patientResponsibilityCents: 30000 });
    expect(first!.adjustments).toEqual([{ group: 'CO', reason: 'A2', amountCents: 5000, quantity: null }]);
    expect(first!.serviceLines[0]).toMatchObject({
      procedure: { qualifier: 'HC', code: '99211', modifiers: [] }, billedCents: 80000, paidCents: 50000, units: null,
      serviceDateFrom: '2002-03-01', serviceDateTo: '2002-03-04',
      adjustments: [{ group: 'PR', reason: '1', amountCents: 30000, quantity: null }],
    });
    expect(second!.serviceLines[0]!.adjustments.map((a) => `${a.group}-${a.reason} ${a.amountCents}`)).toEqual(['PR-1 60000', 'CO-45 5000']);
  });

  it('balances every claim and line to the cent, claim and line CAS together', () => {
    for (const claim of claimsOf(file)) {
      expect(claim.balance.ok).toBe(true);
      for (const line of claim.serviceLines) expect(line.balance.ok).toBe(true);
    }
    expect(second!.balance).toEqual({ ok: true, expectedCents: 70500, actualCents: 70500, differenceCents: 0 });
    expect(transactionsOf(file)[0]!.balance!.ok).toBe(true);
  });
});

describe('linuxforhealth-cob-contractural-adjustment.835 (OA-23 and a negative OA-94)', () => {
  const result = parse835(fixture('linuxforhealth-cob-contractural-adjustment.835'));
  const [claim] = claimsOf(okFile(result));

  it('reads the payee tax id from N103 = FI and the rendering provider from NM1*82', () => {
    expect(transactionsOf(okFile(result))[0]!.payee).toMatchObject({ name: 'ATONEWITHHEALTH', idQualifier: 'FI', taxId: '3UR334563', npi: null });
    expect(claim!.renderingProvider).toEqual({ name: 'PROFESSIONAL TEST 1', entityType: '2', idQualifier: 'BS', id: '34426', npi: null });
  });

  it("reads SVC01 written with '>' while ISA16 is ':' and says so once", () => {
    expect(claim!.serviceLines[0]!.procedure).toEqual({ qualifier: 'HC', code: '55669', modifiers: [], description: null });
    expect(result.warnings.map((w) => w.message)).toEqual([
      'segment 21 (SVC), element 01: expected components separated by ":" (ISA16), found "HC>55669": read with ">"',
    ]);
  });

  it('balances 541.00 − 34.00 = 516.00 − 9.00 with a negative adjustment', () => {
    expect(claim).toMatchObject({ patientControlNumber: '0001000055', statusCode: '2', billedCents: 54100, paidCents: 3400 });
    expect(claim!.serviceLines[0]!.adjustments).toEqual([
      { group: 'OA', reason: '23', amountCents: 51600, quantity: null },
      { group: 'OA', reason: '94', amountCents: -900, quantity: null },
    ]);
    expect(claim!.serviceLines[0]).toMatchObject({ allowedCents: 55000, units: 1, serviceDate: '2005-02-02', references: [{ qualifier: '1B', value: '44280' }] });
    expect(claim!.balance.ok).toBe(true);
  });
});

describe('linuxforhealth-secondary-payment.835 (claim without lines, modifiers, revenue code)', () => {
  const result = parse835(fixture('linuxforhealth-secondary-payment.835'));
  const file = okFile(result);
  const [first, second] = claimsOf(file);

  it('reads a claim paid at claim level only, with AMT*AU and NM1*82', () => {
    expect(first).toMatchObject({
      patientControlNumber: 'L0004828311', statusCode: '2', billedCents: 1032364, paidCents: 91200, payerClaimControlNumber: '05090256390',
      patient: { last: 'TOWNSEND', first: 'WILLIAM', middle: 'P', memberId: 'XXX123456789' },
      renderingProvider: { name: 'ACME MEDICAL CENTER', idQualifier: 'BD', id: '987' },
      amounts: [{ qualifier: 'AU', amountCents: 91200 }], serviceLines: [],
      dates: { statementFrom: '2005-03-03', statementTo: '2005-03-04' },
    });
  });

  it('reads the modifier 26, SVC04 revenue code and a CAS with two triplets', () => {
    const line = second!.serviceLines[1]!;
    expect(line).toMatchObject({ procedure: { qualifier: 'HC', code: '66543', modifiers: ['26'] }, billedCents: 58500, paidCents: 28000, revenueCode: '220', units: 1, allowedCents: 50000 });
    expect(line.adjustments.map((a) => `${a.group}-${a.reason} ${a.amountCents}`)).toEqual(['PR-1 15000', 'PR-2 7000', 'CO-42 8500']);
  });

  it('balances every claim and BPR02 = 912.00 + 310.00', () => {
    expect(claimsOf(file).map((claim) => claim.balance.ok)).toEqual([true, true]);
    expect(transactionsOf(file)[0]!.balance).toMatchObject({ ok: true, expectedCents: 122200 });
  });
});

describe('linuxforhealth-tertiary-payment.835 (SVC01 split by an element separator)', () => {
  const result = parse835(fixture('linuxforhealth-tertiary-payment.835'));
  const [claim] = claimsOf(okFile(result));

  it('balances the claim but reports the line the file mis-keyed (SVC*HC*24599.00*...) as a warning', () => {
    expect(claim).toMatchObject({ patientControlNumber: '0001000054', statusCode: '3', billedCents: 176650, paidCents: 18750 });
    expect(claim!.balance.ok).toBe(true);
    const line = claim!.serviceLines[0]!;
    expect(line).toMatchObject({ procedure: { qualifier: 'HC', code: '' }, billedCents: 2459900, paidCents: 176650, revenueCode: '187.50' });
    expect(line.balance).toEqual({ ok: false, expectedCents: 2283250, actualCents: 157900, differenceCents: 2125350 });
    const imbalance = result.warnings.find((w) => w.code === 'line-imbalance')!;
    expect(imbalance).toMatchObject({ segmentIndex: 20, segmentId: 'SVC' });
    expect(imbalance.message).toContain('SVC02 − SVC03 = 22832.50 but Σ line CAS = 1579.00');
  });
});
