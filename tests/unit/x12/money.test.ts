import { describe, expect, it } from 'vitest';
import { formatCents, parseCents } from '@/lib/domain/x12';

describe('parseCents', () => {
  it.each([
    ['150000.00', 15000000],
    ['-1.27', -127],
    ['.5', 50],
    ['12', 1200],
    ['0', 0],
    ['-0', 0],
    ['-.01', -1],
    ['1.230', 123],
    ['34.25', 3425],
    ['211366.97', 21136697],
    ['9999999999999.99', 999999999999999],
  ])('reads %s as %i cents, with integer math only', (text, cents) => {
    expect(parseCents(text)).toBe(cents);
  });

  it.each(['', '-', '.', '1e3', '12.3.4', '+5', '1,000.00', '$12', ' 12', '12 ', '1.235', '0x10', 'NaN', 'Infinity', '12345678901234'])(
    'refuses %j: not an exact amount',
    (text) => {
      expect(parseCents(text)).toBeNull();
    },
  );

  it('never rounds: 0.1 + 0.2 style amounts add up exactly in cents', () => {
    expect(parseCents('0.1')! + parseCents('0.2')!).toBe(parseCents('0.3'));
  });

  it('keeps every accepted amount a safe integer', () => {
    expect(Number.isSafeInteger(parseCents('9999999999999.99'))).toBe(true);
  });
});

describe('formatCents', () => {
  it.each([
    [15000000, '150000.00'],
    [-127, '-1.27'],
    [5, '0.05'],
    [0, '0.00'],
  ])('writes %i cents as %s', (cents, text) => {
    expect(formatCents(cents)).toBe(text);
  });
});
