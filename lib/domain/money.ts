// Money in the domain is integer cents (house style); these helpers keep it that way.

export function assertCents(value: number, what = 'amount'): number {
  if (!Number.isSafeInteger(value)) throw new RangeError(`${what} must be integer cents, got ${value}`);
  return value;
}

export function sumCents(values: Iterable<number>): number {
  let total = 0;
  for (const value of values) total += assertCents(value);
  return total;
}

function groupThousands(digits: string): string {
  return digits.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

/**
 * US dollars for people to read: "$4,210" for whole dollars, "$4,210.05" otherwise, "-$12.50" below zero.
 * Written out by hand rather than with Intl so server and browser render the same string.
 */
export function formatUsd(cents: number): string {
  assertCents(cents);
  const sign = cents < 0 ? '-' : '';
  const abs = Math.abs(cents);
  const dollars = groupThousands(String(Math.floor(abs / 100)));
  const rest = abs % 100;
  return rest === 0 ? `${sign}$${dollars}` : `${sign}$${dollars}.${String(rest).padStart(2, '0')}`;
}
