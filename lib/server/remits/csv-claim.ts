import 'server-only';
import { claimBalance, lineBalance, type Adjustment, type Claim, type Procedure, type RemarkCode, type ServiceLine } from '@/lib/domain/x12';
import type { CsvRow } from './read-csv';

const NONE: readonly never[] = Object.freeze([]);
const QUALIFIERS = new Set(['HC', 'AD', 'ER', 'IV', 'N4', 'NU', 'WK', 'ZZ']);

/** "HC:99213:25", "99213-25", "99213 25" or "99213" → qualifier (HC when absent), code, modifiers. */
function procedureOf(text: string): Procedure {
  const parts = text.toUpperCase().split(/[:\-\s>]+/).filter(Boolean);
  const qualifier = parts[0] && QUALIFIERS.has(parts[0]) && parts.length > 1 ? parts.shift()! : 'HC';
  return { qualifier, code: parts[0] ?? text, modifiers: parts.slice(1, 5), description: null };
}

function nameOf(text: string | null): { first: string | null; last: string | null } {
  if (!text) return { first: null, last: null };
  if (text.includes(',')) {
    const [last, first] = text.split(',', 2).map((s) => s.trim());
    return { first: first || null, last: last || null };
  }
  const at = text.lastIndexOf(' ');
  return at < 0 ? { first: null, last: text } : { first: text.slice(0, at).trim(), last: text.slice(at + 1).trim() };
}

/**
 * A CSV row as the claim an 835 would have sent: one adjustment of the row's CARC (group from its own column,
 * a "CO-50" CARC, or CO) for the denied amount, else billed − paid; status 4 when nothing was paid unless the
 * row says otherwise; with a procedure code, one service line carrying the adjustment. RARCs are claim-level
 * remarks (stored with source MOA, the claim-level remark segment). `line` stands in for the segment index.
 */
export function csvRowToClaim(row: CsvRow, line: number): Claim {
  const amountCents = row.deniedAmount ?? row.billed - row.paid;
  const group = row.groupCode ?? row.carc.group ?? 'CO';
  const adjustments: Adjustment[] = amountCents === 0 ? [] : [{ group, reason: row.carc.reason, amountCents, quantity: null }];
  const remarkCodes: RemarkCode[] = row.rarc.map((code) => ({ code, source: 'MOA', list: 'RARC' }));
  const serviceLines: ServiceLine[] = [];
  if (row.procedureCode) {
    const serviceLine: ServiceLine = {
      segmentIndex: line,
      procedure: procedureOf(row.procedureCode),
      billedCents: row.billed,
      paidCents: row.paid,
      revenueCode: null,
      units: null,
      originalProcedure: null,
      originalUnits: null,
      serviceDate: row.serviceDate,
      serviceDateFrom: null,
      serviceDateTo: null,
      lineControlNumber: null,
      allowedCents: null,
      adjustments,
      remarkCodes: NONE,
      amounts: NONE,
      references: NONE,
      balance: { ok: true, expectedCents: 0, actualCents: 0, differenceCents: 0 },
    };
    serviceLine.balance = lineBalance(serviceLine);
    serviceLines.push(serviceLine);
  }
  const name = nameOf(row.patientName);
  const claim: Claim = {
    segmentIndex: line,
    patientControlNumber: row.patientControlNumber,
    statusCode: row.statusCode ?? (row.paid === 0 ? '4' : '1'),
    billedCents: row.billed,
    paidCents: row.paid,
    patientResponsibilityCents: null,
    filingIndicator: null,
    payerClaimControlNumber: row.payerClaimNumber,
    facilityCode: null,
    frequency: null,
    patient: { ...name, middle: null, idQualifier: row.memberId ? 'MI' : null, id: row.memberId, memberId: row.memberId },
    insured: null,
    correctedPatient: null,
    renderingProvider: null,
    correctedPayer: null,
    payee: null,
    dates: { statementFrom: row.serviceDate, statementTo: null, received: null, coverageExpiration: null },
    adjustments: serviceLines.length ? NONE : adjustments,
    remarkCodes,
    amounts: NONE,
    quantities: NONE,
    references: NONE,
    serviceLines,
    balance: { ok: true, expectedCents: 0, actualCents: 0, differenceCents: 0 },
  };
  claim.balance = claimBalance(claim);
  return claim;
}
