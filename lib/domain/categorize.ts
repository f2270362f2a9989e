// One CAS adjustment -> is it work (a denial), and whose. The rules are design.md "What a denial is";
// the per-code meaning is data (CodeMapping, from the catalogue).
import { type AdjustmentKind, type DenialCategory, type Department, adjustmentCode, isGroupCode } from './codes';
import type { CarcMapping, CodeMapping, RarcOverride } from './code-mapping';
import { findOverride, isOverridableGroup } from './code-overrides';

/** A CAS triplet (005010X221A1 CAS: group, then reason / amount / quantity). */
export interface AdjustmentInput {
  group: string;
  reason: string;
  amountCents: number;
}

export interface AdjustmentCategorization {
  /** "CO-50" */
  code: string;
  group: string;
  reason: string;
  amountCents: number;
  kind: AdjustmentKind;
  category: DenialCategory;
  department: Department;
  avoidable: boolean;
  /** false when a remark code takes appeal rights away (MA130, N211): correct and resubmit instead. */
  appealable: boolean;
  /** A PR adjustment whose CARC is a front-desk denial (PR-26/27/31/204): not our work, but their lesson. */
  frontDeskFeedback: boolean;
  /** CR group: a 4010 correction/reversal of an earlier adjudication, not a new decision. */
  reversal: boolean;
  /** The remark codes that changed the result, in the order they were applied. */
  appliedRemarks: string[];
  /** Codes the mapping does not know (the group, the CARC or a remark); never dropped, reported. */
  unmappedCodes: string[];
}

/**
 * An unknown CARC outside PR is treated as a denial in `other`: a person then sees it and the code is
 * reported, where guessing "expected" would hide money.
 */
const UNMAPPED_CARC: Omit<CarcMapping, 'code'> = {
  kind: 'denial',
  category: 'other',
  department: 'billing',
  avoidable: false,
  note: 'not in the mapping',
};

/** Remark codes as the 835 sends them (LQ02, MOA/MIA), trimmed and upper-cased, duplicates dropped. */
export function normalizeRemarks(remarks: readonly string[]): string[] {
  return [...new Set(remarks.map((code) => code.trim().toUpperCase()).filter(Boolean))];
}

/**
 * The override that names the root cause. correct_resubmit (MA130 and the like) says what to do, not why,
 * so a more specific remark beside it wins: 16 + MA130 + M51 is a coding problem that must be resubmitted.
 */
export function remarkCause(remarks: readonly string[], mapping: CodeMapping): RarcOverride | undefined {
  const withCategory = remarks.map((code) => mapping.rarc.get(code)).filter((o): o is RarcOverride => o?.category != null);
  return withCategory.find((o) => o.category !== 'correct_resubmit') ?? withCategory[0];
}

/**
 * `remarks` are the codes that apply to this adjustment: the line's LQ codes first, then the claim's
 * MOA/MIA codes (a claim-level remark such as MA130 speaks for every line).
 */
export function categorizeAdjustment(
  adjustment: AdjustmentInput,
  remarks: readonly string[],
  mapping: CodeMapping,
): AdjustmentCategorization {
  const group = adjustment.group.trim().toUpperCase();
  const reason = adjustment.reason.trim().toUpperCase();
  const codes = normalizeRemarks(remarks);
  const unmappedCodes: string[] = [];
  if (!isGroupCode(group)) unmappedCodes.push(group);
  const known = mapping.carc.get(reason);
  if (!known) unmappedCodes.push(reason);
  if (mapping.knownRemarkCodes) unmappedCodes.push(...codes.filter((code) => !mapping.knownRemarkCodes?.has(code)));
  const carc = known ?? { code: reason, ...UNMAPPED_CARC };

  let { category, department, avoidable } = carc;
  const appliedRemarks: string[] = [];
  // CARC 16, A1 and other generic codes carry their meaning in the remarks (design.md); a specific CARC keeps its own.
  const cause = carc.kind === 'denial' && carc.category === 'other' ? remarkCause(codes, mapping) : undefined;
  if (cause?.category) {
    category = cause.category;
    department = cause.department ?? department;
    avoidable = cause.avoidable ?? avoidable;
    appliedRemarks.push(cause.code);
  }
  const noAppeal = codes.filter((code) => mapping.rarc.get(code)?.appealable === false);
  for (const code of noAppeal) if (!appliedRemarks.includes(code)) appliedRemarks.push(code);

  const code = adjustmentCode(group, reason);
  const amountCents = adjustment.amountCents;
  const appealable = noAppeal.length === 0;
  // Written out rather than spread from a shared base: on Node 20, adding properties to an object made by
  // spread costs microseconds each, and this runs for every CAS of every claim of a file.
  if (group === 'PR') {
    // Any PR group is the patient's to pay: recorded, never queued (design.md).
    const frontDeskFeedback = carc.kind === 'denial' && department === 'front_desk';
    return { code, group, reason, amountCents, appliedRemarks, unmappedCodes, appealable, kind: 'patient_responsibility', category, department, avoidable, frontDeskFeedback, reversal: false };
  }
  if (group === 'CR') {
    return { code, group, reason, amountCents, appliedRemarks, unmappedCodes, appealable, kind: 'informational', category, department: 'none', avoidable: false, frontDeskFeedback: false, reversal: true };
  }
  // The organisation's override, most specific first, replaces the shipped answer (code-overrides.ts).
  const override = mapping.overrides?.size && isOverridableGroup(group) ? findOverride(mapping.overrides, group, reason, codes) : undefined;
  if (override) {
    if (override.rarc && !appliedRemarks.includes(override.rarc)) appliedRemarks.unshift(override.rarc);
    // "Not a denial" keeps a non-denial CARC's own kind; a denial CARC becomes an expected adjustment: recorded, never queued.
    const kind = override.isDenial ? 'denial' : carc.kind === 'denial' ? 'expected_adjustment' : carc.kind;
    return { code, group, reason, amountCents, appliedRemarks, unmappedCodes, appealable, kind, category: override.category, department: override.department, avoidable: override.avoidable, frontDeskFeedback: false, reversal: false };
  }
  return { code, group, reason, amountCents, appliedRemarks, unmappedCodes, appealable, kind: carc.kind, category, department, avoidable, frontDeskFeedback: false, reversal: false };
}
