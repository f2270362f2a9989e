import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays } from '@/lib/domain/dates';
import type { Actor } from '@/lib/domain/permissions';
import { UNDO_WINDOW_MS } from '@/lib/domain/undo';
import { todayIso } from '@/lib/server/clock';
import { db, pool } from '@/lib/server/db';
import { changeStatus } from '@/lib/server/denials/change-status';
import { decideWriteOff } from '@/lib/server/denials/decide-write-off';
import { getDenial } from '@/lib/server/denials/get-denial';
import { listQueue } from '@/lib/server/denials/list-queue';
import { markResubmitted } from '@/lib/server/denials/mark-resubmitted';
import { reopenDenial, reopenDenialInput } from '@/lib/server/denials/reopen-denial';
import { requestWriteOff } from '@/lib/server/denials/request-write-off';
import { undoDenialChange } from '@/lib/server/denials/undo-denial-change';
import { WRITE_OFF_THRESHOLD_KEY } from '@/lib/server/denials/write-off-threshold';
import { queueParamsSchema } from '@/lib/domain/queue-params';
import { createDenial, createPayer, createPerson, createTeam, versionOf } from '../../support/denial-factory';

let teamA: string;
let sam: Actor;
let riley: Actor;
let morgan: Actor; // manager of team A
let outsider: Actor; // manager of another team, no organisation-wide scope
let frankie: Actor;
let payer: string;
const today = todayIso();
const FOLLOW_UP = addDays(today, 10);

const events = (denialId: string) => db.denialEvent.findMany({ where: { denialId }, orderBy: [{ createdAt: 'asc' }, { id: 'asc' }] });
const audits = (denialId: string) => db.auditEvent.findMany({ where: { entityType: 'denial', entityId: denialId }, orderBy: { id: 'asc' } });
const row = (id: string) => db.denial.findUniqueOrThrow({ where: { id } });
const ok = <T,>(r: { ok: true; data: T } | { ok: false; message: string }): T => {
  if (!r.ok) throw new Error(r.message);
  return r.data;
};

beforeAll(async () => {
  teamA = (await createTeam()).id;
  const teamB = (await createTeam()).id;
  sam = await createPerson('specialist', teamA, 'Sam Closed');
  riley = await createPerson('specialist', teamA, 'Riley Closed');
  morgan = await createPerson('manager', teamA, 'Morgan Closed');
  outsider = await createPerson('manager', teamB, 'Olive Outside');
  frankie = await createPerson('front_desk', null, 'Frankie Closed');
  payer = (await createPayer('commercial')).id;
  await db.setting.upsert({ where: { key: WRITE_OFF_THRESHOLD_KEY }, create: { key: WRITE_OFF_THRESHOLD_KEY, value: 50_000 }, update: { value: 50_000 } });
});

afterAll(async () => {
  await db.$disconnect();
  await pool.end();
});

const working = (spec: { deniedCents?: number } = {}) =>
  createDenial({ payerId: payer, teamId: teamA, ownerId: sam.id, status: 'in_progress', followUpDate: FOLLOW_UP, deniedCents: 30_000, ...spec });

describe('closing a denial ends its follow-up', () => {
  it('resolved as paid by a person', async () => {
    const id = await working();
    ok(await changeStatus(sam, { id, version: 0, to: 'resolved_paid' }));
    expect(await row(id)).toMatchObject({ status: 'resolved_paid', followUpDate: null });
  });

  it('written off at once below the threshold, and approved above it', async () => {
    const small = await working();
    ok(await requestWriteOff(sam, { id: small, version: 0, reasonCode: 'other', reason: 'Too small to chase' }));
    expect(await row(small)).toMatchObject({ status: 'written_off', followUpDate: null });

    const large = await working({ deniedCents: 90_000 });
    ok(await requestWriteOff(sam, { id: large, version: 0, reasonCode: 'other', reason: 'Not appealable' }));
    expect((await row(large)).followUpDate).not.toBeNull(); // pending approval: still open, still followed up
    ok(await decideWriteOff(morgan, { id: large, version: 1, approve: true }));
    expect(await row(large)).toMatchObject({ status: 'written_off', followUpDate: null });
  });

  it('closed denials leave every working view, and show their outcome in "all"', async () => {
    const id = await working();
    ok(await changeStatus(sam, { id, version: 0, to: 'resolved_partial', recovered: 120_00 }));
    for (const view of ['mine', 'team', 'follow_ups', 'deadlines', 'unassigned'] as const) {
      const page = await listQueue(sam, queueParamsSchema.parse({ view, status: 'resolved_partial' }), today);
      expect(page.rows.map((r) => r.id)).not.toContain(id);
    }
    const all = await listQueue(morgan, queueParamsSchema.parse({ view: 'all', status: 'resolved_partial' }), today);
    expect(all.rows.find((r) => r.id === id)?.outcome).toMatchObject({ kind: 'resolved_partial', amountCents: 120_00 });
  });
});

describe('the detail of a closed denial', () => {
  it('a written-off denial says how much, why, who asked, who approved and when', async () => {
    const id = await working({ deniedCents: 90_000 });
    ok(await requestWriteOff(sam, { id, version: 0, reasonCode: 'timely_filing_missed' }));
    ok(await decideWriteOff(morgan, { id, version: 1, approve: true }));
    const d = await getDenial(morgan, id, today);
    expect(d.outcome).toMatchObject({ kind: 'written_off', amountCents: 90_000 });
    expect(d.closure?.writeOff).toMatchObject({ amountCents: 90_000, reason: 'Timely filing missed', requestedBy: 'Sam Closed', approvedBy: 'Morgan Closed' });
    expect(d.viewer).toMatchObject({ canReopen: true });
    expect((await getDenial(sam, id, today)).viewer.canReopen).toBe(false);
  });

  it('an open denial has no outcome and cannot be reopened', async () => {
    const d = await getDenial(morgan, await working(), today);
    expect(d).toMatchObject({ outcome: null, closure: null, viewer: { canReopen: false } });
  });
});

describe('reopening', () => {
  it('a manager reopens a paid denial with a reason: back to the status it was closed from, on the timeline and audited', async () => {
    const id = await working();
    ok(await changeStatus(sam, { id, version: 0, to: 'resolved_paid' }));
    const state = ok(await reopenDenial(morgan, { id, version: 1, reason: 'Payer reversed the payment' }));
    expect(state).toMatchObject({ status: 'in_progress', version: 2, outcome: null });
    expect((await row(id)).resolvedAt).toBeNull();
    const timeline = await events(id);
    expect(timeline.map((e) => e.type)).toEqual(['status', 'reopened']);
    expect(timeline[1]).toMatchObject({ actorId: morgan.id, note: 'Payer reversed the payment', data: { from: 'resolved_paid', to: 'in_progress' } });
    expect((await audits(id)).at(-1)).toMatchObject({ action: 'denial.reopen', actorId: morgan.id });
  });

  it('a written-off denial approved from a pending request goes back to work', async () => {
    const id = await working({ deniedCents: 90_000 });
    ok(await requestWriteOff(sam, { id, version: 0, reasonCode: 'other', reason: 'Not appealable' }));
    ok(await decideWriteOff(morgan, { id, version: 1, approve: true }));
    expect(ok(await reopenDenial(morgan, { id, version: 2, reason: 'Closed by mistake' })).status).toBe('in_progress');
  });

  it.each([
    ['specialist', () => sam, 'forbidden'],
    ['front desk', () => frankie, 'forbidden'],
    ['manager of another team', () => outsider, 'not_found'],
  ] as const)('a %s cannot reopen', async (_who, actor, code) => {
    const id = await createDenial({ payerId: payer, teamId: teamA, status: 'resolved_paid' });
    expect(await reopenDenial(actor(), { id, version: 0, reason: 'Try' })).toMatchObject({ ok: false, code });
    expect(await versionOf(id)).toBe(0);
  });

  it('needs a reason', () => {
    expect(reopenDenialInput.safeParse({ id: crypto.randomUUID(), version: 0, reason: '  ' }).success).toBe(false);
    expect(reopenDenialInput.safeParse({ id: crypto.randomUUID(), version: 0 }).success).toBe(false);
  });

  it('refuses a stale version with the fresh state, and an open denial', async () => {
    const id = await createDenial({ payerId: payer, teamId: teamA, status: 'resolved_paid' });
    await db.denial.update({ where: { id }, data: { version: 3 } });
    expect(await reopenDenial(morgan, { id, version: 2, reason: 'Reversal' })).toMatchObject({ ok: false, code: 'conflict', details: { current: { version: 3 } } });
    const open = await working();
    expect(await reopenDenial(morgan, { id: open, version: 0, reason: 'Reversal' })).toMatchObject({ ok: false, code: 'invalid_input' });
  });
});

describe('undo', () => {
  it('takes back a write-off made at once: the denial is open again with its follow-up, the write-off withdrawn', async () => {
    const id = await working();
    const done = ok(await requestWriteOff(sam, { id, version: 0, reasonCode: 'other', reason: 'Too small to chase' }));
    expect(done.undo?.eventId).toBeDefined();
    const back = ok(await undoDenialChange(sam, { id, version: done.version, eventId: done.undo!.eventId }));
    expect(back).toMatchObject({ status: 'in_progress', version: 2, followUpDate: FOLLOW_UP, outcome: null });
    expect((await db.writeOff.findMany({ where: { denialId: id } })).map((w) => w.status)).toEqual(['withdrawn']);
    expect((await events(id)).map((e) => e.type)).toEqual(['write_off', 'undone']);
    expect((await audits(id)).at(-1)).toMatchObject({ action: 'denial.undo', actorId: sam.id });
  });

  it('takes back "corrected & resubmitted" and a resolution as paid', async () => {
    const id = await working();
    const resubmitted = ok(await markResubmitted(sam, { id, version: 0 }));
    expect(ok(await undoDenialChange(sam, { id, version: 1, eventId: resubmitted.undo!.eventId })).status).toBe('in_progress');
    const paid = ok(await changeStatus(sam, { id, version: 2, to: 'resolved_paid' }));
    const back = ok(await undoDenialChange(sam, { id, version: 3, eventId: paid.undo!.eventId }));
    expect(back).toMatchObject({ status: 'in_progress', followUpDate: FOLLOW_UP });
    expect((await row(id)).recoveredCents).toBe(0n);
  });

  it('is refused after the window, after another change, twice, and to anyone but the author', async () => {
    const late = await working();
    const a = ok(await markResubmitted(sam, { id: late, version: 0 }));
    const after = new Date(Date.now() + UNDO_WINDOW_MS + 1000);
    expect(await undoDenialChange(sam, { id: late, version: 1, eventId: a.undo!.eventId }, after)).toMatchObject({ ok: false, code: 'invalid_input', message: expect.stringContaining('Too late') });

    const changed = await working();
    const b = ok(await markResubmitted(sam, { id: changed, version: 0 }));
    ok(await changeStatus(riley, { id: changed, version: 1, to: 'in_progress' }));
    expect(await undoDenialChange(sam, { id: changed, version: 1, eventId: b.undo!.eventId })).toMatchObject({ ok: false, code: 'conflict' });
    expect(await undoDenialChange(sam, { id: changed, version: 2, eventId: b.undo!.eventId })).toMatchObject({ ok: false, code: 'invalid_input', message: expect.stringContaining('changed since') });

    const twice = await working();
    const c = ok(await markResubmitted(sam, { id: twice, version: 0 }));
    ok(await undoDenialChange(sam, { id: twice, version: 1, eventId: c.undo!.eventId }));
    expect(await undoDenialChange(sam, { id: twice, version: 2, eventId: c.undo!.eventId })).toMatchObject({ ok: false, code: 'invalid_input' });

    const other = await working();
    const d = ok(await markResubmitted(sam, { id: other, version: 0 }));
    expect(await undoDenialChange(riley, { id: other, version: 1, eventId: d.undo!.eventId })).toMatchObject({ ok: false, code: 'invalid_input', message: expect.stringContaining('Only the person') });
  });

  it('is not offered for an approved write-off or a filed appeal', async () => {
    const id = await working({ deniedCents: 90_000 });
    ok(await requestWriteOff(sam, { id, version: 0, reasonCode: 'other', reason: 'Not appealable' }));
    const approved = ok(await decideWriteOff(morgan, { id, version: 1, approve: true }));
    expect(approved.undo).toBeUndefined();
    const appealed = ok(await changeStatus(sam, { id: await working(), version: 0, to: 'appealed', appealLevel: '1' }));
    expect(appealed.undo).toBeUndefined();
  });
});
