// Escalate with a reason, and a manager's resolve / return / reassign (issue 14): who may, within whose reach,
// what one concurrent handle leaves to the other, and that closing the denial closes its escalation.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '@/lib/domain/permissions';
import { db, pool } from '@/lib/server/db';
import { getDenial } from '@/lib/server/denials/get-denial';
import { requestWriteOff } from '@/lib/server/denials/request-write-off';
import { undoDenialChange } from '@/lib/server/denials/undo-denial-change';
import { CLOSED_WITH_DENIAL_NOTE } from '@/lib/server/escalations/close-escalations';
import { escalateDenial, escalateDenialInput } from '@/lib/server/escalations/escalate-denial';
import { ESCALATION_NOT_FOUND } from '@/lib/server/escalations/end-escalation';
import { handleEscalation, handleEscalationInput } from '@/lib/server/escalations/handle-escalation';
import { listEscalations } from '@/lib/server/escalations/list-escalations';
import { withdrawEscalation } from '@/lib/server/escalations/withdraw-escalation';
import { raiseEscalations } from '@/lib/server/escalations/raise-escalations';
import { systemActor } from '@/lib/server/audit';
import { updateDenials } from '@/lib/server/remits/update-denials';
import { createDenial, createPayer, createPerson, createTeam, versionOf } from '../../support/denial-factory';

const TODAY = '2026-11-20';
let teamA: string;
let payer: string;
let sam: Actor; // specialist, team A
let ria: Actor; // specialist, team A
let lee: Actor; // manager, team A
let kim: Actor; // manager, team A
let bob: Actor; // manager, team B
let ben: Actor; // specialist, team B

beforeAll(async () => {
  teamA = (await createTeam()).id;
  const teamB = (await createTeam()).id;
  payer = (await createPayer()).id;
  [sam, ria, lee, kim, bob, ben] = await Promise.all([
    createPerson('specialist', teamA),
    createPerson('specialist', teamA),
    createPerson('manager', teamA),
    createPerson('manager', teamA),
    createPerson('manager', teamB),
    createPerson('specialist', teamB),
  ]);
});

afterAll(async () => {
  await db.$disconnect();
  await pool.end();
});

/** A team-A denial Sam owns, escalated by Sam; returns the denial and its open escalation's id. */
async function escalatedBySam(reason = 'Payer refuses the corrected claim; deadline in 5 days', deniedCents = 120_000) {
  const id = await createDenial({ payerId: payer, ownerId: sam.id, teamId: teamA, status: 'in_progress', deniedCents });
  const raised = await escalateDenial(sam, { id, version: 0, reason }, TODAY);
  if (!raised.ok) throw new Error(raised.message);
  const escalation = await db.escalation.findFirstOrThrow({ where: { denialId: id, status: 'open' } });
  return { id, escalationId: escalation.id };
}

const kinds = async (denialId: string) =>
  (await db.notification.findMany({ where: { denialId }, orderBy: { createdAt: 'asc' } })).map((n) => [n.userId, n.kind]);

describe('raising', () => {
  it('needs a reason of a few words, in plain text', () => {
    const ref = { id: crypto.randomUUID(), version: 0 };
    expect(escalateDenialInput.safeParse({ ...ref }).success).toBe(false);
    expect(escalateDenialInput.safeParse({ ...ref, reason: '  ' }).success).toBe(false);
    expect(escalateDenialInput.safeParse({ ...ref, reason: 'ok' }).success).toBe(false);
    expect(escalateDenialInput.safeParse({ ...ref, reason: 'Stuck\u0000' }).success).toBe(false);
    expect(escalateDenialInput.safeParse({ ...ref, reason: 'Payer stuck' }).success).toBe(true);
  });

  it('a specialist escalates to the team’s managers: row, flag, version, timeline, notifications', async () => {
    const { id, escalationId } = await escalatedBySam();
    expect(await db.escalation.findUniqueOrThrow({ where: { id: escalationId } })).toMatchObject({ raisedById: sam.id, teamId: teamA, status: 'open' });
    expect(await db.denial.findUniqueOrThrow({ where: { id } })).toMatchObject({ escalated: true, version: 1 });
    expect((await kinds(id)).sort()).toEqual([[kim.id, 'escalation_raised'], [lee.id, 'escalation_raised']].sort());
    // The detail page shows it, and who may do what with it.
    const seenBySam = await getDenial(sam, id, TODAY);
    expect(seenBySam.escalation).toMatchObject({ id: escalationId, raisedBy: sam.name, reason: 'Payer refuses the corrected claim; deadline in 5 days' });
    expect(seenBySam.viewer).toMatchObject({ canEscalate: false, canHandleEscalation: false });
    expect((await getDenial(lee, id, TODAY)).viewer.canHandleEscalation).toBe(true);
  });

  it('is refused on a stale version (409 with the fresh state), twice, or outside the raiser’s reach (404)', async () => {
    const id = await createDenial({ payerId: payer, ownerId: sam.id, teamId: teamA, status: 'in_progress' });
    await db.denial.update({ where: { id }, data: { version: { increment: 1 } } });
    expect(await escalateDenial(sam, { id, version: 0, reason: 'Stale view' }, TODAY)).toMatchObject({ ok: false, code: 'conflict', details: { current: { id, version: 1 } } });
    expect(await escalateDenial(sam, { id, version: 1, reason: 'First' }, TODAY)).toMatchObject({ ok: true, data: { escalated: true, version: 2 } });
    expect(await escalateDenial(sam, { id, version: 2, reason: 'Second' }, TODAY)).toMatchObject({ ok: false, code: 'invalid_input' });
    const outOfReach = await escalateDenial(ben, { id, version: 2, reason: 'Not mine' }, TODAY);
    expect(outOfReach).toMatchObject({ ok: false, code: 'not_found' });
    expect(outOfReach).toEqual(await escalateDenial(ben, { id: crypto.randomUUID(), version: 0, reason: 'Not mine' }, TODAY));
  });
});

describe('handling', () => {
  it('needs a note, and a new owner for a reassignment', () => {
    const base = { escalationId: crypto.randomUUID() };
    expect(handleEscalationInput.safeParse({ ...base, outcome: 'resolved', note: '' }).success).toBe(false);
    expect(handleEscalationInput.safeParse({ ...base, outcome: 'resolved', note: 'Appeal at level 2' }).success).toBe(true);
    const noOwner = handleEscalationInput.safeParse({ ...base, outcome: 'reassigned', note: 'Take it' });
    expect(noOwner.success).toBe(false);
  });

  it('is a manager’s: a specialist may raise but not handle', async () => {
    const { escalationId } = await escalatedBySam();
    expect(await handleEscalation(sam, { escalationId, outcome: 'resolved', note: 'I decide myself' }, TODAY)).toMatchObject({ ok: false, code: 'forbidden' });
    expect(await db.escalation.findUniqueOrThrow({ where: { id: escalationId } })).toMatchObject({ status: 'open' });
  });

  it('another team’s escalation answers as a missing one (404)', async () => {
    const { escalationId } = await escalatedBySam();
    const other = await handleEscalation(bob, { escalationId, outcome: 'resolved', note: 'Not my team' }, TODAY);
    expect(other).toEqual({ ok: false, code: 'not_found', message: ESCALATION_NOT_FOUND });
    expect(await handleEscalation(bob, { escalationId: crypto.randomUUID(), outcome: 'resolved', note: 'Not my team' }, TODAY)).toEqual(other);
  });

  it('resolve: the row closes with the note, the flag clears, the version moves, the timeline, audit and the raiser are told', async () => {
    const { id, escalationId } = await escalatedBySam();
    const before = await versionOf(id);
    const result = await handleEscalation(lee, { escalationId, outcome: 'resolved', note: 'Approved a level 2 appeal' }, TODAY);
    expect(result).toMatchObject({ ok: true, data: { escalated: false, version: before + 1 } });
    expect(await db.escalation.findUniqueOrThrow({ where: { id: escalationId } })).toMatchObject({ status: 'resolved', handledById: lee.id, handledNote: 'Approved a level 2 appeal' });
    const event = await db.denialEvent.findFirstOrThrow({ where: { denialId: id, type: 'escalation_handled' } });
    expect(event).toMatchObject({ actorId: lee.id, note: 'Approved a level 2 appeal', data: { escalationId, outcome: 'resolved' } });
    expect(await db.auditEvent.count({ where: { action: 'escalation.handle', entityId: id, actorId: lee.id } })).toBe(1);
    expect(await db.notification.findFirst({ where: { denialId: id, kind: 'escalation_handled' } })).toMatchObject({ userId: sam.id, body: 'Approved a level 2 appeal' });
    // Resolved, it can be raised again.
    expect(await escalateDenial(sam, { id, version: before + 1, reason: 'Payer denied level 2 too' }, TODAY)).toMatchObject({ ok: true });
  });

  it('return: the owner keeps it and is told what to do', async () => {
    const id = await createDenial({ payerId: payer, ownerId: sam.id, teamId: teamA, status: 'in_progress' });
    // Raised by the SLA job: nobody raised it, so the owner is the one told.
    const [raised] = await db.$transaction((tx) => raiseEscalations(tx, systemActor(null, 'test'), [{ denialId: id, reason: 'Follow-up overdue by 7 days', slaRule: 'follow_up_overdue' }]));
    expect(await handleEscalation(kim, { escalationId: raised!.id, outcome: 'returned', note: 'Call the payer rep today' }, TODAY)).toMatchObject({ ok: true, data: { owner: { id: sam.id } } });
    expect(await db.notification.findFirst({ where: { denialId: id, kind: 'escalation_handled' } })).toMatchObject({ userId: sam.id });
  });

  it('reassign: to an active specialist the manager manages; the new owner gets an assignment notification', async () => {
    const { id, escalationId } = await escalatedBySam();
    const elsewhere = await handleEscalation(lee, { escalationId, outcome: 'reassigned', note: 'Ben takes it', assigneeId: ben.id }, TODAY);
    expect(elsewhere).toMatchObject({ ok: false, code: 'invalid_input', fieldErrors: { assigneeId: expect.any(Array) } });
    const toOwner = await handleEscalation(lee, { escalationId, outcome: 'reassigned', note: 'Sam again', assigneeId: sam.id }, TODAY);
    expect(toOwner).toMatchObject({ ok: false, code: 'invalid_input' });
    const toManager = await handleEscalation(lee, { escalationId, outcome: 'reassigned', note: 'Kim takes it', assigneeId: kim.id }, TODAY);
    expect(toManager).toMatchObject({ ok: false, code: 'invalid_input' });

    expect(await handleEscalation(lee, { escalationId, outcome: 'reassigned', note: 'Ria knows this payer', assigneeId: ria.id }, TODAY)).toMatchObject({
      ok: true,
      data: { owner: { id: ria.id }, escalated: false },
    });
    const notes = await kinds(id);
    expect(notes).toContainEqual([sam.id, 'escalation_handled']);
    expect(notes).toContainEqual([ria.id, 'assignment']);
    const event = await db.denialEvent.findFirstOrThrow({ where: { denialId: id, type: 'escalation_handled' } });
    expect(event.data).toMatchObject({ outcome: 'reassigned', from: { id: sam.id }, to: { id: ria.id, name: ria.name } });
  });

  it('two managers at once: one wins, the other gets a clear 409 naming who handled it', async () => {
    const { id, escalationId } = await escalatedBySam();
    const results = await Promise.all([
      handleEscalation(lee, { escalationId, outcome: 'resolved', note: 'Lee decides' }, TODAY),
      handleEscalation(kim, { escalationId, outcome: 'returned', note: 'Kim decides' }, TODAY),
    ]);
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    const loser = results.find((r) => !r.ok);
    expect(loser).toMatchObject({ ok: false, code: 'conflict' });
    const row = await db.escalation.findUniqueOrThrow({ where: { id: escalationId }, include: { handledBy: true } });
    expect(loser && !loser.ok && loser.message).toContain(row.handledBy!.name);
    expect(await db.denialEvent.count({ where: { denialId: id, type: 'escalation_handled' } })).toBe(1);
    // Handling it again later is the same conflict.
    expect(await handleEscalation(lee, { escalationId, outcome: 'resolved', note: 'Again' }, TODAY)).toMatchObject({ ok: false, code: 'conflict' });
  });
});

describe('withdrawing', () => {
  it('is its raiser’s alone, while it is open; it clears the flag and goes on the timeline', async () => {
    const { id, escalationId } = await escalatedBySam();
    // A colleague's escalation answers as a missing one; so does another team's.
    expect(await withdrawEscalation(ria, { escalationId, note: 'Not mine to take back' }, TODAY)).toEqual({ ok: false, code: 'not_found', message: ESCALATION_NOT_FOUND });
    expect(await withdrawEscalation(ben, { escalationId, note: 'Not mine to take back' }, TODAY)).toEqual({ ok: false, code: 'not_found', message: ESCALATION_NOT_FOUND });
    expect((await getDenial(sam, id, TODAY)).viewer.canWithdrawEscalation).toBe(true);
    expect(await withdrawEscalation(sam, { escalationId, note: 'The payer called back and reprocessed it' }, TODAY)).toMatchObject({ ok: true, data: { escalated: false } });
    expect(await db.escalation.findUniqueOrThrow({ where: { id: escalationId } })).toMatchObject({ status: 'withdrawn', handledById: sam.id });
    expect(await db.denialEvent.findFirstOrThrow({ where: { denialId: id, type: 'escalation_handled' } })).toMatchObject({ data: { outcome: 'withdrawn' } });
    // Withdrawn, a manager's handling finds it ended.
    expect(await handleEscalation(lee, { escalationId, outcome: 'resolved', note: 'Too late' }, TODAY)).toMatchObject({ ok: false, code: 'conflict' });
  });
});

describe('closing the denial', () => {
  // $40: under the approval threshold, so the manager's write-off closes the denial at once.
  it('a write-off closes its open escalation as resolved, and tells the raiser', async () => {
    const { id, escalationId } = await escalatedBySam(undefined, 4_000);
    expect(await requestWriteOff(lee, { id, version: await versionOf(id), reasonCode: 'other', reason: 'Not worth appealing' })).toMatchObject({ ok: true, data: { status: 'written_off', escalated: false } });
    expect(await db.escalation.findUniqueOrThrow({ where: { id: escalationId } })).toMatchObject({ status: 'resolved', handledById: lee.id, handledNote: CLOSED_WITH_DENIAL_NOTE });
    expect(await kinds(id)).toContainEqual([sam.id, 'escalation_handled']);
  });

  it('undoing the closing puts the escalation back in the queue', async () => {
    const { id, escalationId } = await escalatedBySam(undefined, 4_000);
    const closed = await requestWriteOff(lee, { id, version: await versionOf(id), reasonCode: 'other', reason: 'Not worth appealing' });
    if (!closed.ok || !closed.data.undo) throw new Error('expected an undoable write-off');
    expect(await undoDenialChange(lee, { id, version: closed.data.version, eventId: closed.data.undo.eventId })).toMatchObject({ ok: true, data: { status: 'in_progress', escalated: true } });
    expect(await db.escalation.findUniqueOrThrow({ where: { id: escalationId } })).toMatchObject({ status: 'open', handledById: null, handledNote: null });
  });

  it('a payment on a remittance that settles it does too, and clears the flag', async () => {
    const { id, escalationId } = await escalatedBySam();
    const client = await pool.connect();
    try {
      await client.query('BEGIN');
      await updateDenials(client, [{ id, status: 'resolved_paid', recoveredCents: 120_000, overpaidCents: 0, appealWonOn: null }], null);
      await client.query('COMMIT');
    } finally {
      client.release();
    }
    expect(await db.denial.findUniqueOrThrow({ where: { id } })).toMatchObject({ status: 'resolved_paid', escalated: false });
    expect(await db.escalation.findUniqueOrThrow({ where: { id: escalationId } })).toMatchObject({ status: 'resolved', handledById: null });
  });
});

describe('the escalation queue', () => {
  it('lists the open escalations in the manager’s reach, oldest first, with who raised them; audited as a PHI read', async () => {
    const team = (await createTeam()).id;
    const [owner, boss] = await Promise.all([createPerson('specialist', team), createPerson('manager', team)]);
    const [first, second] = [await createDenial({ payerId: payer, ownerId: owner.id, teamId: team }), await createDenial({ payerId: payer, ownerId: owner.id, teamId: team })];
    await escalateDenial(owner, { id: first!, version: 0, reason: 'First, waiting longest' }, TODAY);
    await db.$transaction((tx) => raiseEscalations(tx, systemActor(null, 'test'), [{ denialId: second!, reason: 'Unassigned for 48 hours', slaRule: 'unassigned' }]));

    // Filtered to the new team: the reach also holds the shared pool, where other test files escalate too.
    const page = await listEscalations(boss, { source: 'all', team }, TODAY, 1);
    expect(page.rows).toMatchObject([{ denialId: first, raisedBy: owner.name, slaRule: null, reason: 'First, waiting longest' }]);
    expect(page.people.map((p) => p.id)).toEqual([owner.id]);
    const next = await listEscalations(boss, { source: 'all', team, after: page.next! }, TODAY, 1);
    expect(next.rows).toMatchObject([{ denialId: second, raisedBy: null, slaRule: 'unassigned' }]);
    expect((await listEscalations(boss, { source: 'sla', team }, TODAY)).rows.map((r) => r.denialId)).toEqual([second]);
    // Another team's manager sees none of them.
    expect((await listEscalations(bob, { source: 'all' }, TODAY)).rows.map((r) => r.denialId)).not.toContain(first);
    expect(await db.auditEvent.count({ where: { action: 'escalation.list', actorId: boss.id, phi: true } })).toBe(3);
    await expect(listEscalations(sam, { source: 'all' }, TODAY)).rejects.toMatchObject({ code: 'forbidden' });
  });
});
