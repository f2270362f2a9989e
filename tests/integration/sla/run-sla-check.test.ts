import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DenialStatus } from '@/lib/generated/prisma/client';
import { DEFAULT_SLA, type SlaSettings } from '@/lib/domain/sla';
import { todayIso } from '@/lib/server/clock';
import { db, pool } from '@/lib/server/db';
import { runSlaCheck } from '@/lib/server/sla/run-sla-check';
import { createDenial, createPayer, createPerson, createTeam } from '../../support/denial-factory';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const now = new Date();
const today = todayIso(now);
const dayFrom = (n: number) => todayIso(new Date(now.getTime() + n * DAY));
const ago = (ms: number) => new Date(now.getTime() - ms);

async function setSla(teamId: string | null, s: Partial<SlaSettings>) {
  const data = { ...DEFAULT_SLA, ...s };
  if (teamId === null) await db.teamSla.updateMany({ where: { teamId: null }, data });
  else await db.teamSla.upsert({ where: { teamId }, create: { teamId, ...data }, update: data });
}

async function event(denialId: string, type: string, actorId: string | null, at: Date) {
  await db.denialEvent.create({ data: { denialId, type, actorId, createdAt: at } });
}

const openEscalations = (ids: readonly string[]) => db.escalation.findMany({ where: { denialId: { in: [...ids] }, status: 'open' } });

afterAll(async () => {
  // Later test files share the database: leave the organisation default as the migration made it (all off).
  await setSla(null, {});
  await db.$disconnect();
  await pool.end();
});

describe('runSlaCheck', () => {
  let payerId: string;
  beforeAll(async () => {
    payerId = (await createPayer()).id;
  });

  it('escalates exactly the denials that meet an enabled rule of their own team’s SLA (or the default)', async () => {
    const [a, b, c] = await Promise.all([createTeam(), createTeam(), createTeam()]);
    const sam = await createPerson('specialist', a.id);
    const lee = await createPerson('manager', a.id);
    const bea = await createPerson('specialist', b.id);
    await setSla(a.id, { followUpOverdueEnabled: true, followUpOverdueDays: 3, deadlineUnworkedEnabled: true, deadlineWithinDays: 5, deadlineIdleDays: 2, unassignedEnabled: true, unassignedHours: 4 });
    await setSla(b.id, { followUpOverdueEnabled: false, deadlineUnworkedEnabled: false, unassignedEnabled: false });
    // Team c has no row: it inherits the organisation default, as do denials with no team.
    await setSla(null, { followUpOverdueEnabled: true, followUpOverdueDays: 0 });

    const mine = (spec: { followUpDate?: string; deadlineDate?: string; openedAt?: Date; ownerId?: string | null; status?: DenialStatus; escalated?: boolean; teamId?: string | null }) =>
      createDenial({ payerId, teamId: a.id, ownerId: sam.id, openedAt: ago(30 * DAY), ...spec });
    const cases: { name: string; id: string; fires: string | null }[] = [];
    const add = async (name: string, fires: string | null, id: Promise<string>) => cases.push({ name, fires, id: await id });

    await add('follow-up 4 days overdue (SLA 3)', 'follow_up_overdue', mine({ followUpDate: dayFrom(-4) }));
    await add('follow-up exactly 3 days overdue', null, mine({ followUpDate: dayFrom(-3) }));
    await add('follow-up overdue but written off', null, mine({ followUpDate: dayFrom(-10), status: 'written_off' }));
    await add('follow-up overdue but paid', null, mine({ followUpDate: dayFrom(-10), status: 'resolved_paid' }));
    await add('follow-up overdue, already escalated', null, mine({ followUpDate: dayFrom(-10), escalated: true }));
    await add('deadline in 5 days, never worked in 30', 'deadline_unworked', mine({ deadlineDate: dayFrom(5) }));
    await add('deadline today, never worked', 'deadline_unworked', mine({ deadlineDate: today }));
    await add('deadline in 6 days', null, mine({ deadlineDate: dayFrom(6) }));
    await add('deadline missed yesterday', null, mine({ deadlineDate: dayFrom(-1) }));
    await add('deadline in 2 days, opened a day ago', null, mine({ deadlineDate: dayFrom(2), openedAt: ago(DAY) }));
    const worked = await mine({ deadlineDate: dayFrom(2) });
    await event(worked, 'note', sam.id, ago(DAY));
    cases.push({ name: 'deadline in 2 days, worked yesterday', fires: null, id: worked });
    const system = await mine({ deadlineDate: dayFrom(2) });
    await event(system, 'rescored', null, ago(HOUR));
    await event(system, 'ingested', sam.id, ago(HOUR));
    cases.push({ name: 'deadline in 2 days, only the import and the system touched it', fires: 'deadline_unworked', id: system });
    await add('no owner for 5 hours (SLA 4)', 'unassigned', mine({ ownerId: null, openedAt: ago(5 * HOUR) }));
    await add('no owner for 3 hours', null, mine({ ownerId: null, openedAt: ago(3 * HOUR) }));
    const lost = await mine({ ownerId: null, openedAt: ago(10 * DAY) });
    await event(lost, 'assigned', lee.id, ago(HOUR));
    cases.push({ name: 'opened long ago, lost its owner an hour ago', fires: null, id: lost });
    await add('follow-up overdue in team b (its SLA is off)', null, createDenial({ payerId, teamId: b.id, ownerId: bea.id, followUpDate: dayFrom(-10) }));
    await add('follow-up a day overdue in team c (the default: 0)', 'follow_up_overdue', createDenial({ payerId, teamId: c.id, followUpDate: dayFrom(-1) }));
    await add('follow-up a day overdue, no team (the default)', 'follow_up_overdue', createDenial({ payerId, teamId: null, followUpDate: dayFrom(-1) }));
    await add('follow-up today, no team', null, createDenial({ payerId, teamId: null, followUpDate: today }));

    const result = await runSlaCheck({ today, now });
    expect(result.escalated).toBeGreaterThanOrEqual(cases.filter((k) => k.fires).length);

    const open = new Map((await openEscalations(cases.map((k) => k.id))).map((e) => [e.denialId, e]));
    const outcome = cases.map((k) => ({ name: k.name, fired: open.get(k.id)?.slaRule ?? null }));
    expect(outcome).toEqual(cases.map((k) => ({ name: k.name, fired: k.fires })));

    const first = open.get(cases[0]!.id)!;
    expect(first.reason).toBe('Follow-up overdue by 4 days (team SLA: 3)');
    expect(first.raisedById).toBeNull();
    const timeline = await db.denialEvent.findFirstOrThrow({ where: { denialId: cases[0]!.id, type: 'escalated' } });
    expect(timeline.actorId).toBeNull();
    expect(timeline.data).toMatchObject({ escalated: true, slaRule: 'follow_up_overdue' });
    const notes = await db.notification.findMany({ where: { denialId: cases[0]!.id } });
    expect(notes.map((n) => [n.userId, n.kind])).toEqual([[lee.id, 'sla_fired']]);
    const audits = await db.auditEvent.findMany({ where: { entityId: cases[0]!.id, action: 'denial.escalate' } });
    expect(audits).toHaveLength(1);
    expect(audits[0]!.userAgent).toBe('overturn SLA check');
    expect(open.get(cases.find((k) => k.name.startsWith('no owner for 5'))!.id)!.reason).toBe('Unassigned for 5 hours (team SLA: 4)');
  });

  it('is idempotent: run twice, or from two connections at once, each condition escalates once', async () => {
    const team = await createTeam();
    const sam = await createPerson('specialist', team.id);
    await setSla(team.id, { followUpOverdueEnabled: true, followUpOverdueDays: 1, unassignedEnabled: true, unassignedHours: 1 });
    const ids = await Promise.all([
      createDenial({ payerId, teamId: team.id, ownerId: sam.id, followUpDate: dayFrom(-5) }),
      createDenial({ payerId, teamId: team.id, ownerId: null, followUpDate: dayFrom(-5), openedAt: ago(3 * HOUR) }),
      createDenial({ payerId, teamId: team.id, ownerId: null, openedAt: ago(3 * HOUR) }),
    ]);
    const runs = await Promise.all([runSlaCheck({ today, now }), runSlaCheck({ today, now })]);
    expect(runs.every((r) => r.escalated >= 0)).toBe(true);
    expect(await db.escalation.count({ where: { denialId: { in: ids } } })).toBe(3);
    expect(await db.denialEvent.count({ where: { denialId: { in: ids }, type: 'escalated' } })).toBe(3);
    // Both rules of the second denial are named in its one escalation and claimed once each.
    const both = (await openEscalations([ids[1]!]))[0]!;
    expect(both.slaRule).toBe('follow_up_overdue');
    expect(both.reason).toBe('Follow-up overdue by 5 days (team SLA: 1); Unassigned for 3 hours (team SLA: 1)');
    expect(await db.slaFiring.count({ where: { denialId: { in: ids } } })).toBe(4);

    await runSlaCheck({ today, now });
    expect(await db.escalation.count({ where: { denialId: { in: ids } } })).toBe(3);
  });

  it('does not raise again for the same condition after a manager resolved it; a new follow-up date fires again', async () => {
    const team = await createTeam();
    const sam = await createPerson('specialist', team.id);
    await setSla(team.id, { followUpOverdueEnabled: true, followUpOverdueDays: 2 });
    const id = await createDenial({ payerId, teamId: team.id, ownerId: sam.id, followUpDate: dayFrom(-7) });
    await runSlaCheck({ today, now });
    const resolve = async () => {
      await db.escalation.updateMany({ where: { denialId: id, status: 'open' }, data: { status: 'resolved', handledAt: new Date() } });
      await db.denial.update({ where: { id }, data: { escalated: false } });
    };
    await resolve();
    await runSlaCheck({ today, now });
    await runSlaCheck({ today, now });
    expect(await db.escalation.count({ where: { denialId: id } })).toBe(1);

    await db.denial.update({ where: { id }, data: { followUpDate: new Date(`${dayFrom(-4)}T00:00:00Z`) } });
    await runSlaCheck({ today, now });
    const all = await db.escalation.findMany({ where: { denialId: id }, orderBy: { raisedAt: 'asc' } });
    expect(all.map((e) => e.status)).toEqual(['resolved', 'open']);
    expect(all[1]!.reason).toBe('Follow-up overdue by 4 days (team SLA: 2)');
    const firings = await db.slaFiring.findMany({ where: { denialId: id }, orderBy: { firedAt: 'asc' } });
    expect(firings.map((f) => [f.instance, f.escalationId])).toEqual([
      [dayFrom(-7), all[0]!.id],
      [dayFrom(-4), all[1]!.id],
    ]);
  });

  it('works through a backlog in batches, each its own transaction', async () => {
    const team = await createTeam();
    await setSla(team.id, { followUpOverdueEnabled: true, followUpOverdueDays: 0 });
    const ids = await Promise.all(Array.from({ length: 7 }, () => createDenial({ payerId, teamId: team.id, followUpDate: dayFrom(-2) })));
    await runSlaCheck({ today, now, batchSize: 2 });
    expect(await db.escalation.count({ where: { denialId: { in: ids }, status: 'open' } })).toBe(7);
  });

  it('does nothing while every rule is off', async () => {
    const team = await createTeam();
    await setSla(team.id, {});
    const id = await createDenial({ payerId, teamId: team.id, followUpDate: dayFrom(-30), openedAt: ago(30 * DAY) });
    await runSlaCheck({ today, now });
    expect(await db.escalation.count({ where: { denialId: id } })).toBe(0);
  });
});
