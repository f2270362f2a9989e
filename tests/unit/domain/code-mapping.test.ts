import { describe, expect, it } from 'vitest';
import { parseCarcMappings, parseRarcOverrides } from '@/lib/domain/code-mapping';
import { isCodeActive, parseCodeList } from '@/lib/domain/codes';
import { formatUsd } from '@/lib/domain/money';

describe('reading an edited mapping', () => {
  it('reports each bad row with its line and keeps the good ones', () => {
    const parsed = parseCarcMappings(
      [
        'code,kind,category,department,avoidable,note',
        '50,denial,medical_necessity,clinical,true,ok',
        '51,denial,medical_necesity,clinical,true,typo',
        '52,refusal,other,billing,true,bad kind',
        '53,denial,other,billing,maybe,bad flag',
        '50,denial,other,billing,true,duplicate',
        '54,denial,other,nobody,false,bad department',
      ].join('\n'),
    );
    expect(parsed.rows.map((r) => r.code)).toEqual(['50']);
    expect(parsed.issues).toEqual([
      { line: 3, message: '51: unknown category "medical_necesity"' },
      { line: 4, message: '52: unknown kind "refusal"' },
      { line: 5, message: 'avoidable must be true, false or empty, got "maybe"' },
      { line: 6, message: 'duplicate code 50' },
      { line: 7, message: '54: unknown department "nobody"' },
    ]);
  });

  it('refuses a file without the expected columns', () => {
    expect(parseCarcMappings('code,kind\n1,denial\n').issues).toEqual([
      { line: 1, message: 'missing column(s): category, department, avoidable, note' },
    ]);
  });

  it('reads blank override fields as "no opinion"', () => {
    const parsed = parseRarcOverrides('code,category,department,avoidable,appealable,note\nn211,,,,false,no appeal\n');
    expect(parsed).toEqual({
      rows: [{ code: 'N211', category: null, department: null, avoidable: null, appealable: false, note: 'no appeal' }],
      issues: [],
    });
  });
});

describe('code list dates', () => {
  const [active, stopped] = parseCodeList(
    'code,description,start_date,last_modified,stop_date\n1,Deductible,1995-01-01,,\n15,Authorization,1995-01-01,,2018-05-01\n',
  );

  it('counts a code as in force from its start date until the day before its stop date', () => {
    expect(isCodeActive(active!)).toBe(true);
    expect(isCodeActive(stopped!)).toBe(false);
    expect(isCodeActive(stopped!, '2018-04-30')).toBe(true);
    expect(isCodeActive(stopped!, '2018-05-01')).toBe(false);
    expect(isCodeActive(active!, '1994-12-31')).toBe(false);
  });

  it('refuses a date that is not YYYY-MM-DD', () => {
    expect(() => parseCodeList('code,description,start_date,last_modified,stop_date\n1,x,01/01/1995,,\n')).toThrow(RangeError);
  });
});

describe('formatUsd', () => {
  it.each([
    [421_000, '$4,210'],
    [421_005, '$4,210.05'],
    [0, '$0'],
    [-1_250, '-$12.50'],
    [123_456_789_00, '$123,456,789'],
  ])('%i cents reads %s', (cents, text) => {
    expect(formatUsd(cents)).toBe(text);
  });

  it('refuses a fraction of a cent', () => {
    expect(() => formatUsd(1.5)).toThrow(RangeError);
  });
});
