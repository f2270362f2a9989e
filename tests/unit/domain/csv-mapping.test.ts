import { describe, expect, it } from 'vitest';
import { mappingForHeaders, mappingProblems, mappingRefusal, suggestMapping } from '@/lib/domain/csv-mapping';

const complete = { patientControlNumber: 'Account', payerId: 'Payer ID', carc: 'Reason', billed: 'Charges', paid: 'Paid' };
const headers = ['Account', 'Payer ID', 'Reason', 'Charges', 'Paid', 'Payer'];

describe('what a mapping still lacks', () => {
  it('names each required field, and the payer fields when neither is mapped', () => {
    expect(Object.keys(mappingProblems({})).sort()).toEqual(['billed', 'carc', 'paid', 'patientControlNumber', 'payerId', 'payerName']);
  });

  it.each([
    ['the payer id alone', complete],
    ['the payer name alone', { ...complete, payerId: undefined, payerName: 'Payer' }],
    ['both payer fields', { ...complete, payerName: 'Payer' }],
  ])('is satisfied by %s', (_what, mapping) => {
    expect(mappingProblems(mapping)).toEqual({});
    expect(mappingProblems(mapping, headers)).toEqual({});
    expect(mappingRefusal(mappingProblems(mapping, headers))).toBeNull();
  });

  it.each([
    ['patientControlNumber', 'Required: choose a column.'],
    ['carc', 'Required: choose a column.'],
    ['billed', 'Required: choose a column.'],
    ['paid', 'Required: choose a column.'],
  ] as const)('refuses a mapping without %s', (field, problem) => {
    expect(mappingProblems({ ...complete, [field]: undefined })).toEqual({ [field]: problem });
  });

  it('with the file’s headers, refuses a field mapped to a column the file lacks', () => {
    expect(mappingProblems({ ...complete, paid: 'Payment' }, headers)).toEqual({ paid: 'Mapped to "Payment", which is not a column of this file.' });
    // Without headers (while mapping in the form, every choice comes from the file) the same mapping is complete.
    expect(mappingProblems({ ...complete, paid: 'Payment' })).toEqual({});
  });

  it('says every problem in one message, field by field in the field order', () => {
    expect(mappingRefusal(mappingProblems({ carc: 'Reason', billed: 'Charges', paid: 'Payment' }, headers))).toBe(
      'Patient control number: Required: choose a column. Payer name: Map the payer name or the payer ID. ' +
        'Payer ID: Map the payer name or the payer ID. Paid: Mapped to "Payment", which is not a column of this file.',
    );
  });

  it('drops saved columns this file does not have', () => {
    expect(mappingForHeaders({ carc: 'Reason', billed: 'Gone' }, ['Reason', 'Paid'])).toEqual({ carc: 'Reason' });
    expect(mappingForHeaders(null, ['Reason'])).toEqual({});
  });
});

describe('a first mapping suggested from the headers', () => {
  it('recognises common export headers, each header used once', () => {
    expect(suggestMapping(['Patient Account #', 'Payer', 'Payer ID', 'CARC', 'Total Charges', 'Insurance Paid', 'DOS', 'Notes'])).toEqual({
      patientControlNumber: 'Patient Account #',
      payerName: 'Payer',
      payerId: 'Payer ID',
      carc: 'CARC',
      billed: 'Total Charges',
      paid: 'Insurance Paid',
      serviceDate: 'DOS',
    });
  });

  it('suggests nothing for unknown headers', () => {
    expect(suggestMapping(['foo', 'bar'])).toEqual({});
  });
});
