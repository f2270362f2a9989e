import 'server-only';
import type { IsoDate } from '@/lib/domain/dates';
import type { DenialDetailDto } from '@/lib/domain/denial-dto';
import { can } from '@/lib/domain/permissions';
import type { Prisma } from '@/lib/generated/prisma/client';
import { audit } from '../audit';
import { db } from '../db';
import { AppError } from '../errors';
import { loadPayerRules } from '../scoring/scoring-context';
import { toDenialDetail } from './denial-detail-dto';
import type { DenialActor } from './dto';

export const DENIAL_DETAIL_INCLUDE = {
  payer: { select: { id: true, name: true, payerType: true, warningWindowDays: true } },
  owner: { select: { id: true, name: true } },
  team: { select: { id: true, name: true } },
  claim: {
    include: {
      adjustments: { where: { serviceLineId: null } },
      remarks: { where: { serviceLineId: null } },
      serviceLines: { orderBy: { lineNumber: 'asc' }, include: { adjustments: true, remarks: true } },
      remittance: { include: { file: { select: { id: true, filename: true, importedAt: true, format: true } } } },
    },
  },
  events: { orderBy: [{ createdAt: 'asc' }, { id: 'asc' }], include: { actor: { select: { id: true, name: true } } } },
  appeals: { orderBy: { createdAt: 'asc' } },
  writeOffs: {
    orderBy: { requestedAt: 'asc' },
    include: { requestedBy: { select: { name: true } }, decidedBy: { select: { name: true } } },
  },
} satisfies Prisma.DenialInclude;

export type DenialDetailRecord = Prisma.DenialGetPayload<{ include: typeof DENIAL_DETAIL_INCLUDE }>;

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
 * so it is audited — and refused (403) to anyone who may not read this denial.
 */
export async function getDenial(actor: DenialActor, id: string, today: IsoDate): Promise<DenialDetailDto> {
  if (!can(actor, 'view_queue')) throw new AppError('forbidden', 'Your role does not include denial details.');
  const record = await db.denial.findUnique({ where: { id }, include: DENIAL_DETAIL_INCLUDE });
  if (!record) throw new AppError('not_found', 'This denial does not exist.');
  if (!can(actor, 'view_denial', record)) {
    await audit(actor, { action: 'denial.read_refused', entityType: 'denial', entityId: id });
    throw new AppError('forbidden', 'This denial is in another team’s queue.');
  }
  const [codes, rules] = await Promise.all([describe(record), loadPayerRules(db, [record.payerId])]);
  await audit(actor, { action: 'denial.read', entityType: 'denial', entityId: id, phi: true });
  return toDenialDetail(record, { actor, today, codes, rules: rules.get(record.payerId) ?? null });
}
