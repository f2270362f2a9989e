// Shapes real payers send that 005010X221A1 does not allow, read because their meaning is unambiguous, each with
// an 'off-guide' warning (once per transaction, where first seen): a payee loop repeated between claims (each
// claim belongs to the payee named last), no LX before a claim, an LX with no claim or a repeated LX number,
// claim-level segments after the service lines, and REF/DTM between an LX and the CLP they belong to. Lower-case
// codes and whitespace before a terminator are segment.ts's. A payer loop between claims is refused: one BPR is
// one payer's payment, and which of two paid would be a guess. None of this runs for a conforming file.
import { fail, issue } from './issues';
import { ownString } from './own-string';
import type { SegmentView } from './segment';
import * as id from './segment-ids';
import type { ReadContext } from './segments/context';
import { readClaimDate, type Section } from './segments/dispatch';
import { readParty } from './segments/party';
import { readReference } from './segments/references';
import type { ClaimDates, Party, Reference, Transaction } from './types';

export interface PendingClaimDetail {
  references: Reference[];
  dates: ClaimDates;
}

/** The part of the transaction reader these shapes change (transaction.ts). */
export interface OffGuideState extends ReadContext {
  readonly transaction: Transaction;
  section: Section;
  party: Party | null;
  payee: Party | null;
  claimsInLx: number;
  pending: PendingClaimDetail | null;
  closeClaim(): void;
}

function offGuide(view: SegmentView, state: OffGuideState, key: string, expected: string, detail: string): void {
  if (state.firstTime(key)) state.warn(issue('off-guide', view.at(), expected, view.id, detail));
}

/**
 * N1 after the claims: a payee loop again (Medicaid-style files name the payee before each claim), whose
 * N3/N4/REF follow; the claims after it are paid to it (Claim.payee), the transaction keeps the first.
 */
export function readPayeeAgain(view: SegmentView, state: OffGuideState): void {
  const role = view.intern(1);
  if (role === 'PR') {
    fail('structure', view.at(1), 'the payer (N1*PR) before the first claim', role, 'expected the payer (N1*PR) before the first claim, found it after: a payment has one payer');
  }
  state.closeClaim();
  state.section = 'payee-again';
  if (role !== 'PE') {
    state.party = null; // its N3/N4/REF are skipped with it
    offGuide(view, state, `n1:${role}`, 'N1*PE between claims', `unexpected N1*${role ?? ''} between claims: skipped`);
    return;
  }
  const party = readParty(view);
  state.party = party;
  state.payee = party;
  state.transaction.payee ??= party;
  if (state.firstTime('payee-again')) {
    state.warn(issue('off-guide', view.at(), 'one payee loop (N1*PE), before the claims', party.name,
      `payee loop (N1*PE) repeated between claims: each claim that follows is read as paid to the payee named last (here ${JSON.stringify(party.name)})`));
  }
}

/** A CLP right after the header or a payee loop: loop 2000 (LX) is missing, which changes nothing read. */
export function claimWithoutLx(view: SegmentView, state: OffGuideState): void {
  offGuide(view, state, 'no-lx', 'LX before the claims', 'CLP without an LX before it: read as if the LX were there');
  state.section = 'detail';
  state.claimsInLx = 0;
}

/** An LX with no claim since the previous one, or with the previous one's number. */
export function repeatedLx(view: SegmentView, state: OffGuideState): void {
  const what = state.claimsInLx === 0 ? 'an LX with no claim after the previous one' : `LX01 ${JSON.stringify(view.str(1))} repeated`;
  offGuide(view, state, 'lx-repeated', 'one LX per group of claims, numbered apart', `${what}: the claims are read all the same`);
}

/** Loop 2110 has no NM1, MIA, MOA or claim DTM: one after an SVC can only be the claim's. */
export function claimSegmentAfterLines(view: SegmentView, state: OffGuideState): void {
  offGuide(view, state, 'after-lines', `${view.id} before the service lines`, `claim-level ${view.id} after the claim's service lines (SVC): read as the claim's`);
}

/** REF or claim DTM between an LX and a CLP: kept for the claim that follows (they precede its CLP). */
export function holdForClaim(view: SegmentView, state: OffGuideState): boolean {
  const isReference = view.key === id.REF;
  const dates: ClaimDates = state.pending?.dates ?? { statementFrom: null, statementTo: null, received: null, coverageExpiration: null };
  if (!isReference && !readClaimDate(view, dates)) return false;
  const pending = (state.pending ??= { references: [], dates });
  if (isReference) {
    const reference = readReference(view);
    reference.value = ownString(reference.value);
    pending.references.push(reference);
  }
  offGuide(view, state, 'before-clp', `${view.id} after its claim's CLP`, `${view.id} before its claim's CLP: read as the next claim's`);
  return true;
}

/** A REF/DTM held for a claim that never came (PLB or SE next): said, not silently lost. */
export function dropPending(view: SegmentView, state: OffGuideState): void {
  if (state.pending === null) return;
  state.pending = null;
  state.warn(issue('unexpected-segment', view.at(), 'a CLP after the REF/DTM before it', view.id, `REF/DTM after an LX with no claim following (found ${view.id}): skipped`));
}
