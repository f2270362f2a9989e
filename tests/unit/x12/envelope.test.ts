// Delimiters come from each ISA; one file may hold several interchanges, groups and transactions.
import { describe, expect, it } from 'vitest';
import { parse835 } from '@/lib/domain/x12';
import { claimsOf, fixture, okFile, transactionsOf, warningCodes } from './helpers';

const MEDICARE = fixture('linuxforhealth-medicare-part-a.835');
const MANAGED = fixture('linuxforhealth-managed-care.835');

/** The same file written with other delimiters (the samples use ':' only as ISA16 and in composites). */
function rewrite(text: string, element: string, component: string, segment: string): string {
  return text.replaceAll('*', element).replaceAll(':', component).replace(/~\n?/g, segment);
}

describe('delimiters', () => {
  it('reads element, component and terminator from the ISA: | > and a newline terminator', () => {
    const result = parse835(rewrite(MANAGED, '|', '>', '\n'));
    const file = okFile(result);
    expect(file.interchanges[0]!.delimiters).toEqual({ element: '|', component: '>', repetition: '^', segment: '\n' });
    expect(claimsOf(file)[1]!.serviceLines[0]!.procedure).toMatchObject({ qualifier: 'HC', code: '93555' });
    expect(JSON.stringify(claimsOf(file))).toBe(JSON.stringify(claimsOf(okFile(parse835(MANAGED)))));
  });

  it('reads a file written on one line, and one with CRLF and indentation between segments', () => {
    const oneLine = MEDICARE.replaceAll('~\n', '~');
    const indented = MEDICARE.replaceAll('~\n', '~\r\n    ');
    const expected = JSON.stringify(okFile(parse835(MEDICARE)));
    expect(JSON.stringify(okFile(parse835(oneLine)))).toBe(expected);
    expect(JSON.stringify(okFile(parse835(indented)))).toBe(expected);
  });

  it('reads several interchanges with different delimiters in one file', () => {
    const result = parse835(MEDICARE + rewrite(MANAGED.replace('*^*00501', '*|*00501'), '^', '>', '~'));
    const file = okFile(result);
    expect(file.interchanges.map((i) => i.delimiters.element)).toEqual(['*', '^']);
    expect(file.interchanges[1]!.delimiters.repetition).toBe('|');
    expect(claimsOf(file).map((c) => c.patientControlNumber)).toEqual(['666123', '777777', '5554555444', '8765432112']);
    expect(result.warnings.map((w) => w.code)).toEqual(['odd-value']); // the managed-care BPR16 date, nothing else
  });

  it('accepts an ISA whose fixed-width fields are not padded, with a warning', () => {
    const result = parse835(MEDICARE.replace('*000000005      *30*12345          *', '*000000005*30*12345*'));
    expect(okFile(result).interchanges[0]).toMatchObject({ senderId: '000000005', receiverId: '12345' });
    expect(result.warnings[0]!.message).toBe('segment 1 (ISA): the ISA is 90 characters long, 106 expected (fixed-width fields not padded)');
  });

  it('reads a file that starts at GS, without ISA, with a warning', () => {
    const result = parse835(MEDICARE.slice(MEDICARE.indexOf('GS*'), MEDICARE.indexOf('IEA*')));
    expect(warningCodes(result)).toEqual(['no-envelope']);
    const file = okFile(result);
    expect(file.interchanges[0]!.enveloped).toBe(false);
    expect(file.interchanges[0]!.groups[0]).toMatchObject({ enveloped: true, controlNumber: '1' });
    expect(claimsOf(file)).toHaveLength(2);
  });
});

describe('envelopes', () => {
  it('reads two groups of two transactions each and counts them in GE01 and IEA01', () => {
    const isa = MEDICARE.slice(0, MEDICARE.indexOf('GS*'));
    const group = (control: string) => {
      const body = MEDICARE.slice(MEDICARE.indexOf('ST*'), MEDICARE.indexOf('GE*'));
      return `GS*HP*000000005*54321*20131031*1147*${control}*X*005010X221A1~\n${body}${body.replaceAll('1234~', '1235~')}GE*2*${control}~\n`;
    };
    const result = parse835(`${isa}${group('1')}${group('2')}IEA*2*000000907~\n`);
    const file = okFile(result);
    expect(result.warnings).toEqual([]);
    expect(file.interchanges[0]!.groups.map((g) => [g.controlNumber, g.transactions.map((t) => t.controlNumber)])).toEqual([
      ['1', ['1234', '1235']],
      ['2', ['1234', '1235']],
    ]);
    expect(transactionsOf(file).every((t) => t.balance!.ok && t.claimCount === 2)).toBe(true);
  });

  it('reads a 004010X091A1 file: ISA11 = U, 00401, CR group code', () => {
    const v4010 = MEDICARE.replace('*^*00501*', '*U*00401*').replace('005010X221A1', '004010X091A1').replace('CAS*CO*45*3019.67', 'CAS*CR*45*3019.67');
    const result = parse835(v4010);
    const file = okFile(result);
    expect(file.interchanges[0]).toMatchObject({ versionNumber: '00401', delimiters: { repetition: null } });
    expect(file.interchanges[0]!.groups[0]!.version).toBe('004010X091A1');
    expect(claimsOf(file)[1]!.adjustments[0]!.group).toBe('CR');
    expect(result.warnings).toEqual([]);
  });

  it('marks a debit (BPR03 = D) as money taken back when balancing', () => {
    const debit = MEDICARE.replace('BPR*C*150000.00*C*', 'BPR*C*150000.00*D*');
    expect(transactionsOf(okFile(parse835(debit)))[0]!.balance).toMatchObject({ ok: false, expectedCents: -15000000 });
  });
});
