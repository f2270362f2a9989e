// Writes X12 835 text (005010X221A1) from a plain description: for demo data, tests and load generation, so
// they exercise the real reader and ingest instead of writing rows directly. The envelope is computed, not
// described: SE01/GE01/IEA01 counts, matching control numbers, and BPR02 = Σ CLP04 − Σ PLB (BPR03 = D when
// the payer takes money back). Balancing each claim (CLP03 − CLP04 = Σ CAS) is the caller's description.
import type { IsoDate } from './dates';
import { formatCents } from './x12';

export interface CasSpec {
  group: string;
  reason: string;
  amountCents: number;
}

export interface LineSpec {
  /** "99213" or "99213:25" (modifiers after the code). */
  procedure: string;
  billedCents: number;
  paidCents: number;
  units?: number;
  serviceDate: IsoDate;
  adjustments?: CasSpec[];
  /** LQ*HE remark codes. */
  remarks?: string[];
  allowedCents?: number;
}

export interface ClaimSpec {
  patientControlNumber: string;
  /** CLP02: 1 processed as primary, 4 denied, 22 reversal ... */
  status: string;
  billedCents: number;
  paidCents: number;
  patientRespCents?: number;
  /** CLP06: MB Medicare Part B, MC Medicaid, CI commercial, 12 ... */
  filingIndicator: string;
  payerClaimNumber: string;
  patient?: { last: string; first: string; memberId: string };
  renderingProvider?: { name: string; npi: string };
  adjustments?: CasSpec[];
  /** MOA remark codes (claim level). */
  remarks?: string[];
  statementFrom?: IsoDate;
  lines?: LineSpec[];
}

export interface ProviderAdjustmentSpec {
  /** L6 interest, WO overpayment recovery, FB forward balance ... */
  reason: string;
  reference?: string;
  /** Positive reduces the payment, negative adds to it. */
  amountCents: number;
}

export interface TransactionSpec {
  controlNumber: string;
  payer: { name: string; id: string };
  payee: { name: string; npi: string };
  traceNumber: string;
  /** TRN03: "1" + the payer's tax id, by convention. */
  traceOriginator: string;
  paymentDate: IsoDate;
  productionDate?: IsoDate;
  claims: ClaimSpec[];
  providerAdjustments?: ProviderAdjustmentSpec[];
}

export interface InterchangeSpec {
  controlNumber: string;
  sender: string;
  receiver: string;
  date: IsoDate;
  transactions: TransactionSpec[];
}

const compact = (date: IsoDate) => date.replaceAll('-', '');
const money = (cents: number) => formatCents(cents);
const pad = (text: string, width: number) => text.slice(0, width).padEnd(width, ' ');

function cas(adjustments: readonly CasSpec[] = []): string[] {
  return adjustments.map((a) => `CAS*${a.group}*${a.reason}*${money(a.amountCents)}`);
}

function claimSegments(claim: ClaimSpec): string[] {
  const out = [
    `CLP*${claim.patientControlNumber}*${claim.status}*${money(claim.billedCents)}*${money(claim.paidCents)}*` +
      `${claim.patientRespCents ? money(claim.patientRespCents) : ''}*${claim.filingIndicator}*${claim.payerClaimNumber}*11*1`,
    ...cas(claim.adjustments),
  ];
  if (claim.patient) out.push(`NM1*QC*1*${claim.patient.last}*${claim.patient.first}****MI*${claim.patient.memberId}`);
  if (claim.renderingProvider) out.push(`NM1*82*2*${claim.renderingProvider.name}*****XX*${claim.renderingProvider.npi}`);
  if (claim.remarks?.length) out.push(`MOA***${claim.remarks.slice(0, 5).join('*')}`);
  if (claim.statementFrom) out.push(`DTM*232*${compact(claim.statementFrom)}`);
  for (const line of claim.lines ?? []) {
    const units = line.units && line.units !== 1 ? `**${line.units}` : '';
    out.push(`SVC*HC:${line.procedure}*${money(line.billedCents)}*${money(line.paidCents)}${units}`);
    out.push(`DTM*472*${compact(line.serviceDate)}`);
    out.push(...cas(line.adjustments));
    if (line.allowedCents !== undefined) out.push(`AMT*B6*${money(line.allowedCents)}`);
    for (const remark of line.remarks ?? []) out.push(`LQ*HE*${remark}`);
  }
  return out;
}

function transactionText(t: TransactionSpec): string {
  const paid = t.claims.reduce((sum, c) => sum + c.paidCents, 0);
  const plb = (t.providerAdjustments ?? []).reduce((sum, p) => sum + p.amountCents, 0);
  const total = paid - plb;
  const body = [
    `ST*835*${t.controlNumber}`,
    `BPR*I*${money(Math.abs(total))}*${total < 0 ? 'D' : 'C'}*ACH*CCP*01*999999992*DA*123456*${t.traceOriginator}**01*999988880*DA*98765*${compact(t.paymentDate)}`,
    `TRN*1*${t.traceNumber}*${t.traceOriginator}`,
    `DTM*405*${compact(t.productionDate ?? t.paymentDate)}`,
    `N1*PR*${t.payer.name}`,
    `REF*2U*${t.payer.id}`,
    `N1*PE*${t.payee.name}*XX*${t.payee.npi}`,
  ];
  t.claims.forEach((claim, i) => {
    if (i % 100 === 0) body.push(`LX*${i / 100 + 1}`);
    body.push(...claimSegments(claim));
  });
  const plbs = t.providerAdjustments ?? [];
  for (let i = 0; i < plbs.length; i += 6) {
    const pairs = plbs.slice(i, i + 6).map((p) => `${p.reason}${p.reference ? `:${p.reference}` : ''}*${money(p.amountCents)}`);
    body.push(`PLB*${t.payee.npi}*${compact(t.paymentDate).slice(0, 4)}1231*${pairs.join('*')}`);
  }
  body.push(`SE*${body.length + 1}*${t.controlNumber}`);
  return body.map((segment) => `${segment}~\n`).join('');
}

export function write835(spec: InterchangeSpec): string {
  const date = compact(spec.date);
  const isa = `ISA*00*          *00*          *ZZ*${pad(spec.sender, 15)}*ZZ*${pad(spec.receiver, 15)}*${date.slice(2)}*1200*^*00501*${spec.controlNumber}*0*P*:~\n`;
  const group = `GS*HP*${spec.sender}*${spec.receiver}*${date}*1200*${Number(spec.controlNumber)}*X*005010X221A1~\n`;
  const transactions = spec.transactions.map(transactionText).join('');
  return `${isa}${group}${transactions}GE*${spec.transactions.length}*${Number(spec.controlNumber)}~\nIEA*1*${spec.controlNumber}~\n`;
}

/** Deterministic pseudo-random numbers in [0, 1) (mulberry32): the same seed gives the same data. */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
