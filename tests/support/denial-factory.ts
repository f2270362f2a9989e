// Test data for denials: teams, people, payers and denials with the claim, remittance and codes behind
// them, written straight to the database. Unique values per call, so tests never depend on each other.
import { randomUUID } from 'node:crypto';
import type { Actor, Role } from '@/lib/domain/permissions';
import type { DenialStatus, PayerType, Prisma } from '@/lib/generated/prisma/client';
import { db } from '@/lib/server/db';

let seq = 0;
const unique = (prefix: string) => `${prefix}-${Date.now().toString(36)}-${(seq++).toString(36)}-${randomUUID().slice(0, 4)}`;

export async function createTeam(name = unique('Team')) {
  return db.team.create({ data: { name } });
}

/** A user and the Actor a transport would build for them. `orgWide` gives a manager organisation-wide scope. */
export async function createPerson(role: Role, teamId: string | null = null, name = unique(role), options: { orgWide?: boolean } = {}): Promise<Actor> {
  const orgWide = options.orgWide ?? false;
  const user = await db.user.create({
    data: { email: `${unique(role)}@overturn.test`.toLowerCase(), name, role, teamId, orgWide, passwordHash: 'not-a-real-hash' },
  });
  return { id: user.id, email: user.email, name: user.name, role, teamId, orgWide, ip: '127.0.0.1', userAgent: 'vitest' };
}

const remittances = new Map<string, Promise<string>>();

export async function createPayer(payerType: PayerType = 'commercial', name = unique('Payer')) {
  return db.payer.create({ data: { name, identifier: unique('P'), payerType } });
}

/** One file + remittance per payer, shared by that payer's test claims. */
function remittanceFor(payerId: string): Promise<string> {
  let known = remittances.get(payerId);
  if (!known) {
    known = (async () => {
      const file = await db.remittanceFile.create({
        data: { filename: `${unique('era')}.835`, format: 'x12_835', sha256: unique('sha'), sizeBytes: 1, chunks: { create: { seq: 0, content: Buffer.from('ISA') } } },
      });
      const remittance = await db.remittance.create({
        data: { fileId: file.id, payerId, totalPaidCents: 0n, traceNumber: unique('TRN'), paymentDate: new Date('2025-05-20T00:00:00Z') },
      });
      return remittance.id;
    })();
    remittances.set(payerId, known);
  }
  return known;
}

export interface DenialSpec {
  payerId: string;
  status?: DenialStatus;
  ownerId?: string | null;
  teamId?: string | null;
  deniedCents?: number;
  category?: string;
  department?: string;
  carcCodes?: string[];
  rarcCodes?: string[];
  deadlineDate?: string | null;
  followUpDate?: string | null;
  noticeDate?: string | null;
  serviceDate?: string | null;
  score?: number;
  scoreLikelihood?: number;
  escalated?: boolean;
  appealable?: boolean;
  openedAt?: Date;
  patientName?: string;
  patientControlNumber?: string;
  memberId?: string;
  /** The billing site the claim's 835 names (N1*PE): the front-desk page's location. */
  location?: string;
  avoidable?: boolean;
  recoveredCents?: number;
  resolvedAt?: Date | null;
  appealLevel?: string | null;
  /** The claim's payee (the denial's location, copied by the denial_claim_place trigger) and rendering provider. */
  payeeName?: string | null;
  providerName?: string | null;
}

const day = (iso: string | null | undefined) => (iso ? new Date(`${iso}T00:00:00Z`) : null);

function denialRow(spec: DenialSpec, claimId: string, pcn: string): Prisma.DenialCreateManyInput {
  const deniedCents = spec.deniedCents ?? 10_000;
  return {
    claimId,
    payerId: spec.payerId,
    status: spec.status ?? 'new',
    ownerId: spec.ownerId ?? null,
    teamId: spec.teamId ?? null,
    deniedCents: BigInt(deniedCents),
    category: spec.category ?? 'medical_necessity',
    department: spec.department ?? 'clinical',
    avoidable: spec.avoidable ?? false,
    recoveredCents: BigInt(spec.recoveredCents ?? 0),
    resolvedAt: spec.resolvedAt ?? null,
    appealLevel: spec.appealLevel ?? null,
    appealable: spec.appealable ?? true,
    carcCodes: spec.carcCodes ?? ['50'],
    rarcCodes: spec.rarcCodes ?? [],
    deadlineDate: day(spec.deadlineDate),
    followUpDate: day(spec.followUpDate),
    noticeDate: day(spec.noticeDate ?? '2025-05-20'),
    serviceDate: day(spec.serviceDate ?? '2025-04-01'),
    score: spec.score ?? deniedCents * (spec.scoreLikelihood ?? 0.5),
    scoreLikelihood: spec.scoreLikelihood ?? 0.5,
    escalated: spec.escalated ?? false,
    openedAt: spec.openedAt ?? new Date(),
    patientName: spec.patientName ?? 'Doe, Jane',
    patientControlNumber: pcn,
    payerClaimNumber: `${pcn}-PCCN`,
    memberId: spec.memberId ?? null,
  };
}

/** Many denials at once (claims first, then denials, two statements each). Returns ids in spec order. */
export async function createDenials(specs: DenialSpec[]): Promise<string[]> {
  if (specs.length === 0) return [];
  const claims = await Promise.all(
    specs.map(async (spec) => {
      const pcn = spec.patientControlNumber ?? unique('PCN');
      return { id: randomUUID(), pcn, remittanceId: await remittanceFor(spec.payerId), spec };
    }),
  );
  await db.claim.createMany({
    data: claims.map((c) => ({
      id: c.id,
      remittanceId: c.remittanceId,
      payerId: c.spec.payerId,
      patientControlNumber: c.pcn,
      payerClaimNumber: `${c.pcn}-PCCN`,
      statusCode: '1',
      billedCents: BigInt((c.spec.deniedCents ?? 10_000) * 2),
      paidCents: BigInt(c.spec.deniedCents ?? 10_000),
      isDenial: true,
      deniedCents: BigInt(c.spec.deniedCents ?? 10_000),
      memberId: c.spec.memberId ?? null,
      // `location` (the front-desk page's word) and `payeeName` name the same N1*PE billing site.
      payeeName: c.spec.payeeName ?? c.spec.location ?? null,
      renderingProviderName: c.spec.providerName ?? null,
    })),
  });
  const ids = specs.map(() => randomUUID());
  await db.denial.createMany({ data: claims.map((c, i) => ({ id: ids[i], ...denialRow(c.spec, c.id, c.pcn) })) });
  return ids;
}

export async function createDenial(spec: DenialSpec): Promise<string> {
  const [id] = await createDenials([spec]);
  return id!;
}

/** A denial with a service line, line- and claim-level CAS and remark codes, as an 835 would give it. */
export async function createDetailedDenial(spec: DenialSpec): Promise<string> {
  const id = await createDenial({ carcCodes: ['50', '45'], rarcCodes: ['N115'], ...spec });
  const { claimId } = await db.denial.findUniqueOrThrow({ where: { id }, select: { claimId: true } });
  const line = await db.serviceLine.create({
    data: { claimId, lineNumber: 1, procedureQualifier: 'HC', procedureCode: '99213', modifiers: ['25'], billedCents: 20_000n, paidCents: 10_000n, serviceDate: day('2025-04-01') },
  });
  await db.adjustment.createMany({
    data: [
      { claimId, serviceLineId: line.id, groupCode: 'CO', reasonCode: '50', amountCents: 8_000n, kind: 'denial', category: 'medical_necessity' },
      { claimId, serviceLineId: line.id, groupCode: 'CO', reasonCode: '45', amountCents: 2_000n, kind: 'expected_adjustment', category: 'pricing_contract' },
    ],
  });
  await db.claimRemark.createMany({
    data: [
      { claimId, serviceLineId: line.id, code: 'N115', source: 'LQ' },
      { claimId, code: 'M127', source: 'MOA' },
    ],
  });
  return id;
}

export async function versionOf(id: string): Promise<number> {
  return (await db.denial.findUniqueOrThrow({ where: { id }, select: { version: true } })).version;
}
