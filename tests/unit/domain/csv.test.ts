import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CsvError, parseCodeCsv, parseCsv, parseCsvRecords, toCsv } from '@/lib/domain/csv';

describe('parseCsv (RFC 4180)', () => {
  it.each([
    ['a,b\n1,2\n', [['a', 'b'], ['1', '2']]],
    ['a,b\r\n1,2\r\n', [['a', 'b'], ['1', '2']]],
    ['a,b\n1,2', [['a', 'b'], ['1', '2']]],
    ['"x, y",z\n', [['x, y', 'z']]],
    ['"say ""hi""",2\n', [['say "hi"', '2']]],
    ['"two\nlines",2\n', [['two\nlines', '2']]],
    ['a,,\n', [['a', '', '']]],
    ['""\n', [['']]],
    ['a\n\nb\n', [['a'], ['b']]],
    ['\uFEFFcode,x\n', [['code', 'x']]],
    ['', []],
  ])('reads %j', (text, expected) => {
    expect(parseCsv(text)).toEqual(expected);
  });

  it('counts lines through quoted line breaks', () => {
    expect(parseCsvRecords('h\n"a\nb"\nc\n').map((r) => r.line)).toEqual([1, 2, 4]);
  });

  it.each([
    ['"never closed\n', 1],
    ['a,b\nx"y,1\n', 2],
    ['"a"b,1\n', 1],
  ])('refuses %j with the line number', (text, line) => {
    expect(() => parseCsv(text)).toThrow(CsvError);
    try {
      parseCsv(text);
    } catch (error) {
      expect((error as CsvError).line).toBe(line);
    }
  });

  it('round-trips anything toCsv writes', () => {
    const field = fc.string({ unit: fc.constantFrom('a', 'b', ',', '"', '\n', '\r', ' ', 'é') });
    fc.assert(
      fc.property(fc.array(fc.array(field, { minLength: 1, maxLength: 5 }), { maxLength: 6 }), (records) => {
        expect(parseCsv(toCsv(records))).toEqual(records);
      }),
    );
  });
});

describe('parseCodeCsv', () => {
  it('keys each record by the header', () => {
    expect(parseCodeCsv('code,description\n45,"Charge exceeds fee schedule, or contract"\n')).toEqual([
      { code: '45', description: 'Charge exceeds fee schedule, or contract' },
    ]);
  });

  it('refuses a record with the wrong number of fields, naming its line', () => {
    expect(() => parseCodeCsv('code,description\n1,a\n2\n')).toThrow('CSV line 3: expected 2 fields (code,description), found 1');
  });
});
