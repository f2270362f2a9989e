// REF, AMT and QTY: a qualifier then a value, at header, payer/payee, claim (2100) and line (2110) level.
import type { SegmentView } from '../segment';
import type { Amount, Quantity, Reference } from '../types';

/** REF01 qualifier, REF02 value (e.g. REF*6R line control number, REF*2U payer id, REF*TJ tax id). */
export function readReference(view: SegmentView): Reference {
  return { qualifier: view.required(1, 'a reference qualifier'), value: view.trimmed(2) ?? '' };
}

/** AMT01 qualifier (B6 allowed, AU coverage, I interest, ...), AMT02 amount. */
export function readAmount(view: SegmentView): Amount {
  return { qualifier: view.required(1, 'an amount qualifier'), amountCents: view.cents(2) };
}

/** QTY01 qualifier (CA covered days, ZK units, ...), QTY02 quantity. */
export function readQuantity(view: SegmentView): Quantity {
  const quantity = view.optQuantity(2);
  if (quantity === null) view.reject('value', 2, 'a quantity');
  return { qualifier: view.required(1, 'a quantity qualifier'), quantity };
}
