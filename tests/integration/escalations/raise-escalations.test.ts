import { afterAll, describe, expect, it } from 'vitest';
import { systemActor } from '@/lib/server/audit';
import { db, pool } from '@/lib/server/db';
import { raiseEscalations } from '@/lib/server/escalations/raise-escalations';
import { notify } from '@/lib/server/notifications/notify';
import { createDenial, createPayer, createPerson, createTeam, versionOf } from '../../support/denial-factory';

afterAll(async () => {
  await db.$disconnect();
  await pool.end();
});

describe('raiseEscalations', () => {
  it('opens one escalation per open denial, flags it, moves its version, and tells the team’s managers', async () => {
    const team = await createTeam();
    const sam = await createPerson('specialist', team.id);
    const lee = await createPerson('manager', team.id);
    const payer = await createPayer();
    const open = await createDenial({ payerId: payer.id, ownerId: sam.id, teamId: team.id });
    const closed = await createDenial({ payerId: payer.id, ownerId: sam.id, teamId: team.id, status: 'written_off' });
    const before = await versionOf(open);

    const raised = await db.$transaction((tx) =>
      raiseEscalations(tx, sam, [
        { denialId: open, reason: 'Payer portal refuses the appeal form' },
        { denialId: closed, reason: 'closed: skipped' },
      ]),
    );
    expect(raised.map((r) => r.denialId)).toEqual([open]);
    const denial = await db.denial.findUniqueOrThrow({ where: { id: open } });
    expect(denial.escalated).toBe(true);
    expect(denial.version).toBe(before + 1);
    const notes = await db.notification.findMany({ where: { denialId: open } });
    expect(notes.map((n) => [n.userId, n.kind])).toEqual([[lee.id, 'escalation_raised']]);
    const event = await db.denialEvent.findFirstOrThrow({ where: { denialId: open, type: 'escalated' } });
    expect(event.note).toBe('Payer portal refuses the appeal form');

    // Raising again, or from a second transaction at the same time, opens nothing more.
    const again = await Promise.all([
      db.$transaction((tx) => raiseEscalations(tx, systemActor(null, 'test'), [{ denialId: open, reason: 'SLA', slaRule: 'follow_up_overdue' }])),
      db.$transaction((tx) => raiseEscalations(tx, sam, [{ denialId: open, reason: 'again' }])),
    ]);
    expect(again.flat()).toEqual([]);
    expect(await db.escalation.count({ where: { denialId: open } })).toBe(1);
  });

  it('goes to the organisation-wide managers when the team has none', async () => {
    const team = await createTeam();
    const sam = await createPerson('specialist', team.id);
    const boss = await createPerson('manager', null, undefined, { orgWide: true });
    const payer = await createPayer();
    const id = await createDenial({ payerId: payer.id, ownerId: sam.id, teamId: team.id });
    await db.$transaction((tx) => raiseEscalations(tx, sam, [{ denialId: id, reason: 'Need a manager' }]));
    const recipients = (await db.notification.findMany({ where: { denialId: id } })).map((n) => n.userId);
    expect(recipients).toContain(boss.id);
  });
});

describe('notify', () => {
  it('skips the actor themselves and clips long titles', async () => {
    const a = await createPerson('specialist');
    const b = await createPerson('specialist');
    const written = await notify(db, a.id, [
      { userId: a.id, kind: 'assignment', title: 'to myself' },
      { userId: b.id, kind: 'assignment', title: 'x'.repeat(500) },
    ]);
    expect(written).toBe(1);
    const rows = await db.notification.findMany({ where: { userId: { in: [a.id, b.id] } } });
    expect(rows).toHaveLength(1);
    expect(rows[0]!.title).toHaveLength(200);
    expect(rows[0]!.actorId).toBe(a.id);
  });
});
