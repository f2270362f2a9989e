import 'server-only';

import { CSV_FIELDS, type CsvField, type CsvMapping } from '@/lib/domain/import-contract';

// What the server needs beyond the shared field list: the required set, and suggestions from header names.
export { CSV_FIELDS, type CsvField, type CsvMapping };

export const CSV_REQUIRED: readonly CsvField[] = ['patientControlNumber', 'carc', 'billed', 'paid'];
/** Either identifies the payer. */
export const CSV_PAYER_FIELDS: readonly CsvField[] = ['payerName', 'payerId'];

/** What is wrong with a mapping for these headers, in words; empty when it can be used. */
export function mappingProblems(mapping: CsvMapping, headers: readonly string[]): string[] {
  const problems: string[] = [];
  const missing = CSV_REQUIRED.filter((field) => !mapping[field]);
  if (missing.length) problems.push(`Map a column to each required field: ${missing.join(', ')}.`);
  if (!CSV_PAYER_FIELDS.some((field) => mapping[field])) problems.push('Map a column to the payer name or the payer ID.');
  for (const [field, header] of Object.entries(mapping)) {
    if (header && !headers.includes(header)) problems.push(`${field} is mapped to "${header}", which is not a column of this file.`);
  }
  return problems;
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
