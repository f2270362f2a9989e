// Migration 20261207001000_audit_chain_partitions on a database that already has an audit trail: every event is
// kept with its id, lands in its month's partition, and is chained (one chain per UTC day, in id order).
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { verifyAuditChain } from '@/lib/server/audit/verify-chain';
import { readMigrationsList } from '../../../scripts/db/migrate';
import { NO_FILTERS, withSchemaEngine } from '../../../scripts/db/schema-engine';
import { withDatabase } from '../../support/test-database';

const CHAIN_MIGRATION = '20261207001000_audit_chain_partitions';
const serverUrl = withDatabase(inject('databaseUrl'), 'postgres');
const name = `audit_chain_mig_${Date.now()}_${process.pid}`;
const url = withDatabase(serverUrl, name);
let client: pg.Client;

/** Applies the migrations up to (`before`) or including everything (`all`). */
async function migrate(upTo: 'before' | 'all'): Promise<void> {
  const list = await readMigrationsList();
  const migrationDirectories = upTo === 'all' ? list.migrationDirectories : list.migrationDirectories.filter((d) => d.path < CHAIN_MIGRATION);
  await withSchemaEngine(url, (engine) => engine.applyMigrations({ migrationsList: { ...list, migrationDirectories }, filters: NO_FILTERS }));
}

beforeAll(async () => {
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE "${name}"`);
  await admin.end();
  await migrate('before');
  client = new pg.Client({ connectionString: url });
  await client.connect();
});

afterAll(async () => {
  await client?.end();
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  await admin.end();
});

describe('chaining an existing audit trail', () => {
  it('keeps every event, partitions it by month and chains each UTC day in id order', async () => {
    // Out of time order on purpose: ids, not times, order a day's chain.
    const events = [
      ['2026-10-31T23:59:59.999Z', 'old.one', { n: 1 }],
      ['2026-11-01T00:00:00.000Z', 'old.two', { n: 2, note: 'Zoë “quoted”' }],
      ['2026-11-01T12:00:00.000Z', 'old.three', {}],
      ['2026-11-01T06:00:00.000Z', 'old.four', { nested: { b: 1, a: [true, null] } }],
    ] as const;
    for (const [at, action, details] of events) {
      await client.query(`INSERT INTO audit_event (at, action, "entityType", details) VALUES ($1, $2, 'test', $3::jsonb)`, [at, action, JSON.stringify(details)]);
    }
    const before = (await client.query('SELECT id::text, action, details FROM audit_event ORDER BY id')).rows;

    await migrate('all');

    const after = await client.query<{ id: string; action: string; details: unknown; chain: string; seq: string; part: string }>(
      'SELECT id::text, action, details, chain, seq::text, tableoid::regclass::text AS part FROM audit_event ORDER BY id');
    expect(after.rows.map(({ id, action, details }) => ({ id, action, details }))).toEqual(before);
    expect(after.rows.map((r) => [r.chain, r.seq, r.part])).toEqual([
      ['2026-10-31:migrated', '1', 'audit_partition.audit_event_2026_10'],
      ['2026-11-01:migrated', '1', 'audit_partition.audit_event_2026_11'],
      ['2026-11-01:migrated', '2', 'audit_partition.audit_event_2026_11'],
      ['2026-11-01:migrated', '3', 'audit_partition.audit_event_2026_11'],
    ]);
    const result = await verifyAuditChain(client);
    expect(result).toMatchObject({ ok: true, events: 4, chains: 2 });

    // New events continue the id sequence and chain as usual.
    const next = await client.query<{ id: string; chain: string }>(`INSERT INTO audit_event (action, "entityType") VALUES ('new.one', 'test') RETURNING id::text, chain`);
    expect(BigInt(next.rows[0]!.id)).toBeGreaterThan(BigInt(before.at(-1)!.id));
    expect(next.rows[0]!.chain).not.toContain('migrated');
    expect((await verifyAuditChain(client)).ok).toBe(true);
  });
});
