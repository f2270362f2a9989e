import 'server-only';
import type { IsoDate } from '@/lib/domain/dates';
import type { DenialDetailDto } from '@/lib/domain/contracts/denials';
import { type Actor, can } from '@/lib/domain/permissions';
import type { Adjustment, Claim, ClaimRemark, Prisma, ServiceLine } from '@/lib/generated/prisma/client';
import { audit } from '../audit';
import { ATTACHMENT_LIST_SELECT } from '../attachments/attachment-dto';
import { db } from '../db';
import { authorizeRecord, authorizeRole } from '../authorize';
import { loadPayerRules } from '../scoring/scoring-context';
import { toDenialDetail } from './denial-detail-dto';
import { closingFileId } from './closure-dto';
import { DENIAL_NOT_FOUND } from './denial-ref';
import { payerWriteOffThresholdCents } from './write-off-threshold';

export const DENIAL_DETAIL_INCLUDE = {
  owner: { select: { id: true, name: true } },
  team: { select: { id: true, name: true } },
  appeals: { orderBy: { createdAt: 'asc' } },
  resubmissions: { orderBy: [{ sentOn: 'asc' }, { createdAt: 'asc' }], include: { createdBy: { select: { name: true } } } },
  attachments: { where: { removedAt: null }, orderBy: [{ createdAt: 'asc' }, { id: 'asc' }], select: ATTACHMENT_LIST_SELECT },
  escalations: { where: { status: 'open' }, take: 1, include: { raisedBy: { select: { name: true } } } },
  writeOffs: {
    orderBy: { requestedAt: 'asc' },
    include: { requestedBy: { select: { name: true } }, decidedBy: { select: { name: true } } },
  },
} satisfies Prisma.DenialInclude;

const PAYER_SELECT = { id: true, name: true, payerType: true, warningWindowDays: true } satisfies Prisma.PayerSelect;
const EVENT_QUERY = {
  orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
  include: { actor: { select: { id: true, name: true } } },
} satisfies Prisma.DenialEventFindManyArgs;

const REMITTANCE_INCLUDE = { file: { select: { id: true, filename: true, importedAt: true, format: true } } } satisfies Prisma.RemittanceInclude;

type WithCodes<T> = T & { adjustments: Adjustment[]; remarks: ClaimRemark[] };

/** The claim with its claim-level adjustments and remarks, its lines with theirs, and its remittance. */
export type ClaimDetail = WithCodes<Claim> & {
  serviceLines: WithCodes<ServiceLine>[];
  remittance: Prisma.RemittanceGetPayload<{ include: typeof REMITTANCE_INCLUDE }>;
};

export type DenialDetailRecord = Prisma.DenialGetPayload<{ include: typeof DENIAL_DETAIL_INCLUDE }> & {
  payer: Prisma.PayerGetPayload<{ select: typeof PAYER_SELECT }>;
  claim: ClaimDetail;
  events: Prisma.DenialEventGetPayload<typeof EVENT_QUERY>[];
};

/**
 * The claim, its lines, adjustments and remarks are read by id and claimId: they have no Prisma relations, their
 * links being checked by triggers rather than foreign keys (docs/decisions/0003-remit-fact-integrity.md, and 0004
 * for the denial's own claim, payer and timeline). A line-level row's line is guaranteed to belong to the same
 * claim, so grouping by serviceLineId loses nothing.
 */
async function claimDetail(claimId: string): Promise<ClaimDetail> {
  const claim = await db.claim.findUniqueOrThrow({ where: { id: claimId } });
  const where = { claimId: claim.id };
  const [lines, adjustments, remarks, remittance] = await Promise.all([
    db.serviceLine.findMany({ where, orderBy: { lineNumber: 'asc' } }),
    db.adjustment.findMany({ where }),
    db.claimRemark.findMany({ where }),
    db.remittance.findUniqueOrThrow({ where: { id: claim.remittanceId }, include: REMITTANCE_INCLUDE }),
  ]);
  const on = <T extends { serviceLineId: string | null }>(rows: T[], lineId: string | null) => rows.filter((r) => r.serviceLineId === lineId);
  return {
    ...claim,
    adjustments: on(adjustments, null),
    remarks: on(remarks, null),
    serviceLines: lines.map((l) => ({ ...l, adjustments: on(adjustments, l.id), remarks: on(remarks, l.id) })),
    remittance,
  };
}

async function describe(record: DenialDetailRecord) {
  const { claim } = record;
  const adjustments = [...claim.adjustments, ...claim.serviceLines.flatMap((l) => l.adjustments)];
  const remarks = [...claim.remarks, ...claim.serviceLines.flatMap((l) => l.remarks)];
  const carcCodes = [...new Set([...adjustments.map((a) => a.reasonCode), ...record.carcCodes])];
  const rarcCodes = [...new Set([...remarks.map((r) => r.code), ...record.rarcCodes])];
  const [carc, rarc] = await Promise.all([
    db.carcCode.findMany({ where: { code: { in: carcCodes } }, select: { code: true, description: true } }),
    db.rarcCode.findMany({ where: { code: { in: rarcCodes } }, select: { code: true, description: true } }),
  ]);
  return {
    carc: Object.fromEntries(carc.map((c) => [c.code, c.description])),
    rarc: Object.fromEntries(rarc.map((r) => [r.code, r.description])),
  };
}

/**
 * A denial with everything a specialist works it from: claim, lines, every adjustment and remark with its
 * official description, the remittance, deadlines, score breakdown and timeline. Reading it is a PHI read,
 * so it is audited — refused (403) to a role without denial details, and answered as missing (404) when it is
 * outside the actor's reach.
 */
export async function getDenial(actor: Actor, id: string, today: IsoDate): Promise<DenialDetailDto> {
  authorizeRole(actor, 'view_denial', 'Your role does not include denial details.');
  const row = await db.denial.findUnique({ where: { id }, include: DENIAL_DETAIL_INCLUDE });
  // Another team's denial answers as a missing one does (authorizeRecord); the attempt is still audited.
  if (row && !can(actor, 'view_denial', row)) await audit(actor, { action: 'denial.read_refused', entityType: 'denial', entityId: id });
  authorizeRecord(actor, 'view_denial', row, (denial) => denial, DENIAL_NOT_FOUND);
  const [payer, claim, events] = await Promise.all([
    db.payer.findUniqueOrThrow({ where: { id: row.payerId }, select: PAYER_SELECT }),
    claimDetail(row.claimId),
    db.denialEvent.findMany({ where: { denialId: row.id }, ...EVENT_QUERY }),
  ]);
  const record: DenialDetailRecord = { ...row, payer, claim, events };
  const fileId = closingFileId(record);
  const [codes, rules, file, threshold] = await Promise.all([
    describe(record),
    loadPayerRules(db, [record.payerId]),
    fileId ? db.remittanceFile.findUnique({ where: { id: fileId }, select: { filename: true } }) : null,
    payerWriteOffThresholdCents(db, record.payerId),
  ]);
  await audit(actor, { action: 'denial.read', entityType: 'denial', entityId: id, phi: true });
  return toDenialDetail(record, {
    actor,
    today,
    codes,
    rules: rules.get(record.payerId) ?? null,
    closingFile: file?.filename ?? null,
    writeOffThresholdCents: threshold,
  });
}
