import { describe, expect, it } from 'vitest';
import { enteredAmount } from '@/lib/domain/contracts/amount';
import { MAX_ENTERED_CENTS, centsToText, checkEnteredCents, formatUsd, parseEnteredAmount, parseMoneyCents } from '@/lib/domain/money';

describe('money in CSV exports', () => {
  it.each([
    ['$1,234.50', 123450],
    ['1234.5', 123450],
    ['1234', 123400],
    ['.5', 50],
    ['0.07', 7],
    ['$0.00', 0],
    ['-12', -1200],
    ['-$12.34', -1234],
    ['$-12.34', -1234],
    ['(45.00)', -4500],
    ['($1,000.01)', -100001],
    ['  $ 12.00 '.replace('$ ', '$'), 1200],
    ['999,999,999,999.99', 99999999999999],
    ['0.1', 10],
  ])('reads %j as %i cents exactly', (text, cents) => {
    expect(parseMoneyCents(text)).toBe(cents);
  });

  it.each(['', '$', 'abc', '12.3.4', '1,23.00', '12.345', '1e3', '--5', '(-5)', '12,34', '1,2345', '$$5', '5$', '12 34', '99999999999999'])(
    'refuses %j: not an exact amount',
    (text) => {
      expect(parseMoneyCents(text)).toBeNull();
    },
  );

  it('never goes through floating point: 0.29 is 29 cents, not 28.999…', () => {
    expect(parseMoneyCents('0.29')).toBe(29);
    expect(parseMoneyCents('1,000,000.07')).toBe(100000007);
  });
});

describe('an amount a person types', () => {
  it.each([
    ['1,234.5', 123450],
    ['$1,234.56', 123456],
    ['$ 1,234.56', 123456],
    ['0.1', 10],
    ['0.29', 29],
    ['.5', 50],
    ['12.', 1200],
    ['  40 ', 4000],
    ['0', 0],
    ['1,000,000.07', 100000007],
    ['100,000,000.00', MAX_ENTERED_CENTS],
  ])('reads %j as %i cents exactly', (text, cents) => {
    expect(parseEnteredAmount(text)).toEqual({ ok: true, cents });
  });

  it.each([
    ['', 'Enter an amount.'],
    ['   ', 'Enter an amount.'],
    ['-5', 'Enter an amount of zero or more.'],
    ['-$5.00', 'Enter an amount of zero or more.'],
    ['$-5.00', 'Enter an amount of zero or more.'],
    ['(5.00)', 'Enter an amount of zero or more.'],
    ['1.005', 'Enter at most two decimal places (cents).'],
    ['0.001', 'Enter at most two decimal places (cents).'],
    ['1,234.567', 'Enter at most two decimal places (cents).'],
    ['100,000,000.01', 'Enter an amount of at most $100,000,000.'],
    ['9999999999999', 'Enter an amount of at most $100,000,000.'],
    ['abc', 'Enter an amount such as 1,234.56.'],
    ['1e3', 'Enter an amount such as 1,234.56.'],
    ['12,34', 'Enter an amount such as 1,234.56.'],
    ['1.2.3', 'Enter an amount such as 1,234.56.'],
    ['Infinity', 'Enter an amount such as 1,234.56.'],
    ['NaN', 'Enter an amount such as 1,234.56.'],
    ['0x10', 'Enter an amount such as 1,234.56.'],
    ['$', 'Enter an amount such as 1,234.56.'],
    ['1 234', 'Enter an amount such as 1,234.56.'],
  ])('refuses %j: %s', (text, reason) => {
    expect(parseEnteredAmount(text)).toEqual({ ok: false, reason });
  });

  it('takes a smaller ceiling when the field has one', () => {
    expect(parseEnteredAmount('1,000,000', 100_000_000)).toEqual({ ok: true, cents: 100_000_000 });
    expect(parseEnteredAmount('1,000,000.01', 100_000_000)).toEqual({ ok: false, reason: 'Enter an amount of at most $1,000,000.' });
  });

  it.each([
    [0, true],
    [12_345, true],
    [MAX_ENTERED_CENTS, true],
    [MAX_ENTERED_CENTS + 1, false],
    [-1, false],
    [12.5, false],
    [Number.NaN, false],
  ])('accepts %d as entered cents: %s', (cents, ok) => {
    expect(checkEnteredCents(cents).ok).toBe(ok);
  });
});

describe('cents written back as editable text', () => {
  it.each([
    [0, '0'],
    [7, '0.07'],
    [1205, '12.05'],
    [250000, '2500'],
    [123456789, '1234567.89'],
  ])('%i cents is %j, which reads back exactly', (cents, text) => {
    expect(centsToText(cents)).toBe(text);
    expect(parseEnteredAmount(text)).toEqual({ ok: true, cents });
  });

  it('formats for reading with thousands and the dollar sign', () => {
    expect(formatUsd(123456)).toBe('$1,234.56');
  });
});

describe('an amount on the wire', () => {
  const schema = enteredAmount(100_000_000);

  it('is the typed text, parsed into integer cents by the same rule', () => {
    expect(schema.parse('1,234.5')).toBe(123450);
    expect(schema.parse('$0.10')).toBe(10);
  });

  it.each([
    [12.5, 'a float is never an amount'],
    [1234, 'a bare number is ambiguous (dollars or cents?)'],
    ['-1', 'Enter an amount of zero or more.'],
    ['1.234', 'Enter at most two decimal places (cents).'],
    ['1,000,000.01', 'Enter an amount of at most $1,000,000.'],
  ])('refuses %j (%s)', (value, reason) => {
    const result = schema.safeParse(value);
    expect(result.success).toBe(false);
    if (typeof value === 'string') expect(result.error?.issues[0]?.message).toBe(reason);
  });
});
