// Samples from keironstoddart/edi-835-parser: a file with no ISA envelope and a one-line eMedNY remittance.
import { describe, expect, it } from 'vitest';
import { parse835 } from '@/lib/domain/x12';
import { claimsOf, fixture, okFile, transactionsOf, warningCodes } from './helpers';

describe('edi835parser-blue_cross_nc_sample.835 (starts at ST, one line)', () => {
  const result = parse835(fixture('edi835parser-blue_cross_nc_sample.835'));
  const file = okFile(result);
  const transaction = transactionsOf(file)[0]!;
  const claim = claimsOf(file)[0]!;

  it('detects the delimiters from content and warns that there is no ISA', () => {
    expect(result.warnings[0]).toMatchObject({ code: 'no-envelope', segmentIndex: 1, segmentId: 'ST' });
    expect(file.interchanges[0]).toMatchObject({ enveloped: false, controlNumber: null, delimiters: { element: '*', component: ':', segment: '~' } });
    expect(file.interchanges[0]!.groups[0]!.enveloped).toBe(false);
    expect(transaction.controlNumber).toBe('1234');
  });

  it('reads the check payment, trace and the payer and payee loops', () => {
    expect(transaction.payment).toEqual({ handlingCode: 'I', totalCents: 192286, creditDebit: 'C', method: 'CHK', format: null, date: '2011-01-08' });
    expect(transaction.trace).toEqual({ number: '02790758', payerId: '560894904' });
    expect(transaction.productionDate).toBe('2011-01-04');
    expect(transaction.payer).toMatchObject({ name: 'BLUE CROSS AND BLUE SHIELD OF NORTH CAROLINA', address: { lines: ['P O BOX 2291'], city: 'DURHAM', state: 'NC', postalCode: '27702' } });
    expect(transaction.payee).toMatchObject({ name: 'XYZ HEALTHCARE CORPORATION', npi: '0987654321', taxId: '123456789' });
  });

  it('reads the claim, trimming the padded member id, and its received date (DTM*050)', () => {
    expect(claim).toMatchObject({
      patientControlNumber: '200200964A52', statusCode: '1', billedCents: 210000, paidCents: 192286, patientResponsibilityCents: 14254,
      filingIndicator: '15', payerClaimControlNumber: '94151100100',
      patient: { last: 'Dough', first: 'Mary', memberId: 'YPB123456789001' },
      dates: { received: '2011-01-03' },
    });
  });

  it('reads each line: procedure, original procedure (SVC06), CAS, REF*6R and AMT*B6', () => {
    const [first, second, third] = claim.serviceLines;
    expect(first).toMatchObject({
      procedure: { qualifier: 'HC', code: '59430' }, originalProcedure: { qualifier: 'HC', code: '59410' }, billedCents: 121000, paidCents: 105786, units: 1,
      serviceDate: '2010-12-31', lineControlNumber: '0001', allowedCents: 117540,
    });
    expect(first!.adjustments.map((a) => `${a.group}-${a.reason} ${a.amountCents}`)).toEqual(['CO-42 3460', 'PR-2 11754']);
    expect(second).toMatchObject({ billedCents: 89000, paidCents: 86500, lineControlNumber: '0002', allowedCents: null, adjustments: [{ group: 'PR', reason: '3', amountCents: 2500 }] });
    expect(third).toMatchObject({ procedure: { code: '59426' }, billedCents: 0, paidCents: 0, lineControlNumber: '0003', allowedCents: 74200 });
  });

  it('balances the claim (2100.00 − 1922.86 = 34.60 + 117.54 + 25.00) and the payment', () => {
    expect(claim.balance).toEqual({ ok: true, expectedCents: 17714, actualCents: 17714, differenceCents: 0 });
    expect(transaction.balance!.ok).toBe(true);
  });

  it('reports what the sample gets wrong as warnings: a shifted SVC line and SE01 = 33 for 32 segments', () => {
    expect(warningCodes(result)).toEqual(['no-envelope', 'odd-value', 'odd-value', 'odd-value', 'control-count']);
    expect(result.warnings.map((w) => w.message).slice(1)).toEqual([
      'segment 28 (SVC), element 08: SVC has 10 elements, at most 7 expected: the rest are ignored',
      'segment 28 (SVC), element 02: expected the billed amount, found nothing: taken as 0',
      'segment 28 (SVC), element 03: expected the paid amount, found nothing: taken as 0',
      'segment 32 (SE), element 01: SE01 says "33" segments from ST to SE, 32 read',
    ]);
  });
});

describe('edi835parser-emedny_sample.835 (one line, three claims, CO-29 and CO-251 denials)', () => {
  const result = parse835(fixture('edi835parser-emedny_sample.835'));
  const file = okFile(result);
  const transaction = transactionsOf(file)[0]!;
  const claims = claimsOf(file);

  it('reads the one-line file with its envelope and no warning', () => {
    expect(result.warnings).toEqual([]);
    expect(file.interchanges[0]).toMatchObject({ senderId: 'EMEDNYBAT', receiverId: 'ETIN', controlNumber: '006000600', date: '2010-01-01', time: '1000' });
    expect(file.interchanges[0]!.groups[0]).toMatchObject({ controlNumber: '6000600', senderCode: 'EMEDNYBAT', version: '005010X221A1' });
    expect(result.stats).toMatchObject({ segments: 69, transactions: 1, claims: 3 });
  });

  it('reads the ACH payment, REF*EV, payer address lines and payee NPI', () => {
    expect(transaction).toMatchObject({ controlNumber: '1740', payment: { totalCents: 4575, method: 'ACH', format: 'CCP', date: '2010-01-01' } });
    expect(transaction.references).toEqual([{ qualifier: 'EV', value: 'ETIN' }]);
    expect(transaction.payer!.address).toEqual({ lines: ['OFFICE OF HEALTH INSURANCE PROGRAMS', 'CORNING TOWER, EMPIRE STATE PLAZA'], city: 'ALBANY', state: 'NY', postalCode: '122370080' });
    expect(transaction.payee).toMatchObject({ name: 'MAJOR MEDICAL PROVIDER', npi: '9999999995', taxId: '000000000' });
  });

  it('reads the three claims: status, amounts, payer claim control number', () => {
    expect(claims.map((c) => [c.patientControlNumber, c.statusCode, c.billedCents, c.paidCents, c.payerClaimControlNumber])).toEqual([
      ['PATIENT ACCOUNT NUMBER', '1', 3425, 3425, '1000210000000030'],
      ['PATIENT ACCOUNT NUMBER', '2', 3400, 0, '1000220000000020'],
      ['PATIENT ACCOUNT NUMBER', '2', 3425, 1150, '1000230000000020'],
    ]);
    expect(claims[0]).toMatchObject({
      patient: { last: 'SUBMITTED LAST', first: 'SUBMITTED FIRST', memberId: 'LL99999L' },
      correctedPatient: { last: 'CORRECTED LAST', first: 'CORRECTED FIRST' },
      references: [{ qualifier: 'EA', value: 'PATIENT ACCOUNT NUMBER' }],
      amounts: [{ qualifier: 'AU', amountCents: 3425 }],
      dates: { statementFrom: '2010-01-01', statementTo: '2010-01-01' },
    });
    expect(claims[0]!.serviceLines.map((l) => [l.procedure.code, l.procedure.modifiers, l.units])).toEqual([
      ['V2020', ['RB'], 1], ['V2700', ['RB'], 1], ['V2103', ['RB'], 1], ['S0580', [], 2],
    ]);
  });

  it('reads the line denials: CO-29 timely filing, CO-251 with LQ*HE N206', () => {
    expect(claims[1]!.serviceLines.flatMap((l) => l.adjustments)).toEqual([
      { group: 'CO', reason: '29', amountCents: 1200, quantity: null },
      { group: 'CO', reason: '29', amountCents: 2200, quantity: null },
    ]);
    const denied = claims[2]!.serviceLines.filter((l) => l.paidCents === 0);
    expect(denied.map((l) => [l.adjustments[0]!.reason, l.adjustments[0]!.amountCents, l.remarkCodes])).toEqual([
      ['251', 275, [{ code: 'N206', source: 'LQ', list: 'RARC' }]],
      ['251', 2000, [{ code: 'N206', source: 'LQ', list: 'RARC' }]],
    ]);
    expect(claims[2]!.serviceLines[1]!.serviceDate).toBe('2013-09-17');
  });

  it('balances every claim, every line and BPR02 = 34.25 + 0 + 11.50', () => {
    expect(claims.every((c) => c.balance.ok && c.serviceLines.every((l) => l.balance.ok))).toBe(true);
    expect(transaction.balance).toEqual({ ok: true, expectedCents: 4575, actualCents: 4575, differenceCents: 0 });
  });
});
