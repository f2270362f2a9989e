// What the app does at run time works under its least-privilege role (scripts/db/app-role.ts): an 835 import
// (COPY, the file's advisory lock, the BIGSERIAL audit ids), a denial's edit with its audit event, the queue's
// read, the dashboard's rollups (their triggers' deltas and the compaction), and pg-boss installing and running in the `pgboss` schema the owner made for the role. This file's
// lib/server/db connects as the role: DATABASE_URL is switched before the first import reads it.
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { queueParamsSchema } from '@/lib/domain/queue-params';
import { appRoleUrl } from '../../support/test-database';

type Db = typeof import('@/lib/server/db');
let db: Db['db'];
let pool: Db['pool'];

beforeAll(async () => {
  process.env.DATABASE_URL = await appRoleUrl({ url: inject('databaseUrl'), drop: async () => {} });
  ({ db, pool } = await import('@/lib/server/db'));
  const { loadCatalogue } = await import('@/lib/server/codes/load-catalogue');
  await db.$transaction((tx) => loadCatalogue(tx), { timeout: 60_000 });
});

afterAll(async () => {
  const { stopScoringJobs } = await import('@/lib/server/scoring/jobs');
  await stopScoringJobs();
  await db.$disconnect();
  await pool.end();
});

describe('the app at work as its own role', () => {
  it('connects as the app role, not the owner', async () => {
    const { rows } = await pool.query<{ who: string }>('SELECT current_user AS who');
    expect(rows[0]!.who).toBe('overturn_test_app');
  });

  it('imports an 835 with a denial, and audits it', async () => {
    const { ingest835 } = await import('@/lib/server/remits/ingest-835');
    const { actor, deniedClaim, paidClaim, remit, transaction, unique } = await import('../ingest/helpers');
    const payer = unique('ROLE');
    const bytes = remit([transaction(payer, [deniedClaim(unique('P'), unique('C'), 25000), paidClaim(unique('P'), unique('C'), 10000, 9000)])]);
    const result = await ingest835(actor, { filename: 'as-app-role.835', bytes });
    if (!result.ok) throw new Error(result.message);
    expect(result.claims).toBe(2);
    const denials = await pool.query(`SELECT d.id FROM denial d JOIN payer p ON p.id = d."payerId" WHERE p.identifier = $1`, [payer]);
    expect(denials.rowCount).toBe(1);
    expect(await db.auditEvent.count({ where: { action: 'remit.import', entityId: result.fileId } })).toBe(1);
  });

  it('edits a denial with its audit event and reads the queue', async () => {
    const { createDenial, createPayer, createPerson } = await import('../../support/denial-factory');
    const { addNote } = await import('@/lib/server/denials/add-note');
    const { listQueue } = await import('@/lib/server/denials/list-queue');
    const manager = await createPerson('manager', null, undefined, { orgWide: true });
    const payer = await createPayer();
    const id = await createDenial({ payerId: payer.id, ownerId: manager.id });
    expect(await addNote(manager, { id, version: 0, note: 'Called the payer' })).toMatchObject({ ok: true });
    expect(await db.auditEvent.count({ where: { action: 'denial.note', entityId: id } })).toBe(1);
    const page = await listQueue(manager, queueParamsSchema.parse({ view: 'all', payer: payer.id }), '2026-10-01');
    expect(page.rows.map((row) => row.id)).toEqual([id]);
  });

  it('counts the dashboard from its rollups, folding the writers\' deltas in (decision 0031)', async () => {
    const { createDenial, createPayer, createPerson } = await import('../../support/denial-factory');
    const { dashboardMetrics } = await import('@/lib/server/metrics/dashboard');
    const { todayIso } = await import('@/lib/server/clock');
    const manager = await createPerson('manager', null, undefined, { orgWide: true });
    const payer = await createPayer();
    await createDenial({ payerId: payer.id, deniedCents: 12_345 });
    const today = todayIso();
    const dto = await dashboardMetrics(manager, { from: today, to: today }, { payer: payer.id }, today, { fresh: true });
    expect(dto.current).toMatchObject({ opened: 1, openedCents: 12_345 });
    // This payer's deltas were folded into the rollup (other tests' writes may have left their own since).
    const { rows } = await pool.query<{ delta: string; rollup: string }>(
      `SELECT (SELECT count(*) FROM dashboard_rollup_delta WHERE scope = $1) AS delta, (SELECT count(*) FROM dashboard_rollup WHERE scope = $1) AS rollup`,
      [`payer:${payer.id}`],
    );
    expect(Number(rows[0]!.delta)).toBe(0);
    expect(Number(rows[0]!.rollup)).toBeGreaterThan(0);
  });

  it('runs pg-boss in the schema the owner made for it', async () => {
    const { DAILY_RESCORE, startScoringJobs } = await import('@/lib/server/scoring/jobs');
    expect(await startScoringJobs()).not.toBeNull();
    const { rows } = await pool.query(`SELECT name FROM pgboss.schedule WHERE name = $1`, [DAILY_RESCORE]);
    expect(rows).toEqual([{ name: DAILY_RESCORE }]);
    const owner = await pool.query<{ owner: string }>(`SELECT pg_get_userbyid(nspowner) AS owner FROM pg_namespace WHERE nspname = 'pgboss'`);
    expect(owner.rows[0]!.owner).toBe('overturn_test_app');
  });
});
