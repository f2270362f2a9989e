// One 835 transaction (ST..SE) read segment by segment, following the loops of 005010X221A1 / 004010X091A1:
// header (BPR, TRN, CUR, REF, DTM*405) → 1000A payer (N1*PR) → 1000B payee (N1*PE) → 2000 LX (TS3, TS2)
// → 2100 claim (CLP, CAS, NM1, MIA, MOA, REF, DTM, AMT, QTY) → 2110 line (SVC, DTM, CAS, REF, AMT, QTY, LQ)
// → summary (PLB). A claim is handed on as soon as the next CLP, LX, N1, PLB or SE shows it is complete.
// Shapes real payers send that the TR3 does not allow are read where their meaning is unambiguous (off-guide.ts).
import { claimBalance, lineBalance, transactionBalance } from './balance';
import { fail, issue, type X12Warning } from './issues';
import { appended } from './lists';
import { formatCents } from './money';
import { ownString } from './own-string';
import type { SegmentView } from './segment';
import * as id from './segment-ids';
import { readAdjustments } from './segments/adjustment';
import { readClaim } from './segments/claim';
import type { ReadContext } from './segments/context';
import { readClaimSegment, readHeaderSegment, readLineSegment, type Section } from './segments/dispatch';
import { claimSegmentAfterLines, claimWithoutLx, dropPending, holdForClaim, type PendingClaimDetail, readPayeeAgain, repeatedLx } from './off-guide';
import { readPayment } from './segments/payment';
import { readProviderAdjustments } from './segments/provider-adjustment';
import { readServiceLine } from './segments/service';
import type { Balance, Claim, Party, ServiceLine, Transaction } from './types';

/** Warnings kept on one transaction; the file-level list has its own limit. */
const TRANSACTION_WARNING_LIMIT = 100;

export interface TransactionOutput {
  retainClaims: boolean;
  claim(claim: Claim, transaction: Transaction): void;
  warn(warning: X12Warning): void;
}

export class TransactionReader implements ReadContext {
  readonly transaction: Transaction;
  /**
   * 'header' until the first N1, then 'payer'/'payee', 'detail' from the first LX/CLP, 'payee-again' after a
   * payee loop between claims (until the next LX/CLP), 'summary' from PLB.
   */
  section: Section = 'header';
  party: Party | null = null;
  claim: Claim | null = null;
  line: ServiceLine | null = null;
  /** A payee loop read between claims: the claims after it are its (null: the transaction's payee). */
  payee: Party | null = null;
  /** Claims since the last LX, and that LX's number as a code (an LX with none, or the same number, is repeated). */
  claimsInLx = 0;
  private lxNumber = 0;
  /** REF/DTM read between an LX and the CLP they belong to, given to that claim. */
  pending: PendingClaimDetail | null = null;
  private readonly seen = new Set<string>();
  private providerAdjustmentsCents = 0;
  private paymentSegmentIndex = 0;

  constructor(st: SegmentView, private readonly output: TransactionOutput) {
    this.transaction = {
      segmentIndex: st.index,
      controlNumber: ownString(st.str(2)),
      payment: null,
      trace: null,
      productionDate: null,
      payer: null,
      payee: null,
      references: [],
      claims: [],
      claimCount: 0,
      totalPaidCents: 0,
      providerAdjustments: [],
      balance: null,
      warnings: [],
    };
  }

  warn(warning: X12Warning): void {
    if (this.transaction.warnings.length < TRANSACTION_WARNING_LIMIT) this.transaction.warnings.push(warning);
    this.output.warn(warning);
  }

  firstTime(key: string): boolean {
    if (this.seen.has(key)) return false;
    this.seen.add(key);
    return true;
  }

  segment(view: SegmentView): void {
    const key = view.key;
    if (this.transaction.payment === null) {
      // BPR is required and first in the header: without it there is no payment to attach claims to.
      if (key !== id.BPR) fail('structure', view.at(), 'BPR right after ST', view.id, `expected BPR right after ST, found ${view.id}`);
      this.transaction.payment = readPayment(view);
      this.paymentSegmentIndex = view.index;
      return;
    }
    if (this.section === 'summary' && key !== id.PLB) {
      fail('structure', view.at(), 'PLB or SE after PLB', view.id, `expected PLB or SE after PLB, found ${view.id}`);
    }
    switch (key) {
      case id.CLP: {
        this.closeClaim();
        if (this.section !== 'detail') claimWithoutLx(view, this);
        const claim = readClaim(view, this);
        claim.payee = this.payee ?? this.transaction.payee;
        if (this.pending !== null) {
          claim.references = this.pending.references;
          claim.dates = this.pending.dates;
          this.pending = null;
        }
        this.claim = claim;
        this.claimsInLx++;
        return;
      }
      case id.N1:
        if (this.section === 'detail' || this.section === 'payee-again') return readPayeeAgain(view, this);
        break;
      case id.SVC: {
        const claim = this.requireClaim(view);
        this.closeLine();
        this.line = readServiceLine(view, this);
        claim.serviceLines = appended(claim.serviceLines, this.line);
        return;
      }
      case id.CAS:
        readAdjustments(view, this.line ?? this.requireClaim(view), this);
        return;
      case id.LX: {
        this.closeClaim();
        const number = view.code(1);
        if (this.section === 'detail' && (this.claimsInLx === 0 || (number === this.lxNumber && number > 0))) repeatedLx(view, this);
        this.claimsInLx = 0;
        this.lxNumber = number;
        this.section = 'detail';
        return;
      }
      case id.PLB:
        this.closeClaim();
        dropPending(view, this);
        this.section = 'summary';
        this.providerAdjustmentsCents += readProviderAdjustments(view, this.transaction.providerAdjustments);
        return;
      case id.BPR:
        fail('structure', view.at(), 'one BPR per transaction', view.id, 'expected one BPR per transaction, found a second');
    }
    if (this.line !== null && readLineSegment(view, this.line)) return;
    if (this.claim !== null) {
      if (readClaimSegment(view, this.claim)) {
        // Loop 2110 has no NM1, MIA, MOA or claim DTM: one after an SVC can only be the claim's.
        if (this.line !== null) claimSegmentAfterLines(view, this);
        return;
      }
    } else if (this.section === 'detail') {
      if ((key === id.REF || key === id.DTM) && holdForClaim(view, this)) return;
    } else if (this.section !== 'payee-again' || key === id.N3 || key === id.N4 || key === id.REF || key === id.N2 || key === id.PER) {
      if (readHeaderSegment(view, this)) return;
    }
    if (key === id.NM1 || key === id.MIA || key === id.MOA || key === id.LQ) {
      fail('structure', view.at(), `a ${key === id.LQ ? 'SVC' : 'CLP'} before ${view.id}`, view.id,
        `expected a ${key === id.LQ ? 'SVC' : 'CLP'} before ${view.id}, found ${view.id} outside any ${key === id.LQ ? 'service line' : 'claim'}`);
    }
    if (key === id.TS3 || key === id.TS2 || key === id.PER || key === id.N3 || key === id.N4 || key === id.RDM) return;
    if (this.firstTime(`segment:${view.id}`)) {
      this.warn(issue('unexpected-segment', view.at(), 'an 835 segment in its loop', view.id, `unexpected ${view.id} here: skipped`));
    }
  }

  /** SE: the last claim is complete and the payment can be balanced. */
  end(se: SegmentView): Transaction {
    const payment = this.transaction.payment;
    if (payment === null) fail('structure', se.at(), 'BPR right after ST', se.id, `expected BPR right after ST, found ${se.id}`);
    this.closeClaim();
    dropPending(se, this);
    const balance = transactionBalance(payment, this.transaction.totalPaidCents, this.providerAdjustmentsCents);
    this.transaction.balance = balance;
    if (!balance.ok) {
      this.warn(imbalance('payment-imbalance', { index: this.paymentSegmentIndex, id: 'BPR' }, 'the payment', 'BPR02', 'Σ CLP04 − Σ PLB', balance));
    }
    return this.transaction;
  }

  private requireClaim(view: SegmentView): Claim {
    if (this.claim !== null) return this.claim;
    return fail('structure', view.at(), `a CLP before ${view.id}`, view.id, `expected a CLP (or SVC) before ${view.id}, found ${view.id} outside any claim`);
  }

  private closeLine(): void {
    const line = this.line;
    if (line === null) return;
    this.line = null;
    line.balance = lineBalance(line);
    if (!line.balance.ok) {
      this.warn(imbalance('line-imbalance', { index: line.segmentIndex, id: 'SVC' }, 'the service line', 'SVC02 − SVC03', 'Σ line CAS', line.balance));
    }
  }

  closeClaim(): void {
    this.closeLine();
    const claim = this.claim;
    if (claim === null) return;
    this.claim = null;
    claim.balance = claimBalance(claim);
    if (!claim.balance.ok) {
      this.warn(imbalance('claim-imbalance', { index: claim.segmentIndex, id: 'CLP' }, `claim ${JSON.stringify(claim.patientControlNumber)}`,
        'CLP03 − CLP04', 'Σ CAS (claim and lines)', claim.balance));
    }
    const transaction = this.transaction;
    transaction.claimCount++;
    transaction.totalPaidCents += claim.paidCents;
    if (this.output.retainClaims) transaction.claims.push(claim);
    this.output.claim(claim, transaction);
  }
}

function imbalance(
  code: 'claim-imbalance' | 'line-imbalance' | 'payment-imbalance',
  segment: { index: number; id: string },
  what: string,
  left: string,
  right: string,
  balance: Balance,
): X12Warning {
  return issue(code, { segmentIndex: segment.index, segmentId: segment.id }, `${left} = ${right}`, formatCents(balance.actualCents),
    `${what} does not balance: ${left} = ${formatCents(balance.expectedCents)} but ${right} = ${formatCents(balance.actualCents)} (difference ${formatCents(balance.differenceCents)})`);
}
