import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type IsoDate, addDays } from '@/lib/domain/dates';
import type { Actor } from '@/lib/domain/permissions';
import { FRONT_DESK_CATEGORIES } from '@/lib/domain/prevention/front-desk';
import { DEFAULT_CHECKLISTS } from '@/lib/domain/prevention/default-checklists';
import { startOfDay, todayIso } from '@/lib/server/clock';
import { db, pool } from '@/lib/server/db';
import { frontDeskFeedback } from '@/lib/server/feedback/front-desk-feedback';
import { updateChecklist } from '@/lib/server/prevention/update-checklist';
import { createDenials, createPayer, createPerson } from '../../support/denial-factory';

const today = todayIso();
const at = (date: IsoDate) => new Date(startOfDay(date).getTime() + 10 * 3_600_000);
const firstOfMonth = `${today.slice(0, 7)}-01`;
let frontDesk: Actor;
let manager: Actor;
let payer: { id: string; name: string };
const site = `Eastside ${process.pid}`;

afterAll(async () => {
  await db.preventionChecklist.deleteMany({ where: { category: 'coordination_of_benefits' } });
  await db.$disconnect();
  await pool.end();
});

beforeAll(async () => {
  frontDesk = await createPerson('front_desk');
  manager = await createPerson('manager');
  payer = await createPayer('commercial');
  const ids = await createDenials([
    // This month: eligibility twice on one claim (a resubmission denied again) and once on another.
    { payerId: payer.id, category: 'eligibility_coverage', department: 'front_desk', carcCodes: ['27'], openedAt: at(firstOfMonth), patientControlNumber: `FD-A-${process.pid}`, memberId: 'W123456789', location: site, deniedCents: 987_65 },
    { payerId: payer.id, category: 'eligibility_coverage', department: 'front_desk', carcCodes: ['27'], openedAt: at(today), patientControlNumber: `FD-A-${process.pid}`, memberId: 'W123456789', location: site },
    { payerId: payer.id, category: 'eligibility_coverage', department: 'front_desk', carcCodes: ['27'], openedAt: at(today), memberId: 'W555554321', location: site },
    { payerId: payer.id, category: 'authorization_referral', department: 'front_desk', carcCodes: ['197'], openedAt: at(addDays(firstOfMonth, -20)), location: site },
    // Not the front desk's: never on this page.
    { payerId: payer.id, category: 'medical_necessity', department: 'clinical', carcCodes: ['50'], openedAt: at(today), location: site },
    { payerId: payer.id, category: 'coding_modifiers', department: 'coding', carcCodes: ['4'], openedAt: at(today), location: site },
  ]);
  // A claim line the payer left to the patient because the service is not covered under this plan (PR-204).
  const { claimId } = await db.denial.findUniqueOrThrow({ where: { id: ids[2]! }, select: { claimId: true } });
  await db.adjustment.create({ data: { claimId, groupCode: 'PR', reasonCode: '204', amountCents: 4_321n, kind: 'patient_responsibility' } });
});

describe('frontDeskFeedback', () => {
  it('counts only the front-desk causes, by month, location and payer', async () => {
    const f = await frontDeskFeedback(frontDesk, today);
    for (const line of f.byCategory) expect(FRONT_DESK_CATEGORIES as readonly string[]).toContain(line.key);
    const mine = f.byPayer.find((l) => l.key === payer.name)!;
    expect(mine.total).toBe(4);
    expect(mine.thisMonth).toBe(3);
    expect(mine.byMonth.at(-2)).toBe(1);
    expect(f.byLocation.find((l) => l.key === site)).toMatchObject({ total: 4, thisMonth: 3 });
  });

  it('narrows every count and example to one billing site, and lists the sites to choose from', async () => {
    const f = await frontDeskFeedback(frontDesk, today, { site });
    expect(f.site).toBe(site);
    expect(f.sites).toContain(site);
    expect(f.byLocation.map((l) => l.key)).toEqual([site]);
    expect(f.byPayer.reduce((n, l) => n + l.total, 0)).toBe(4);
    expect(new Set(f.examples.map((e) => e.location))).toEqual(new Set([site]));
    const elsewhere = await frontDeskFeedback(frontDesk, today, { site: `Nowhere ${process.pid}` });
    expect(elsewhere.byPayer).toEqual([]);
    expect(elsewhere.examples).toEqual([]);
  });

  it('marks the current month partial through today (unless today is its last day)', async () => {
    const f = await frontDeskFeedback(frontDesk, today);
    expect(f.currentMonth).toBe(today.slice(0, 7));
    expect(f.months.at(-1)).toBe(f.currentMonth);
    expect(f.currentIsPartial).toBe(addDays(today, 1).slice(0, 7) === today.slice(0, 7));
  });

  it('carries no dollar amount, no patient name, no claim number, and masks member ids', async () => {
    // The examples are the most recent few; other test files add front-desk denials to the same database.
    const f = await frontDeskFeedback(frontDesk, today, { site });
    const text = JSON.stringify(f);
    expect(text).not.toMatch(/cents|amount|deniedCents|patientName|Doe, Jane|PCCN|FD-A-/i);
    expect(text).not.toContain('W123456789');
    expect(text).not.toContain('987');
    const masked = f.examples.map((e) => e.memberIdMasked);
    expect(masked).toContain('••••6789');
    expect(masked).toContain('••••4321');
  });

  it('counts patient-billed coverage misses (PR-26/27/31/204) by code, without amounts', async () => {
    const f = await frontDeskFeedback(frontDesk, today);
    const pr204 = f.patientBilled.find((p) => p.code === 'PR-204')!;
    expect(pr204.count).toBeGreaterThanOrEqual(1);
    expect(Object.keys(pr204).sort()).toEqual(['code', 'count', 'description']);
  });

  it('shows a claim denied again for the same cause as one example', async () => {
    const f = await frontDeskFeedback(frontDesk, today, { site });
    expect(f.examples.filter((e) => e.memberIdMasked === '••••6789')).toHaveLength(1);
  });

  it('lists this month’s top causes with what to check before the visit', async () => {
    const f = await frontDeskFeedback(frontDesk, today);
    const eligibility = f.topCauses.find((c) => c.category === 'eligibility_coverage' && c.carc === '27')!;
    expect(eligibility.count).toBeGreaterThanOrEqual(3);
    expect(eligibility.checklist.length).toBeGreaterThan(0);
    expect(f.topCauses.every((c) => (FRONT_DESK_CATEGORIES as readonly string[]).includes(c.category))).toBe(true);
  });

  it('audits the read, as a PHI read when it shows examples', async () => {
    await frontDeskFeedback(frontDesk, today);
    const event = await db.auditEvent.findFirst({ where: { actorId: frontDesk.id, action: 'feedback.read' }, orderBy: { id: 'desc' } });
    expect(event?.phi).toBe(true);
  });
});

describe('the checklists', () => {
  it('are edited by a manager, shown to the front desk, refused when stale and audited', async () => {
    const before = await frontDeskFeedback(manager, today);
    const cob = before.checklists.find((c) => c.category === 'coordination_of_benefits')!;
    expect(cob).toMatchObject({ custom: false, items: [...DEFAULT_CHECKLISTS.coordination_of_benefits], version: 0 });
    expect(before.canEditChecklists).toBe(true);

    const saved = await updateChecklist(manager, { category: 'coordination_of_benefits', items: ['Ask about a spouse’s plan'], version: 0 });
    expect(saved).toEqual({ ok: true, data: { version: 1 } });
    const stale = await updateChecklist(manager, { category: 'coordination_of_benefits', items: ['Something else'], version: 0 });
    expect(stale).toMatchObject({ ok: false, code: 'conflict' });

    const seen = await frontDeskFeedback(frontDesk, today);
    expect(seen.canEditChecklists).toBe(false);
    expect(seen.checklists.find((c) => c.category === 'coordination_of_benefits')).toMatchObject({ custom: true, items: ['Ask about a spouse’s plan'], version: 1 });
    const audit = await db.auditEvent.findFirst({ where: { actorId: manager.id, action: 'prevention_checklist.update' } });
    expect(audit?.details).toMatchObject({ after: ['Ask about a spouse’s plan'], version: 1 });
  });

  it('refuses the front desk', async () => {
    const refused = await updateChecklist(frontDesk, { category: 'eligibility_coverage', items: ['Mine'], version: 0 });
    expect(refused).toMatchObject({ ok: false, code: 'forbidden' });
    expect(await db.preventionChecklist.findUnique({ where: { category: 'eligibility_coverage' } })).toBeNull();
  });
});
