import 'server-only';
import { type ClaimCategorization, type ClaimInput, categorizeClaim } from '@/lib/domain/categorize-claim';
import type { CodeMapping } from '@/lib/domain/code-mapping';
import type { DenialCategory, Department } from '@/lib/domain/codes';
import type { IsoDate } from '@/lib/domain/dates';
import type { Claim, RemarkCode } from '@/lib/domain/x12';
import { newId } from './new-id';
import type { RemitTables } from './remit-tables';

/** What the denial step needs to know about a stored claim (kept only for claims that can touch a denial). */
export interface ClaimFacts {
  claimId: string;
  payerId: string;
  patientControlNumber: string;
  payerClaimNumber: string | null;
  segmentIndex: number;
  paidCents: number;
  isWork: boolean;
  isReversal: boolean;
  deniedCents: number;
  category: DenialCategory;
  department: Department;
  avoidable: boolean;
  appealable: boolean;
  carcCodes: string[];
  rarcCodes: string[];
  patientName: string | null;
  /** The patient's member id (NM1*QC), else the subscriber's (NM1*IL): what the insurance card shows. */
  memberId: string | null;
  serviceDate: IsoDate | null;
  noticeDate: IsoDate | null;
  /** NM1*82: what an assignment rule may route on. */
  renderingProviderNpi: string | null;
}

export interface ClaimPlace {
  remittanceId: string;
  payerId: string;
  noticeDate: IsoDate | null;
}

const rarcCodes = (remarks: readonly RemarkCode[]) => remarks.filter((r) => r.list === 'RARC').map((r) => r.code);

/**
 * A quantity (units of service, a CAS quantity) as its numeric(12,3) column keeps it. The 835 reader takes any
 * plain decimal of up to 15 digits, and JavaScript prints one under 10^-6 in exponent form, which the binary
 * COPY writer refuses: "0.000000001" units failed the whole import with a RangeError (found by npm run fuzz).
 * Under half a thousandth PostgreSQL rounds to zero anyway; every other value is passed on for it to round.
 */
export function storedQuantity(quantity: number | null): number | null {
  return quantity !== null && Math.abs(quantity) < 0.0005 ? 0 : quantity;
}

/** The classifier's view of an 835 claim: CAS triplets and RARCs (LQ*RX carries NCPDP codes, not RARCs). */
export function classifierInput(claim: Claim): ClaimInput {
  return {
    statusCode: claim.statusCode,
    billedCents: claim.billedCents,
    paidCents: claim.paidCents,
    patientResponsibilityCents: claim.patientResponsibilityCents,
    adjustments: claim.adjustments,
    remarkCodes: rarcCodes(claim.remarkCodes),
    lines: claim.serviceLines.map((line) => ({ adjustments: line.adjustments, remarkCodes: rarcCodes(line.remarkCodes) })),
  };
}

export function classifyClaim(claim: Claim, mapping: CodeMapping): ClaimCategorization {
  return categorizeClaim(classifierInput(claim), mapping);
}

/** The earliest line date of service (DTM*472, else the DTM*150 start), else the statement period start. */
export function claimServiceDate(claim: Claim): IsoDate | null {
  let earliest: IsoDate | null = null;
  for (const line of claim.serviceLines) {
    const date = line.serviceDate ?? line.serviceDateFrom;
    if (date !== null && (earliest === null || date < earliest)) earliest = date;
  }
  return earliest ?? claim.dates.statementFrom;
}

function patientName(claim: Claim): string | null {
  const person = claim.patient ?? claim.insured;
  const name = [person?.first, person?.last].filter(Boolean).join(' ');
  return name || null;
}

/** The CARCs that make it a denial; for a CLP02 = 4 with no denial CAS, every non-patient CARC on it. */
function denialCarcs(cat: ClaimCategorization): string[] {
  const denials = cat.adjustments.filter((a) => a.kind === 'denial').map((a) => a.reason);
  const codes = denials.length > 0 ? denials : cat.adjustments.filter((a) => a.kind !== 'patient_responsibility').map((a) => a.reason);
  return [...new Set(codes)];
}

/**
 * Adds the claim, its lines, adjustments (kind and category from the classification) and remark codes to the
 * batch. Returns the facts the denial step needs, or null for a claim that can neither create a denial nor pay
 * or reverse one (most paid claims without a payer claim number, zero-pay claims that are not denials).
 */
export function addClaimRows(tables: RemitTables, place: ClaimPlace, claim: Claim, cat: ClaimCategorization): ClaimFacts | null {
  const claimId = newId();
  const serviceDate = claimServiceDate(claim);
  const patient = claim.patient;
  tables.claim.add([
    claimId, place.remittanceId, place.payerId, claim.patientControlNumber, claim.payerClaimControlNumber, claim.statusCode,
    claim.billedCents, claim.paidCents, claim.patientResponsibilityCents ?? 0, claim.filingIndicator, claim.facilityCode,
    claim.frequency, patient?.first ?? null, patient?.last ?? null, patient?.memberId ?? null,
    claim.renderingProvider?.name ?? null, claim.renderingProvider?.npi ?? null, claim.dates.statementFrom, claim.dates.statementTo,
    claim.dates.received, serviceDate, cat.isDenial, cat.deniedAmountCents, claim.balance.ok, claim.segmentIndex,
    claim.payee?.name || null, claim.payee?.npi ?? null,
  ]);
  const lineIds = claim.serviceLines.map((line, index) => {
    const lineId = newId();
    tables.serviceLine.add([
      lineId, claimId, index + 1, line.procedure.qualifier, line.procedure.code, line.procedure.modifiers, line.revenueCode,
      line.billedCents, line.paidCents, line.allowedCents, storedQuantity(line.units), line.serviceDate ?? line.serviceDateFrom, line.lineControlNumber,
    ]);
    for (const remark of line.remarkCodes) tables.remark.add([newId(), claimId, lineId, remark.code, remarkSource(remark)]);
    return lineId;
  });
  for (const remark of claim.remarkCodes) tables.remark.add([newId(), claimId, null, remark.code, remarkSource(remark)]);
  // cat.adjustments lists the claim's CAS in file order, claim level first, each line's after it (categorize-claim.ts).
  let i = 0;
  const addAdjustments = (list: Claim['adjustments'], serviceLineId: string | null) => {
    for (const cas of list) {
      const a = cat.adjustments[i++]!;
      tables.adjustment.add([newId(), claimId, serviceLineId, a.group, a.reason, a.amountCents, storedQuantity(cas.quantity), a.kind, a.category]);
    }
  };
  addAdjustments(claim.adjustments, null);
  claim.serviceLines.forEach((line, index) => addAdjustments(line.adjustments, lineIds[index]!));

  const payerClaimNumber = claim.payerClaimControlNumber;
  const matters = cat.isWork || (payerClaimNumber !== null && (claim.paidCents !== 0 || cat.isReversal));
  if (!matters) return null;
  return {
    claimId,
    payerId: place.payerId,
    patientControlNumber: claim.patientControlNumber,
    payerClaimNumber,
    segmentIndex: claim.segmentIndex,
    paidCents: claim.paidCents,
    isWork: cat.isWork,
    isReversal: cat.isReversal,
    deniedCents: cat.deniedAmountCents,
    category: cat.category,
    department: cat.department,
    avoidable: cat.avoidable,
    appealable: cat.appealable,
    carcCodes: denialCarcs(cat),
    rarcCodes: [...new Set([...rarcCodes(claim.remarkCodes), ...claim.serviceLines.flatMap((l) => rarcCodes(l.remarkCodes))])],
    patientName: patientName(claim),
    memberId: claim.patient?.memberId ?? claim.insured?.memberId ?? null,
    serviceDate,
    noticeDate: place.noticeDate,
    renderingProviderNpi: claim.renderingProvider?.npi ?? null,
  };
}

/** MOA / MIA / LQ; an LQ*RX code is an NCPDP reject code, kept apart from RARCs. */
function remarkSource(remark: RemarkCode): string {
  return remark.list === 'NCPDP' ? 'NCPDP' : remark.source;
}
