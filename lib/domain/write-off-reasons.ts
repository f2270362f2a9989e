// Why a denial is written off: one code from a short list (issue 14), so a manager can check the reason against the
// denial's data (write-off-checks.ts) and reports can count them. "Other" says what it is in words; the rest may
// add detail. Existing write-offs from before the list are 'other' with their free text.

export const WRITE_OFF_REASON_CODES = [
  'timely_filing_missed',
  'small_balance',
  'non_covered_not_billable',
  'contractual',
  'duplicate',
  'authorization_not_obtainable',
  'other',
] as const;
export type WriteOffReasonCode = (typeof WRITE_OFF_REASON_CODES)[number];

export const WRITE_OFF_REASON_LABEL: Record<WriteOffReasonCode, string> = {
  timely_filing_missed: 'Timely filing missed',
  small_balance: 'Small balance',
  non_covered_not_billable: 'Non-covered, not billable to the patient',
  contractual: 'Contractual adjustment',
  duplicate: 'Duplicate claim',
  authorization_not_obtainable: 'Authorization not obtainable',
  other: 'Other',
};

/** Codes whose detail text is required: "other" says nothing by itself. */
const TEXT_REQUIRED: ReadonlySet<WriteOffReasonCode> = new Set(['other']);

export const WRITE_OFF_DETAIL_MIN = 3;
export const WRITE_OFF_DETAIL_MAX = 2000;

export function isWriteOffReasonCode(value: string): value is WriteOffReasonCode {
  return (WRITE_OFF_REASON_CODES as readonly string[]).includes(value);
}

export function reasonTextRequired(code: WriteOffReasonCode): boolean {
  return TEXT_REQUIRED.has(code);
}

/** A stored code as people read it; an unknown one (a later list) as itself. */
export function writeOffReasonLabel(code: string): string {
  return isWriteOffReasonCode(code) ? WRITE_OFF_REASON_LABEL[code] : code;
}

/**
 * What is wrong with a code and its detail text, or null when they will do. The same rule runs in the dialog and in
 * the server's schema, so the form refuses exactly what the server refuses.
 */
export function writeOffReasonProblem(code: string, text: string): string | null {
  if (!isWriteOffReasonCode(code)) return 'Choose a reason from the list.';
  const detail = text.trim();
  if (detail === '') return reasonTextRequired(code) ? 'Say why this is written off.' : null;
  if (detail.length < WRITE_OFF_DETAIL_MIN) return `Write at least ${WRITE_OFF_DETAIL_MIN} characters, or leave the detail empty.`;
  if (detail.length > WRITE_OFF_DETAIL_MAX) return `At most ${WRITE_OFF_DETAIL_MAX} characters.`;
  return null;
}

/** One line for the timeline and notifications: "Small balance — under $10, not worth a call". */
export function writeOffReasonText(code: string, text: string): string {
  const detail = text.trim();
  return detail ? `${writeOffReasonLabel(code)} — ${detail}` : writeOffReasonLabel(code);
}
