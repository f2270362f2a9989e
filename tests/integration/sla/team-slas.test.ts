import { afterAll, describe, expect, it } from 'vitest';
import { DEFAULT_SLA } from '@/lib/domain/sla';
import { todayIso } from '@/lib/server/clock';
import { db, pool } from '@/lib/server/db';
import { SLA_CHECK, SLA_CHECK_CRON, startScoringJobs, stopScoringJobs } from '@/lib/server/scoring/jobs';
import { listTeamSlas } from '@/lib/server/sla/list-team-slas';
import { previewTeamSla } from '@/lib/server/sla/preview-team-sla';
import { runSlaCheckNow } from '@/lib/server/sla/run-sla-now';
import { updateTeamSla } from '@/lib/server/sla/update-team-sla';
import { createDenial, createPayer, createPerson, createTeam } from '../../support/denial-factory';

afterAll(async () => {
  await stopScoringJobs();
  await db.teamSla.updateMany({ where: { teamId: null }, data: { ...DEFAULT_SLA } });
  await db.$disconnect();
  await pool.end();
});

const settings = { ...DEFAULT_SLA, followUpOverdueEnabled: true, followUpOverdueDays: 2 };
const daysAgo = (n: number) => todayIso(new Date(Date.now() - n * 86_400_000));

describe('team SLA settings', () => {
  it('save with optimistic concurrency, audited; a team manager edits only their own team', async () => {
    const team = await createTeam();
    const other = await createTeam();
    const lee = await createPerson('manager', team.id);

    const first = await updateTeamSla(lee, { teamId: team.id, version: 0, ...settings });
    expect(first).toEqual({ ok: true, data: { version: 1 } });
    const stale = await updateTeamSla(lee, { teamId: team.id, version: 0, ...settings, followUpOverdueDays: 9 });
    expect(stale).toMatchObject({ ok: false, code: 'conflict' });
    expect(await updateTeamSla(lee, { teamId: team.id, version: 1, ...settings, followUpOverdueDays: 5 })).toEqual({ ok: true, data: { version: 2 } });
    expect((await db.teamSla.findUniqueOrThrow({ where: { teamId: team.id } })).followUpOverdueDays).toBe(5);
    expect(await db.auditEvent.count({ where: { actorId: lee.id, action: 'team_sla.update' } })).toBe(2);

    expect(await updateTeamSla(lee, { teamId: other.id, version: 0, ...settings })).toMatchObject({ ok: false, code: 'not_found' });
    expect(await updateTeamSla(lee, { teamId: null, version: 0, ...settings })).toMatchObject({ ok: false, code: 'forbidden' });
    const sam = await createPerson('specialist', team.id);
    expect(await updateTeamSla(sam, { teamId: team.id, version: 2, ...settings })).toMatchObject({ ok: false, code: 'forbidden' });
  });

  it('an organisation-wide manager sets the default; teams without their own settings inherit it', async () => {
    const boss = await createPerson('manager', null, undefined, { orgWide: true });
    const team = await createTeam();
    const before = (await listTeamSlas(boss)).find((s) => s.teamId === null)!;
    const saved = await updateTeamSla(boss, { teamId: null, version: before.version, ...settings, unassignedEnabled: true, unassignedHours: 12 });
    expect(saved.ok).toBe(true);
    const rows = await listTeamSlas(boss);
    expect(rows.find((s) => s.teamId === team.id)).toMatchObject({ source: 'organization', canEdit: true, settings: { unassignedEnabled: true, unassignedHours: 12 } });
    expect(rows.find((s) => s.teamId === null)).toMatchObject({ source: 'organization', canEdit: true });
    await updateTeamSla(boss, { teamId: null, version: before.version + 1, ...DEFAULT_SLA });
  });

  it('the page shows a team manager their team and the default, with what each rule would fire now', async () => {
    const team = await createTeam();
    const lee = await createPerson('manager', team.id);
    const payerId = (await createPayer()).id;
    await createDenial({ payerId, teamId: team.id, followUpDate: daysAgo(5) });
    await createDenial({ payerId, teamId: team.id, followUpDate: daysAgo(1) });
    const rows = await listTeamSlas(lee);
    expect(rows.map((r) => r.teamId)).toEqual([null, team.id]);
    const mine = rows[1]!;
    expect(mine).toMatchObject({ canEdit: true, source: 'organization' });
    expect(rows[0]!.canEdit).toBe(false);
    // Rules off: the counts say what turning them on would do (defaults: follow-up more than 3 days overdue).
    expect(mine.wouldFire.follow_up_overdue).toBe(1);
    // Unsaved numbers counted before saving them; another team's answers as a missing one.
    expect(await previewTeamSla(lee, { teamId: team.id, ...settings, followUpOverdueDays: 0 })).toEqual({ ok: true, data: { follow_up_overdue: 2, deadline_unworked: 0, unassigned: 0 } });
    expect(await previewTeamSla(lee, { teamId: (await createTeam()).id, ...settings })).toMatchObject({ ok: false, code: 'not_found' });
    await updateTeamSla(lee, { teamId: team.id, version: 0, ...settings, followUpOverdueDays: 0 });
    expect((await listTeamSlas(lee))[1]!.wouldFire.follow_up_overdue).toBe(2);

    const run = await runSlaCheckNow(lee);
    expect(run.ok && run.data.byRule.follow_up_overdue).toBe(2) // their team only;
    expect((await listTeamSlas(lee))[1]!.wouldFire.follow_up_overdue).toBe(0);
    expect(await db.auditEvent.count({ where: { actorId: lee.id, action: 'team_sla.run_now' } })).toBe(1);
    expect(await runSlaCheckNow(await createPerson('specialist', team.id))).toMatchObject({ ok: false, code: 'forbidden' });
  });

  it('the SLA check is scheduled on pg-boss next to the scoring jobs', async () => {
    expect(await startScoringJobs()).not.toBeNull();
    const { rows } = await pool.query(`SELECT name, cron FROM pgboss.schedule WHERE name = $1`, [SLA_CHECK]);
    expect(rows).toEqual([{ name: SLA_CHECK, cron: SLA_CHECK_CRON }]);
  });
});
