// Corrected claims (issue 13): what to fix before a claim goes back to the payer, per denial category and per the
// codes on the remittance, and which kind of claim carries the fix — a replacement (frequency 7), a new claim
// (frequency 1) or a void (frequency 8). The checklist is for a person at a billing screen: each item names the
// field, the loop or the code to look at, in 837 terms (CLM05-3, REF*F8, SV1/SV2, HI, NM1).
import { type DenialCategory, isDenialCategory } from '../codes';
import { type IsoDate, addDays, compareDates } from '../dates';

/** CLM05-3, the claim frequency type code: 1 original (a new claim), 7 replacement of a prior claim, 8 void. */
export const FREQUENCY_CODES = ['7', '1', '8'] as const;
export type FrequencyCode = (typeof FREQUENCY_CODES)[number];

export const FREQUENCY_LABEL: Record<FrequencyCode, string> = {
  '7': 'Replacement claim (frequency 7)',
  '1': 'New claim (frequency 1)',
  '8': 'Void of the claim (frequency 8)',
};

/** One line each, shown beside the choice. */
export const FREQUENCY_EXPLANATION: Record<FrequencyCode, string> = {
  '7': 'The payer adjudicated the claim with an error: send the whole claim again, corrected, with CLM05-3 = 7 and the payer’s claim number in REF*F8.',
  '1': 'The payer never adjudicated it (rejected at the front end, or returned unprocessable with MA130): there is nothing to replace, so send a new claim.',
  '8': 'The claim should not have been billed (wrong patient, wrong payer, service not rendered): void it with CLM05-3 = 8 and REF*F8.',
};

/** A replacement or a void points at the claim it changes (REF*F8, the payer's claim control number). */
export function needsPayerClaimNumber(code: FrequencyCode): boolean {
  return code === '7' || code === '8';
}

export interface ChecklistItem {
  id: string;
  text: string;
}

// Every resubmission, whatever the cause.
const ALWAYS: ChecklistItem[] = [
  { id: 'all.every-line', text: 'Send every service line of the claim again, paid lines included: a replacement claim replaces the whole claim, not one line.' },
  { id: 'all.frequency-ref', text: 'Frequency code in CLM05-3 (7 replacement, 8 void, 1 new) and, for 7 or 8, the payer’s original claim number in REF*F8 (2300 loop).' },
  { id: 'all.timely', text: 'Check the payer’s corrected-claim window (often shorter than timely filing) and keep the clearinghouse acceptance report (999/277CA) as proof.' },
];

const BY_CATEGORY: Partial<Record<DenialCategory, ChecklistItem[]>> = {
  coding_modifiers: [
    { id: 'coding.cpt-hcpcs', text: 'Procedure code (SV101-2 / SV202-2) matches the operative or visit note; correct a deleted or invalid code for the date of service.' },
    { id: 'coding.modifier', text: 'Modifiers in SV101-3…6: 25 on a separately identifiable E/M, 59 or XE/XS/XP/XU for a distinct service, RT/LT or 50 for laterality, 26/TC for split billing.' },
    { id: 'coding.dx-pointer', text: 'Diagnosis codes in HI are valid to the highest specificity, and each line’s pointer (SV107) names the diagnosis that supports it.' },
    { id: 'coding.ncci', text: 'Run the corrected lines through the NCCI edits (PTP and MUE) before sending.' },
  ],
  units_days: [
    { id: 'units.count', text: 'Units in SV104 / SV205 are what the record supports for the code’s unit of measure (time-based codes: total minutes by the 8-minute rule).' },
    { id: 'units.dates', text: 'From–through dates of service (DTP*472) cover exactly the days billed; for a span, units agree with the number of days (M53).' },
    { id: 'units.mue', text: 'Units per line are within the code’s MUE; over it, split by date or add modifier 76/91 only where the service was truly repeated.' },
  ],
  registration_demographics: [
    { id: 'reg.name-dob', text: 'Patient name and date of birth exactly as on the insurance card (NM1*QC / NM1*IL, DMG).' },
    { id: 'reg.member-id', text: 'Member ID with its prefix and suffix, and the subscriber relationship (SBR02 / PAT01).' },
    { id: 'reg.address', text: 'Patient and subscriber address (N3/N4) match the payer’s file.' },
  ],
  eligibility_coverage: [
    { id: 'elig.270', text: 'Run a 270/271 eligibility check for the date of service and bill the plan that covered the patient that day.' },
    { id: 'elig.ids', text: 'Member ID, group number and plan (SBR03/SBR04) are the ones active on the date of service.' },
    { id: 'elig.wrong-payer', text: 'If another payer covered the service, void this claim (8) if it was adjudicated and bill the right payer as a new claim.' },
  ],
  coordination_of_benefits: [
    { id: 'cob.order', text: 'Payer order is right (SBR01 P/S/T), confirmed with the patient and, for Medicare, the MSP questionnaire.' },
    { id: 'cob.primary-eob', text: 'Primary payer’s payment and adjustments in loop 2320/2430 (AMT*D, CAS, SVD) agree with its remittance.' },
    { id: 'cob.other-insurance', text: 'The other payer’s name, ID and the subscriber’s policy number (loop 2330) are complete.' },
  ],
  bundling: [
    { id: 'bundle.ncci-pair', text: 'Look up the code pair in the NCCI PTP table: when a modifier is allowed (indicator 1), add 59 or XE/XS/XP/XU only if the record shows a distinct service.' },
    { id: 'bundle.global', text: 'Check whether the service falls in a global surgical period (modifiers 24, 25, 57, 58, 78, 79 where they apply).' },
    { id: 'bundle.drop-line', text: 'If the service really is included in another, remove the line rather than resubmit it unchanged.' },
  ],
  duplicate: [
    { id: 'dup.original-paid', text: 'Find the original claim: if it was paid, there is nothing to resubmit — record it and close this denial.' },
    { id: 'dup.repeat-service', text: 'A second, separate service on the same day: add modifier 76 or 77 (or 91 for a repeated lab test) with the times documented.' },
    { id: 'dup.replace-not-new', text: 'Correct the original with a replacement (7) against its claim number: a new claim for the same service denies again as a duplicate (CO-18).' },
  ],
  correct_resubmit: [
    { id: 'data.rarc', text: 'Read the remark codes on the remittance: each names the field that was missing or invalid.' },
    { id: 'data.provider', text: 'Rendering and billing provider NPI, taxonomy (PRV) and the billing address (no PO box in loop 2010AA).' },
    { id: 'data.complete', text: 'Every required field the remark code names is filled and valid before sending.' },
  ],
};

// Causes named by remark codes on the remittance, whatever the category.
const BY_REMARK: Record<string, ChecklistItem[]> = {
  M53: [{ id: 'rarc.m53', text: 'M53 (days/units of service missing or invalid): units must agree with the from–through dates of service on each line.' }],
  MA130: [
    { id: 'rarc.ma130', text: 'MA130 (unprocessable, no appeal rights): fix every item the other remark codes name and send a new claim (frequency 1), not a replacement.' },
  ],
  M51: [{ id: 'rarc.m51', text: 'M51 (procedure code missing, incomplete or invalid): correct the code in SV101-2 for the date of service.' }],
  M76: [{ id: 'rarc.m76', text: 'M76 (diagnosis missing, incomplete or invalid): fill HI with valid ICD-10-CM codes and point each line at one.' }],
  N290: [{ id: 'rarc.n290', text: 'N290 (rendering provider missing or invalid): loop 2310B NM1*82 with the rendering NPI, enrolled with this payer.' }],
  MA04: [{ id: 'rarc.ma04', text: 'MA04 (secondary payment cannot be considered without the primary’s): add the primary payer’s adjudication (loop 2320/2430).' }],
};

// CO-16 without a remark naming the field still needs the remittance read.
const CARC_16: ChecklistItem = { id: 'carc.16', text: 'CARC 16 (claim lacks information or has billing errors): the remark codes name what is missing — find each one before sending.' };

export interface ChecklistFacts {
  category: string;
  carcCodes: readonly string[];
  rarcCodes: readonly string[];
}

/** What to check before resubmitting this denial: the category's items, the remark codes', then every claim's. */
export function correctedClaimChecklist(facts: ChecklistFacts): ChecklistItem[] {
  const items: ChecklistItem[] = [];
  const add = (list: readonly ChecklistItem[] | undefined) => {
    for (const item of list ?? []) if (!items.some((i) => i.id === item.id)) items.push(item);
  };
  add(isDenialCategory(facts.category) ? BY_CATEGORY[facts.category] : undefined);
  for (const code of facts.rarcCodes) add(BY_REMARK[code]);
  if (facts.carcCodes.includes('16')) add([CARC_16]);
  add(ALWAYS);
  return items;
}

export interface PathFacts {
  /** The payer adjudicated the claim (a remittance with a claim number, not a front-end rejection). */
  adjudicated: boolean;
  /** The claim should never have gone to this payer (wrong patient, wrong payer, service not rendered). */
  shouldNotHaveBeenBilled: boolean;
}

export type PathAdvice = { code: FrequencyCode; reason: string } | { code: null; reason: string };

/**
 * Which claim carries the fix. Never adjudicated (rejected at the front end, unprocessable): a new claim (1), since
 * there is no claim on the payer's books to replace. Adjudicated with an error: a replacement (7). Adjudicated but
 * not to be billed at all: a void (8). Not adjudicated and not to be billed: nothing to send.
 */
export function resubmissionPath(facts: PathFacts): PathAdvice {
  if (facts.shouldNotHaveBeenBilled) {
    return facts.adjudicated
      ? { code: '8', reason: 'Void it (8) with the payer’s claim number: the payer takes back what it paid on a claim that should not have been billed.' }
      : { code: null, reason: 'Nothing to send: the payer never adjudicated a claim that should not have been billed.' };
  }
  return facts.adjudicated
    ? { code: '7', reason: 'Replace it (7): the payer adjudicated the claim, so the correction replaces it under its claim number (REF*F8).' }
    : { code: '1', reason: 'Send a new claim (1): the payer never adjudicated it, so there is nothing to replace.' };
}

/**
 * The usual path for a denial from a remittance: the payer adjudicated it, unless it returned the claim as
 * unprocessable (MA130: no appeal rights, no claim to replace — resubmit as new).
 */
export function recommendedFrequency(facts: Pick<ChecklistFacts, 'rarcCodes'>): PathAdvice {
  const unprocessable = facts.rarcCodes.includes('MA130');
  const advice = resubmissionPath({ adjudicated: !unprocessable, shouldNotHaveBeenBilled: false });
  return unprocessable ? { ...advice, reason: 'Unprocessable (MA130): the payer returned the claim without adjudicating it, so send a new claim (1).' } : advice;
}

/**
 * Days after sending to check that the payer processed a corrected claim, unless the payer's own setting says
 * otherwise: 30, the prompt-payment window for a clean claim (Medicare pays clean electronic claims within 30 days,
 * Social Security Act §1842(c)(2); most state prompt-pay laws allow 30–45 days for commercial plans).
 */
export const DEFAULT_RESUBMISSION_FOLLOW_UP_DAYS = 30;

export const CLAIM_NUMBER_MAX_LENGTH = 50;

export interface ResubmissionRequest {
  sentOn: IsoDate;
  frequencyCode: FrequencyCode;
  payerClaimNumber: string | null;
  newClaimNumber: string | null;
  checklist: readonly string[];
}

export interface ResubmissionContext {
  today: IsoDate;
  noticeDate: IsoDate | null;
  /** The ids the denial's checklist offers. */
  offered: readonly string[];
  /** The payer's own number of days, or null for the default. */
  followUpDays: number | null;
}

export type ResubmissionCheck =
  | { ok: true; value: ResubmissionRequest & { followUpOn: IsoDate } }
  | { ok: false; field: 'sentOn' | 'payerClaimNumber' | 'newClaimNumber' | 'checklist'; reason: string };

/** The rules a resubmission record must meet, each refusal naming the field it is about. */
export function checkResubmission(request: ResubmissionRequest, context: ResubmissionContext): ResubmissionCheck {
  if (compareDates(request.sentOn, context.today) > 0) return { ok: false, field: 'sentOn', reason: 'The date sent cannot be in the future.' };
  if (context.noticeDate && compareDates(request.sentOn, context.noticeDate) < 0) {
    return { ok: false, field: 'sentOn', reason: `The date sent cannot be before the denial’s notice of ${context.noticeDate}.` };
  }
  const payerClaimNumber = request.payerClaimNumber?.trim() || null;
  const newClaimNumber = request.newClaimNumber?.trim() || null;
  if (needsPayerClaimNumber(request.frequencyCode) && !payerClaimNumber) {
    return {
      ok: false,
      field: 'payerClaimNumber',
      reason: `A ${request.frequencyCode === '7' ? 'replacement' : 'void'} needs the payer’s claim number of the original claim (REF*F8).`,
    };
  }
  for (const [field, value] of [['payerClaimNumber', payerClaimNumber], ['newClaimNumber', newClaimNumber]] as const) {
    if (value && value.length > CLAIM_NUMBER_MAX_LENGTH) return { ok: false, field, reason: `A claim number is at most ${CLAIM_NUMBER_MAX_LENGTH} characters.` };
  }
  const unknown = request.checklist.find((id) => !context.offered.includes(id));
  if (unknown !== undefined) return { ok: false, field: 'checklist', reason: 'A ticked item is not on this denial’s checklist: reload the page and tick again.' };
  const checklist = context.offered.filter((id) => request.checklist.includes(id));
  const followUpOn = addDays(request.sentOn, context.followUpDays ?? DEFAULT_RESUBMISSION_FOLLOW_UP_DAYS);
  return { ok: true, value: { ...request, payerClaimNumber, newClaimNumber, checklist, followUpOn } };
}
