// The audit trail's hash chain and monthly partitions (migration 20261207001000_audit_chain_partitions, decision
// 0032), against real PostgreSQL, in a database of its own: these tests tamper with the trail as a superuser would.
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyAuditChain } from '@/lib/server/audit/verify-chain';
import { GENESIS_HASH } from '@/lib/domain/audit-chain';
import { sealAuditDay } from '@/lib/server/audit/seal-day';
import { appRoleUrl, createTestDatabase, type TestDatabase } from '../../support/test-database';

let database: TestDatabase;
let owner: pg.Client;
let appUrl: string;

beforeAll(async () => {
  database = await createTestDatabase('audit_chain');
  appUrl = await appRoleUrl(database);
  owner = new pg.Client({ connectionString: database.url });
  await owner.connect();
});

afterAll(async () => {
  await owner?.end();
  await database?.drop();
});

async function connect(url: string): Promise<pg.Client> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  return client;
}

const INSERT = `INSERT INTO audit_event ("actorId", "actorEmail", ip, "userAgent", action, "entityType", "entityId", phi, details)
                VALUES ($1::uuid, $2, $3, $4, $5, $6, $7, $8, $9::jsonb) RETURNING id::text AS id, chain, seq::text AS seq`;

async function insertEvent(client: pg.ClientBase, action: string, details: unknown = {}, more: { actorId?: string; email?: string | null; ip?: string | null } = {}) {
  const { rows } = await client.query<{ id: string; chain: string; seq: string }>(INSERT, [
    more.actorId ?? null, more.email ?? 'someone@overturn.test', more.ip ?? '10.0.0.7', 'vitest', action, 'test', 'entity-1', false, JSON.stringify(details),
  ]);
  return rows[0]!;
}

/** Removes an event as a superuser can (its refusal trigger disabled); returns the row as it was. */
async function removeEvent(id: string): Promise<Record<string, unknown>> {
  const copy = (await owner.query('SELECT * FROM audit_event WHERE id = $1', [id])).rows[0];
  await owner.query('ALTER TABLE audit_event DISABLE TRIGGER audit_event_no_update_delete');
  try {
    await owner.query('DELETE FROM audit_event WHERE id = $1', [id]);
  } finally {
    await owner.query('ALTER TABLE audit_event ENABLE TRIGGER audit_event_no_update_delete');
  }
  return copy;
}

/** Puts a removed event back exactly as it was (the chain trigger would give it a new place: disabled for this). */
async function putBack(copy: Record<string, unknown>): Promise<void> {
  await owner.query('ALTER TABLE audit_event DISABLE TRIGGER audit_event_chain');
  try {
    const columns = Object.keys(copy);
    await owner.query(
      `INSERT INTO audit_event (${columns.map((c) => `"${c}"`).join(', ')}) VALUES (${columns.map((_, i) => `$${i + 1}`).join(', ')})`,
      columns.map((c) => (c === 'details' ? JSON.stringify(copy[c]) : copy[c])),
    );
  } finally {
    await owner.query('ALTER TABLE audit_event ENABLE TRIGGER audit_event_chain');
  }
}

describe('the hash chain', () => {
  it('hashes what Node hashes, for awkward content too (unicode, quotes, separators, nulls, nested json)', async () => {
    const app = await connect(appUrl);
    try {
      await insertEvent(app, 'test.awkward', { note: 'Zoë’s “appeal” 🩺 — 3:4|5~', nested: { b: [1, 2.50, null, true], a: 'x\ny\t"z"\\' }, '': 0 });
      await insertEvent(app, 'test.awkward', {}, { actorId: '0191c3b0-0000-7000-8000-00000000abcd', email: null, ip: null });
      await insertEvent(app, '4:test', { '4:test': '|' });
      const result = await verifyAuditChain(app);
      expect(result).toMatchObject({ ok: true, events: 3, chains: 1, broken: 0 });
      // The trigger writes audit_event_hash() out inline (for speed); the function (the migration's copy) agrees.
      const differ = await app.query(`SELECT count(*)::int AS n FROM audit_event WHERE hash <> audit_event_hash(id, at, "actorId", "actorEmail",
                                        action, "entityType", "entityId", phi, ip, "userAgent", details, "prevHash")`);
      expect(differ.rows[0].n).toBe(0);
    } finally {
      await app.end();
    }
  });

  it('overwrites chain, seq and hashes an inserter tries to set', async () => {
    const { rows } = await owner.query<{ chain: string; hash: string; prevHash: string }>(
      `INSERT INTO audit_event (action, "entityType", chain, seq, "prevHash", hash) VALUES ('test.forge', 'test', 'forged', 1, $1, 'f00')
       RETURNING chain, hash, "prevHash"`, [GENESIS_HASH]);
    expect(rows[0]!.chain).not.toBe('forged');
    expect(rows[0]!.hash).toMatch(/^[0-9a-f]{64}$/);
    expect((await verifyAuditChain(owner)).ok).toBe(true);
  });

  it('stays whole when 20 connections write at once, with rollbacks, savepoints and every isolation level', async () => {
    const before = await verifyAuditChain(owner);
    const clients = await Promise.all(Array.from({ length: 20 }, () => connect(appUrl)));
    const committed = await Promise.all(
      clients.map(async (client, c) => {
        let kept = 0;
        const level = ['READ COMMITTED', 'REPEATABLE READ', 'SERIALIZABLE'][c % 3];
        for (let t = 0; t < 15; t++) {
          await client.query(`BEGIN ISOLATION LEVEL ${level}`);
          await insertEvent(client, 'test.concurrent', { c, t });
          await client.query('SAVEPOINT s');
          await insertEvent(client, 'test.rolled-back-savepoint', { c, t });
          await client.query('ROLLBACK TO SAVEPOINT s');
          await insertEvent(client, 'test.concurrent', { c, t, second: true });
          const rollBack = t % 4 === 3;
          await client.query(rollBack ? 'ROLLBACK' : 'COMMIT');
          if (!rollBack) kept += 2;
          if (t === 7) await client.query('DISCARD ALL'); // a pooler's reset: the chain state is read back from the table
        }
        return kept;
      }),
    );
    await Promise.all(clients.map((client) => client.end()));

    const result = await verifyAuditChain(owner, { batchSize: 37 }); // small batches: the keyset crosses chains mid-batch
    expect(result.ok).toBe(true);
    expect(result.events - before.events).toBe(committed.reduce((a, b) => a + b, 0));
    // Two chains a connection: one from its first insert, one from its first after DISCARD ALL.
    expect(result.chains - before.chains).toBe(40);
    const rolledBack = await owner.query(`SELECT count(*)::int AS n FROM audit_event WHERE action = 'test.rolled-back-savepoint'`);
    expect(rolledBack.rows[0].n).toBe(0);
  });

  it('names the event a superuser changed with its triggers disabled, and is whole again once it is put back', async () => {
    const victim = await insertEvent(owner, 'test.victim', { amount: 100 });
    await insertEvent(owner, 'test.after-victim');
    await owner.query('ALTER TABLE audit_event DISABLE TRIGGER audit_event_no_update_delete');
    try {
      await owner.query(`UPDATE audit_event SET details = '{"amount": 1}' WHERE id = $1`, [victim.id]);
      const tampered = await verifyAuditChain(owner);
      expect(tampered.ok).toBe(false);
      expect(tampered.broken).toBe(1);
      expect(tampered.firstBroken).toMatchObject({ id: victim.id, chain: victim.chain, seq: victim.seq, reason: 'content changed' });

      // A careful forger recomputes the changed event's hash too: then the next event's link names the break.
      await owner.query(`UPDATE audit_event SET hash = audit_event_hash(id, at, "actorId", "actorEmail", action, "entityType", "entityId", phi, ip, "userAgent", details, "prevHash") WHERE id = $1`, [victim.id]);
      const relinked = await verifyAuditChain(owner);
      expect(relinked.firstBroken).toMatchObject({ chain: victim.chain, seq: String(BigInt(victim.seq) + 1n), reason: 'link broken' });

      await owner.query(`UPDATE audit_event SET details = '{"amount": 100}' WHERE id = $1`, [victim.id]);
      await owner.query(`UPDATE audit_event SET hash = audit_event_hash(id, at, "actorId", "actorEmail", action, "entityType", "entityId", phi, ip, "userAgent", details, "prevHash") WHERE id = $1`, [victim.id]);
    } finally {
      await owner.query('ALTER TABLE audit_event ENABLE TRIGGER audit_event_no_update_delete');
    }
    expect((await verifyAuditChain(owner)).ok).toBe(true);
  });

  it('names the gap a deleted event leaves in the middle of its chain, and is whole again once it is put back', async () => {
    await insertEvent(owner, 'test.before-gap');
    const gone = await insertEvent(owner, 'test.deleted');
    const next = await insertEvent(owner, 'test.after-gap');
    const copy = await removeEvent(gone.id);
    const result = await verifyAuditChain(owner);
    expect(result.ok).toBe(false);
    expect(result.firstBroken).toMatchObject({ id: next.id, chain: gone.chain, seq: next.seq, reason: 'gap' });
    expect(result.firstBroken!.detail).toContain(`seq ${gone.seq} missing`);

    await putBack(copy);
    expect((await verifyAuditChain(owner)).firstBroken).toBeUndefined();
  });
});

describe('the seal of a closed day', () => {
  it('records the day\'s root, and a chain that later loses its last event no longer matches it', async () => {
    const day = '2025-06-01';
    const writer = await connect(database.url);
    const ids: string[] = [];
    try {
      for (let i = 0; i < 3; i++) {
        const { rows } = await writer.query<{ id: string }>(
          `INSERT INTO audit_event (at, action, "entityType") VALUES ($1, 'test.sealed-day', 'test') RETURNING id::text`, [`${day}T10:00:0${i}Z`]);
        ids.push(rows[0]!.id);
      }
    } finally {
      await writer.end();
    }
    const seal = await sealAuditDay(owner, day);
    expect(seal).toMatchObject({ sealed: true, chains: 1, events: 3 });
    const stored = await owner.query(`SELECT details FROM audit_event WHERE action = 'audit.seal' AND "entityId" = $1`, [day]);
    expect(stored.rows[0].details).toMatchObject({ root: seal.sealed ? seal.root : '', events: 3 });
    expect((await verifyAuditChain(owner)).firstBroken).toBeUndefined();
    expect((await sealAuditDay(owner, '2025-06-02'))).toEqual({ sealed: false, why: 'no events that day' });

    // The last event of a chain gone: every remaining link holds, only the seal shows it.
    const copy = await removeEvent(ids[2]!);
    const result = await verifyAuditChain(owner);
    expect(result.ok).toBe(false);
    expect(result.broken).toBe(1);
    expect(result.firstBroken).toMatchObject({ reason: 'seal mismatch' });
    expect(result.firstBroken!.detail).toContain(`day ${day} was sealed with root`);
    const again = await sealAuditDay(owner, day); // a day that no longer verifies is not sealed again
    expect(again.sealed ? '' : again.why).toMatch(/seal mismatch/);
    // Only the days asked for are checked.
    expect((await verifyAuditChain(owner, { since: '2025-06-02' })).ok).toBe(true);
    expect((await verifyAuditChain(owner, { until: day })).ok).toBe(true);

    await putBack(copy);
    expect((await verifyAuditChain(owner)).firstBroken).toBeUndefined();
  });
});

describe('the monthly partitions', () => {
  it('exist for this month and the three after it, and DEFAULT takes an event far in the future', async () => {
    const { rows } = await owner.query<{ name: string }>(
      `SELECT c.relname AS name FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid WHERE i.inhparent = 'audit_event'::regclass ORDER BY 1`);
    const names = rows.map((r) => r.name);
    const now = new Date();
    for (let m = 0; m <= 3; m++) {
      const d = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() + m, 1));
      expect(names).toContain(`audit_event_${d.getUTCFullYear()}_${String(d.getUTCMonth() + 1).padStart(2, '0')}`);
    }
    expect(names).toContain('audit_event_default');

    const far = await owner.query<{ part: string }>(
      `INSERT INTO audit_event (at, action, "entityType") VALUES ('2100-01-15T10:00:00Z', 'test.far', 'test') RETURNING tableoid::regclass::text AS part`);
    expect(far.rows[0]!.part).toBe('audit_partition.audit_event_default');
    // Its month cannot become a partition now (that would mean moving an audit row); another month can.
    expect((await owner.query(`SELECT audit_event_create_partition('2100-01-01') AS made`)).rows[0].made).toBe(false);
    expect((await owner.query(`SELECT audit_event_create_partition('2099-06-01') AS made`)).rows[0].made).toBe(true);
    const there = await owner.query<{ part: string }>(
      `INSERT INTO audit_event (at, action, "entityType") VALUES ('2099-06-30T23:59:59.999Z', 'test.far', 'test') RETURNING tableoid::regclass::text AS part`);
    expect(there.rows[0]!.part).toBe('audit_partition.audit_event_2099_06');
    expect((await verifyAuditChain(owner)).firstBroken).toBeUndefined();
  });

  it('refuse UPDATE, DELETE and TRUNCATE on every partition, addressed directly, even to a superuser', async () => {
    const { rows } = await owner.query<{ name: string; events: boolean }>(
      `SELECT i.inhrelid::regclass::text AS name, EXISTS (SELECT 1 FROM audit_event e WHERE e.tableoid = i.inhrelid) AS events
         FROM pg_inherits i WHERE i.inhparent = 'audit_event'::regclass`);
    expect(rows.length).toBeGreaterThanOrEqual(6);
    // This month's, 2099-06 and DEFAULT hold events (the tests above); a row trigger has nothing to fire on elsewhere.
    expect(rows.filter((r) => r.events).length).toBeGreaterThanOrEqual(3);
    for (const { name, events } of rows) {
      if (events) {
        await expect(owner.query(`UPDATE ${name} SET action = 'tampered'`)).rejects.toThrow(/append-only/);
        await expect(owner.query(`DELETE FROM ${name}`)).rejects.toThrow(/append-only/);
      }
      await expect(owner.query(`TRUNCATE ${name}`)).rejects.toThrow(/append-only/);
    }
    await expect(owner.query(`TRUNCATE audit_event`)).rejects.toThrow(/append-only/);
  });

  it("leave the app's role reading and appending only, through audit_event, and able to add partitions", async () => {
    const app = await connect(appUrl);
    try {
      await insertEvent(app, 'test.app-role');
      await expect(app.query(`UPDATE audit_event SET action = 'tampered'`)).rejects.toMatchObject({ code: '42501' });
      await expect(app.query(`DELETE FROM audit_event`)).rejects.toMatchObject({ code: '42501' });
      await expect(app.query(`SELECT count(*) FROM audit_partition.audit_event_default`)).rejects.toMatchObject({ code: '42501' });
      await expect(app.query(`ALTER TABLE audit_event DISABLE TRIGGER audit_event_chain`)).rejects.toMatchObject({ code: '42501' });
      expect((await app.query(`SELECT audit_event_ensure_partitions(6) AS made`)).rows[0].made).toBeGreaterThanOrEqual(2);
      await expect(app.query(`SELECT audit_event_ensure_partitions(1000)`)).rejects.toMatchObject({ code: '22023' });
      await expect(app.query(`SELECT audit_event_create_partition('2400-01-01')`)).rejects.toMatchObject({ code: '42501' });
      expect((await verifyAuditChain(app)).ok).toBe(true);
    } finally {
      await app.end();
    }
  });
});
