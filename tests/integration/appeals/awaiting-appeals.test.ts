import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type AwaitingParams } from '@/lib/domain/contracts/awaiting-appeals';
import { addDays } from '@/lib/domain/dates';
import type { Actor } from '@/lib/domain/permissions';
import { listAwaitingAppeals } from '@/lib/server/appeals/list-awaiting-appeals';
import { todayIso } from '@/lib/server/clock';
import { db, pool } from '@/lib/server/db';
import { createDenial, createPayer, createPerson, createTeam } from '../../support/denial-factory';

const today = todayIso();
const date = (iso: string) => new Date(`${iso}T00:00:00Z`);
let payer: string;
let sam: Actor;
let kim: Actor;
let otherTeamSpecialist: Actor;
let orgManager: Actor;
let teamManager: Actor;
const ids: Record<string, string> = {};

async function appeal(name: string, spec: { teamId: string; ownerId: string | null; submitted?: string | null; statusCheck?: string | null; decided?: string | null }) {
  const denialId = await createDenial({ payerId: payer, teamId: spec.teamId, ownerId: spec.ownerId, status: 'appealed', patientName: `Patient ${name}` });
  const row = await db.appeal.create({
    data: {
      denialId,
      level: '1',
      submittedAt: spec.submitted ? date(spec.submitted) : null,
      method: spec.submitted ? 'portal' : null,
      payerReference: spec.submitted ? `REF-${name}` : null,
      statusCheckOn: spec.statusCheck ? date(spec.statusCheck) : null,
      decidedAt: spec.decided ? date(spec.decided) : null,
      outcome: spec.decided ? 'upheld' : null,
    },
  });
  ids[name] = row.id;
}

const all: AwaitingParams = { owner: 'all', overdue: false };
const names = (rows: { appealId: string }[]) => rows.map((r) => Object.entries(ids).find(([, id]) => id === r.appealId)?.[0] ?? 'foreign');

beforeAll(async () => {
  const team = (await createTeam()).id;
  const otherTeam = (await createTeam()).id;
  payer = (await createPayer('medicare')).id;
  sam = await createPerson('specialist', team, 'Sam Awaiting');
  kim = await createPerson('specialist', team, 'Kim Awaiting');
  teamManager = await createPerson('manager', team, 'Max Awaiting');
  otherTeamSpecialist = await createPerson('specialist', otherTeam, 'Oli Awaiting');
  orgManager = await createPerson('manager', otherTeam, 'Ora Awaiting', { orgWide: true });
  const submitted = addDays(today, -70);
  await appeal('later', { teamId: team, ownerId: sam.id, submitted, statusCheck: addDays(today, 9) });
  await appeal('overdue3', { teamId: team, ownerId: kim.id, submitted, statusCheck: addDays(today, -3) });
  await appeal('dueToday', { teamId: team, ownerId: sam.id, submitted, statusCheck: today });
  await appeal('overdue10', { teamId: team, ownerId: sam.id, submitted, statusCheck: addDays(today, -10) });
  await appeal('noCheck', { teamId: team, ownerId: kim.id, submitted, statusCheck: null });
  await appeal('draft', { teamId: team, ownerId: sam.id, submitted: null });
  await appeal('decided', { teamId: team, ownerId: sam.id, submitted, statusCheck: addDays(today, -20), decided: addDays(today, -1) });
  await appeal('otherTeam', { teamId: otherTeam, ownerId: otherTeamSpecialist.id, submitted, statusCheck: addDays(today, -5) });
});

afterAll(async () => {
  await db.$disconnect();
  await pool.end();
});

describe('appeals awaiting decision', () => {
  it('lists the team’s submitted, undecided appeals by status check: overdue first, then due today, then later', async () => {
    const page = await listAwaitingAppeals(sam, { ...all, payer }, today);
    expect(names(page.rows)).toEqual(['noCheck', 'overdue10', 'overdue3', 'dueToday', 'later']);
    expect(page.rows.map((r) => [r.statusCheck, r.daysOverdue])).toEqual([
      ['overdue', 70],
      ['overdue', 10],
      ['overdue', 3],
      ['today', 0],
      ['later', 0],
    ]);
    expect(page.rows[1]).toMatchObject({ levelName: 'Redetermination', method: 'Payer portal', payerReference: 'REF-overdue10', daysWaiting: 70, ownerName: 'Sam Awaiting', patientName: 'Patient overdue10' });
    expect(page.next).toBeNull();
  });

  it('leaves out drafts, decided appeals and another team’s appeals; an organisation-wide manager sees every team', async () => {
    const team = names((await listAwaitingAppeals(teamManager, { ...all, payer }, today)).rows);
    expect(team).toEqual(['noCheck', 'overdue10', 'overdue3', 'dueToday', 'later']);
    for (const absent of ['draft', 'decided', 'otherTeam']) expect(team).not.toContain(absent);
    expect(names((await listAwaitingAppeals(otherTeamSpecialist, { ...all, payer }, today)).rows)).toEqual(['otherTeam']);
    expect(names((await listAwaitingAppeals(orgManager, { ...all, payer }, today)).rows)).toEqual(['noCheck', 'overdue10', 'otherTeam', 'overdue3', 'dueToday', 'later']);
  });

  it('filters by owner and to overdue only', async () => {
    expect(names((await listAwaitingAppeals(sam, { ...all, payer, owner: 'me' }, today)).rows)).toEqual(['overdue10', 'dueToday', 'later']);
    expect(names((await listAwaitingAppeals(sam, { ...all, payer, overdue: true }, today)).rows)).toEqual(['noCheck', 'overdue10', 'overdue3']);
  });

  it('pages by keyset across the undated and dated phases without losing or repeating a row', async () => {
    const seen: string[] = [];
    let after: string | undefined;
    for (let i = 0; i < 10; i++) {
      const page = await listAwaitingAppeals(sam, { ...all, payer, ...(after ? { after } : {}) }, today, 2);
      seen.push(...names(page.rows));
      if (!page.next) break;
      after = page.next;
    }
    expect(seen).toEqual(['noCheck', 'overdue10', 'overdue3', 'dueToday', 'later']);
  });

  it('refuses an edited page link with a 4xx, and a role without the queue', async () => {
    await expect(listAwaitingAppeals(sam, { ...all, after: 'bm90LWpzb24' }, today)).rejects.toMatchObject({ code: 'invalid_input' });
    const frankie = await createPerson('front_desk', null, 'Frankie Awaiting');
    await expect(listAwaitingAppeals(frankie, all, today)).rejects.toMatchObject({ code: 'forbidden' });
  });

  it('records the read as a PHI read naming the appeals shown', async () => {
    await listAwaitingAppeals(kim, { ...all, payer, owner: 'me' }, today);
    const event = await db.auditEvent.findFirstOrThrow({ where: { actorId: kim.id, action: 'appeal.list_awaiting' }, orderBy: { id: 'desc' } });
    expect(event.phi).toBe(true);
    expect(event.details).toMatchObject({ owner: 'me', payer, appealIds: [ids.noCheck, ids.overdue3] });
  });
});
