import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays } from '@/lib/domain/dates';
import { todayIso } from '@/lib/server/clock';
import { db, pool } from '@/lib/server/db';
import { addNote } from '@/lib/server/denials/add-note';
import { assignDenial } from '@/lib/server/denials/assign-denial';
import { bulkUpdateDenials } from '@/lib/server/denials/bulk-update-denials';
import { changeStatus, changeStatusInput } from '@/lib/server/denials/change-status';
import { decideWriteOff } from '@/lib/server/denials/decide-write-off';
import type { Actor } from '@/lib/domain/permissions';
import { escalateDenial } from '@/lib/server/escalations/escalate-denial';
import { markResubmitted } from '@/lib/server/denials/mark-resubmitted';
import { requestWriteOff, requestWriteOffInput } from '@/lib/server/denials/request-write-off';
import { setFollowUp } from '@/lib/server/denials/set-follow-up';
import { WRITE_OFF_THRESHOLD_KEY } from '@/lib/server/denials/write-off-threshold';
import { createDenial, createPayer, createPerson, createTeam, versionOf } from '../../support/denial-factory';

let teamA: string;
let sam: Actor;
let riley: Actor;
let jordan: Actor; // another team
let morgan: Actor; // manager, organisation-wide
let frankie: Actor; // front desk
let payer: string;
const today = todayIso();

const events = (denialId: string) => db.denialEvent.findMany({ where: { denialId }, orderBy: { createdAt: 'asc' } });
const audits = (denialId: string) => db.auditEvent.findMany({ where: { entityType: 'denial', entityId: denialId }, orderBy: { id: 'asc' } });

beforeAll(async () => {
  teamA = (await createTeam()).id;
  const teamB = (await createTeam()).id;
  sam = await createPerson('specialist', teamA, 'Sam Specialist');
  riley = await createPerson('specialist', teamA, 'Riley Specialist');
  jordan = await createPerson('specialist', teamB, 'Jordan Specialist');
  morgan = await createPerson('manager', teamA, 'Morgan Manager', { orgWide: true });
  frankie = await createPerson('front_desk', null, 'Frankie Front Desk');
  payer = (await createPayer('commercial')).id;
  await db.setting.upsert({ where: { key: WRITE_OFF_THRESHOLD_KEY }, create: { key: WRITE_OFF_THRESHOLD_KEY, value: 50_000 }, update: { value: 50_000 } });
});

afterAll(async () => {
  await db.$disconnect();
  await pool.end();
});

describe('assigning', () => {
  it('a specialist takes an unassigned denial: it becomes assigned to them, on the timeline and in the audit trail', async () => {
    const id = await createDenial({ payerId: payer });
    const result = await assignDenial(sam, { id, version: 0, assignee: 'me' });
    expect(result).toMatchObject({ ok: true, data: { version: 1, status: 'assigned', owner: { id: sam.id, name: 'Sam Specialist' }, teamId: teamA } });
    expect(await events(id)).toEqual([expect.objectContaining({ type: 'assigned', actorId: sam.id })]);
    expect(await audits(id)).toEqual([expect.objectContaining({ action: 'denial.assign', actorId: sam.id, ip: '127.0.0.1' })]);
  });

  it('a specialist cannot take a denial someone else owns, nor hand work to others', async () => {
    const id = await createDenial({ payerId: payer, ownerId: riley.id, teamId: teamA, status: 'assigned' });
    expect(await assignDenial(sam, { id, version: 0, assignee: 'me' })).toMatchObject({ ok: false, code: 'forbidden' });
    expect(await assignDenial(riley, { id, version: 0, assignee: sam.id })).toMatchObject({ ok: false, code: 'forbidden' });
    expect(await versionOf(id)).toBe(0);
  });

  it('a manager reassigns, and unassigning an assigned denial puts it back to new', async () => {
    const id = await createDenial({ payerId: payer, ownerId: riley.id, teamId: teamA, status: 'assigned' });
    expect(await assignDenial(morgan, { id, version: 0, assignee: sam.id, reason: 'Riley is on leave' })).toMatchObject({ ok: true, data: { owner: { id: sam.id } } });
    expect(await assignDenial(morgan, { id, version: 1, assignee: null, reason: 'Back to the pool' })).toMatchObject({ ok: true, data: { owner: null, status: 'new' } });
  });

  it('front desk may not touch a denial at all', async () => {
    const id = await createDenial({ payerId: payer });
    expect(await assignDenial(frankie, { id, version: 0, assignee: 'me' })).toMatchObject({ ok: false, code: 'forbidden' });
    expect(await addNote(frankie, { id, version: 0, note: 'hello' })).toMatchObject({ ok: false, code: 'forbidden' });
  });
});

describe('another team’s denial', () => {
  it('answers a specialist as if it did not exist, for every kind of edit, and nothing is written', async () => {
    const id = await createDenial({ payerId: payer, ownerId: jordan.id, teamId: jordan.teamId, status: 'in_progress' });
    const refusals = await Promise.all([
      addNote(sam, { id, version: 0, note: 'not mine' }),
      setFollowUp(sam, { id, version: 0, date: addDays(today, 3) }),
      changeStatus(sam, { id, version: 0, to: 'pending_info' }),
      assignDenial(sam, { id, version: 0, assignee: 'me' }),
      requestWriteOff(sam, { id, version: 0, reasonCode: 'other', reason: 'not mine' }),
    ]);
    for (const r of refusals) expect(r).toMatchObject({ ok: false, code: 'not_found', message: 'This denial does not exist.' });
    expect(await versionOf(id)).toBe(0);
    expect(await events(id)).toEqual([]);
  });
});

describe('follow-ups and notes', () => {
  it('sets and clears a follow-up date, refusing one in the past', async () => {
    const id = await createDenial({ payerId: payer, ownerId: sam.id, teamId: teamA, status: 'assigned' });
    expect(await setFollowUp(sam, { id, version: 0, date: addDays(today, -1) })).toMatchObject({ ok: false, code: 'invalid_input' });
    expect(await setFollowUp(sam, { id, version: 0, date: addDays(today, 7) })).toMatchObject({ ok: true, data: { followUpDate: addDays(today, 7), version: 1 } });
    expect(await setFollowUp(sam, { id, version: 1, date: null })).toMatchObject({ ok: true, data: { followUpDate: null } });
    expect((await events(id)).map((e) => e.data)).toEqual([{ from: null, to: addDays(today, 7) }, { from: addDays(today, 7), to: null }]);
  });

  it('adds a note to the timeline; the audit event records the write, not the text', async () => {
    const id = await createDenial({ payerId: payer, ownerId: sam.id, teamId: teamA, status: 'assigned' });
    expect(await addNote(sam, { id, version: 0, note: 'Called payer, ref 123' })).toMatchObject({ ok: true, data: { version: 1 } });
    expect(await events(id)).toEqual([expect.objectContaining({ type: 'note', note: 'Called payer, ref 123' })]);
    expect((await audits(id))[0]).toMatchObject({ action: 'denial.note', details: { length: 21 } });
  });
});

describe('status along the lifecycle', () => {
  it('moves new → assigned → in progress → appealed (level 1), filing an appeal and rescoring', async () => {
    const id = await createDenial({ payerId: payer, noticeDate: today });
    await assignDenial(sam, { id, version: 0, assignee: 'me' });
    expect(await changeStatus(sam, { id, version: 1, to: 'in_progress' })).toMatchObject({ ok: true, data: { status: 'in_progress' } });
    const before = await db.denial.findUniqueOrThrow({ where: { id } });
    expect(before.deadlineKind).toBe('appeal_1');
    const appealed = await changeStatus(sam, { id, version: 2, to: 'appealed', appealLevel: '1', note: 'Sent records' });
    expect(appealed).toMatchObject({ ok: true, data: { status: 'appealed', appealLevel: '1', deadline: null } });
    expect(await db.appeal.findMany({ where: { denialId: id } })).toEqual([expect.objectContaining({ level: '1', decidedAt: null })]);
    // Back to work after the payer upheld it: the appeal is decided and the next level's window opens.
    expect(await changeStatus(sam, { id, version: 3, to: 'in_progress' })).toMatchObject({ ok: true });
    const after = await db.denial.findUniqueOrThrow({ where: { id } });
    expect(after.deadlineKind).toBe('appeal_2');
    expect(await db.appeal.findFirst({ where: { denialId: id } })).toMatchObject({ outcome: 'upheld' });
  });

  it('keeps a level-3 appeal at level 3: stored as "3", and no later appeal may go back to level 2', async () => {
    const id = await createDenial({ payerId: payer, ownerId: sam.id, teamId: teamA, status: 'in_progress' });
    expect(await changeStatus(sam, { id, version: 0, to: 'appealed', appealLevel: '3' })).toMatchObject({ ok: true, data: { appealLevel: '3' } });
    expect(await db.appeal.findMany({ where: { denialId: id } })).toEqual([expect.objectContaining({ level: '3' })]);
    expect(await changeStatus(sam, { id, version: 1, to: 'in_progress' })).toMatchObject({ ok: true });
    const back = await changeStatus(sam, { id, version: 2, to: 'appealed', appealLevel: '2' });
    expect(back).toMatchObject({ ok: false, code: 'invalid_input', message: 'Already appealed at level 3: cannot go back to level 2.' });
    expect(await changeStatus(sam, { id, version: 2, to: 'appealed', appealLevel: 'external' })).toMatchObject({ ok: true, data: { appealLevel: 'external' } });
  });

  it('refuses transitions outside the lifecycle with the reason, writing nothing', async () => {
    const id = await createDenial({ payerId: payer, ownerId: sam.id, teamId: teamA, status: 'assigned' });
    const refused = await changeStatus(sam, { id, version: 0, to: 'appealed', appealLevel: '1' });
    expect(refused).toMatchObject({ ok: false, code: 'invalid_input', message: 'A denial cannot go from assigned to appealed.' });
    expect(await changeStatus(sam, { id, version: 0, to: 'written_off' })).toMatchObject({ ok: false, code: 'invalid_input' });
    const closed = await createDenial({ payerId: payer, ownerId: sam.id, teamId: teamA, status: 'resolved_paid' });
    expect(await changeStatus(sam, { id: closed, version: 0, to: 'in_progress' })).toMatchObject({ ok: false, code: 'invalid_input' });
    expect(await versionOf(id)).toBe(0);
    expect(await events(id)).toEqual([]);
  });

  it('marks a correct-and-resubmit claim as corrected and resubmitted', async () => {
    const id = await createDenial({ payerId: payer, ownerId: sam.id, teamId: teamA, status: 'in_progress', appealable: false });
    expect(await markResubmitted(sam, { id, version: 0, note: 'New claim 998' })).toMatchObject({ ok: true, data: { status: 'corrected_resubmitted' } });
  });

  it('resolves as partially paid only with the amount paid', async () => {
    const id = await createDenial({ payerId: payer, ownerId: sam.id, teamId: teamA, status: 'in_progress' });
    expect(await changeStatus(sam, { id, version: 0, to: 'resolved_partial' })).toMatchObject({ ok: false, code: 'invalid_input' });
    // The amount travels as the text typed and is parsed into exact cents by the input schema.
    expect(changeStatusInput.safeParse({ id, version: 0, to: 'resolved_partial', recovered: '40.001' }).success).toBe(false);
    const input = changeStatusInput.parse({ id, version: 0, to: 'resolved_partial', recovered: '$40.00' });
    expect(input.recovered).toBe(4_000);
    expect(await changeStatus(sam, input)).toMatchObject({ ok: true });
    expect(await db.denial.findUniqueOrThrow({ where: { id } })).toMatchObject({ recoveredCents: 4_000n, status: 'resolved_partial' });
  });
});

describe('escalation', () => {
  it('is raised with a reason by whoever works the denial, at any open state, never on a closed denial', async () => {
    const id = await createDenial({ payerId: payer, ownerId: sam.id, teamId: teamA, status: 'in_progress' });
    expect(await escalateDenial(sam, { id, version: 0, reason: 'Payer keeps losing the appeal' })).toMatchObject({ ok: true, data: { escalated: true } });
    const closed = await createDenial({ payerId: payer, status: 'written_off' });
    expect(await escalateDenial(morgan, { id: closed, version: 0, reason: 'Closed already' })).toMatchObject({ ok: false, code: 'invalid_input' });
  });
});

describe('write-offs', () => {
  it('need a reason', () => {
    expect(requestWriteOffInput.safeParse({ id: crypto.randomUUID(), version: 0, reason: ' ' }).success).toBe(false);
  });

  it('at or under the threshold are written off at once', async () => {
    const id = await createDenial({ payerId: payer, ownerId: sam.id, teamId: teamA, status: 'in_progress', deniedCents: 50_000 });
    expect(await requestWriteOff(sam, { id, version: 0, reasonCode: 'other', reason: 'Small balance' })).toMatchObject({ ok: true, data: { status: 'written_off' } });
    expect(await db.writeOff.findFirst({ where: { denialId: id } })).toMatchObject({ status: 'approved', amountCents: 50_000n });
  });

  it('above the threshold wait for a manager, who approves or rejects', async () => {
    const id = await createDenial({ payerId: payer, ownerId: sam.id, teamId: teamA, status: 'in_progress', deniedCents: 50_001 });
    expect(await requestWriteOff(sam, { id, version: 0, reasonCode: 'other', reason: 'Timely filing lost' })).toMatchObject({ ok: true, data: { status: 'writeoff_pending' } });
    expect(await decideWriteOff(sam, { id, version: 1, approve: true })).toMatchObject({ ok: false, code: 'forbidden' });
    expect(await decideWriteOff(morgan, { id, version: 1, approve: false, note: 'Appeal it' })).toMatchObject({ ok: true, data: { status: 'in_progress' } });
    await requestWriteOff(sam, { id, version: 2, reasonCode: 'other', reason: 'Lost on appeal' });
    expect(await decideWriteOff(morgan, { id, version: 3, approve: true })).toMatchObject({ ok: true, data: { status: 'written_off' } });
    expect((await db.writeOff.findMany({ where: { denialId: id }, orderBy: { requestedAt: 'asc' } })).map((w) => w.status)).toEqual(['rejected', 'approved']);
  });
});

describe('a stale edit', () => {
  it('is refused with a conflict naming who changed it, and carries the fresh state', async () => {
    const id = await createDenial({ payerId: payer, ownerId: sam.id, teamId: teamA, status: 'assigned' });
    await addNote(riley, { id, version: 0, note: 'I looked at this' });
    const stale = await setFollowUp(sam, { id, version: 0, date: addDays(today, 2) });
    expect(stale).toMatchObject({ ok: false, code: 'conflict', details: { current: { id, version: 1, followUpDate: null } } });
    expect(stale.ok ? '' : stale.message).toMatch(/^Riley Specialist changed this denial/);
    expect((await events(id)).map((e) => e.type)).toEqual(['note']);
  });
});

describe('bulk changes', () => {
  it('apply to each selected denial on its own, reporting the stale and the refused', async () => {
    const [a, b, c] = await Promise.all([
      createDenial({ payerId: payer, teamId: teamA }),
      createDenial({ payerId: payer, teamId: teamA }),
      createDenial({ payerId: payer, ownerId: jordan.id, teamId: jordan.teamId, status: 'assigned' }),
    ]);
    const result = await bulkUpdateDenials(sam, {
      items: [
        { id: a!, version: 0 },
        { id: b!, version: 7 },
        { id: c!, version: 0 },
      ],
      change: { kind: 'assign', assignee: 'me' },
    });
    expect(result.ok && result.data.updated.map((d) => d.id)).toEqual([a]);
    expect(result.ok && result.data.failed.map((f) => [f.id, f.code])).toEqual([
      [b, 'conflict'],
      [c, 'not_found'],
    ]);
  });

  it('set follow-ups and statuses through the same rules', async () => {
    const ids = await Promise.all([1, 2].map(() => createDenial({ payerId: payer, ownerId: sam.id, teamId: teamA, status: 'assigned' })));
    const items = ids.map((id) => ({ id, version: 0 }));
    const follow = await bulkUpdateDenials(sam, { items, change: { kind: 'follow_up', date: addDays(today, 5) } });
    expect(follow.ok && follow.data.updated).toHaveLength(2);
    const status = await bulkUpdateDenials(sam, { items: ids.map((id) => ({ id, version: 1 })), change: { kind: 'status', to: 'appealed', appealLevel: '1' } });
    expect(status.ok && status.data.failed.map((f) => f.code)).toEqual(['invalid_input', 'invalid_input']);
  });
});
