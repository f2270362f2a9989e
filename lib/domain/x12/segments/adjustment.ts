// CAS: a group code, then up to six (reason, amount, quantity) triplets in CAS02-19 — 005010X221A1,
// at claim level (loop 2100, after CLP) and line level (loop 2110, after SVC).
import { issue } from '../issues';
import { appended } from '../lists';
import { ShortCodeSet } from '../codes';
import type { SegmentView } from '../segment';
import type { Adjustment } from '../types';
import type { ReadContext } from './context';

/** CO contractual, OA other, PI payer initiated, PR patient responsibility; CR correction (4010 only). */
const GROUP_CODES = new ShortCodeSet(['CO', 'OA', 'PI', 'PR', 'CR']);

/** Adds the CAS triplets to the claim's or the line's adjustments. */
export function readAdjustments(view: SegmentView, owner: { adjustments: readonly Adjustment[] }, context: ReadContext): void {
  const group = view.required(1, 'a claim adjustment group code (CO, OA, PI, PR)');
  if (!GROUP_CODES.has(view.code(1))) {
    context.warn(issue('odd-value', view.at(1), 'a claim adjustment group code (CO, OA, PI, PR, CR)', group));
  }
  let triplets = 0;
  // Elements past view.count are absent: the loop ends there instead of testing the rest of the six triplets.
  const last = Math.min(17, view.count);
  for (let k = 2; k <= last; k += 3) {
    const reason = view.intern(k);
    if (reason === null) {
      // A triplet without its reason code: the amount would have no meaning.
      if (view.has(k + 1)) view.reject('value', k, 'an adjustment reason code');
      continue;
    }
    owner.adjustments = appended(owner.adjustments, { group, reason, amountCents: view.cents(k + 1), quantity: view.optQuantity(k + 2) });
    triplets++;
  }
  if (triplets === 0) view.reject('value', 2, 'an adjustment reason code');
}
