// PLB (provider adjustment), in the 835 summary: PLB01 provider id, PLB02 fiscal period date, then up to six
// pairs of a composite reason (PLB03-1 code : PLB03-2 reference, e.g. WO:claimref, L6 interest, CV:CP)
// and an amount (PLB04...PLB14) — 005010X221A1. A positive amount reduces the payment.
import { ownString } from '../own-string';
import type { SegmentView } from '../segment';
import type { ProviderAdjustment } from '../types';

export function readProviderAdjustments(view: SegmentView, into: ProviderAdjustment[]): number {
  const providerId = ownString(view.trimmed(1) ?? view.reject('value', 1, 'a provider identifier'));
  const fiscalPeriodDate = view.optDate(2);
  let totalCents = 0;
  let pairs = 0;
  for (let k = 3; k <= 13; k += 2) {
    if (!view.has(k)) {
      if (view.has(k + 1)) view.reject('value', k, 'an adjustment reason code');
      continue;
    }
    const composite = view.str(k);
    const split = composite.indexOf(view.component);
    const amountCents = view.cents(k + 1);
    into.push({
      segmentIndex: view.index,
      providerId,
      fiscalPeriodDate,
      reasonCode: ownString(view.codeText((split < 0 ? composite : composite.slice(0, split)).trim(), k)),
      // PLB03-2, the reference (e.g. the claim a WO recovers), is everything after the first separator.
      reference: ownString(split < 0 ? null : composite.slice(split + 1).trim() || null),
      amountCents,
    });
    totalCents += amountCents;
    pairs++;
  }
  if (pairs === 0) view.reject('value', 3, 'an adjustment reason code');
  return totalCents;
}
