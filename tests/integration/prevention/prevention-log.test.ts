import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type IsoDate, addDays, addMonths } from '@/lib/domain/dates';
import type { Actor } from '@/lib/domain/permissions';
import { startOfDay, todayIso } from '@/lib/server/clock';
import { db, pool } from '@/lib/server/db';
import { createPreventionIssue } from '@/lib/server/prevention/create-prevention-issue';
import { listIssueDenials } from '@/lib/server/prevention/list-issue-denials';
import { listPreventionIssues } from '@/lib/server/prevention/list-prevention-issues';
import { updatePreventionIssue } from '@/lib/server/prevention/update-prevention-issue';
import { exportPrevention } from '@/lib/server/export/export-prevention';
import { readCsv } from '../exports/read-csv';
import { createDenials, createPayer, createPerson } from '../../support/denial-factory';

const today = todayIso();
const at = (date: IsoDate) => new Date(startOfDay(date).getTime() + 10 * 3_600_000);
const month = (offset: number) => `${addMonths(`${today.slice(0, 7)}-01`, offset)}`;
let manager: Actor;
let frontDesk: Actor;
let payer: string;
let otherPayer: string;
let showing: string[];

afterAll(async () => {
  await db.$disconnect();
  await pool.end();
});

beforeAll(async () => {
  manager = await createPerson('manager');
  frontDesk = await createPerson('front_desk');
  payer = (await createPayer('commercial')).id;
  // The organisation's data starts a year ago (its first import), so the months before the action are data.
  await db.remittanceFile.create({
    data: { filename: `first-${process.pid}.835`, format: 'x12_835', sha256: `first-${process.pid}-${Date.now()}`, sizeBytes: 1, chunks: { create: { seq: 0, content: Buffer.from('ISA') } }, importedAt: at(addDays(today, -365)) },
  });
  otherPayer = (await createPayer('commercial')).id;
  const elig = (payerId: string, date: IsoDate, carc = '27') =>
    ({ payerId, category: 'eligibility_coverage', department: 'front_desk', carcCodes: [carc], openedAt: at(date), memberId: 'M000011112222' });
  showing = await createDenials([elig(payer, addDays(today, -5)), elig(payer, addDays(today, -40))]);
  await createDenials([
    elig(payer, addDays(today, -200)), // too old to link, but in the trend
    elig(otherPayer, addDays(today, -5)), // another payer
    elig(payer, addDays(today, -5), '31'), // another code of the same category
    { payerId: payer, category: 'authorization_referral', department: 'front_desk', carcCodes: ['197'], openedAt: at(addDays(today, -5)) },
    // Before/after: four in each of the three months before the action's, one in the month after.
    ...[-5, -4, -3].flatMap((m) => Array.from({ length: 4 }, () => elig(payer, addDays(month(m), 3), '26'))),
    elig(payer, addDays(month(-1), 3), '26'),
  ]);
});

const issue = (overrides: Record<string, unknown> = {}) => ({
  title: 'Coverage terminated at Eastside',
  category: 'eligibility_coverage' as const,
  carcCode: '27',
  payerId: payer,
  responsibleDepartment: 'front_desk' as const,
  actionTaken: 'Real-time eligibility at check-in',
  ...overrides,
});

describe('the prevention log', () => {
  it('logs an issue and links the denials matching its cause and payer in the last 90 days', async () => {
    const created = await createPreventionIssue(manager, { ...issue(), ownerId: frontDesk.id, dueDate: addDays(today, 30), status: 'in_progress' });
    if (!created.ok) throw new Error(created.message);
    const log = await listPreventionIssues(frontDesk, today);
    const mine = log.issues.find((i) => i.id === created.data.id)!;
    expect(mine).toMatchObject({ status: 'in_progress', ownerName: frontDesk.name, linkedCount: 2, carcCode: '27', trend: null, version: 0 });
    expect(log.canManage).toBe(false);
    const linked = await listIssueDenials(frontDesk, created.data.id, today);
    expect(linked.denials.map((d) => d.id).sort()).toEqual([...showing].sort());
    expect(linked.denials[0]!.memberIdMasked).toBe('••••2222');
    expect(JSON.stringify(linked)).not.toMatch(/M000011112222|cents|amount/i);
    expect(linked.canOpen).toBe(false);
  });

  it('links every code of the category and every payer when the issue names neither', async () => {
    const created = await createPreventionIssue(manager, issue({ carcCode: '', payerId: null, title: 'All eligibility' }));
    if (!created.ok) throw new Error(created.message);
    const linked = await listIssueDenials(manager, created.data.id, today);
    expect(linked.denials.length).toBeGreaterThanOrEqual(4);
    expect(linked.canOpen).toBe(true);
  });

  it('shows the cause’s monthly counts before and after the action date', async () => {
    const created = await createPreventionIssue(manager, issue({ carcCode: '26', title: 'Terminated coverage', actionDate: addDays(month(-2), 9) }));
    if (!created.ok) throw new Error(created.message);
    const { issues } = await listPreventionIssues(manager, today, created.data.id);
    const trend = issues[0]!.trend!;
    expect(trend.actionMonth).toBe(month(-2).slice(0, 7));
    expect(trend.before.slice(-3).map((m) => m.count)).toEqual([4, 4, 4]);
    expect(trend.after.map((m) => m.count)).toEqual([1, 0]);
    expect(trend.after.at(-1)!.partial).toBe(true);
  });

  it('edits with the version read, refuses a stale edit, and audits before and after', async () => {
    const created = await createPreventionIssue(manager, issue({ title: 'To edit' }));
    if (!created.ok) throw new Error(created.message);
    const saved = await updatePreventionIssue(manager, { ...issue({ title: 'To edit', status: 'done', result: 'Down to one a month' }), id: created.data.id, version: 0 });
    expect(saved).toEqual({ ok: true, data: { version: 1 } });
    const stale = await updatePreventionIssue(manager, { ...issue({ title: 'Lost edit' }), id: created.data.id, version: 0 });
    expect(stale).toMatchObject({ ok: false, code: 'conflict' });
    const stored = await db.preventionIssue.findUniqueOrThrow({ where: { id: created.data.id } });
    expect(stored).toMatchObject({ title: 'To edit', status: 'done', result: 'Down to one a month', version: 1 });
    const events = await db.auditEvent.findMany({ where: { entityType: 'prevention_issue', entityId: created.data.id, action: { in: ['prevention_issue.create', 'prevention_issue.update'] } } });
    expect(events.map((e) => e.action).sort()).toEqual(['prevention_issue.create', 'prevention_issue.update']);
    expect(events.find((e) => e.action === 'prevention_issue.update')!.details).toMatchObject({ before: { status: 'open' }, after: { status: 'done' } });
  });

  it('answers bad input with field messages, not a 500', async () => {
    const bad = await createPreventionIssue(manager, issue({ title: '', carcCode: 'not a code', dueDate: '2026-02-30', payerId: '00000000-0000-7000-8000-000000000000' }));
    expect(bad).toMatchObject({ ok: false, code: 'invalid_input' });
    expect(Object.keys((bad as { fieldErrors: object }).fieldErrors).sort()).toEqual(['carcCode', 'dueDate', 'title']);
    const unknownPayer = await createPreventionIssue(manager, issue({ payerId: '00000000-0000-7000-8000-000000000000' }));
    expect(unknownPayer).toMatchObject({ ok: false, code: 'invalid_input', fieldErrors: { payerId: ['This payer does not exist'] } });
    expect(await updatePreventionIssue(manager, { ...issue(), id: '00000000-0000-7000-8000-000000000000', version: 0 })).toMatchObject({ ok: false, code: 'not_found' });
  });

  it('refuses the front desk any write', async () => {
    expect(await createPreventionIssue(frontDesk, issue())).toMatchObject({ ok: false, code: 'forbidden' });
  });

  it('exports the log as the page shows it: linked counts and before/after means; audited; front desk refused', async () => {
    const created = await createPreventionIssue(manager, issue({ carcCode: '26', title: 'Exported =cause', actionDate: addDays(month(-2), 9), status: 'done', result: 'Fewer' }));
    if (!created.ok) throw new Error(created.message);
    const { issues } = await listPreventionIssues(manager, today);
    const response = await exportPrevention(manager, today);
    expect(response.headers.get('content-disposition')).toContain(`prevention-log-${today}.csv`);
    const csv = await readCsv(response);
    expect(csv.bom).toBe(true);
    expect(csv.rows).toHaveLength(issues.length);
    const row = csv.rows.find((r) => r[0] === 'Exported =cause')!;
    const column = (name: string) => row[csv.header.indexOf(name)];
    const trend = issues.find((i) => i.id === created.data.id)!.trend!;
    expect(column('Status')).toBe('Done');
    expect(column('CARC')).toBe('26');
    expect(Number(column('Mean per month before'))).toBeCloseTo(trend.beforeAverage!, 1);
    expect(Number(column('Full months after'))).toBe(trend.after.filter((m) => !m.partial).length);
    const completed = await db.auditEvent.findFirst({ where: { actorId: manager.id, action: 'export.completed' }, orderBy: { id: 'desc' } });
    expect(completed?.details).toMatchObject({ list: 'prevention', rows: issues.length });
    await expect(exportPrevention(frontDesk, today)).rejects.toMatchObject({ code: 'forbidden' });
    expect((await listPreventionIssues(frontDesk, today)).canExport).toBe(false);
  });
});
