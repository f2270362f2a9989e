import 'server-only';
import { parseAppealLevel } from '@/lib/domain/appeal-levels';
import type { LetterFacts } from '@/lib/domain/appeals/letter-merge';
import { letterheadFacts } from '@/lib/domain/contracts/organization';
import { appealsAddressLines } from '@/lib/domain/contracts/payers';
import type { IsoDate } from '@/lib/domain/dates';
import { levelName } from '@/lib/domain/deadline';
import type { Tx } from '../db';
import { describeCodes } from '../codes/code-descriptions';
import { isoDate } from '../denials/dto';
import { readOrganization } from '../organization/read-organization';
import { loadPayerAppealRules } from './appeal-records';

// What a letter may say about one appeal, read from the database (lib/domain/appeals/letter-merge.ts LetterFacts).
// A building block: the operation that calls it has already checked the actor may see the appeal's denial.

/** The patient as a letter names them: "Jane Doe" from the claim, else the denial's "Doe, Jane" as stored. */
function patientName(claim: { patientFirstName: string | null; patientLastName: string | null }, stored: string | null): string | null {
  const fromClaim = [claim.patientFirstName, claim.patientLastName].map((p) => p?.trim()).filter(Boolean).join(' ');
  return fromClaim || stored?.trim() || null;
}

const cents = (v: bigint) => Number(v);

export interface LetterFactsRequest {
  appealId: string;
  /** Who signs: the acting user (their name and title as stored now). */
  signerId: string;
  today: IsoDate;
}

export async function loadLetterFacts(tx: Tx, request: LetterFactsRequest): Promise<LetterFacts> {
  const appeal = await tx.appeal.findUniqueOrThrow({ where: { id: request.appealId }, select: { level: true, dueDate: true, denialId: true } });
  const denial = await tx.denial.findUniqueOrThrow({
    where: { id: appeal.denialId },
    select: { claimId: true, payerId: true, patientName: true, memberId: true, deniedCents: true, noticeDate: true, serviceDate: true, carcCodes: true },
  });
  const where = { claimId: denial.claimId };
  const [claim, lines, adjustments, remarks, payer, rules, organization, signer] = await Promise.all([
    tx.claim.findUniqueOrThrow({ where: { id: denial.claimId } }),
    tx.serviceLine.findMany({ where, orderBy: { lineNumber: 'asc' } }),
    tx.adjustment.findMany({ where, orderBy: { id: 'asc' } }),
    tx.claimRemark.findMany({ where, orderBy: { id: 'asc' } }),
    tx.payer.findUniqueOrThrow({ where: { id: denial.payerId }, select: { name: true, appealsAddress: true } }),
    loadPayerAppealRules(tx, denial.payerId),
    readOrganization(tx),
    tx.user.findUniqueOrThrow({ where: { id: request.signerId }, select: { name: true, title: true } }),
  ]);
  // The denial's own adjustments; a remittance that marked none as a denial falls back to the denial's CARCs.
  const denied = adjustments.filter((a) => a.kind === 'denial');
  const reasons = denied.length ? denied : adjustments.filter((a) => denial.carcCodes.includes(a.reasonCode));
  const remarkCodes = [...new Set(remarks.map((r) => r.code))];
  const codes = await describeCodes(reasons.map((a) => a.reasonCode), remarkCodes);
  const lineDates = lines.map((l) => isoDate(l.serviceDate)).filter((d): d is IsoDate => d !== null).sort();
  const serviceFrom = isoDate(claim.statementFrom) ?? lineDates[0] ?? isoDate(claim.serviceDate) ?? isoDate(denial.serviceDate);
  const serviceTo = isoDate(claim.statementTo) ?? lineDates.at(-1) ?? serviceFrom;
  const level = parseAppealLevel(appeal.level) ?? 1;
  return {
    today: request.today,
    organization: letterheadFacts(organization),
    payer: { name: payer.name, appealsAddressLines: appealsAddressLines(payer.appealsAddress) },
    patient: { name: patientName(claim, denial.patientName), memberId: claim.memberId ?? denial.memberId },
    claim: { number: claim.patientControlNumber, payerClaimNumber: claim.payerClaimNumber, billedCents: cents(claim.billedCents), serviceFrom, serviceTo },
    provider: { name: claim.renderingProviderName, npi: claim.renderingProviderNpi },
    denial: {
      deniedCents: cents(denial.deniedCents),
      noticeDate: isoDate(denial.noticeDate),
      adjustments: reasons.map((a) => ({ group: a.groupCode, code: a.reasonCode, description: codes.carc[a.reasonCode] ?? null, amountCents: cents(a.amountCents) })),
      remarks: remarkCodes.map((code) => ({ code, description: codes.rarc[code] ?? null })),
    },
    lines: lines.map((l) => ({
      serviceDate: isoDate(l.serviceDate),
      procedure: l.procedureCode,
      modifiers: l.modifiers,
      units: l.units?.toString() ?? null,
      chargeCents: cents(l.billedCents),
      paidCents: cents(l.paidCents),
    })),
    appeal: { levelName: levelName(rules.rules, level), dueDate: isoDate(appeal.dueDate) },
    signer: { name: signer.name, title: signer.title },
  };
}
