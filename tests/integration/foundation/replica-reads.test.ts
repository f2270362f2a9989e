// DATABASE_REPLICA_URL: the read-only reports read through a second pool (lib/server/db.ts reportPool) and
// everything else — the audit events of those very reads included — stays on the primary. The "replica" here
// is another database with the same schema and a marker row the primary does not have, so where each read
// went shows in what it answers.
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../support/test-database';

let replica: TestDatabase;
let replicaClient: pg.Client;
// Imported once DATABASE_REPLICA_URL is set: lib/env.ts and lib/server/db.ts read it when first loaded.
let server: {
  db: typeof import('@/lib/server/db');
  dashboard: typeof import('@/lib/server/metrics/dashboard');
  exportAudit: typeof import('@/lib/server/export/export-audit');
  factory: typeof import('../../support/denial-factory');
  clock: typeof import('@/lib/server/clock');
  readCsv: typeof import('../exports/read-csv');
};

beforeAll(async () => {
  replica = await createTestDatabase('overturn_it_replica');
  process.env.DATABASE_REPLICA_URL = replica.url;
  server = {
    db: await import('@/lib/server/db'),
    dashboard: await import('@/lib/server/metrics/dashboard'),
    exportAudit: await import('@/lib/server/export/export-audit'),
    factory: await import('../../support/denial-factory'),
    clock: await import('@/lib/server/clock'),
    readCsv: await import('../exports/read-csv'),
  };
  replicaClient = new pg.Client({ connectionString: replica.url });
  await replicaClient.connect();
  await replicaClient.query(`INSERT INTO payer (id, name, identifier, "updatedAt") VALUES (gen_random_uuid(), 'Replica marker payer', 'REPLICA-MARKER', now())`);
});

afterAll(async () => {
  await replicaClient?.end();
  if (server && server.db.reportPool !== server.db.pool) await server.db.reportPool.end();
  delete process.env.DATABASE_REPLICA_URL;
  await replica?.drop();
});

const replicaEvents = async (actorId: string) =>
  (await replicaClient.query<{ n: number }>('SELECT count(*)::int AS n FROM audit_event WHERE "actorId" = $1', [actorId])).rows[0]!.n;

describe('with DATABASE_REPLICA_URL set', () => {
  it('opens a second pool for the reports', () => {
    expect(server.db.reportPool).not.toBe(server.db.pool);
  });

  it('reads the dashboard on the replica and audits the view on the primary', async () => {
    const { db } = server.db;
    const manager = await server.factory.createPerson('manager', null, undefined, { orgWide: true });
    const today = server.clock.todayIso();
    const dto = await server.dashboard.dashboardMetrics(manager, { from: today, to: today }, {}, today, { fresh: true });
    expect(dto.options.payers.map((p) => p.name)).toContain('Replica marker payer');
    expect(await db.payer.count({ where: { identifier: 'REPLICA-MARKER' } })).toBe(0);
    expect(await db.auditEvent.count({ where: { actorId: manager.id, action: 'metrics.view' } })).toBe(1);
    expect(await replicaEvents(manager.id)).toBe(0);
  });

  it('exports the audit trail from the replica and records the export on the primary', async () => {
    const { db } = server.db;
    const admin = await server.factory.createPerson('admin', null);
    await replicaClient.query(`INSERT INTO audit_event ("actorId", action, "entityType") VALUES ($1, 'replica.marker', 'test')`, [admin.id]);
    const csv = await server.readCsv.readCsv(await server.exportAudit.exportAudit(admin, { user: admin.id }, server.clock.todayIso()));
    expect(csv.rows.map((r) => r[4])).toContain('replica.marker');
    expect(await db.auditEvent.count({ where: { action: 'replica.marker' } })).toBe(0);
    expect(await db.auditEvent.count({ where: { actorId: admin.id, action: 'export.completed' } })).toBe(1);
    expect(await replicaEvents(admin.id)).toBe(1); // the marker only
  });
});
