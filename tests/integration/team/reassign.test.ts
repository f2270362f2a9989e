import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '@/lib/domain/permissions';
import { db, pool } from '@/lib/server/db';
import { REASON_REQUIRED, assignDenial } from '@/lib/server/denials/assign-denial';
import { bulkUpdateDenials } from '@/lib/server/denials/bulk-update-denials';
import { notify } from '@/lib/server/notifications/notify';
import { createDenial, createPayer, createPerson, createTeam, versionOf } from '../../support/denial-factory';

let team: string;
let sam: Actor;
let riley: Actor;
let lee: Actor; // manager
let payer: { id: string; name: string };

const notificationsOf = (userId: string) => db.notification.findMany({ where: { userId }, orderBy: { createdAt: 'asc' } });

beforeAll(async () => {
  team = (await createTeam()).id;
  sam = await createPerson('specialist', team, 'Sam Reassign');
  riley = await createPerson('specialist', team, 'Riley Reassign');
  lee = await createPerson('manager', team, 'Lee Manager');
  payer = await createPayer('commercial');
});

afterAll(async () => {
  await db.$disconnect();
  await pool.end();
});

describe('reassigning one denial', () => {
  it('a manager taking a colleague’s denial away must say why; nothing is written or sent without it', async () => {
    const id = await createDenial({ payerId: payer.id, ownerId: sam.id, teamId: team, status: 'assigned', deniedCents: 123_45 });
    const refused = await assignDenial(lee, { id, version: 0, assignee: riley.id });
    expect(refused).toMatchObject({ ok: false, code: 'invalid_input', message: REASON_REQUIRED, fieldErrors: { reason: [expect.any(String)] } });
    expect(await assignDenial(lee, { id, version: 0, assignee: riley.id, reason: ' x ' })).toMatchObject({ ok: false, code: 'invalid_input' });
    expect(await versionOf(id)).toBe(0);
    expect(await notificationsOf(riley.id)).toEqual([]);
  });

  it('puts the reason on the timeline and in the audit trail, and tells the new owner in the same transaction', async () => {
    const id = await createDenial({ payerId: payer.id, ownerId: sam.id, teamId: team, status: 'assigned', deniedCents: 123_45 });
    const moved = await assignDenial(lee, { id, version: 0, assignee: riley.id, reason: 'Sam is on leave this week' });
    expect(moved).toMatchObject({ ok: true, data: { owner: { id: riley.id }, version: 1 } });
    const event = await db.denialEvent.findFirstOrThrow({ where: { denialId: id, type: 'assigned' } });
    expect(event.note).toBe('Sam is on leave this week');
    const audit = await db.auditEvent.findFirstOrThrow({ where: { entityId: id, action: 'denial.assign' } });
    expect(audit.details).toMatchObject({ from: sam.id, to: riley.id, reason: 'Sam is on leave this week' });
    const [note] = (await notificationsOf(riley.id)).filter((n) => n.denialId === id);
    expect(note).toMatchObject({ kind: 'assignment', href: `/denials/${id}`, body: 'Sam is on leave this week', actorId: lee.id });
    expect(note!.title).toBe(`Lee Manager assigned you a denial: ${payer.name}, $123.45`);
  });

  it('a stale reassignment is refused and notifies nobody', async () => {
    const id = await createDenial({ payerId: payer.id, ownerId: sam.id, teamId: team, status: 'assigned' });
    await assignDenial(lee, { id, version: 0, assignee: 'me' });
    const before = (await notificationsOf(riley.id)).length;
    expect(await assignDenial(lee, { id, version: 0, assignee: riley.id, reason: 'Riley knows this payer' })).toMatchObject({ ok: false, code: 'conflict' });
    expect(await notificationsOf(riley.id)).toHaveLength(before);
  });

  it('taking a denial yourself, or handing out the pool, needs no reason', async () => {
    const owned = await createDenial({ payerId: payer.id, ownerId: sam.id, teamId: team, status: 'assigned' });
    expect(await assignDenial(lee, { id: owned, version: 0, assignee: 'me' })).toMatchObject({ ok: true });
    const pool = await createDenial({ payerId: payer.id, teamId: team });
    expect(await assignDenial(lee, { id: pool, version: 0, assignee: sam.id })).toMatchObject({ ok: true, data: { owner: { id: sam.id } } });
    expect((await notificationsOf(sam.id)).some((n) => n.denialId === pool)).toBe(true);
  });
});

describe('notifications ride the change’s transaction', () => {
  it('a transaction that rolls back after notifying leaves no notification', async () => {
    const before = (await notificationsOf(riley.id)).length;
    await expect(
      db.$transaction(async (tx) => {
        await notify(tx, lee.id, [{ userId: riley.id, kind: 'assignment', title: 'never sent' }]);
        throw new Error('rolled back');
      }),
    ).rejects.toThrow('rolled back');
    expect(await notificationsOf(riley.id)).toHaveLength(before);
  });
});

describe('bulk reassignment', () => {
  it('carries the reason to each denial and notifies the new owner per denial; without it, colleagues’ rows are refused', async () => {
    const ids = await Promise.all([1, 2, 3].map(() => createDenial({ payerId: payer.id, ownerId: sam.id, teamId: team, status: 'assigned' })));
    const items = ids.map((id) => ({ id, version: 0 }));
    const refused = await bulkUpdateDenials(lee, { items, change: { kind: 'assign', assignee: riley.id } });
    expect(refused.ok && refused.data.failed.map((f) => f.code)).toEqual(['invalid_input', 'invalid_input', 'invalid_input']);
    const done = await bulkUpdateDenials(lee, { items, change: { kind: 'assign', assignee: riley.id, reason: 'Balancing the load' } });
    expect(done.ok && done.data.updated).toHaveLength(3);
    const notes = (await notificationsOf(riley.id)).filter((n) => ids.includes(n.denialId!));
    expect(notes).toHaveLength(3);
    const events = await db.denialEvent.findMany({ where: { denialId: { in: ids }, type: 'assigned' } });
    expect(events.map((e) => e.note)).toEqual(['Balancing the load', 'Balancing the load', 'Balancing the load']);
  });
});
