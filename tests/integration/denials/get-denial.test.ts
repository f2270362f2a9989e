import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadCatalogue } from '@/lib/server/codes/load-catalogue';
import { db, pool } from '@/lib/server/db';
import { addNote } from '@/lib/server/denials/add-note';
import type { Actor } from '@/lib/domain/permissions';
import { getDenial } from '@/lib/server/denials/get-denial';
import { createDetailedDenial, createPayer, createPerson, createTeam } from '../../support/denial-factory';

const TODAY = '2025-06-02';
let sam: Actor;
let jordan: Actor;
let frankie: Actor;
let id: string;

beforeAll(async () => {
  await db.$transaction((tx) => loadCatalogue(tx), { timeout: 60_000 });
  const team = (await createTeam()).id;
  sam = await createPerson('specialist', team, 'Sam Specialist');
  jordan = await createPerson('specialist', (await createTeam()).id);
  frankie = await createPerson('front_desk');
  const payer = (await createPayer('medicare', 'Medicare Part B (test)')).id;
  id = await createDetailedDenial({ payerId: payer, ownerId: sam.id, teamId: team, status: 'assigned', noticeDate: '2025-05-20', deniedCents: 8_000 });
  await addNote(sam, { id, version: 0, note: 'Requested the records' });
});

afterAll(async () => {
  await db.$disconnect();
  await pool.end();
});

describe('denial detail', () => {
  it('shows the claim, lines and every adjustment and remark code with its official description', async () => {
    const detail = await getDenial(sam, id, TODAY);
    const [line] = detail.claim.lines;
    expect(line).toMatchObject({ lineNumber: 1, procedure: 'HC:99213:25', billedCents: 20_000, paidCents: 10_000 });
    expect(line?.adjustments.map((a) => [a.groupCode, a.reasonCode, a.amountCents, a.kind])).toEqual([
      ['CO', '50', 8_000, 'denial'],
      ['CO', '45', 2_000, 'expected_adjustment'],
    ]);
    const co50 = line?.adjustments[0]?.description ?? '';
    expect(co50).toMatch(/not deemed a .?medical necessity.? by the payer/i);
    expect(line?.remarks[0]).toMatchObject({ code: 'N115' });
    expect(line?.remarks[0]?.description).toMatch(/local coverage determination/i);
    expect(detail.claim.remarks[0]).toMatchObject({ code: 'M127', source: 'MOA' });
    expect(detail.claim.remarks[0]?.description).toMatch(/medical record/i);
  });

  it('shows the remittance it came from, the deadlines with how they were counted, the score and the timeline', async () => {
    const detail = await getDenial(sam, id, TODAY);
    expect(detail.remittance.file.filename).toMatch(/\.835$/);
    expect(detail.deadlines.working).toMatchObject({ kind: 'appeal_1', date: '2025-09-22', daysLeft: 112 });
    expect(detail.deadlines.working?.basis).toMatch(/^Redetermination: 120 days from receipt \(presumed 5 days after the notice of 2025-05-20/);
    expect(detail.deadlines.timelyFiling).toMatchObject({ date: '2026-04-01' });
    expect(detail.timeline).toEqual([expect.objectContaining({ type: 'note', note: 'Requested the records', actor: { id: sam.id, name: 'Sam Specialist' } })]);
    expect(detail.viewer).toMatchObject({ canEdit: true, canAssignSelf: false, canReassign: false });
  });

  it('says when an appeal with the payer has reached its follow-up date, and not before', async () => {
    const payer = (await createPayer('commercial')).id;
    const team = sam.teamId!;
    const waiting = await createDetailedDenial({ payerId: payer, ownerId: sam.id, teamId: team, status: 'appealed', followUpDate: '2025-06-02' });
    const due = await getDenial(sam, waiting, TODAY);
    expect(due.deadlines).toMatchObject({ working: null, waitingReason: 'the appeal is with the payer', followUpDue: true });
    expect((await getDenial(sam, waiting, '2025-06-01')).deadlines.followUpDue).toBe(false);
    expect((await getDenial(sam, id, TODAY)).deadlines.followUpDue).toBe(false);
  });

  it('writes a PHI-read audit event for every read', async () => {
    const before = await db.auditEvent.count({ where: { action: 'denial.read', entityId: id, phi: true, actorId: sam.id } });
    await getDenial(sam, id, TODAY);
    expect(await db.auditEvent.count({ where: { action: 'denial.read', entityId: id, phi: true, actorId: sam.id } })).toBe(before + 1);
  });

  it('is refused to front desk and to another team’s specialist, and a missing one is not found', async () => {
    await expect(getDenial(frankie, id, TODAY)).rejects.toMatchObject({ code: 'forbidden', status: 403 });
    await expect(getDenial(jordan, id, TODAY)).rejects.toMatchObject({ code: 'not_found', status: 404, message: 'This denial does not exist.' });
    expect(await db.auditEvent.count({ where: { action: 'denial.read_refused', entityId: id, actorId: jordan.id } })).toBe(1);
    expect(await db.auditEvent.count({ where: { action: 'denial.read', entityId: id, actorId: jordan.id } })).toBe(0);
    await expect(getDenial(sam, crypto.randomUUID(), TODAY)).rejects.toMatchObject({ code: 'not_found' });
  });
});
