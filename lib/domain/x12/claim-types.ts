// The claim half of the 835 read model: loop 2100 (CLP and what follows it) and loop 2110 (SVC and what follows it).
// Money is integer cents, dates 'YYYY-MM-DD'; lists are read-only, and absent ones share one frozen empty array.
import type { Party } from './types';

export interface Reference {
  qualifier: string;
  value: string;
}

export interface Adjustment {
  group: string; // CAS01: CO, OA, PI, PR (and CR in 4010)
  reason: string; // CARC
  amountCents: number;
  quantity: number | null;
}

export interface RemarkCode {
  code: string;
  /** MOA03-07, MIA05/MIA20-23 (claim) or LQ02 (line). */
  source: 'MOA' | 'MIA' | 'LQ';
  /** LQ01 = RX carries NCPDP reject codes, not RARCs. */
  list: 'RARC' | 'NCPDP';
}

export interface Amount {
  qualifier: string;
  amountCents: number;
}

export interface Quantity {
  qualifier: string;
  quantity: number;
}

export interface PersonName {
  last: string | null;
  first: string | null;
  middle: string | null;
  idQualifier: string | null; // NM108
  id: string | null; // NM109
}

export interface Patient extends PersonName {
  /** NM109 of NM1*QC (MI member id, HN HIC number, ...). */
  memberId: string | null;
}

export interface Provider {
  /** Organisation name, or "FIRST LAST" for a person. */
  name: string | null;
  entityType: string | null; // NM102: 1 person, 2 non-person
  idQualifier: string | null;
  id: string | null;
  /** NM109 when NM108 = XX. */
  npi: string | null;
}

export interface Procedure {
  qualifier: string; // HC, AD, ER, IV, N4, NU, WK, ZZ ...
  code: string;
  modifiers: readonly string[];
  description: string | null;
}

export interface Balance {
  ok: boolean;
  /** billed − paid (claim, line) or BPR02 signed by BPR03 (transaction). */
  expectedCents: number;
  /** Σ CAS (claim, line) or Σ CLP04 − Σ PLB (transaction). */
  actualCents: number;
  differenceCents: number;
}

export interface ServiceLine {
  segmentIndex: number; // the SVC
  procedure: Procedure;
  billedCents: number; // SVC02
  paidCents: number; // SVC03
  revenueCode: string | null; // SVC04
  units: number | null; // SVC05 (units paid; 1 when absent per the TR3)
  originalProcedure: Procedure | null; // SVC06
  originalUnits: number | null; // SVC07
  serviceDate: string | null; // DTM*472
  serviceDateFrom: string | null; // DTM*150
  serviceDateTo: string | null; // DTM*151
  lineControlNumber: string | null; // REF*6R
  allowedCents: number | null; // AMT*B6
  adjustments: readonly Adjustment[];
  remarkCodes: readonly RemarkCode[];
  amounts: readonly Amount[];
  references: readonly Reference[];
  balance: Balance;
}

export interface ClaimDates {
  statementFrom: string | null; // DTM*232
  statementTo: string | null; // DTM*233
  received: string | null; // DTM*050
  coverageExpiration: string | null; // DTM*036
}

export interface Claim {
  segmentIndex: number; // the CLP
  patientControlNumber: string; // CLP01
  statusCode: string; // CLP02: 1/2/3 processed, 4 denied, 19/20/21 forwarded, 22 reversal, 23 not ours
  billedCents: number; // CLP03
  paidCents: number; // CLP04
  patientResponsibilityCents: number | null; // CLP05
  filingIndicator: string | null; // CLP06
  payerClaimControlNumber: string | null; // CLP07
  facilityCode: string | null; // CLP08
  frequency: string | null; // CLP09
  patient: Patient | null; // NM1*QC
  insured: Patient | null; // NM1*IL
  correctedPatient: Patient | null; // NM1*74
  renderingProvider: Provider | null; // NM1*82
  correctedPayer: Provider | null; // NM1*PR
  /**
   * The payee named last before this claim: the transaction's payee (the same object), or, in a file that
   * repeats the payee loop (N1*PE) between claims, one payee per claim, the one it follows (with a warning).
   */
  payee: Party | null;
  dates: ClaimDates;
  adjustments: readonly Adjustment[]; // claim-level CAS only; line CAS are on the lines
  remarkCodes: readonly RemarkCode[];
  amounts: readonly Amount[]; // AMT
  quantities: readonly Quantity[]; // QTY
  references: readonly Reference[]; // REF
  serviceLines: readonly ServiceLine[];
  /** billed − paid = Σ claim CAS + Σ line CAS. */
  balance: Balance;
}
