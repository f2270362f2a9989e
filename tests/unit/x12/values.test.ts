import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { charsOf } from '@/lib/domain/x12/chars';
import { codeOf, segmentKey, ShortCodeSet } from '@/lib/domain/x12/codes';
import * as ids from '@/lib/domain/x12/segment-ids';
import { countAt, DateReader, quantityAt, yymmdd } from '@/lib/domain/x12/values';

describe('dates', () => {
  const reader = new DateReader();
  const date = (text: string) => reader.ccyymmdd(charsOf(text), 0, text.length);

  it.each([
    ['20110503', '2011-05-03'],
    ['20000229', '2000-02-29'],
    ['20241231', '2024-12-31'],
  ])('reads CCYYMMDD %s as %s', (text, iso) => {
    expect(date(text)).toBe(iso);
  });

  it.each(['20002316', '20230229', '19000229', '20110431', '2011050', '201105031', '2011-05-', 'XXXXXXXX'])('refuses %s: not a calendar date', (text) => {
    expect(date(text)).toBeNull();
  });

  it.each(['00000101', '18991231', '22000101', '99991231'])('refuses %s: outside 1900–2199', (text) => {
    expect(date(text)).toBeNull();
  });

  it.each([
    ['19000101', '1900-01-01'],
    ['21991231', '2199-12-31'],
  ])('reads the edges of 1900–2199: %s', (text, iso) => {
    expect(date(text)).toBe(iso);
  });

  it('reads the ISA09 YYMMDD date in this century', () => {
    expect(yymmdd('131031')).toBe('2013-10-31');
    expect(yymmdd('999999')).toBeNull();
  });
});

describe('quantities and counts', () => {
  const quantity = (text: string) => quantityAt(charsOf(text), 0, text.length);
  const count = (text: string) => countAt(charsOf(text), 0, text.length);

  it('reads decimal quantities (units, days) and refuses exponents', () => {
    expect(quantity('1.00')).toBe(1);
    expect(quantity('8')).toBe(8);
    expect(quantity('-2.5')).toBe(-2.5);
    expect(quantity('1e3')).toBeNaN();
    expect(quantity('')).toBeNaN();
  });

  it('refuses a quantity with more whole digits than numeric(12,3) keeps (an import failed on it)', () => {
    expect(quantity('999999999.999')).toBe(999_999_999.999);
    expect(quantity('0000000001.5')).toBe(1.5);
    expect(quantity('1234567890')).toBeNaN();
    expect(quantity('-1234567890123')).toBeNaN();
  });

  it('reads any plain decimal of up to 15 digits to the same number as Number()', () => {
    const decimal = fc
      .tuple(fc.boolean(), fc.stringMatching(/^[0-9]{0,8}$/), fc.option(fc.stringMatching(/^[0-9]{0,7}$/)))
      .map(([minus, whole, fraction]) => `${minus ? '-' : ''}${whole}${fraction === null ? '' : `.${fraction}`}`)
      .filter((text) => /[0-9]/.test(text));
    fc.assert(fc.property(decimal, (text) => Object.is(quantity(text), Number(text))), { numRuns: 5000 });
  });

  it('reads control counts as non-negative integers only', () => {
    expect(count('2357')).toBe(2357);
    expect(count('-1')).toBeNaN();
    expect(count('1.0')).toBeNaN();
    expect(count('')).toBeNaN();
  });
});

describe('segment ids', () => {
  it('packs every dispatched segment id into the literal the switch uses', () => {
    for (const [id, key] of Object.entries(ids)) expect(key, id).toBe(segmentKey(id));
  });

  it('tells members of a short code set by their code, and nothing else', () => {
    const groups = new ShortCodeSet(['CO', 'PR', '4']);
    expect(['CO', 'PR', '4'].map((c) => groups.has(codeOf(c)))).toEqual([true, true, true]);
    expect(['OA', 'C', 'COX', '45', ''].map((c) => groups.has(codeOf(c)))).toEqual([false, false, false, false, false]);
    expect(groups.has(-1)).toBe(false);
    expect(() => new ShortCodeSet(['472'])).toThrow(RangeError);
  });

  it('gives distinct codes to distinct short qualifiers', () => {
    const codes = ['1', '2', '19', '22', '472', '050', '50', 'B6', '6R', 'QC', 'N115', 'MA130'].map(codeOf);
    expect(new Set(codes).size).toBe(codes.length);
  });
});
