// The 835 read model: file -> interchanges (ISA) -> groups (GS) -> transactions (ST, one payment) -> claims (CLP).
// Money is integer cents (safe integers, never floats); dates are 'YYYY-MM-DD' strings; segment indexes are
// 1-based positions of a segment in the whole file (ISA = 1), so a user can find it in the raw text.
import type { Balance, Claim, Reference } from './claim-types';
import type { X12Error, X12Warning } from './issues';

export type * from './claim-types';

export interface Delimiters {
  element: string;
  component: string;
  /** ISA11 in 5010 (e.g. '^'); 4010 used ISA11 as the standards identifier ('U'), so null there. */
  repetition: string | null;
  segment: string;
}

export interface Remit835File {
  interchanges: Interchange[];
}

export interface Interchange {
  /** False for a file that starts at ST or GS with no ISA/IEA around it (delimiters were detected). */
  enveloped: boolean;
  segmentIndex: number;
  controlNumber: string | null; // ISA13
  senderQualifier: string | null; // ISA05
  senderId: string | null; // ISA06, trimmed
  receiverQualifier: string | null; // ISA07
  receiverId: string | null; // ISA08, trimmed
  date: string | null; // ISA09 YYMMDD, read as 20YY
  time: string | null; // ISA10 HHMM
  versionNumber: string | null; // ISA12: 00501 (5010), 00401 (4010)
  usage: string | null; // ISA15: P production, T test
  delimiters: Delimiters;
  groups: FunctionalGroup[];
}

export interface FunctionalGroup {
  enveloped: boolean;
  segmentIndex: number;
  controlNumber: string | null; // GS06
  senderCode: string | null; // GS02
  receiverCode: string | null; // GS03
  date: string | null; // GS04
  /** GS08: 005010X221A1 or 004010X091A1 (masked in some de-identified files). */
  version: string | null;
  transactions: Transaction[];
}

export interface Address {
  lines: string[];
  city: string | null;
  state: string | null;
  postalCode: string | null;
}

/** N1 loop 1000A (payer, N1*PR) or 1000B (payee, N1*PE). */
export interface Party {
  name: string;
  idQualifier: string | null; // N103
  id: string | null; // N104, or for the payer REF*2U when N104 is absent
  /** Payee only: N104 when N103 = XX (CMS NPI). */
  npi: string | null;
  /** Payee only: N104 when N103 = FI, else REF*TJ. */
  taxId: string | null;
  address: Address | null;
  references: Reference[];
}

export interface Payment {
  handlingCode: string; // BPR01: C, D, H, I, P, U, X
  totalCents: number; // BPR02
  creditDebit: string | null; // BPR03: C credit, D debit
  method: string | null; // BPR04: ACH, BOP, CHK, FWT, NON
  format: string | null; // BPR05: CCP, CTX
  date: string | null; // BPR16
}

export interface Trace {
  number: string | null; // TRN02
  payerId: string | null; // TRN03
}

export interface ProviderAdjustment {
  segmentIndex: number; // the PLB
  providerId: string; // PLB01
  fiscalPeriodDate: string | null; // PLB02
  reasonCode: string; // PLB03-1 (e.g. WO, L6 interest, CV capital pass-through, FB forward balance)
  reference: string | null; // PLB03-2
  /** Positive reduces the payment, negative increases it. */
  amountCents: number;
}

export interface Transaction {
  segmentIndex: number; // the ST
  controlNumber: string; // ST02
  payment: Payment | null;
  trace: Trace | null;
  productionDate: string | null; // DTM*405
  payer: Party | null;
  /** Loop 1000B; in a file that repeats it between claims, the first one (each claim has its own: Claim.payee). */
  payee: Party | null;
  references: Reference[]; // header REF (EV receiver, F2 version)
  /** Empty when the reader was told not to retain claims (streaming); see claimCount. */
  claims: Claim[];
  claimCount: number;
  totalPaidCents: number; // Σ CLP04
  providerAdjustments: ProviderAdjustment[];
  /** BPR02 = Σ CLP04 − Σ PLB; null until SE. */
  balance: Balance | null;
  warnings: X12Warning[];
}

export interface ReadOptions {
  /** Keep each claim on its transaction's `claims`. parse835: true; Remit835Reader: false (use onClaim). */
  retainClaims?: boolean;
  /**
   * Called once per claim, as soon as it is complete, with its transaction (header read, claims so far) and
   * its interchange (ISA13, sender, receiver: known before any claim).
   */
  onClaim?: (claim: Claim, transaction: Transaction, interchange: Interchange) => void;
  /** Called at each SE, with the transaction's PLB, balance and warnings. */
  onTransaction?: (transaction: Transaction, interchange: Interchange) => void;
  /** Warnings kept in the result (default 1,000); the rest are counted in warningCount. */
  maxWarnings?: number;
  /**
   * The text of a byte chunk when every byte is ASCII, else null: a cheaper way than a UTF-8 decode, for
   * runtimes that have one (Node: lib/node/ascii-text.ts, about 3× faster). Without it every chunk is decoded.
   */
  asciiText?: (bytes: Uint8Array) => string | null;
}

export interface ReadStats {
  segments: number;
  transactions: number;
  claims: number;
}

/**
 * The outcome of a read: never thrown. On error, `file` holds what was read before it (claims already passed
 * to onClaim stay passed: an ingest should roll them back), and `error` says where and why the read stopped.
 * Imbalances and control-count mismatches never stop a read: they are warnings.
 */
export type ReadResult =
  | { ok: true; file: Remit835File; warnings: X12Warning[]; warningCount: number; stats: ReadStats }
  | { ok: false; error: X12Error; file: Remit835File; warnings: X12Warning[]; warningCount: number; stats: ReadStats };
