import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays } from '@/lib/domain/dates';
import type { Actor } from '@/lib/domain/permissions';
import { queueParamsSchema } from '@/lib/domain/queue-params';
import { todayIso } from '@/lib/server/clock';
import { db, pool } from '@/lib/server/db';
import { listQueue } from '@/lib/server/denials/list-queue';
import { listQueueOptions } from '@/lib/server/denials/list-queue-options';
import { clearAway, listTeamAway, setAway } from '@/lib/server/team/away';
import { createDenial, createPayer, createPerson, createTeam } from '../../support/denial-factory';

const today = todayIso();
let team: string;
let lee: Actor;
let payer: string;

beforeAll(async () => {
  team = (await createTeam()).id;
  lee = await createPerson('manager', team, 'Lee Away Manager');
  payer = (await createPayer('commercial')).id;
});

afterAll(async () => {
  await db.$disconnect();
  await pool.end();
});

const mine = (actor: Actor, on: string) => listQueue(actor, queueParamsSchema.parse({ view: 'mine' }), on);

describe('out of office', () => {
  it('puts the absent person’s due follow-ups in the cover’s queue, marked, and only until the last day', async () => {
    const sam = await createPerson('specialist', team, 'Sam Away');
    const riley = await createPerson('specialist', team, 'Riley Cover');
    const due = await createDenial({ payerId: payer, ownerId: sam.id, teamId: team, status: 'in_progress', followUpDate: addDays(today, -1) });
    const later = await createDenial({ payerId: payer, ownerId: sam.id, teamId: team, status: 'in_progress', followUpDate: addDays(today, 5) });
    const closed = await createDenial({ payerId: payer, ownerId: sam.id, teamId: team, status: 'written_off', followUpDate: addDays(today, -1) });
    const own = await createDenial({ payerId: payer, ownerId: riley.id, teamId: team, status: 'in_progress' });

    expect((await mine(riley, today)).rows.map((r) => r.id)).toEqual([own]);
    const set = await setAway(lee, { userId: sam.id, from: addDays(today, -1), until: addDays(today, 2), coverId: riley.id });
    expect(set).toMatchObject({ ok: true, data: { phase: 'current', coverName: 'Riley Cover' } });

    const covered = await mine(riley, today);
    expect(covered.rows.map((r) => r.id).sort()).toEqual([own, due].sort());
    expect(covered.rows.find((r) => r.id === due)).toMatchObject({ coveringFor: 'Sam Away' });
    expect(covered.rows.find((r) => r.id === own)!.coveringFor).toBeUndefined();
    expect(covered.rows.map((r) => r.id)).not.toContain(later);
    expect(covered.rows.map((r) => r.id)).not.toContain(closed);
    // Sam keeps them too: cover adds work to Riley's queue, it does not take it from Sam.
    expect((await mine(sam, today)).rows.map((r) => r.id)).toContain(due);

    // After the last day they are Sam's alone again.
    expect((await mine(riley, addDays(today, 3))).rows.map((r) => r.id)).toEqual([own]);

    const notes = await db.notification.findMany({ where: { userId: riley.id } });
    expect(notes).toHaveLength(1);
    expect(notes[0]!.title).toContain('Sam Away');
    expect(await db.auditEvent.count({ where: { action: 'team.away_set', entityId: sam.id } })).toBe(1);
  });

  it('shows who is away, and who covers, wherever owners are picked; clearing ends the cover at once', async () => {
    const sam = await createPerson('specialist', team, 'Sam Picked');
    const riley = await createPerson('specialist', team, 'Riley Picked');
    await setAway(lee, { userId: sam.id, from: today, until: addDays(today, 4), coverId: riley.id });
    const options = await listQueueOptions(lee);
    expect(options.people.find((p) => p.id === sam.id)!.away).toEqual({ from: today, until: addDays(today, 4), coverName: 'Riley Picked' });
    expect(options.people.find((p) => p.id === riley.id)!.away).toBeNull();
    const listed = await listTeamAway(lee, today);
    expect(listed.ok && listed.data.find((p) => p.id === sam.id)!.away).toMatchObject({ phase: 'current', coverId: riley.id });

    const due = await createDenial({ payerId: payer, ownerId: sam.id, teamId: team, status: 'in_progress', followUpDate: today });
    expect((await mine(riley, today)).rows.map((r) => r.id)).toContain(due);
    expect(await clearAway(lee, { userId: sam.id })).toMatchObject({ ok: true });
    expect((await mine(riley, today)).rows.map((r) => r.id)).not.toContain(due);
    expect(await db.auditEvent.count({ where: { action: 'team.away_clear', entityId: sam.id } })).toBe(1);
    expect(await clearAway(lee, { userId: sam.id })).toMatchObject({ ok: false, code: 'invalid_input' });
  });

  it('refuses a cover outside the team, the person themselves, backwards or past dates, and non-managers', async () => {
    const sam = await createPerson('specialist', team);
    const riley = await createPerson('specialist', team);
    const outsider = await createPerson('specialist', (await createTeam()).id);
    const ok = { userId: sam.id, from: today, until: addDays(today, 1), coverId: riley.id };
    expect(await setAway(lee, { ...ok, coverId: outsider.id })).toMatchObject({ ok: false, code: 'invalid_input', fieldErrors: { coverId: expect.any(Array) } });
    expect(await setAway(lee, { ...ok, coverId: sam.id })).toMatchObject({ ok: false, code: 'invalid_input' });
    expect(await setAway(lee, { ...ok, until: addDays(today, -1) })).toMatchObject({ ok: false, code: 'invalid_input' });
    expect(await setAway(lee, { ...ok, from: addDays(today, -9), until: addDays(today, -2) })).toMatchObject({ ok: false, code: 'invalid_input' });
    expect(await setAway(riley, ok)).toMatchObject({ ok: false, code: 'forbidden' });
    expect(await db.user.findUniqueOrThrow({ where: { id: sam.id } })).toMatchObject({ awayCoverId: null });
  });
});
