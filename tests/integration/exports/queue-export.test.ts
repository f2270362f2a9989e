import { beforeAll, describe, expect, it } from 'vitest';
import { addDays } from '@/lib/domain/dates';
import type { Actor } from '@/lib/domain/permissions';
import { type QueueParams, queueParamsSchema } from '@/lib/domain/queue-params';
import { db } from '@/lib/server/db';
import type { QueueRowDto } from '@/lib/server/denials/dto';
import { listQueue } from '@/lib/server/denials/list-queue';
import { listQueueOptions } from '@/lib/server/denials/list-queue-options';
import { EXPORT_BATCH, exportQueue } from '@/lib/server/export/export-queue';
import { type DenialSpec, createDenials, createPayer, createPerson, createTeam } from '../../support/denial-factory';
import { readCsv } from './read-csv';

const TODAY = '2026-11-20';
let team: string;
let payer: string;
let other: string;
let manager: Actor;
let specialist: Actor;
let frontDesk: Actor;
let admin: Actor;

const q = (raw: Record<string, string>): QueueParams => queueParamsSchema.parse(raw);

/** Every page of the queue for the same parameters, following its cursors. */
async function allPages(actor: Actor, raw: Record<string, string>): Promise<QueueRowDto[]> {
  const rows: QueueRowDto[] = [];
  let cursor: string | undefined;
  for (;;) {
    const page = await listQueue(actor, q({ ...raw, limit: '100', ...(cursor ? { cursor } : {}) }), TODAY);
    rows.push(...page.rows);
    if (!page.nextCursor) return rows;
    cursor = page.nextCursor;
  }
}

beforeAll(async () => {
  team = (await createTeam()).id;
  manager = await createPerson('manager', team);
  specialist = await createPerson('specialist', team);
  frontDesk = await createPerson('front_desk', team);
  admin = await createPerson('admin', null);
  payer = (await createPayer('commercial', 'Export Health (test)')).id;
  other = (await createPayer('medicare', 'Other Payer (test)')).id;
  // More than one batch, with ties on the score and undated deadlines, so batch edges and the two deadline phases are crossed.
  const specs: DenialSpec[] = Array.from({ length: EXPORT_BATCH + 230 }, (_, i) => ({
    payerId: i % 3 === 0 ? other : payer,
    teamId: team,
    ownerId: i % 4 === 0 ? specialist.id : null,
    status: i % 4 === 0 ? 'assigned' : 'new',
    deniedCents: 1_000 + (i % 97) * 1_001,
    score: (i % 50) * 100,
    category: i % 2 === 0 ? 'coding_modifiers' : 'medical_necessity',
    department: i % 2 === 0 ? 'coding' : 'clinical',
    deadlineDate: i % 5 === 0 ? null : addDays(TODAY, (i % 60) - 10),
    patientName: `Patient ${i}, Test`,
  }));
  specs.push(
    { payerId: payer, teamId: team, patientName: '=HYPERLINK("http://evil.test","open")', deniedCents: 123_456, score: 999_999, category: 'coding_modifiers', department: 'coding' },
    { payerId: payer, teamId: team, patientName: '@SUM(1+1)*cmd|" /C calc"!A0', deniedCents: 5, score: 999_998, category: 'coding_modifiers', department: 'coding' },
  );
  await createDenials(specs);
});

describe('the queue export', () => {
  it.each([
    ['score', { view: 'team', payer: '' }],
    ['deadline (dated, then undated)', { view: 'team', sort: 'deadline', payer: '' }],
    ['amount, one category', { view: 'team', sort: 'amount', category: 'coding_modifiers', payer: '' }],
    ['age, unassigned', { view: 'unassigned', sort: 'age', payer: '' }],
  ])('holds exactly the queue’s rows, in its order, for %s', async (_, raw) => {
    const params = { ...raw, payer } as Record<string, string>;
    const expected = await allPages(manager, params);
    const csv = await readCsv(await exportQueue(manager, q(params), TODAY));
    expect(csv.rows.map((r) => r[0])).toEqual(expected.map((r) => r.patientControlNumber));
    expect(expected.length).toBeGreaterThan(100);
  });

  it('writes the columns a specialist needs, amounts in dollars from cents, with a BOM for Excel', async () => {
    const response = await exportQueue(manager, q({ view: 'team', payer, sort: 'amount', category: 'coding_modifiers' }), TODAY);
    expect(response.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(response.headers.get('content-disposition')).toBe(`attachment; filename="denial-queue-${TODAY}.csv"`);
    const csv = await readCsv(response);
    expect(csv.bom).toBe(true);
    expect(csv.header).toEqual(['Claim', 'Payer claim number', 'Patient', 'Payer', 'CARC', 'RARC', 'Category', 'Department', 'Denied amount', 'Recovered amount', 'Deadline', 'Deadline kind', 'Status', 'Owner', 'Score', 'Opened']);
    const formula = csv.rows.find((r) => r[8] === '1234.56');
    expect(formula).toMatchObject({ 3: 'Export Health (test)', 4: '50', 6: 'Coding and modifiers', 7: 'Coding', 9: '0.00', 12: 'New', 14: '10000' });
  });

  it('neutralises formula cells in the actual output', async () => {
    const csv = await readCsv(await exportQueue(manager, q({ view: 'team', payer }), TODAY));
    // The two hostile names lead the score order.
    expect(csv.rows[0]![2]).toBe(`'=HYPERLINK("http://evil.test","open")`);
    expect(csv.rows[1]![2]).toBe(`'@SUM(1+1)*cmd|" /C calc"!A0`);
    expect(csv.rows[1]![8]).toBe('0.05');
    expect(csv.rows.every((r) => r.every((cell) => !/^[=+\-@\t\r]/.test(cell)))).toBe(true);
  });

  it('scopes a specialist to what their queue shows', async () => {
    const params = { view: 'mine', payer };
    const csv = await readCsv(await exportQueue(specialist, q(params), TODAY));
    const mine = await allPages(specialist, params);
    expect(csv.rows.map((r) => r[0])).toEqual(mine.map((r) => r.patientControlNumber));
    expect(csv.rows.length).toBeGreaterThan(0);
    await expect(exportQueue(specialist, q({ view: 'all' }), TODAY)).rejects.toMatchObject({ code: 'forbidden' });
  });

  it('tells the queue screen who may export (the button shows from this flag)', async () => {
    expect((await listQueueOptions(manager)).viewer.canExport).toBe(true);
    expect((await listQueueOptions(specialist)).viewer.canExport).toBe(true);
  });

  it('refuses front desk and admin', async () => {
    await expect(exportQueue(frontDesk, q({}), TODAY)).rejects.toMatchObject({ code: 'forbidden', status: 403 });
    await expect(exportQueue(admin, q({}), TODAY)).rejects.toMatchObject({ code: 'forbidden' });
  });

  it('is audited: started, then completed with its row count (no search text)', async () => {
    const response = await exportQueue(manager, q({ view: 'team', payer, q: 'Patient 1' }), TODAY);
    const { rows } = await readCsv(response);
    const events = await db.auditEvent.findMany({ where: { actorId: manager.id, action: { startsWith: 'export.' } }, orderBy: { id: 'asc' } });
    const last = events.slice(-2);
    expect(last.map((e) => e.action)).toEqual(['export.started', 'export.completed']);
    expect(last[1]).toMatchObject({ entityType: 'export', entityId: last[0]!.entityId, phi: true, details: expect.objectContaining({ list: 'queue', rows: rows.length, search: true, payer: [payer] }) });
    expect(JSON.stringify(last.map((e) => e.details))).not.toContain('Patient 1');
  });

  it('records an abort with the rows sent when the client goes away', async () => {
    // The whole team's view (both payers): more than one batch.
    const response = await exportQueue(manager, q({ view: 'team' }), TODAY);
    const reader = response.body!.getReader();
    await reader.read(); // header
    await reader.read(); // first batch
    await reader.cancel();
    const event = await db.auditEvent.findFirst({ where: { actorId: manager.id, action: 'export.aborted' }, orderBy: { id: 'desc' } });
    expect(event).toMatchObject({ details: expect.objectContaining({ list: 'queue', reason: 'client_gone', rows: EXPORT_BATCH }) });
  });
});
