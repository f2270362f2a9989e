// The segments that only add detail to whatever loop is open: which field each one fills, by loop.
// Each function returns false when the segment does not belong to that loop, so the caller can try the
// enclosing one (e.g. an NM1 after an SVC still belongs to the claim).
import { codeOf } from '../codes';
import { issue } from '../issues';
import { ownString } from '../own-string';
import { appended } from '../lists';
import type { SegmentView } from '../segment';
import * as id from '../segment-ids';
import type { Claim, ClaimDates, Party, ServiceLine, Transaction } from '../types';
import type { ReadContext } from './context';
import { readPatient, readProvider } from './names';
import { addAddressLines, addPartyReference, readParty, setCityStateZip } from './party';
import { readTrace } from './payment';
import { readAmount, readQuantity, readReference } from './references';
import { readInpatientRemarks, readLineRemark, readOutpatientRemarks } from './remarks';

/** Qualifiers (DTM01, REF01, AMT01, NM101) as codes, compared without cutting strings. */
const Q = {
  SERVICE: codeOf('472'),
  SERVICE_FROM: codeOf('150'),
  SERVICE_TO: codeOf('151'),
  LINE_CONTROL: codeOf('6R'),
  ALLOWED: codeOf('B6'),
  PATIENT: codeOf('QC'),
  INSURED: codeOf('IL'),
  CORRECTED_PATIENT: codeOf('74'),
  RENDERING_PROVIDER: codeOf('82'),
  PAYER: codeOf('PR'),
  STATEMENT_FROM: codeOf('232'),
  STATEMENT_TO: codeOf('233'),
  RECEIVED: codeOf('050'),
  COVERAGE_EXPIRATION: codeOf('036'),
  PRODUCTION: codeOf('405'),
};

/** Loop 2110: DTM*472 service date (150/151 a period), REF*6R line control number, AMT*B6 allowed, LQ remarks. */
export function readLineSegment(view: SegmentView, line: ServiceLine): boolean {
  switch (view.key) {
    case id.DTM: {
      const qualifier = view.code(1);
      if (qualifier === Q.SERVICE) line.serviceDate = view.optDate(2);
      else if (qualifier === Q.SERVICE_FROM) line.serviceDateFrom = view.optDate(2);
      else if (qualifier === Q.SERVICE_TO) line.serviceDateTo = view.optDate(2);
      else return false;
      return true;
    }
    case id.REF:
      if (view.code(1) === Q.LINE_CONTROL) line.lineControlNumber = view.trimmed(2);
      else line.references = appended(line.references, readReference(view));
      return true;
    case id.AMT:
      if (view.code(1) === Q.ALLOWED) line.allowedCents = view.cents(2);
      else line.amounts = appended(line.amounts, readAmount(view));
      return true;
    case id.LQ:
      readLineRemark(view, line);
      return true;
    case id.QTY:
      readQuantity(view); // line quantities (ZK, ...) are validated but not kept
      return true;
  }
  return false;
}

/** Loop 2100: NM1 parties, MIA/MOA remarks, DTM 232/233 statement period, 050 received, 036 coverage end. */
export function readClaimSegment(view: SegmentView, claim: Claim): boolean {
  switch (view.key) {
    case id.NM1:
      switch (view.code(1)) {
        case Q.PATIENT: claim.patient = readPatient(view); break;
        case Q.INSURED: claim.insured = readPatient(view); break;
        case Q.CORRECTED_PATIENT: claim.correctedPatient = readPatient(view); break;
        case Q.RENDERING_PROVIDER: claim.renderingProvider = readProvider(view); break;
        case Q.PAYER: claim.correctedPayer = readProvider(view); break;
      }
      return true;
    case id.MOA:
      readOutpatientRemarks(view, claim);
      return true;
    case id.MIA:
      readInpatientRemarks(view, claim);
      return true;
    case id.DTM:
      readClaimDate(view, claim.dates);
      return true;
    case id.REF:
      claim.references = appended(claim.references, readReference(view));
      return true;
    case id.AMT:
      claim.amounts = appended(claim.amounts, readAmount(view));
      return true;
    case id.QTY:
      claim.quantities = appended(claim.quantities, readQuantity(view));
      return true;
    case id.PER:
      return true;
  }
  return false;
}

/** DTM 232/233 statement period, 050 received, 036 coverage end; false for another qualifier. */
export function readClaimDate(view: SegmentView, dates: ClaimDates): boolean {
  switch (view.code(1)) {
    case Q.STATEMENT_FROM: dates.statementFrom = view.optDate(2); return true;
    case Q.STATEMENT_TO: dates.statementTo = view.optDate(2); return true;
    case Q.RECEIVED: dates.received = view.optDate(2); return true;
    case Q.COVERAGE_EXPIRATION: dates.coverageExpiration = view.optDate(2); return true;
  }
  return false;
}

/** 'payee-again': a payee loop (N1*PE) read between claims, see transaction.ts. */
export type Section = 'header' | 'payer' | 'payee' | 'detail' | 'payee-again' | 'summary';

export interface HeaderState extends ReadContext {
  readonly transaction: Transaction;
  section: Section;
  party: Party | null;
}

/** Header and loops 1000A/1000B: TRN trace, DTM*405 production date, N1*PR payer, N1*PE payee, N3/N4, REF. */
export function readHeaderSegment(view: SegmentView, state: HeaderState): boolean {
  const transaction = state.transaction;
  switch (view.key) {
    case id.TRN:
      transaction.trace = readTrace(view);
      return true;
    case id.DTM:
      if (view.code(1) === Q.PRODUCTION) transaction.productionDate = view.optDate(2);
      return true;
    case id.N1: {
      const party = readParty(view);
      const role = view.intern(1) ?? '';
      state.party = role === 'PR' || role === 'PE' ? party : null;
      if (role === 'PR') transaction.payer = party;
      else if (role === 'PE') transaction.payee = party;
      else if (state.firstTime(`n1:${role}`)) state.warn(issue('unexpected-segment', view.at(1), 'N1*PR or N1*PE', role));
      state.section = role === 'PE' ? 'payee' : 'payer';
      return true;
    }
    case id.N3:
      if (state.party !== null) addAddressLines(state.party, view);
      return true;
    case id.N4:
      if (state.party !== null) setCityStateZip(state.party, view);
      return true;
    case id.REF: {
      const reference = readReference(view);
      reference.value = ownString(reference.value);
      if (state.party !== null) addPartyReference(state.party, reference);
      else transaction.references.push(reference);
      return true;
    }
    case id.CUR:
    case id.N2:
    case id.PER:
    case id.RDM:
      return true;
  }
  return false;
}
