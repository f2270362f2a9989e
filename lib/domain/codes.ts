// The code vocabularies of an 835 and of this product's classification. Official lists: CARC = X12
// External Code Source 139, RARC = 411, group codes = CAS01 (005010X221A1); copies and their sources are in
// prisma/data/codes (SOURCES.md). Descriptions always come from those lists, never from memory or blogs.
import { parseCodeCsv } from './csv';
import { type IsoDate, compareDates, parseIsoDate } from './dates';

export { parseCodeCsv, parseCsv, parseCsvRecords, toCsv, CsvError } from './csv';

/** CAS01. CR is 4010-only (5010 reverses with CLP02 = 22); it may still arrive in old files. */
export const GROUP_CODES = ['CO', 'PR', 'OA', 'PI', 'CR'] as const;
export type GroupCode = (typeof GROUP_CODES)[number];

/** What an adjustment means for the work queue: only `denial` is ever queued. */
export const ADJUSTMENT_KINDS = ['denial', 'expected_adjustment', 'patient_responsibility', 'informational'] as const;
export type AdjustmentKind = (typeof ADJUSTMENT_KINDS)[number];

/** Root-cause categories (design.md "What a denial is"), plus correct_resubmit for claims that must be re-sent. */
export const DENIAL_CATEGORIES = [
  'eligibility_coverage',
  'registration_demographics',
  'authorization_referral',
  'coding_modifiers',
  'bundling',
  'units_days',
  'medical_necessity',
  'documentation_requested',
  'timely_filing',
  'duplicate',
  'non_covered_benefit_limits',
  'coordination_of_benefits',
  'pricing_contract',
  'correct_resubmit',
  'other',
] as const;
export type DenialCategory = (typeof DENIAL_CATEGORIES)[number];

/** Who can prevent or fix it; `none` for adjustments that are nobody's work. */
export const DEPARTMENTS = ['front_desk', 'coding', 'clinical', 'billing', 'payer_error', 'none'] as const;
export type Department = (typeof DEPARTMENTS)[number];

export function isGroupCode(value: string): value is GroupCode {
  return (GROUP_CODES as readonly string[]).includes(value);
}
export function isAdjustmentKind(value: string): value is AdjustmentKind {
  return (ADJUSTMENT_KINDS as readonly string[]).includes(value);
}
export function isDenialCategory(value: string): value is DenialCategory {
  return (DENIAL_CATEGORIES as readonly string[]).includes(value);
}
export function isDepartment(value: string): value is Department {
  return (DEPARTMENTS as readonly string[]).includes(value);
}

/** One row of carc.csv / rarc.csv: the official text and its dates (empty in the file = not known). */
export interface CodeListEntry {
  code: string;
  description: string;
  startDate: IsoDate | null;
  lastModified: IsoDate | null;
  /** Set = deactivated from that date. */
  stopDate: IsoDate | null;
}

export interface GroupCodeEntry {
  code: string;
  name: string;
  description: string;
}

function optionalDate(value: string | undefined, code: string, column: string): IsoDate | null {
  if (!value) return null;
  const date = parseIsoDate(value);
  if (date === null) throw new RangeError(`${code}: ${column} "${value}" is not a YYYY-MM-DD date`);
  return date;
}

/** carc.csv or rarc.csv (columns code,description,start_date,last_modified,stop_date). */
export function parseCodeList(text: string): CodeListEntry[] {
  return parseCodeCsv(text).map((row) => {
    const code = (row.code ?? '').trim();
    if (!code) throw new RangeError('A code list row has no code');
    return {
      code,
      description: row.description ?? '',
      startDate: optionalDate(row.start_date, code, 'start_date'),
      lastModified: optionalDate(row.last_modified, code, 'last_modified'),
      stopDate: optionalDate(row.stop_date, code, 'stop_date'),
    };
  });
}

/** group-codes.csv (columns code,name,description). */
export function parseGroupCodes(text: string): GroupCodeEntry[] {
  return parseCodeCsv(text).map((row) => ({ code: row.code ?? '', name: row.name ?? '', description: row.description ?? '' }));
}

/** A code is in force on a day from its start date (if known) until the day before its stop date. */
export function isCodeActive(entry: Pick<CodeListEntry, 'startDate' | 'stopDate'>, on?: IsoDate): boolean {
  if (on === undefined) return entry.stopDate === null;
  if (entry.startDate !== null && compareDates(on, entry.startDate) < 0) return false;
  return entry.stopDate === null || compareDates(on, entry.stopDate) < 0;
}

/** "CO-45": how the product writes a group and reason together. */
export function adjustmentCode(group: string, reason: string): string {
  return `${group}-${reason}`;
}
