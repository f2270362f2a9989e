import { describe, expect, it } from 'vitest';
import { parseCsv } from '@/lib/domain/csv';
import { cellText, centsToDecimal, csvRow, moneyCell, neutraliseText } from '@/lib/domain/csv-cells';
import { rejectedRowsCsv } from '@/lib/client/rejected-rows-csv';

describe('neutraliseText', () => {
  it.each([
    ['=HYPERLINK("http://evil","x")', `'=HYPERLINK("http://evil","x")`],
    ['=1+1', `'=1+1`],
    ['+1', `'+1`],
    ['-2+3', `'-2+3`],
    ['@SUM(A1:A9)', `'@SUM(A1:A9)`],
    ['\t=1+1', `'\t=1+1`],
    ['\r=1+1', `'\r=1+1`],
    ['＝1+1', `'＝1+1`],
    ['-12.50', `'-12.50`],
    ["'already quoted", "'already quoted"],
  ])('prefixes %j with a single quote', (input, expected) => {
    expect(neutraliseText(input)).toBe(expected);
  });

  it.each([['Smith, Jane'], ['PCN1000'], [''], ['a=b'], ['x-1'], ['50'], [' =1 (space first)'], ['O’Brien']])('leaves %j as it is', (input) => {
    expect(neutraliseText(input)).toBe(input);
  });
});

describe('centsToDecimal', () => {
  it.each([
    [0, '0.00'],
    [5, '0.05'],
    [1250, '12.50'],
    [-1250, '-12.50'],
    [-5, '-0.05'],
    [123456789, '1234567.89'],
    [Number.MAX_SAFE_INTEGER, '90071992547409.91'],
  ])('writes %i cents as %s', (cents, text) => {
    expect(centsToDecimal(cents)).toBe(text);
  });

  it('refuses cents that are not an integer', () => {
    expect(() => centsToDecimal(12.5)).toThrow(RangeError);
  });
});

describe('cellText', () => {
  it('writes a negative amount from cents as a number, not neutralised', () => {
    expect(cellText(moneyCell(-1250))).toBe('-12.50');
    expect(cellText(moneyCell('-1250'))).toBe('-12.50');
    expect(cellText(moneyCell(1250n))).toBe('12.50');
  });

  it('writes numbers we computed as they are, and null as empty', () => {
    expect(cellText(-3)).toBe('-3');
    expect(cellText(0.25)).toBe('0.25');
    expect(cellText(null)).toBe('');
  });

  it('neutralises text even when it looks like an amount (it came from outside)', () => {
    expect(cellText('-12.50')).toBe(`'-12.50`);
  });

  it('refuses a number that is not finite', () => {
    expect(() => cellText(Number.NaN)).toThrow(RangeError);
  });
});

describe('csvRow', () => {
  it('quotes, neutralises and ends the record with CRLF', () => {
    expect(csvRow(['Smith, Jane', '=cmd|"/c calc"!A1', moneyCell(-1250), 7, null])).toBe(`"Smith, Jane","'=cmd|""/c calc""!A1",-12.50,7,\r\n`);
  });

  it('reads back to the neutralised cells', () => {
    const line = csvRow(['say "hi"\nthere', '@x', moneyCell(99)]);
    expect(parseCsv(line)).toEqual([['say "hi"\nthere', "'@x", '0.99']]);
  });
});

describe('rejected rows download', () => {
  it('neutralises a reason that quotes a formula, with the same rule', () => {
    expect(rejectedRowsCsv([{ line: 4, reason: '=1+1 is not a date' }])).toBe(`line,reason\n4,'=1+1 is not a date\n`);
  });
});
