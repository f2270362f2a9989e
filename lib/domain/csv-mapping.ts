// The rule for mapping a CSV export's columns to the fields an import reads, written once: the upload form
// shows what is missing as the person maps, and the server refuses the same mapping for the same reasons.
import { type CsvField, type CsvMapping, CSV_FIELDS } from './contracts/imports';

/** What people read for each field. */
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

/** An import cannot do without these: the claim, its reason code, and what was billed and paid. */
export const CSV_REQUIRED: readonly CsvField[] = ['patientControlNumber', 'carc', 'billed', 'paid'];
/** Either of these identifies the payer. */
export const CSV_PAYER_FIELDS: readonly CsvField[] = ['payerName', 'payerId'];

/**
 * What is wrong with a mapping, per field, in words; empty when it can be used. With the file's headers, a
 * field mapped to a column the file lacks is wrong too (a saved mapping may name columns this file lacks).
 */
export function mappingProblems(mapping: CsvMapping, headers?: readonly string[]): Partial<Record<CsvField, string>> {
  const problems: Partial<Record<CsvField, string>> = {};
  for (const field of CSV_REQUIRED) if (!mapping[field]) problems[field] = 'Required: choose a column.';
  if (!CSV_PAYER_FIELDS.some((f) => mapping[f])) {
    for (const field of CSV_PAYER_FIELDS) problems[field] = 'Map the payer name or the payer ID.';
  }
  if (headers) {
    for (const [field, header] of Object.entries(mapping) as [CsvField, string | undefined][]) {
      if (header && !headers.includes(header)) problems[field] = `Mapped to "${header}", which is not a column of this file.`;
    }
  }
  return problems;
}

/** The problems as one message ("Payer name: Map the payer name or the payer ID. …"), or null when there are none. */
export function mappingRefusal(problems: Partial<Record<CsvField, string>>): string | null {
  const lines = CSV_FIELDS.filter((field) => problems[field]).map((field) => `${CSV_FIELD_LABEL[field]}: ${problems[field]}`);
  return lines.length ? lines.join(' ') : null;
}

/** Keeps only the entries whose column exists in this file (a saved mapping may name columns it lacks). */
export function mappingForHeaders(mapping: CsvMapping | null, headers: readonly string[]): CsvMapping {
  const out: CsvMapping = {};
  for (const [field, header] of Object.entries(mapping ?? {}) as [CsvField, string | undefined][]) {
    if (header && headers.includes(header)) out[field] = header;
  }
  return out;
}

// Headers seen in clearinghouse and PM-system exports, normalised (lower case, letters and digits only).
const SYNONYMS: Record<CsvField, string[]> = {
  patientControlNumber: ['patientcontrolnumber', 'pcn', 'patientaccountnumber', 'patientaccount', 'accountnumber', 'account', 'acct', 'clp01', 'claimid', 'claimnumber'],
  payerClaimNumber: ['payerclaimnumber', 'payerclaimcontrolnumber', 'payerclaimid', 'icn', 'dcn', 'clp07', 'payericn'],
  payerName: ['payername', 'payer', 'insurance', 'insurancename', 'carrier', 'plan', 'planname'],
  payerId: ['payerid', 'payernumber', 'payercode', 'payeridentifier'],
  patientName: ['patientname', 'patient', 'membername', 'name'],
  memberId: ['memberid', 'subscriberid', 'insuredid', 'policynumber', 'hicn', 'mbi'],
  serviceDate: ['servicedate', 'dateofservice', 'dos', 'fromdate', 'servicefrom', 'dosfrom'],
  remitDate: ['remitdate', 'remittancedate', 'checkdate', 'paiddate', 'paymentdate', 'eradate', 'processeddate', 'adjudicationdate'],
  billed: ['billed', 'billedamount', 'charge', 'charges', 'chargeamount', 'totalcharge', 'totalcharges', 'billedcharges', 'clp03'],
  paid: ['paid', 'paidamount', 'payment', 'paymentamount', 'insurancepaid', 'payerpaid', 'clp04'],
  deniedAmount: ['deniedamount', 'denied', 'denialamount', 'adjustmentamount', 'adjamount', 'casamount'],
  groupCode: ['groupcode', 'group', 'adjgroup', 'adjustmentgroup', 'casgroup', 'claimadjustmentgroupcode'],
  carc: ['carc', 'reasoncode', 'denialcode', 'adjreason', 'adjustmentreason', 'adjustmentreasoncode', 'claimadjustmentreasoncode', 'denialreasoncode'],
  rarc: ['rarc', 'remarkcode', 'remarkcodes', 'remark', 'remarks', 'remittanceadviceremarkcode'],
  statusCode: ['statuscode', 'claimstatus', 'claimstatuscode', 'status', 'clp02'],
  procedureCode: ['procedurecode', 'procedure', 'cpt', 'hcpcs', 'cpthcpcs', 'proccode', 'cptcode'],
};

const normalise = (header: string) => header.toLowerCase().replace(/[^a-z0-9]/g, '');

/** A first mapping from the headers alone; each header is used at most once. */
export function suggestMapping(headers: readonly string[]): CsvMapping {
  const mapping: CsvMapping = {};
  const used = new Set<string>();
  for (const field of CSV_FIELDS) {
    const header = headers.find((h) => !used.has(h) && SYNONYMS[field].includes(normalise(h)));
    if (header) {
      mapping[field] = header;
      used.add(header);
    }
  }
  return mapping;
}
