import 'server-only';
import { CopyRows } from './copy-rows';

// The tables an import writes in bulk, with the columns it fills (the rest take their database defaults),
// in the order a batch is sent: parents before children, so every parent check (a foreign key, or for claims,
// lines, adjustments and remarks a statement trigger: docs/decisions/0003) already resolves. A leading
// `=` marks a column whose values are never escaped: ids, dates and enum values the import makes itself.
export function remitTables() {
  return {
    remittance: new CopyRows('remittance', [
      '=id', '=fileId', '=payerId', 'interchangeControlNumber', 'transactionControlNumber', 'payeeName', 'payeeNpi',
      'traceNumber', 'traceOriginator', 'totalPaidCents', 'paymentMethod', 'creditDebit', '=paymentDate', '=productionDate',
    ]),
    claim: new CopyRows('claim', [
      '=id', '=remittanceId', '=payerId', 'patientControlNumber', 'payerClaimNumber', 'statusCode', 'billedCents', 'paidCents',
      'patientRespCents', 'filingIndicator', 'facilityCode', 'frequencyCode', 'patientFirstName', 'patientLastName', 'memberId',
      'renderingProviderName', 'renderingProviderNpi', '=statementFrom', '=statementTo', '=receivedDate', '=serviceDate',
      'isDenial', 'deniedCents', 'balanced', 'segmentIndex',
    ]),
    serviceLine: new CopyRows('service_line', [
      '=id', '=claimId', 'lineNumber', 'procedureQualifier', 'procedureCode', 'modifiers', 'revenueCode', 'billedCents',
      'paidCents', 'allowedCents', 'units', '=serviceDate', 'lineControlNumber',
    ]),
    adjustment: new CopyRows('adjustment', [
      '=id', '=claimId', '=serviceLineId', 'groupCode', 'reasonCode', 'amountCents', 'quantity', '=kind', '=category',
    ]),
    remark: new CopyRows('claim_remark', ['=id', '=claimId', '=serviceLineId', 'code', 'source']),
    providerAdjustment: new CopyRows('provider_adjustment', [
      '=id', '=remittanceId', 'providerId', '=fiscalDate', 'reasonCode', 'reference', 'amountCents',
    ]),
    denial: new CopyRows('denial', [
      '=id', '=claimId', '=payerId', '=status', 'patientName', 'patientControlNumber', 'payerClaimNumber', '=serviceDate',
      '=noticeDate', 'deniedCents', 'recoveredCents', '=category', '=department', 'avoidable', 'appealable', 'carcCodes',
      'rarcCodes', '=deadlineDate', '=deadlineKind', 'score', 'scoreLikelihood', 'scoreUrgency', 'scoreEffort',
      'scoreExplanation', '=scoredAt', '=resolvedAt', '=updatedAt',
    ]),
    denialEvent: new CopyRows('denial_event', ['=id', '=denialId', '=actorId', '=type', 'note', 'data', '=createdAt']),
    recovery: new CopyRows('recovery', ['=id', '=denialId', '=claimId', 'amountCents', '=createdAt']),
  };
}

export type RemitTables = ReturnType<typeof remitTables>;

/** Claim rows first (with their lines, adjustments, remarks), then the work items that point at them. */
export const CLAIM_TABLES = ['remittance', 'claim', 'serviceLine', 'adjustment', 'remark', 'providerAdjustment'] as const;
export const DENIAL_TABLES = ['denial', 'denialEvent', 'recovery'] as const;
