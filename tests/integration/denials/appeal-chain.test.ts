import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays } from '@/lib/domain/dates';
import type { Actor } from '@/lib/domain/permissions';
import { decideAppeal } from '@/lib/server/appeals/decide-appeal';
import { startAppeal } from '@/lib/server/appeals/start-appeal';
import { submitAppeal } from '@/lib/server/appeals/submit-appeal';
import { changeStatus } from '@/lib/server/denials/change-status';
import { todayIso } from '@/lib/server/clock';
import { db, pool } from '@/lib/server/db';
import { createDenial, createPayer, createPerson, createTeam, versionOf } from '../../support/denial-factory';

let team: string;
let sam: Actor;
let frankie: Actor;
let medicare: string;
let commercial: string;
const today = todayIso();
const notice = addDays(today, -40);

const ok = <T,>(r: { ok: true; data: T } | { ok: false; message: string }): T => {
  if (!r.ok) throw new Error(r.message);
  return r.data;
};
const appeals = (denialId: string) => db.appeal.findMany({ where: { denialId }, orderBy: { createdAt: 'asc' } });
const row = (id: string) => db.denial.findUniqueOrThrow({ where: { id } });
const day = (d: Date | null) => d?.toISOString().slice(0, 10) ?? null;

beforeAll(async () => {
  team = (await createTeam()).id;
  sam = await createPerson('specialist', team, 'Sam Appeals');
  frankie = await createPerson('front_desk', null, 'Frankie Appeals');
  medicare = (await createPayer('medicare')).id;
  commercial = (await createPayer('commercial')).id;
});

afterAll(async () => {
  await db.$disconnect();
  await pool.end();
});

const working = (payerId: string, deniedCents = 80_000) =>
  createDenial({ payerId, teamId: team, ownerId: sam.id, status: 'in_progress', deniedCents, noticeDate: notice });

async function draftAndSubmit(id: string, level: '1' | '2' | '3' | 'external', on: string) {
  ok(await startAppeal(sam, { id, version: await versionOf(id), level }));
  const draft = (await appeals(id)).at(-1)!;
  ok(await submitAppeal(sam, { id, version: await versionOf(id), appealId: draft.id, on, method: 'portal', payerReference: `REF-${level}` }));
  return draft.id;
}

describe('an appeal chain, level by level', () => {
  it('level 1 upheld → level 2 due from the decision → overturned → paid', async () => {
    const id = await working(medicare);
    const first = await draftAndSubmit(id, '1', addDays(today, -30));
    let denial = await row(id);
    expect(denial.status).toBe('appealed');
    expect(denial.appealLevel).toBe('1');
    // Medicare: a redetermination is decided within 60 days, so the status check is 60 days after submission.
    expect(day(denial.followUpDate)).toBe(addDays(today, 30));
    const [level1] = await appeals(id);
    expect(level1).toMatchObject({ method: 'portal', payerReference: 'REF-1', outcome: null });
    // 120 days from receipt of the notice, presumed 5 days after it.
    expect(day(level1!.dueDate)).toBe(addDays(notice, 125));

    const decidedOn = addDays(today, -10);
    ok(await decideAppeal(sam, { id, version: await versionOf(id), appealId: first, decision: 'upheld', on: decidedOn }));
    denial = await row(id);
    expect(denial.status).toBe('in_progress');
    expect(denial.followUpDate).toBeNull();
    // The working deadline is now the reconsideration: 180 days from receipt of the decision (presumed 5 days).
    expect(denial.deadlineKind).toBe('appeal_2');
    expect(day(denial.deadlineDate)).toBe(addDays(decidedOn, 185));
    const decidedEvent = await db.denialEvent.findFirst({ where: { denialId: id, type: 'appeal' }, orderBy: { createdAt: 'desc' } });
    expect(decidedEvent?.data).toMatchObject({ action: 'decided', decision: 'upheld', nextLevel: { level: 2, dueDate: addDays(decidedOn, 185) } });

    const second = await draftAndSubmit(id, '2', addDays(today, -5));
    expect(day((await appeals(id))[1]!.dueDate)).toBe(addDays(decidedOn, 185));
    ok(await decideAppeal(sam, { id, version: await versionOf(id), appealId: second, decision: 'overturned', on: today, recovered: 80_000 }));
    denial = await row(id);
    expect(denial).toMatchObject({ status: 'resolved_paid', recoveredCents: 80_000n, followUpDate: null });
    expect((await appeals(id)).map((a) => [a.level, a.outcome, Number(a.recoveredCents)])).toEqual([
      ['1', 'upheld', 0],
      ['2', 'overturned', 80_000],
    ]);
    const audit = await db.auditEvent.findMany({ where: { entityType: 'denial', entityId: id }, orderBy: { id: 'asc' } });
    expect(audit.map((a) => a.action)).toEqual(['appeal.draft', 'appeal.submit', 'appeal.decide', 'appeal.draft', 'appeal.submit', 'appeal.decide']);
  });

  it('the owner is notified when a colleague records the payer’s decision, not when they record it themselves', async () => {
    const id = await working(commercial, 50_000);
    const appealId = await draftAndSubmit(id, '1', addDays(today, -20));
    const colleague = await createPerson('specialist', team, 'Ria Appeals');
    ok(await decideAppeal(colleague, { id, version: await versionOf(id), appealId, decision: 'partially_overturned', on: today, recovered: 20_000 }));
    const notes = await db.notification.findMany({ where: { denialId: id } });
    expect(notes.map((n) => [n.userId, n.kind, n.title])).toEqual([[sam.id, 'appeal_decided', 'Appeal partially overturned: $200.00 recovered']]);
  });

  it('a partial decision counts what it paid and leaves the rest to work', async () => {
    const id = await working(commercial, 50_000);
    const appealId = await draftAndSubmit(id, '1', addDays(today, -20));
    ok(await decideAppeal(sam, { id, version: await versionOf(id), appealId, decision: 'partially_overturned', on: today, recovered: 20_000 }));
    expect(await row(id)).toMatchObject({ status: 'in_progress', recoveredCents: 20_000n, deadlineKind: 'appeal_2' });
  });

  it('refuses what the chain does not allow, and writes nothing', async () => {
    const id = await working(commercial);
    const appealId = await draftAndSubmit(id, '1', addDays(today, -20));
    const version = await versionOf(id);
    const refusals = [
      await startAppeal(sam, { id, version, level: 'external' }),
      await decideAppeal(sam, { id, version, appealId, decision: 'upheld', on: addDays(today, 1) }),
      await decideAppeal(sam, { id, version, appealId, decision: 'overturned', on: today, recovered: 80_001 }),
      await decideAppeal(sam, { id, version, appealId, decision: 'upheld', on: today, recovered: 100 }),
      await submitAppeal(sam, { id, version, appealId, on: today, method: 'fax' }),
      await startAppeal(sam, { id, version, level: '3' }),
    ];
    expect(refusals.map((r) => (r.ok ? 'ok' : r.message))).toEqual([
      'The appeal at level 1 is still waiting for a decision.',
      'The decision date cannot be in the future.',
      'The amount cannot exceed the $800 still denied; an overpayment is recorded from the remittance.',
      'An appeal upheld pays nothing: record the amount as $0, or choose "partially overturned".',
      `This appeal was already submitted on ${addDays(today, -20)}.`,
      'This payer has no such appeal level in its rules: add it under Payer rules, or choose another level.',
    ]);
    expect(await versionOf(id)).toBe(version);
    expect(await appeals(id)).toHaveLength(1);
  });

  it('refuses a submission dated before the notice, an unknown appeal, and a role without the action', async () => {
    const id = await working(commercial);
    ok(await startAppeal(sam, { id, version: await versionOf(id), level: '1' }));
    const [draft] = await appeals(id);
    const version = await versionOf(id);
    expect(await submitAppeal(sam, { id, version, appealId: draft!.id, on: addDays(notice, -1), method: 'mail' })).toMatchObject({
      ok: false,
      message: `The submission date cannot be before the denial's notice of ${notice}.`,
    });
    expect(await submitAppeal(sam, { id, version, appealId: '00000000-0000-7000-8000-000000000000', on: today, method: 'mail' })).toMatchObject({
      ok: false,
      code: 'not_found',
    });
    expect(await startAppeal(frankie, { id, version, level: '1' })).toMatchObject({ ok: false, code: 'forbidden' });
  });

  it('a status change out of appealed decides the submitted appeal and leaves a draft alone', async () => {
    const id = await working(commercial);
    await draftAndSubmit(id, '1', addDays(today, -20));
    await db.appeal.create({ data: { denialId: id, level: 'external' } });
    ok(await changeStatus(sam, { id, version: await versionOf(id), to: 'resolved_paid' }));
    expect((await appeals(id)).map((a) => [a.level, a.outcome, day(a.decidedAt)])).toEqual([
      ['1', 'overturned', today],
      ['external', null, null],
    ]);
  });

  it('records a late submission with the reason on the timeline', async () => {
    const id = await createDenial({ payerId: commercial, teamId: team, ownerId: sam.id, status: 'in_progress', noticeDate: addDays(today, -400) });
    const appealId = await draftAndSubmit(id, '1', today);
    const event = await db.denialEvent.findFirst({ where: { denialId: id, type: 'appeal', data: { path: ['action'], equals: 'submitted' } } });
    expect(event?.data).toMatchObject({ late: true });
    expect(event?.note).toMatch(/^Submitted after this level's deadline of \d{4}-\d{2}-\d{2}/);
    expect(appealId).toBeTruthy();
  });
});
