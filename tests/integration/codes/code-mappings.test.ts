import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '@/lib/domain/permissions';
import { NOT_A_DENIAL_REASON } from '@/lib/domain/reclassify';
import { db, pool } from '@/lib/server/db';
import { listCodeMappingChanges } from '@/lib/server/codes/list-code-mapping-changes';
import { loadCatalogue } from '@/lib/server/codes/load-catalogue';
import { previewCodeMapping } from '@/lib/server/codes/preview-code-mapping';
import { reclassifyDenials } from '@/lib/server/codes/reclassify-denials';
import { saveCodeMapping } from '@/lib/server/codes/save-code-mapping';
import { searchCodeMappings } from '@/lib/server/codes/search-code-mappings';
import { ingest835 } from '@/lib/server/remits/ingest-835';
import { listQueue } from '@/lib/server/denials/list-queue';
import { teamBoard } from '@/lib/server/team/team-board';
import { todayIso } from '@/lib/server/clock';
import { queueParamsSchema } from '@/lib/domain/queue-params';
import { createDenial, createDenials, createPayer, createPerson } from '../../support/denial-factory';
import { actor as ingestActor, deniedClaim, remit, transaction, unique } from '../ingest/helpers';
import type { DenialStatus } from '@/lib/generated/prisma/client';

let admin: Actor;
let payer: string;

beforeAll(async () => {
  await db.$transaction((tx) => loadCatalogue(tx), { timeout: 60_000 });
  admin = await createPerson('admin');
  payer = (await createPayer()).id;
});

afterAll(async () => {
  // The overrides would change how later test files' ingests classify these codes.
  await db.codeMappingOverride.deleteMany({});
  await db.$disconnect();
  await pool.end();
});

/** A stored denial whose claim carries one CAS with this group and CARC (as the classifier reads it back). */
async function codedDenial(group: string, carc: string, options: { status?: DenialStatus; category: string; department: string; avoidable?: boolean; remarks?: string[] }) {
  const id = await createDenial({ payerId: payer, status: options.status ?? 'new', category: options.category, department: options.department, carcCodes: [carc], rarcCodes: options.remarks ?? [] });
  const { claimId } = await db.denial.update({ where: { id }, data: { avoidable: options.avoidable ?? false }, select: { claimId: true } });
  await db.adjustment.create({ data: { claimId, groupCode: group, reasonCode: carc, amountCents: 10_000n, kind: 'denial', category: options.category } });
  for (const code of options.remarks ?? []) await db.claimRemark.create({ data: { claimId, code, source: 'MOA' } });
  return id;
}

const read = (id: string) => db.denial.findUniqueOrThrow({ where: { id }, select: { category: true, department: true, avoidable: true, reviewReason: true, version: true, scoredAt: true } });
const codingOverride = { category: 'coding_modifiers', department: 'coding', avoidable: true, isDenial: true } as const;

describe('a code-mapping change', () => {
  it('previews, saves and reclassifies exactly the open denials of that group and CARC; closed ones keep theirs', async () => {
    // P14 ships as bundling · coding, avoidable.
    const open = await codedDenial('CO', 'P14', { category: 'bundling', department: 'coding', avoidable: true });
    const inProgress = await codedDenial('CO', 'P14', { status: 'in_progress', category: 'bundling', department: 'coding', avoidable: true });
    const closed = await codedDenial('CO', 'P14', { status: 'resolved_paid', category: 'bundling', department: 'coding', avoidable: true });
    const otherGroup = await codedDenial('OA', 'P14', { category: 'bundling', department: 'coding', avoidable: true });
    const otherCode = await codedDenial('CO', 'B22', { category: 'coding_modifiers', department: 'coding', avoidable: true });

    const input = { group: 'CO', carc: 'P14', rarc: null, classification: { category: 'documentation_requested', department: 'billing', avoidable: false, isDenial: true } } as const;
    const preview = await previewCodeMapping(admin, input);
    expect(preview).toEqual({ ok: true, data: { moved: 2, flagged: 0, count: 2 } });

    const saved = await saveCodeMapping(admin, { ...input, confirmedCount: 2, version: 0 });
    expect(saved).toMatchObject({ ok: true, data: { version: 1, job: 'done' } });
    for (const id of [open, inProgress]) expect(await read(id)).toMatchObject({ category: 'documentation_requested', department: 'billing', avoidable: false, reviewReason: null, version: 1 });
    for (const id of [closed, otherGroup]) expect(await read(id)).toMatchObject({ category: 'bundling', version: 0 });
    expect(await read(otherCode)).toMatchObject({ category: 'coding_modifiers', version: 0 });
    // Moved denials are rescored (likelihood and effort are per category) and their timeline says why.
    expect((await read(open)).scoredAt).not.toBeNull();
    expect(await db.denialEvent.count({ where: { denialId: open, type: 'reclassified' } })).toBe(1);

    const [change] = await listCodeMappingChanges(admin);
    expect(change).toMatchObject({ group: 'CO', carc: 'P14', action: 'set', previewCount: 2, jobStatus: 'done', movedCount: 2, flaggedCount: 0 });
    expect(change!.before).toMatchObject({ category: 'bundling', source: 'shipped' });
    expect(change!.after).toMatchObject({ category: 'documentation_requested', source: 'override' });

    const audit = await db.auditEvent.findFirstOrThrow({ where: { action: 'code_mapping.set', entityId: change!.id } });
    expect(audit).toMatchObject({ actorId: admin.id, entityType: 'code_mapping_override' });
    expect(audit.details).toMatchObject({ group: 'CO', carc: 'P14', before: { category: 'bundling' }, after: { category: 'documentation_requested' }, previewCount: 2 });
    expect(await db.auditEvent.count({ where: { action: 'code_mapping.reclassified', entityId: change!.id } })).toBe(1);

    // The search shows the combination with its override and the shipped answer beside it.
    const found = await searchCodeMappings(admin, 'CO-P14');
    expect(found.rows[0]).toMatchObject({ group: 'CO', carc: 'P14', current: { category: 'documentation_requested', source: 'override' }, shipped: { category: 'bundling' }, overrideVersion: 1 });

    // Removing the override goes back to the shipped mapping, with the same preview.
    const back = { group: 'CO', carc: 'P14', rarc: null, classification: null } as const;
    expect(await previewCodeMapping(admin, back)).toEqual({ ok: true, data: { moved: 2, flagged: 0, count: 2 } });
    expect(await saveCodeMapping(admin, { ...back, confirmedCount: 2, version: 1 })).toMatchObject({ ok: true });
    expect(await read(open)).toMatchObject({ category: 'bundling', department: 'coding', avoidable: true });
    expect(await db.codeMappingOverride.count({ where: { carcCode: 'P14' } })).toBe(0);
    expect(await db.auditEvent.count({ where: { action: 'code_mapping.remove' } })).toBe(1);
  });

  it('refuses a stale preview: the count changed since the admin confirmed it', async () => {
    await codedDenial('CO', 'A8', { category: 'coding_modifiers', department: 'coding', avoidable: true });
    const input = { group: 'CO', carc: 'A8', rarc: null, classification: { ...codingOverride, category: 'pricing_contract' } } as const;
    expect(await previewCodeMapping(admin, input)).toMatchObject({ ok: true, data: { count: 1 } });
    // Another A8 denial arrives between the preview and the save.
    await codedDenial('CO', 'A8', { category: 'coding_modifiers', department: 'coding', avoidable: true });
    const stale = await saveCodeMapping(admin, { ...input, confirmedCount: 1, version: 0 });
    expect(stale).toMatchObject({ ok: false, code: 'conflict' });
    if (!stale.ok) expect(stale.message).toContain('now reclassify 2 open denials, not 1');
    expect(await db.codeMappingOverride.count({ where: { carcCode: 'A8' } })).toBe(0);
    expect(await db.codeMappingChange.count({ where: { carcCode: 'A8' } })).toBe(0);
  });

  it('refuses a save against an override someone else changed', async () => {
    const input = { group: 'PI', carc: 'A8', rarc: null, classification: codingOverride } as const;
    expect(await saveCodeMapping(admin, { ...input, confirmedCount: 0, version: 0 })).toMatchObject({ ok: true, data: { version: 1 } });
    expect(await saveCodeMapping(admin, { ...input, confirmedCount: 0, version: 0 })).toMatchObject({ ok: false, code: 'conflict' });
  });

  it('flags a denial that is no longer a denial for review instead of closing it', async () => {
    const id = await codedDenial('CO', '258', { category: 'eligibility_coverage', department: 'front_desk' });
    const input = { group: 'CO', carc: '258', rarc: null, classification: { category: 'pricing_contract', department: 'none', avoidable: false, isDenial: false } } as const;
    expect(await previewCodeMapping(admin, input)).toEqual({ ok: true, data: { moved: 0, flagged: 1, count: 1 } });
    expect(await saveCodeMapping(admin, { ...input, confirmedCount: 1, version: 0 })).toMatchObject({ ok: true });
    const denial = await db.denial.findUniqueOrThrow({ where: { id } });
    expect(denial).toMatchObject({ status: 'new', category: 'eligibility_coverage', reviewReason: NOT_A_DENIAL_REASON });
    expect((await listCodeMappingChanges(admin))[0]).toMatchObject({ jobStatus: 'done', movedCount: 0, flaggedCount: 1 });

    // A manager finds it: the team board counts it, and its link's queue filter lists it (and no unflagged one).
    const manager = await createPerson('manager', null, 'Flag Finder', { orgWide: true });
    const board = await teamBoard(manager, todayIso(), { fresh: true });
    const flagged = await listQueue(manager, queueParamsSchema.parse({ view: 'all', review: 'flagged', payer }), todayIso());
    expect(flagged.rows.map((r) => r.id)).toEqual([id]);
    // Other test files write to the same database at the same time: at least this one, counted.
    expect(board.flagged).toBeGreaterThanOrEqual(1);
  });

  it('a RARC-specific override moves only the denials with that remark', async () => {
    const withRemark = await codedDenial('CO', '272', { category: 'medical_necessity', department: 'clinical', remarks: ['N386'] });
    const without = await codedDenial('CO', '272', { category: 'other', department: 'clinical', avoidable: true });
    const input = { group: 'CO', carc: '272', rarc: 'N386', classification: { category: 'non_covered_benefit_limits', department: 'front_desk', avoidable: true, isDenial: true } } as const;
    const preview = await previewCodeMapping(admin, input);
    expect(preview).toEqual({ ok: true, data: { moved: 1, flagged: 0, count: 1 } });
    await saveCodeMapping(admin, { ...input, confirmedCount: 1, version: 0 });
    expect(await read(withRemark)).toMatchObject({ category: 'non_covered_benefit_limits', department: 'front_desk' });
    expect(await read(without)).toMatchObject({ category: 'other', version: 0 });
  });

  it('counts and moves every candidate past the first batch of 1,000', async () => {
    const ids = await createDenials(Array.from({ length: 1_005 }, () => ({ payerId: payer, category: 'coding_modifiers', department: 'coding', carcCodes: ['B22'] })));
    const claims = await db.denial.findMany({ where: { id: { in: ids } }, select: { claimId: true } });
    await db.adjustment.createMany({ data: claims.map(({ claimId }) => ({ claimId, groupCode: 'OA', reasonCode: 'B22', amountCents: 10_000n, kind: 'denial' as const, category: 'coding_modifiers' })) });
    const input = { group: 'OA', carc: 'B22', rarc: null, classification: { category: 'medical_necessity', department: 'clinical', avoidable: false, isDenial: true } } as const;
    expect(await previewCodeMapping(admin, input)).toEqual({ ok: true, data: { moved: 1_005, flagged: 0, count: 1_005 } });
    expect(await saveCodeMapping(admin, { ...input, confirmedCount: 1_005, version: 0 })).toMatchObject({ ok: true });
    expect(await db.denial.count({ where: { id: { in: ids }, category: 'medical_necessity' } })).toBe(1_005);
  });

  it('search finds a combination by code, by a remark code alone, by description and by category', async () => {
    expect((await searchCodeMappings(admin, 'oa 50')).rows[0]).toMatchObject({ group: 'OA', carc: '50', current: { category: 'medical_necessity', source: 'shipped' } });
    expect((await searchCodeMappings(admin, 'M53')).rows[0]).toMatchObject({ group: 'CO', carc: '16', rarc: 'M53', current: { category: 'units_days' } });
    expect((await searchCodeMappings(admin, 'timely filing')).rows.map((r) => r.carc)).toContain('29');
    expect((await searchCodeMappings(admin, 'PR-1')).message).toContain('cannot be re-mapped');
    // The overrides in force when nothing is typed.
    expect((await searchCodeMappings(admin, '')).rows.map((r) => `${r.group}-${r.carc}/${r.rarc ?? ''}`)).toContain('CO-272/N386');
  });

  it('a job is run once even if delivered twice', async () => {
    const [change] = await listCodeMappingChanges(admin, 1);
    expect(await reclassifyDenials(change!.id, '2026-12-06')).toBeNull();
  });

  it('is refused to everyone but an administrator', async () => {
    const manager = await createPerson('manager', null, undefined, { orgWide: true });
    const input = { group: 'CO', carc: '50', rarc: null, classification: codingOverride } as const;
    expect(await previewCodeMapping(manager, input)).toMatchObject({ ok: false, code: 'forbidden' });
    expect(await saveCodeMapping(manager, { ...input, confirmedCount: 0, version: 0 })).toMatchObject({ ok: false, code: 'forbidden' });
    await expect(searchCodeMappings(manager, '50')).rejects.toMatchObject({ code: 'forbidden' });
  });
});

describe('ingest honours the overrides', () => {
  it('classifies a new denial by the group+CARC+RARC override, then the group+CARC one, then the shipped mapping', async () => {
    await saveCodeMapping(admin, { group: 'CO', carc: 'B9', rarc: null, classification: { category: 'authorization_referral', department: 'front_desk', avoidable: true, isDenial: true }, confirmedCount: 0, version: 0 });
    await saveCodeMapping(admin, { group: 'CO', carc: 'B9', rarc: 'N130', classification: { category: 'non_covered_benefit_limits', department: 'billing', avoidable: false, isDenial: true }, confirmedCount: 0, version: 0 });
    await saveCodeMapping(admin, { group: 'CO', carc: 'B7', rarc: null, classification: { category: 'pricing_contract', department: 'none', avoidable: false, isDenial: false }, confirmedCount: 0, version: 0 });
    const identifier = unique('OVR');
    const pcn = unique('PCN');
    const bytes = remit([
      transaction(identifier, [
        deniedClaim(`${pcn}A`, `${pcn}A`, 10_000, 'B9'),
        deniedClaim(`${pcn}B`, `${pcn}B`, 10_000, 'B9', ['N130']),
        deniedClaim(`${pcn}C`, `${pcn}C`, 10_000, '178'),
        // B7 overridden to "not a denial": recorded, never queued.
        deniedClaim(`${pcn}D`, `${pcn}D`, 10_000, 'B7'),
      ]),
    ]);
    const result = await ingest835(ingestActor, { filename: 'overrides.835', bytes });
    if (!result.ok) throw new Error(result.message);
    const denials = await db.denial.findMany({ where: { patientControlNumber: { startsWith: pcn } }, orderBy: { patientControlNumber: 'asc' } });
    expect(denials.map((d) => [d.patientControlNumber.slice(-1), d.category, d.department, d.avoidable])).toEqual([
      ['A', 'authorization_referral', 'front_desk', true],
      ['B', 'non_covered_benefit_limits', 'billing', false],
      ['C', 'eligibility_coverage', 'front_desk', true],
    ]);
  });
});
