import { afterAll, describe, expect, it } from 'vitest';
import { db, pool } from '@/lib/server/db';
import { addNote } from '@/lib/server/denials/add-note';
import { changeStatus } from '@/lib/server/denials/change-status';
import { createDenial, createPayer, createPerson, createTeam } from '../../support/denial-factory';

afterAll(async () => {
  await db.$disconnect();
  await pool.end();
});

describe('optimistic concurrency on a denial', () => {
  it('20 parallel edits from the same version: exactly one succeeds, the rest get a conflict, nothing is lost', async () => {
    const team = (await createTeam()).id;
    const people = await Promise.all(Array.from({ length: 4 }, (_, i) => createPerson('specialist', team, `Editor ${i}`)));
    const payer = (await createPayer()).id;
    const id = await createDenial({ payerId: payer, teamId: team, ownerId: people[0]!.id, status: 'assigned' });

    const results = await Promise.all(
      Array.from({ length: 20 }, (_, i) => addNote(people[i % people.length]!, { id, version: 0, note: `edit ${i}` })),
    );

    const winners = results.filter((r) => r.ok);
    const conflicts = results.filter((r) => !r.ok && r.code === 'conflict');
    expect(winners).toHaveLength(1);
    expect(conflicts).toHaveLength(19);
    // Every loser is told who won and sees the state the winner left.
    for (const c of conflicts) {
      expect(c).toMatchObject({ details: { current: { version: 1 } } });
    }
    const denial = await db.denial.findUniqueOrThrow({ where: { id } });
    expect(denial.version).toBe(1);
    // The winner's note is there, once; no loser's note slipped in.
    const notes = await db.denialEvent.findMany({ where: { denialId: id, type: 'note' } });
    expect(notes).toHaveLength(1);
    expect(winners[0]!.ok && notes[0]!.note).toMatch(/^edit \d+$/);
    expect(await db.auditEvent.count({ where: { entityType: 'denial', entityId: id, action: 'denial.note' } })).toBe(1);
  });

  it('a status change racing a note: one wins, the other is refused, and a retry on the fresh version succeeds', async () => {
    const team = (await createTeam()).id;
    const [a, b] = await Promise.all([createPerson('specialist', team), createPerson('specialist', team)]);
    const id = await createDenial({ payerId: (await createPayer()).id, teamId: team, ownerId: a.id, status: 'assigned' });
    const [s, n] = await Promise.all([changeStatus(a, { id, version: 0, to: 'in_progress' }), addNote(b, { id, version: 0, note: 'x' })]);
    expect([s.ok, n.ok].filter(Boolean)).toHaveLength(1);
    const loser = s.ok ? n : s;
    expect(loser).toMatchObject({ ok: false, code: 'conflict' });
    const fresh = !loser.ok && (loser.details as { current: { version: number } }).current.version;
    const retry = s.ok ? await addNote(b, { id, version: fresh as number, note: 'x' }) : await changeStatus(a, { id, version: fresh as number, to: 'in_progress' });
    expect(retry).toMatchObject({ ok: true, data: { version: 2 } });
  });
});
