import { describe, expect, it } from 'vitest';
import { amountRangeText, parseAmountRange } from '@/lib/domain/assignment/amount-range';

describe('parseAmountRange', () => {
  it.each([
    ['', null, null],
    ['any', null, null],
    ['500-5,000', 50_000, 500_000],
    ['$500 to $5,000.50', 50_000, 500_050],
    ['between 1 and 2', 100, 200],
    ['over 10000', 1_000_000, null],
    ['at least 0.01', 1, null],
    ['under 50', null, 5_000],
    ['up to $49.99', null, 4_999],
    ['100 – 100', 10_000, 10_000],
  ])('%j', (text, minCents, maxCents) => {
    expect(parseAmountRange(text)).toEqual({ ok: true, minCents, maxCents });
  });

  it.each(['5000-500', 'lots', 'over', '1.234-2', 'under -5'])('refuses %j with a reason', (text) => {
    const parsed = parseAmountRange(text);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.reason.length).toBeGreaterThan(5);
  });

  it('writes text that reads back to the same bounds', () => {
    for (const range of [{ minCents: null, maxCents: null }, { minCents: 50_000, maxCents: null }, { minCents: null, maxCents: 4_999 }, { minCents: 1, maxCents: 123_456_78 }]) {
      expect(parseAmountRange(amountRangeText(range))).toEqual({ ok: true, ...range });
    }
  });
});
