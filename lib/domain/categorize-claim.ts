// One 835 claim (CLP with its claim- and line-level CAS and remark codes) -> is it a denial, for how much,
// and why. design.md "What a denial is (and is not)".
import type { DenialCategory, Department } from './codes';
import type { CodeMapping } from './code-mapping';
import { type AdjustmentCategorization, type AdjustmentInput, categorizeAdjustment, normalizeRemarks, remarkCause } from './categorize';
import { sumCents } from './money';

export interface ClaimLineInput {
  adjustments: readonly AdjustmentInput[];
  /** LQ*HE remark codes (RARC only: LQ*RX carries NCPDP reject codes). */
  remarkCodes: readonly string[];
}

export interface ClaimInput {
  /** CLP02: 1/2/3 processed, 4 denied, 19/20/21 forwarded, 22 reversal of a previous payment, 23 not ours. */
  statusCode: string;
  billedCents: number; // CLP03
  paidCents: number; // CLP04
  /** CLP05; when absent the PR adjustments are summed instead. */
  patientResponsibilityCents?: number | null;
  adjustments: readonly AdjustmentInput[]; // claim-level CAS
  remarkCodes: readonly string[]; // MOA / MIA
  lines: readonly ClaimLineInput[];
}

export interface ClaimAdjustment extends AdjustmentCategorization {
  /** Index into `lines`, or null for a claim-level CAS. */
  lineIndex: number | null;
}

export interface ClaimCategorization {
  /** CLP02 = 4, or any adjustment whose CARC is a payer refusal (design.md). Never true for a pure reversal. */
  isDenial: boolean;
  /** A denial with money at stake — what becomes a work item. A CLP02 = 4 that is all patient share is not. */
  isWork: boolean;
  /** CLP02 = 22 or CR-group adjustments: this undoes an earlier adjudication. */
  isReversal: boolean;
  deniedAmountCents: number;
  /** Of the largest denial adjustment (or the claim's remark codes when CLP02 = 4 came without one). */
  category: DenialCategory;
  department: Department;
  avoidable: boolean;
  appealable: boolean;
  /** What to do about it: appeal, or correct and submit a new claim when appeal rights are gone. */
  action: 'appeal' | 'correct_resubmit';
  /** Counts toward the front desk's root-cause feedback (includes PR-26/27/31/204). */
  frontDeskFeedback: boolean;
  /** Every adjustment ("CO-50") and remark code involved, in the order they appear. */
  codes: string[];
  unmappedCodes: string[];
  adjustments: ClaimAdjustment[];
}

const DENIED = '4';
const REVERSAL = '22';

export function categorizeClaim(claim: ClaimInput, mapping: CodeMapping): ClaimCategorization {
  const claimRemarks = normalizeRemarks(claim.remarkCodes);
  // Object.assign onto the fresh result, not a spread into a new object: on Node 20 the spread-then-add
  // pattern costs microseconds per object, and this runs for every CAS of every claim of a file.
  const adjustments: ClaimAdjustment[] = [
    ...claim.adjustments.map((a) => Object.assign(categorizeAdjustment(a, claimRemarks, mapping), { lineIndex: null })),
    ...claim.lines.flatMap((line, lineIndex) =>
      line.adjustments.map((a) => Object.assign(categorizeAdjustment(a, [...line.remarkCodes, ...claimRemarks], mapping), { lineIndex })),
    ),
  ];
  const status = claim.statusCode.trim();
  const isReversal = status === REVERSAL || adjustments.some((a) => a.reversal);
  // A claim that only undoes an earlier one is not a new decision; CR lines beside new CO/OA/PI ones do
  // not hide the new ones (CR adjustments are never counted as denials).
  const onlyReversal = status === REVERSAL || (adjustments.length > 0 && adjustments.every((a) => a.reversal));
  const denials = adjustments.filter((a) => a.kind === 'denial');
  const denialSum = sumCents(denials.map((a) => a.amountCents));
  const isDenial = !onlyReversal && (status === DENIED || denialSum > 0);
  const deniedAmountCents = !isDenial ? 0 : denialSum > 0 ? denialSum : deniedWithoutDenialCas(claim, adjustments);

  // Ties go to the first in file order, so the same remittance always gives the same answer.
  const primary = denials.reduce<ClaimAdjustment | undefined>(
    (best, a) => (a.amountCents > 0 && (!best || a.amountCents > best.amountCents) ? a : best),
    undefined,
  );
  const cause = primary ?? causeFromRemarks(claim, claimRemarks, mapping);
  const claimNoAppeal = claimRemarks.some((code) => mapping.rarc.get(code)?.appealable === false);
  const appealable = !claimNoAppeal && denials.every((a) => a.appealable);

  const lineRemarks = claim.lines.flatMap((line) => normalizeRemarks(line.remarkCodes));
  const allRemarks = [...claimRemarks, ...lineRemarks];
  const unmapped = [
    ...adjustments.flatMap((a) => a.unmappedCodes),
    ...(mapping.knownRemarkCodes ? allRemarks.filter((code) => !mapping.knownRemarkCodes?.has(code)) : []),
  ];
  return {
    isDenial,
    isWork: isDenial && deniedAmountCents > 0,
    isReversal,
    deniedAmountCents,
    category: cause.category,
    department: cause.department,
    avoidable: cause.avoidable,
    appealable,
    action: appealable ? 'appeal' : 'correct_resubmit',
    frontDeskFeedback: adjustments.some((a) => a.frontDeskFeedback) || (isDenial && cause.department === 'front_desk'),
    codes: [...new Set([...adjustments.map((a) => a.code), ...allRemarks])],
    unmappedCodes: [...new Set(unmapped)],
    adjustments,
  };
}

/**
 * CLP02 = 4 with no denial CAS: what the payer kept is billed − paid − the patient's share − what the
 * contract or a prior payer already explains (expected adjustments), never below zero.
 */
function deniedWithoutDenialCas(claim: ClaimInput, adjustments: readonly ClaimAdjustment[]): number {
  const patient = claim.patientResponsibilityCents ?? sumCents(adjustments.filter((a) => a.kind === 'patient_responsibility').map((a) => a.amountCents));
  const expected = sumCents(adjustments.filter((a) => a.kind === 'expected_adjustment').map((a) => a.amountCents));
  return Math.max(0, claim.billedCents - claim.paidCents - patient - expected);
}

/** No denial adjustment to learn from: the claim's (then the lines') remark codes, else `other`. */
function causeFromRemarks(claim: ClaimInput, claimRemarks: readonly string[], mapping: CodeMapping) {
  const lineRemarks = claim.lines.flatMap((line) => normalizeRemarks(line.remarkCodes));
  const o = remarkCause([...claimRemarks, ...lineRemarks], mapping);
  return {
    category: o?.category ?? ('other' as DenialCategory),
    department: o?.department ?? ('billing' as Department),
    avoidable: o?.avoidable ?? false,
  };
}
