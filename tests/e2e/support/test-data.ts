// Each test's own data, written straight into the e2e web server's database: teams, people who can sign in,
// payers and denials, all with names unique to the test, so tests run in parallel and never see each other's
// rows. Runs in the Playwright worker, outside Next, so it opens its own Prisma client (not lib/server/db,
// which is server-only) on the URL scripts/e2e-server.ts left behind.
import { randomUUID } from 'node:crypto';
import { hash } from '@node-rs/argon2';
import { PrismaPg } from '@prisma/adapter-pg';
import { STARTER_TEMPLATES } from '@/lib/domain/appeals/starter-templates';
import type { TemplateCategory } from '@/lib/domain/appeals/template-categories';
import type { Role } from '@/lib/domain/permissions';
import { type DenialStatus, type PayerType, PrismaClient } from '@/lib/generated/prisma/client';
import { e2eDatabaseFile, readE2eDatabaseUrls } from '../../support/e2e-database-file';
import { GOOD_ORGANIZATION } from '../../support/letter-facts';

/** Every person the fixtures create signs in with this password. */
export const TEST_PASSWORD = 'e2e-fixture-password';

export function openTestDatabase(): PrismaClient {
  let url: string;
  try {
    url = readE2eDatabaseUrls().app;
  } catch {
    throw new Error(`${e2eDatabaseFile()} is missing: the e2e web server (scripts/e2e-server.ts) writes it once its database exists`);
  }
  return new PrismaClient({ adapter: new PrismaPg({ connectionString: url, max: 4 }) });
}

export interface Team {
  id: string;
  name: string;
}

export interface Person {
  id: string;
  email: string;
  name: string;
  role: Role;
  teamId: string | null;
  password: string;
}

export interface Payer {
  id: string;
  name: string;
  identifier: string;
}

export interface DenialSpec {
  /** A payer of the test's own when left out. */
  payer?: Payer;
  team?: Team | null;
  owner?: Person | null;
  status?: DenialStatus;
  patientName?: string;
  deniedCents?: number;
  carcCodes?: string[];
  rarcCodes?: string[];
  category?: string;
  department?: string;
  scoreLikelihood?: number;
  /** 'YYYY-MM-DD': the working deadline (an appeal's), none when left out. */
  deadlineDate?: string;
  /** A working deadline this many days from today (none when left out). */
  deadlineInDays?: number;
  /** For a closed status: what was recovered (the whole amount when paid and left out). */
  recoveredCents?: number;
  /** For a closed status: who closed it (a status event on the timeline, from in progress). */
  closedBy?: Person;
}

/** A working deadline on a date, or this many days from today; none when the spec gives neither. */
function deadlineFields(spec: DenialSpec) {
  if (spec.deadlineDate) return { deadlineDate: new Date(`${spec.deadlineDate}T00:00:00Z`), deadlineKind: 'appeal_1' as const };
  if (spec.deadlineInDays !== undefined) return { deadlineDate: daysFromToday(spec.deadlineInDays) };
  return { deadlineDate: null };
}

export interface Denial {
  id: string;
  patientControlNumber: string;
  patientName: string;
}

export interface TestData {
  /** Unique to this test: part of every name and claim reference it makes. */
  readonly tag: string;
  team(name?: string): Promise<Team>;
  /** `orgWide`: a manager who acts for every team (managers are scoped to their own team otherwise). */
  person(role: Role, options?: { team?: Team | null; name?: string; orgWide?: boolean; title?: string }): Promise<Person>;
  payer(options?: { name?: string; payerType?: PayerType }): Promise<Payer>;
  /** Denials in one remittance of their payer, each with its claim; returned in the order asked for. */
  denials(specs: DenialSpec[]): Promise<Denial[]>;
  denial(spec?: DenialSpec): Promise<Denial>;
  /** A letter template as a fresh installation has it: the category's starter letter as version 1, by no user. */
  template(options?: { category?: TemplateCategory }): Promise<{ id: string; name: string }>;
  /**
   * A drafted level-1 appeal of the denial, with everything a starter letter needs: the claim's member id, patient
   * and rendering provider, a service line denied CO-50, the payer's appeals address, and a letterhead (the
   * installation's, made complete only when none is saved yet).
   */
  draftedAppeal(denial: Denial): Promise<{ id: string; denialId: string; claimNumber: string }>;
  /** What draftedAppeal prepares, without the appeal: for a journey that drafts it from the denial page. */
  letterReady(denial: Denial): Promise<void>;
}

// One hash per worker: argon2 is deliberately slow, and every fixture person shares the password.
let passwordHash: Promise<string> | undefined;

const DAY_MS = 86_400_000;
/** Midnight UTC `days` from today: the dates of a recent denial, whenever the suite runs. */
const daysFromToday = (days: number) => new Date(Math.floor(Date.now() / DAY_MS) * DAY_MS + days * DAY_MS);

/** A closed denial's money and date: paid in full unless told otherwise, nothing recovered when written off. */
function closedFields(spec: DenialSpec, cents: number): { recoveredCents?: number; resolvedAt?: Date } {
  if (spec.status === 'resolved_paid' || spec.status === 'resolved_partial') return { recoveredCents: spec.recoveredCents ?? cents, resolvedAt: daysFromToday(-1) };
  if (spec.status === 'written_off') return { recoveredCents: spec.recoveredCents ?? 0, resolvedAt: daysFromToday(-1) };
  return {};
}

export function testData(db: PrismaClient, tag: string): TestData {
  let seq = 0;
  const unique = (prefix: string) => `${prefix}-${tag}-${(seq++).toString(36)}`;
  let ownPayer: Promise<Payer> | undefined;

  const data: TestData = {
    tag,
    async team(name = unique('Team')) {
      return db.team.create({ data: { name }, select: { id: true, name: true } });
    },
    async person(role, options = {}) {
      passwordHash ??= hash(TEST_PASSWORD);
      const name = options.name ?? unique(`E2E ${role}`);
      const teamId = options.team === undefined ? null : (options.team?.id ?? null);
      const user = await db.user.create({
        data: { email: `${unique(role)}@e2e.overturn.test`.toLowerCase(), name, role, teamId, orgWide: options.orgWide ?? false, title: options.title ?? null, passwordHash: await passwordHash },
      });
      return { id: user.id, email: user.email, name: user.name, role, teamId, password: TEST_PASSWORD };
    },
    async payer(options = {}) {
      return db.payer.create({
        data: { name: options.name ?? unique('E2E Payer'), identifier: unique('P'), payerType: options.payerType ?? 'commercial' },
        select: { id: true, name: true, identifier: true },
      });
    },
    async denials(specs) {
      const byPayer = new Map<string, { spec: DenialSpec; index: number }[]>();
      for (const [index, spec] of specs.entries()) {
        const payer = spec.payer ?? (await (ownPayer ??= data.payer()));
        byPayer.set(payer.id, [...(byPayer.get(payer.id) ?? []), { spec, index }]);
      }
      const made: Denial[] = [];
      for (const [payerId, group] of byPayer) {
        const file = await db.remittanceFile.create({
          data: { filename: `${unique('era')}.835`, format: 'x12_835', sha256: unique('sha'), sizeBytes: 3, chunks: { create: { seq: 0, content: Buffer.from('ISA') } } },
        });
        const remittance = await db.remittance.create({
          data: { fileId: file.id, payerId, totalPaidCents: 0n, traceNumber: unique('TRN'), paymentDate: daysFromToday(-20) },
        });
        const rows = group.map(({ spec, index }) => {
          const cents = spec.deniedCents ?? 10_000;
          const pcn = unique('E2E-PCN').toUpperCase();
          return { index, spec, cents, pcn, claimId: randomUUID(), denialId: randomUUID(), patientName: spec.patientName ?? `Doe ${tag}, Jane` };
        });
        await db.claim.createMany({
          data: rows.map((r) => ({
            id: r.claimId,
            remittanceId: remittance.id,
            payerId,
            patientControlNumber: r.pcn,
            payerClaimNumber: `${r.pcn}-PCCN`,
            statusCode: '4',
            billedCents: BigInt(r.cents),
            paidCents: 0n,
            isDenial: true,
            deniedCents: BigInt(r.cents),
          })),
        });
        await db.denial.createMany({
          data: rows.map(({ spec, cents, pcn, claimId, denialId, patientName }) => {
            const likelihood = spec.scoreLikelihood ?? 0.5;
            return {
              id: denialId,
              claimId,
              payerId,
              status: spec.status ?? (spec.owner ? 'assigned' : 'new'),
              ownerId: spec.owner?.id ?? null,
              teamId: spec.team === undefined ? (spec.owner?.teamId ?? null) : (spec.team?.id ?? null),
              deniedCents: BigInt(cents),
              category: spec.category ?? 'medical_necessity',
              department: spec.department ?? 'clinical',
              avoidable: false,
              appealable: true,
              carcCodes: spec.carcCodes ?? ['50'],
              rarcCodes: spec.rarcCodes ?? [],
              noticeDate: daysFromToday(-20),
              serviceDate: daysFromToday(-60),
              score: cents * likelihood,
              scoreLikelihood: likelihood,
              patientName,
              patientControlNumber: pcn,
              payerClaimNumber: `${pcn}-PCCN`,
              ...deadlineFields(spec),
              ...closedFields(spec, cents),
            };
          }),
        });
        const closing = rows.filter((r) => r.spec.closedBy && r.spec.status);
        await db.denialEvent.createMany({
          data: closing.map((r) => ({
            denialId: r.denialId,
            actorId: r.spec.closedBy!.id,
            type: 'status',
            data: { from: 'in_progress', to: r.spec.status!, ...(r.spec.status === 'written_off' ? {} : { recoveredCents: closedFields(r.spec, r.cents).recoveredCents }) },
          })),
        });
        for (const r of rows) made[r.index] = { id: r.denialId, patientControlNumber: r.pcn, patientName: r.patientName };
      }
      return made;
    },
    async denial(spec = {}) {
      const [one] = await data.denials([spec]);
      return one!;
    },
    async template(options = {}) {
      const starter = STARTER_TEMPLATES.find((t) => t.category === (options.category ?? 'timely_filing'))!;
      return db.letterTemplate.create({
        data: { category: starter.category, name: unique(starter.name), currentVersion: 1, versions: { create: { version: 1, body: starter.body } } },
        select: { id: true, name: true },
      });
    },
    async draftedAppeal(denial) {
      await data.letterReady(denial);
      const appeal = await db.appeal.create({ data: { denialId: denial.id, level: '1', dueDate: daysFromToday(40) }, select: { id: true } });
      return { id: appeal.id, denialId: denial.id, claimNumber: denial.patientControlNumber };
    },
    async letterReady(denial) {
      const row = await db.denial.findUniqueOrThrow({ where: { id: denial.id }, select: { claimId: true, payerId: true, noticeDate: true } });
      const [last, first] = denial.patientName.split(',').map((part) => part.trim());
      await db.claim.update({
        where: { id: row.claimId },
        data: { memberId: `M${tag}`, patientFirstName: first ?? null, patientLastName: last ?? null, renderingProviderName: 'Dr. Lee Chen', renderingProviderNpi: '1245319599' },
      });
      const line = await db.serviceLine.create({
        data: { claimId: row.claimId, lineNumber: 1, procedureQualifier: 'HC', procedureCode: '99214', modifiers: ['25'], billedCents: 10_000n, paidCents: 0n, serviceDate: daysFromToday(-60) },
      });
      await db.adjustment.create({ data: { claimId: row.claimId, serviceLineId: line.id, groupCode: 'CO', reasonCode: '50', amountCents: 10_000n, kind: 'denial', category: 'medical_necessity' } });
      await db.payer.update({ where: { id: row.payerId }, data: { appealsAddress: 'Appeals Unit\nPO Box 100\nDallas, TX 75201' } });
      await db.organization.upsert({ where: { id: 1 }, create: { id: 1, ...GOOD_ORGANIZATION }, update: {} });
    },
  };
  return data;
}
