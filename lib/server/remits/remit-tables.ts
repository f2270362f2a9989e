import 'server-only';
import { BinaryRows } from './binary-rows';

// The tables an import writes in bulk, with the columns it fills (the rest take their database defaults) and
// their types (binary COPY: binary-rows.ts), in the order a batch is sent: parents before children, so every
// parent check (a foreign key, or a statement trigger: docs/decisions/0003 and 0004) already resolves. Enum
// columns are written as their label text, which is their binary form.
export function remitTables() {
  return {
    remittance: new BinaryRows('remittance', [
      'id:uuid', 'fileId:uuid', 'payerId:uuid', 'interchangeControlNumber:text', 'transactionControlNumber:text', 'payeeName:text',
      'payeeNpi:text', 'traceNumber:text', 'traceOriginator:text', 'totalPaidCents:int8', 'paymentMethod:text', 'creditDebit:text',
      'paymentDate:date', 'productionDate:date',
    ]),
    claim: new BinaryRows('claim', [
      'id:uuid', 'remittanceId:uuid', 'payerId:uuid', 'patientControlNumber:text', 'payerClaimNumber:text', 'statusCode:text',
      'billedCents:int8', 'paidCents:int8', 'patientRespCents:int8', 'filingIndicator:text', 'facilityCode:text', 'frequencyCode:text',
      'patientFirstName:text', 'patientLastName:text', 'memberId:text', 'renderingProviderName:text', 'renderingProviderNpi:text',
      'statementFrom:date', 'statementTo:date', 'receivedDate:date', 'serviceDate:date', 'isDenial:bool', 'deniedCents:int8',
      'balanced:bool', 'segmentIndex:int4', 'payeeName:text', 'payeeNpi:text',
    ]),
    serviceLine: new BinaryRows('service_line', [
      'id:uuid', 'claimId:uuid', 'lineNumber:int4', 'procedureQualifier:text', 'procedureCode:text', 'modifiers:text[]',
      'revenueCode:text', 'billedCents:int8', 'paidCents:int8', 'allowedCents:int8', 'units:numeric', 'serviceDate:date',
      'lineControlNumber:text',
    ]),
    adjustment: new BinaryRows('adjustment', [
      'id:uuid', 'claimId:uuid', 'serviceLineId:uuid', 'groupCode:text', 'reasonCode:text', 'amountCents:int8', 'quantity:numeric',
      'kind:text', 'category:text',
    ]),
    remark: new BinaryRows('claim_remark', ['id:uuid', 'claimId:uuid', 'serviceLineId:uuid', 'code:text', 'source:text']),
    providerAdjustment: new BinaryRows('provider_adjustment', [
      'id:uuid', 'remittanceId:uuid', 'providerId:text', 'fiscalDate:date', 'reasonCode:text', 'reference:text', 'amountCents:int8',
    ]),
    denial: new BinaryRows('denial', [
      'id:uuid', 'claimId:uuid', 'payerId:uuid', 'status:text', 'patientName:text', 'patientControlNumber:text', 'payerClaimNumber:text',
      'memberId:text', 'serviceDate:date', 'noticeDate:date', 'deniedCents:int8', 'recoveredCents:int8', 'category:text', 'department:text',
      'avoidable:bool', 'appealable:bool', 'carcCodes:text[]', 'rarcCodes:text[]', 'deadlineDate:date', 'deadlineKind:text',
      'score:float8', 'scoreLikelihood:float8', 'scoreUrgency:float8', 'scoreEffort:float8', 'scoreExplanation:text',
      'scoredAt:timestamptz', 'resolvedAt:timestamptz', 'updatedAt:timestamptz', 'overpaidCents:int8', 'teamId:uuid', 'ownerId:uuid',
    ]),
    denialEvent: new BinaryRows('denial_event', ['id:uuid', 'denialId:uuid', 'actorId:uuid', 'type:text', 'note:text', 'data:jsonb', 'createdAt:timestamptz']),
    recovery: new BinaryRows('recovery', ['id:uuid', 'denialId:uuid', 'claimId:uuid', 'amountCents:int8', 'createdAt:timestamptz']),
  };
}

export type RemitTables = ReturnType<typeof remitTables>;

/** Claim rows first (with their lines, adjustments, remarks), then the work items that point at them. */
export const CLAIM_TABLES = ['remittance', 'claim', 'serviceLine', 'adjustment', 'remark', 'providerAdjustment'] as const;
export const DENIAL_TABLES = ['denial', 'denialEvent', 'recovery'] as const;
