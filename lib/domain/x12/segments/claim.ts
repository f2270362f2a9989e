// CLP opens loop 2100 (claim payment information) — 005010X221A1 / 004010X091A1.
import { issue } from '../issues';
import { EMPTY } from '../lists';
import { ShortCodeSet } from '../codes';
import type { SegmentView } from '../segment';
import type { ReadContext } from './context';
import type { Claim } from '../types';

/** CLP02: 1/2/3 processed as primary/secondary/tertiary, 4 denied, 19/20/21 processed and forwarded,
 * 22 reversal of a previous payment, 23 not our claim, forwarded, 25 predetermination pricing only. */
const CLAIM_STATUS_CODES = new ShortCodeSet(['1', '2', '3', '4', '19', '20', '21', '22', '23', '25']);

const NO_BALANCE = { ok: true, expectedCents: 0, actualCents: 0, differenceCents: 0 };

export function readClaim(view: SegmentView, context: ReadContext): Claim {
  const statusCode = view.required(2, 'a claim status code');
  if (!CLAIM_STATUS_CODES.has(view.code(2))) {
    context.warn(issue('odd-value', view.at(2), 'a claim status code (1–4, 19–23, 25)', statusCode));
  }
  return {
    segmentIndex: view.index,
    patientControlNumber: view.trimmed(1) ?? view.reject('value', 1, 'a patient control number'),
    statusCode,
    billedCents: view.cents(3),
    paidCents: view.cents(4),
    patientResponsibilityCents: view.optCents(5),
    filingIndicator: view.intern(6),
    payerClaimControlNumber: view.trimmed(7),
    facilityCode: view.intern(8),
    frequency: view.intern(9),
    patient: null,
    insured: null,
    correctedPatient: null,
    renderingProvider: null,
    correctedPayer: null,
    payee: null,
    dates: { statementFrom: null, statementTo: null, received: null, coverageExpiration: null },
    adjustments: EMPTY,
    remarkCodes: EMPTY,
    amounts: EMPTY,
    quantities: EMPTY,
    references: EMPTY,
    serviceLines: EMPTY,
    balance: NO_BALANCE,
  };
}
