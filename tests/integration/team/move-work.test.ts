import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '@/lib/domain/permissions';
import { db, pool } from '@/lib/server/db';
import { moveWork, previewMoveWork } from '@/lib/server/team/move-work';
import { createDenial, createPayer, createPerson, createTeam } from '../../support/denial-factory';

let team: string;
let otherTeam: string;
let lee: Actor; // manager of `team`

beforeAll(async () => {
  team = (await createTeam()).id;
  otherTeam = (await createTeam()).id;
  lee = await createPerson('manager', team, 'Lee Mover');
});

afterAll(async () => {
  await db.$disconnect();
  await pool.end();
});

async function scenario() {
  const alex = await createPerson('specialist', team, 'Alex From');
  const bo = await createPerson('specialist', team, 'Bo To');
  const aetna = await createPayer('commercial', `Aetna ${crypto.randomUUID().slice(0, 6)}`);
  const other = await createPayer('commercial');
  const moving = await Promise.all([
    createDenial({ payerId: aetna.id, ownerId: alex.id, teamId: team, status: 'in_progress', deniedCents: 1_000_00 }),
    createDenial({ payerId: aetna.id, ownerId: alex.id, teamId: team, status: 'new', deniedCents: 234_00, category: 'timely_filing' }),
  ]);
  const staying = await Promise.all([
    createDenial({ payerId: other.id, ownerId: alex.id, teamId: team, status: 'in_progress' }),
    createDenial({ payerId: aetna.id, ownerId: alex.id, teamId: team, status: 'written_off' }),
    createDenial({ payerId: aetna.id, ownerId: bo.id, teamId: team, status: 'in_progress' }),
  ]);
  return { alex, bo, aetna, moving, staying };
}

describe('moving work', () => {
  it('previews the count and dollars, then moves exactly that set with one event each, one audit event and one notification', async () => {
    const { alex, bo, aetna, moving, staying } = await scenario();
    const preview = await previewMoveWork(lee, { fromUserId: alex.id, payerId: aetna.id });
    expect(preview).toMatchObject({ ok: true, data: { count: 2, totalCents: 1_234_00 } });
    if (!preview.ok) return;
    const versionsBefore = await db.denial.findMany({ where: { id: { in: moving } }, select: { id: true, version: true } });

    const moved = await moveWork(lee, { fromUserId: alex.id, payerId: aetna.id, toUserId: bo.id, reason: 'Alex moves to the Medicare desk', expected: preview.data });
    expect(moved).toMatchObject({ ok: true, data: { count: 2, totalCents: 1_234_00, to: { id: bo.id, name: 'Bo To' } } });

    const after = await db.denial.findMany({ where: { id: { in: moving } }, select: { id: true, ownerId: true, version: true, status: true } });
    for (const d of after) {
      expect(d.ownerId).toBe(bo.id);
      expect(d.version).toBe(versionsBefore.find((v) => v.id === d.id)!.version + 1);
    }
    expect(after.find((d) => d.id === moving[1])!.status).toBe('assigned');
    const untouched = await db.denial.findMany({ where: { id: { in: staying } }, select: { ownerId: true, version: true } });
    expect(untouched.map((d) => d.version)).toEqual([0, 0, 0]);

    const events = await db.denialEvent.findMany({ where: { denialId: { in: moving }, type: 'assigned' } });
    expect(events).toHaveLength(2);
    expect(events.every((e) => e.note === 'Alex moves to the Medicare desk' && e.actorId === lee.id)).toBe(true);
    const audits = await db.auditEvent.findMany({ where: { action: 'team.move_work', entityId: alex.id } });
    expect(audits).toHaveLength(1);
    expect(audits[0]!.details).toMatchObject({ count: 2, cents: 1_234_00, payerId: aetna.id, category: null, to: bo.id });
    const notes = await db.notification.findMany({ where: { userId: bo.id } });
    expect(notes).toHaveLength(1);
    expect(notes[0]).toMatchObject({ kind: 'assignment', title: `Lee Mover moved 2 denials ($1,234) to you: ${aetna.name}`, href: `/queue?view=mine&payer=${aetna.id}` });
  });

  it('refuses, moving nothing and telling nobody, when the set changed since the preview', async () => {
    const { alex, bo, aetna, moving } = await scenario();
    const preview = await previewMoveWork(lee, { fromUserId: alex.id, payerId: aetna.id });
    if (!preview.ok) throw new Error(preview.message);
    // A new denial for Alex arrives between the preview and the confirmation.
    await createDenial({ payerId: aetna.id, ownerId: alex.id, teamId: team, status: 'in_progress', deniedCents: 50_00 });
    const refused = await moveWork(lee, { fromUserId: alex.id, payerId: aetna.id, toUserId: bo.id, reason: 'Rebalance', expected: preview.data });
    expect(refused).toMatchObject({ ok: false, code: 'conflict', details: { current: { count: 3, totalCents: 1_284_00 } } });
    expect((await db.denial.findMany({ where: { id: { in: moving } } })).every((d) => d.ownerId === alex.id && d.version === 0)).toBe(true);
    expect(await db.notification.count({ where: { userId: bo.id } })).toBe(0);
    expect(await db.auditEvent.count({ where: { action: 'team.move_work', entityId: alex.id } })).toBe(0);

    // The same count but a different set (one closed, another arrived) is refused too.
    const fresh = await previewMoveWork(lee, { fromUserId: alex.id, payerId: aetna.id });
    if (!fresh.ok) throw new Error(fresh.message);
    await db.denial.update({ where: { id: moving[0] }, data: { status: 'written_off' } });
    await createDenial({ payerId: aetna.id, ownerId: alex.id, teamId: team, status: 'in_progress' });
    expect(await moveWork(lee, { fromUserId: alex.id, payerId: aetna.id, toUserId: bo.id, reason: 'Rebalance', expected: fresh.data })).toMatchObject({ ok: false, code: 'conflict' });
  });

  it('needs a reason, a different active specialist or manager in reach, and a manager', async () => {
    const { alex, bo, aetna } = await scenario();
    const outsider = await createPerson('specialist', otherTeam);
    const gone = await createPerson('specialist', team);
    await db.user.update({ where: { id: gone.id }, data: { disabledAt: new Date() } });
    const preview = await previewMoveWork(lee, { fromUserId: alex.id, payerId: aetna.id });
    if (!preview.ok) throw new Error(preview.message);
    const base = { fromUserId: alex.id, payerId: aetna.id, reason: 'Rebalance', expected: preview.data };
    expect(await moveWork(lee, { ...base, toUserId: outsider.id })).toMatchObject({ ok: false, code: 'invalid_input', fieldErrors: { toUserId: expect.any(Array) } });
    expect(await moveWork(lee, { ...base, toUserId: gone.id })).toMatchObject({ ok: false, code: 'invalid_input' });
    expect(await moveWork(lee, { ...base, toUserId: alex.id })).toMatchObject({ ok: false, code: 'invalid_input' });
    expect(await previewMoveWork(lee, { fromUserId: outsider.id })).toMatchObject({ ok: false, code: 'invalid_input' });
    expect(await moveWork(bo, { ...base, toUserId: bo.id })).toMatchObject({ ok: false, code: 'forbidden' });
    const { moveWorkInput } = await import('@/lib/server/team/move-work');
    expect(moveWorkInput.safeParse({ ...base, toUserId: bo.id, reason: '  ' }).success).toBe(false);
    expect(await db.notification.count({ where: { userId: { in: [outsider.id, gone.id, bo.id] } } })).toBe(0);
  });

  it('moves a category, or everything, of one person', async () => {
    const { alex, bo } = await scenario();
    const byCategory = await previewMoveWork(lee, { fromUserId: alex.id, category: 'timely_filing' });
    expect(byCategory).toMatchObject({ ok: true, data: { count: 1, totalCents: 234_00 } });
    const everything = await previewMoveWork(lee, { fromUserId: alex.id });
    expect(everything).toMatchObject({ ok: true, data: { count: 3 } });
    if (!everything.ok) return;
    expect(await moveWork(lee, { fromUserId: alex.id, toUserId: bo.id, reason: 'Alex left', expected: everything.data })).toMatchObject({ ok: true, data: { count: 3 } });
    expect(await db.denial.count({ where: { ownerId: alex.id, status: { notIn: ['written_off', 'resolved_paid', 'resolved_partial'] } } })).toBe(0);
  });
});

describe('whose work can be moved', () => {
  it('lists people in reach with open denials, a disabled leaver included, and not another team’s', async () => {
    const { alex, bo } = await scenario();
    const leaver = await createPerson('specialist', team, 'Leaver Gone');
    const payer = await createPayer();
    await createDenial({ payerId: payer.id, ownerId: leaver.id, teamId: team, status: 'in_progress' });
    await db.user.update({ where: { id: leaver.id }, data: { disabledAt: new Date() } });
    const outsider = await createPerson('specialist', otherTeam);
    await createDenial({ payerId: payer.id, ownerId: outsider.id, teamId: otherTeam, status: 'in_progress' });
    const { listMoveSources } = await import('@/lib/server/team/move-work');
    const sources = await listMoveSources(lee);
    if (!sources.ok) throw new Error(sources.message);
    const ids = sources.data.map((s) => s.id);
    expect(ids).toEqual(expect.arrayContaining([alex.id, bo.id, leaver.id]));
    expect(ids).not.toContain(outsider.id);
    expect(sources.data.find((s) => s.id === leaver.id)!.disabled).toBe(true);
    // A leaver's work moves like anyone's.
    const preview = await previewMoveWork(lee, { fromUserId: leaver.id });
    if (!preview.ok) throw new Error(preview.message);
    expect(await moveWork(lee, { fromUserId: leaver.id, toUserId: bo.id, reason: 'Left the practice', expected: preview.data })).toMatchObject({ ok: true, data: { count: 1 } });
  });
});
