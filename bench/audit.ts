// Audit chain benchmark (docs/decisions/0032-audit-chain.md), in a database of its own, same run, same machine:
//  1. insert rate from 20 connections (transactions of 10 events, as audit() writes them) into the chained,
//     partitioned audit_event, beside the same inserts into an unchained copy shaped as the table was before
//     (one plain table, same columns and indexes) and into an unchained partitioned copy — alternating rounds;
//  2. bulk: 1M events appended from 4 connections (INSERT … SELECT), chained vs the plain copy;
//  3. audit:verify's speed (events/s) and memory over those ≥ 1M events.
// The last line is JSON.   npm run bench:audit [-- --events 1000000 --clients 20 --per-client 400 --rounds 3]
import pg from 'pg';
import { verifyAuditChain } from '../lib/server/audit/verify-chain';
import { createTestDatabase } from '../tests/support/test-database';

const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
};
const EVENTS = arg('events', 1_000_000);
const CLIENTS = arg('clients', 20);
const PER_CLIENT = arg('per-client', 400);
const ROUNDS = arg('rounds', 3);
const BATCH = 10;
const MB = 2 ** 20;

// The unchained copies: the columns the app writes, the same indexes; no chain trigger.
const COPIES = `
  CREATE TABLE audit_plain (LIKE audit_event INCLUDING DEFAULTS);
  ALTER TABLE audit_plain ALTER chain DROP NOT NULL, ALTER seq DROP NOT NULL, ALTER "prevHash" DROP NOT NULL, ALTER hash DROP NOT NULL;
  ALTER TABLE audit_plain ADD PRIMARY KEY (id);
  CREATE INDEX ON audit_plain (at);
  CREATE INDEX ON audit_plain ("entityType", "entityId");
  CREATE TABLE audit_partitioned_plain (LIKE audit_plain INCLUDING DEFAULTS) PARTITION BY RANGE (at);
  ALTER TABLE audit_partitioned_plain ADD PRIMARY KEY (id, at);
  CREATE INDEX ON audit_partitioned_plain (at);
  CREATE INDEX ON audit_partitioned_plain ("entityType", "entityId");
  CREATE TABLE audit_partitioned_plain_now PARTITION OF audit_partitioned_plain
    FOR VALUES FROM (date_trunc('month', now())) TO (date_trunc('month', now()) + interval '1 month');
  CREATE TABLE audit_partitioned_plain_default PARTITION OF audit_partitioned_plain DEFAULT;`;

const insertInto = (table: string) => `
  INSERT INTO ${table} ("actorId", "actorEmail", ip, "userAgent", action, "entityType", "entityId", phi, details)
  VALUES ($1::uuid, $2, $3, $4, $5, $6, $7, $8, $9::jsonb)`;

const params = (c: number, i: number) => [
  '0191c3b0-0000-7000-8000-00000000abcd', `specialist${c}@overturn.test`, `10.0.${c}.7`, 'Mozilla/5.0 (bench)', 'denial.read', 'denial',
  `0191c3b0-${String(i).padStart(4, '0').slice(-4)}-7000-8000-000000000001`, true, JSON.stringify({ view: 'detail', tab: 'history', rows: i % 50 }),
];

/** CLIENTS connections, each PER_CLIENT events in transactions of BATCH; events per second. */
async function insertRate(clients: pg.Client[], table: string): Promise<number> {
  const sql = insertInto(table);
  const t = performance.now();
  await Promise.all(
    clients.map(async (client, c) => {
      for (let i = 0; i < PER_CLIENT; i += BATCH) {
        await client.query('BEGIN');
        for (let j = 0; j < BATCH; j++) await client.query(sql, params(c, i + j));
        await client.query('COMMIT');
      }
    }),
  );
  return (clients.length * PER_CLIENT) / ((performance.now() - t) / 1000);
}

/** EVENTS rows appended from 4 connections with INSERT … SELECT; seconds. */
async function bulk(url: string, table: string): Promise<number> {
  const parts = 4;
  const t = performance.now();
  await Promise.all(
    Array.from({ length: parts }, async (_, p) => {
      const client = new pg.Client({ connectionString: url });
      await client.connect();
      try {
        await client.query(`
          INSERT INTO ${table} ("actorId", "actorEmail", ip, "userAgent", action, "entityType", "entityId", phi, details)
          SELECT '0191c3b0-0000-7000-8000-00000000abcd', 'import@overturn.test', '10.0.0.' || $1::int, 'overturn-ingest', 'denial.read', 'denial',
                 'denial-' || g, g % 3 = 0, jsonb_build_object('view', 'detail', 'rows', g % 50, 'filters', jsonb_build_object('payer', 'P' || (g % 17)))
            FROM generate_series(1, $2::int) g`, [p, Math.ceil(EVENTS / parts)]);
      } finally {
        await client.end();
      }
    }),
  );
  return (performance.now() - t) / 1000;
}

const round = (x: number, digits = 0) => Math.round(x * 10 ** digits) / 10 ** digits;

async function main() {
  if (!process.env.DATABASE_URL) console.log('DATABASE_URL not set: using the embedded PostgreSQL (.data/test).');
  const database = await createTestDatabase('audit_bench');
  try {
    const admin = new pg.Client({ connectionString: database.url });
    await admin.connect();
    await admin.query(COPIES);
    const version = (await admin.query<{ v: string }>("SELECT current_setting('server_version') AS v")).rows[0]!.v;
    console.log(`PostgreSQL ${version}; ${CLIENTS} connections × ${PER_CLIENT} events (transactions of ${BATCH}), ${ROUNDS} alternating rounds`);

    const clients = await Promise.all(Array.from({ length: CLIENTS }, async () => {
      const c = new pg.Client({ connectionString: database.url });
      await c.connect();
      return c;
    }));
    const sides = { chained: 'audit_event', plain: 'audit_plain', partitionedPlain: 'audit_partitioned_plain' } as const;
    const rates: Record<keyof typeof sides, number[]> = { chained: [], plain: [], partitionedPlain: [] };
    for (const [side, table] of Object.entries(sides)) await insertRate(clients, table).then(() => side); // warm-up
    for (let r = 0; r < ROUNDS; r++) {
      for (const [side, table] of Object.entries(sides) as [keyof typeof sides, string][]) rates[side].push(await insertRate(clients, table));
    }
    await Promise.all(clients.map((c) => c.end()));
    const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
    const insert = { chained: round(median(rates.chained)), plain: round(median(rates.plain)), partitionedPlain: round(median(rates.partitionedPlain)) };
    console.log(`insert, 20 connections: chained ${insert.chained} events/s, plain table ${insert.plain}/s, partitioned unchained ${insert.partitionedPlain}/s`);
    console.log(`  ratio chained / plain: ${round(insert.chained / insert.plain, 2)} (partitioned unchained / plain: ${round(insert.partitionedPlain / insert.plain, 2)})`);

    const plainBulk = await bulk(database.url, 'audit_plain');
    const chainedBulk = await bulk(database.url, 'audit_event');
    console.log(`bulk ${EVENTS.toLocaleString('en-US')} events from 4 connections: chained ${round(chainedBulk, 1)} s (${round(EVENTS / chainedBulk)}/s), plain ${round(plainBulk, 1)} s (${round(EVENTS / plainBulk)}/s), ratio ${round(chainedBulk / plainBulk, 2)}× the time`);

    await admin.query('VACUUM ANALYZE audit_event');
    const before = process.memoryUsage();
    let peakRss = before.rss;
    const t = performance.now();
    const result = await verifyAuditChain(admin, { onProgress: () => { peakRss = Math.max(peakRss, process.memoryUsage().rss); } });
    const verifySeconds = (performance.now() - t) / 1000;
    if (!result.ok) throw new Error(`the benchmark's own chain does not verify: ${JSON.stringify(result.firstBroken)}`);
    const verify = { events: result.events, chains: result.chains, seconds: round(verifySeconds, 1), eventsPerSecond: round(result.events / verifySeconds), rssGrowthMb: round((peakRss - before.rss) / MB, 1) };
    console.log(`verify: ${verify.events.toLocaleString('en-US')} events in ${verify.chains} chains, ${verify.seconds} s = ${verify.eventsPerSecond} events/s, RSS growth ${verify.rssGrowthMb} MB`);
    await admin.end();
    console.log(JSON.stringify({ postgres: version, clients: CLIENTS, insert, bulk: { events: EVENTS, chainedSeconds: round(chainedBulk, 1), plainSeconds: round(plainBulk, 1) }, verify }));
  } finally {
    await database.drop();
  }
}

await main();
process.exit(0);
