// BPR (financial information) and TRN (reassociation trace number) open every 835 transaction — 005010X221A1 header.
import { ownString } from '../own-string';
import type { SegmentView } from '../segment';
import type { Payment, Trace } from '../types';

/** BPR01 handling, BPR02 total, BPR03 credit/debit, BPR04 method, BPR05 format, BPR16 payment/effective date. */
export function readPayment(view: SegmentView): Payment {
  return {
    handlingCode: view.required(1, 'a transaction handling code'),
    totalCents: view.cents(2),
    // Codes: read upper-case (BPR03 'd' is still a debit), see SegmentView.intern.
    creditDebit: ownString(view.intern(3)),
    method: ownString(view.intern(4)),
    format: ownString(view.intern(5)),
    date: view.optDate(16),
  };
}

/** TRN02 check or EFT trace number, TRN03 payer identifier ('1' + EIN, or a DUNS). */
export function readTrace(view: SegmentView): Trace {
  return { number: ownString(view.trimmed(2)), payerId: ownString(view.trimmed(3)) };
}
