import type { CsvField, CsvMapping } from './import-types';

// What people read for each CSV field, and which ones an import cannot do without
// (the same rule lib/server/remits/ingest-csv.ts enforces: patient control number, payer name or id, CARC, billed, paid).
export const CSV_FIELD_LABEL: Record<CsvField, string> = {
  patientControlNumber: 'Patient control number',
  payerClaimNumber: 'Payer claim number',
  payerName: 'Payer name',
  payerId: 'Payer ID',
  patientName: 'Patient name',
  memberId: 'Member ID',
  serviceDate: 'Service date',
  remitDate: 'Remit date',
  billed: 'Billed',
  paid: 'Paid',
  deniedAmount: 'Denied amount',
  groupCode: 'Group code',
  carc: 'CARC',
  rarc: 'RARC',
  statusCode: 'Claim status code',
  procedureCode: 'Procedure code',
};

export const CSV_REQUIRED: readonly CsvField[] = ['patientControlNumber', 'carc', 'billed', 'paid'];
/** Either of these identifies the payer. */
export const CSV_PAYER_FIELDS: readonly CsvField[] = ['payerName', 'payerId'];

/** What is missing before an import can start, per field, in words. */
export function mappingProblems(mapping: CsvMapping): Partial<Record<CsvField, string>> {
  const problems: Partial<Record<CsvField, string>> = {};
  for (const field of CSV_REQUIRED) if (!mapping[field]) problems[field] = 'Required: choose a column.';
  if (!CSV_PAYER_FIELDS.some((f) => mapping[f])) {
    for (const field of CSV_PAYER_FIELDS) problems[field] = 'Map the payer name or the payer ID.';
  }
  return problems;
}

/** Keeps only the entries whose column exists in this file (a saved mapping may name columns it lacks). */
export function mappingForHeaders(mapping: CsvMapping | null, headers: readonly string[]): CsvMapping {
  const out: CsvMapping = {};
  for (const [field, header] of Object.entries(mapping ?? {}) as [CsvField, string | undefined][]) {
    if (header && headers.includes(header)) out[field] = header;
  }
  return out;
}
