// Dashboard benchmark: the queue benchmark's seed with history (bench/denial-seed.ts: closed denials with what
// came back, appeals, avoidable flags, billing sites and providers, and paid claims beside the denied ones), a
// timeline of notes, the rollups' deltas folded in (decision 0031), then each of the dashboard's statements as
// dashboardMetrics picks them (lib/server/metrics/dashboard-statements.ts: over the rollups) and the whole
// operation (dashboardMetrics, what /dashboard runs) with 20 concurrent clients — each statement beside the same
// statement's text sent straight through pg, and beside the plainest grouped SQL over the same rows (one
// GROUP BY payer) as a floor. Prints p50/p95 and ratios; the last line is JSON. Does not edit docs/performance.md.
//   npm run bench:dashboard [-- --denials 200000 --claims-per-denial 3 --requests 200 --period 90 --keep] | [-- --reuse <url>]
// Aims (issue 15): at 1,000,000 denials and 3,000,000 claims, p95 ≤ 150 ms per chart, within 2× of its raw SQL.
import os from 'node:os';
import pg from 'pg';
import { addDays } from '../lib/domain/dates';
import { createTestDatabase } from '../tests/support/test-database';
import { SEED_TODAY, loadDenials, readFixture } from './denial-seed';
import { type Stats, measurePair, run, stats } from './measure';

const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
};
const DENIALS = arg('denials', 200_000);
const CLAIMS_PER_DENIAL = arg('claims-per-denial', 3);
const REQUESTS = arg('requests', 200);
const PERIOD_DAYS = arg('period', 90);
const CLIENTS = 20;
const KEEP = process.argv.includes('--keep');
const REUSE = process.argv.includes('--reuse') ? process.argv[process.argv.indexOf('--reuse') + 1] : undefined;
const TODAY = SEED_TODAY;

/** Notes by owners over the last 120 days (the productivity counts' events), once per database. */
async function addNotes(url: string): Promise<number> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const exists = (await client.query(`SELECT EXISTS (SELECT 1 FROM denial_event WHERE type = 'note') AS x`)).rows[0]!.x as boolean;
  if (!exists) {
    await client.query(
      `INSERT INTO denial_event (id, "denialId", "actorId", type, "createdAt")
       SELECT gen_random_uuid(), d.id, d."ownerId", 'note', $1::timestamptz - make_interval(days => ((abs(hashtext(d.id::text)::bigint) + n * 7919) % 120)::int, hours => n)
       FROM denial d CROSS JOIN generate_series(1, 2) n
       WHERE d."ownerId" IS NOT NULL AND n <= 1 + abs(hashtext(d.id::text)::bigint) % 2`,
      [new Date(`${TODAY}T12:00:00`)],
    );
    await client.query('VACUUM ANALYZE denial_event');
  }
  const n = Number((await client.query<{ n: string }>('SELECT count(*) AS n FROM denial_event')).rows[0]!.n);
  await client.end();
  return n;
}

/** The load's deltas (its COPY fired the rollup triggers) folded into the rollups, as the dashboard's first count would. */
async function foldRollup(url: string) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const t = Date.now();
  await client.query(`SET work_mem = '256MB'`);
  await client.query('SELECT dashboard_rollup_compact()');
  const foldSeconds = Math.round((Date.now() - t) / 100) / 10;
  // Every table vacuumed and analysed, as autovacuum would leave them: otherwise its passes over the freshly loaded
  // millions of rows compete with the measured statements (a first run showed p95s of 160–180 ms on both the
  // operation's and the raw side for statements whose p50 was 35 ms).
  const vacuumStarted = Date.now();
  await client.query('VACUUM ANALYZE');
  console.log(`  VACUUM ANALYZE of the database: ${Math.round((Date.now() - vacuumStarted) / 1000)} s`);
  const { rows } = await client.query<{ rows: string; size: string; claim_rows: string; work_rows: string; work_size: string; work_days: string }>(
    `SELECT (SELECT count(*) FROM dashboard_rollup) AS rows, pg_size_pretty(pg_total_relation_size('dashboard_rollup')) AS size, (SELECT count(*) FROM claim_rollup) AS claim_rows,
            (SELECT count(*) FROM work_rollup) AS work_rows, pg_size_pretty(pg_total_relation_size('work_rollup')) AS work_size, (SELECT count(*) FROM work_day) AS work_days`,
  );
  await client.end();
  const r = rows[0]!;
  return { rows: Number(r.rows), size: r.size, claimRows: Number(r.claim_rows), workRows: Number(r.work_rows), workSize: r.work_size, workDays: Number(r.work_days), foldSeconds };
}

async function main() {
  const database = REUSE ? { url: REUSE, drop: async () => {} } : await createTestDatabase('overturn_bench_dashboard');
  process.env.DATABASE_URL = database.url;
  try {
    console.log(`${REUSE ? 'Reusing' : 'Loading'} ${DENIALS.toLocaleString('en-US')} denials and ${(DENIALS * CLAIMS_PER_DENIAL).toLocaleString('en-US')} claims…`);
    const { fixture, seconds: loadSeconds } = REUSE
      ? { fixture: await readFixture(REUSE), seconds: 0 }
      : await loadDenials(database.url, DENIALS, { history: true, claimsPerDenial: CLAIMS_PER_DENIAL });
    const events = await addNotes(database.url);
    console.log(`  ${events.toLocaleString('en-US')} timeline events`);
    const rollup = await foldRollup(database.url);
    console.log(
      `  rollups: ${rollup.rows.toLocaleString('en-US')} denial rows (${rollup.size}), ${rollup.claimRows.toLocaleString('en-US')} claim rows, ${rollup.workRows.toLocaleString('en-US')} worked rows (${rollup.workSize}) from ${rollup.workDays.toLocaleString('en-US')} person-days on denials; deltas and marks folded in ${rollup.foldSeconds} s`,
    );

    // Imported only now: lib/server/db reads DATABASE_URL when it loads.
    const { dashboardStatements } = await import('@/lib/server/metrics/dashboard-statements');
    const { BREAKDOWNS } = await import('@/lib/server/metrics/rollup-sql');
    const { dashboardMetrics } = await import('@/lib/server/metrics/dashboard');
    const { analyticQuery, ANALYTIC_WORK_MEM } = await import('@/lib/server/metrics/analytic-query');
    const { pool, db } = await import('@/lib/server/db');
    const { priorPeriod } = await import('@/lib/domain/metrics');

    const period = { from: addDays(TODAY, -(PERIOD_DAYS - 1)), to: TODAY };
    const prior = priorPeriod(period);
    const base = { id: fixture.manager.id, role: 'manager' as const, teamId: fixture.manager.teamId, name: 'Bench Manager', email: 'bench@overturn.test', ip: null, userAgent: 'bench/dashboard.ts' };
    const scenarios = [
      { name: 'organisation', actor: { ...base, orgWide: true }, filters: {} },
      { name: 'organisation, one payer', actor: { ...base, orgWide: true }, filters: { payer: fixture.payers[2]!.id } },
      { name: 'team manager', actor: { ...base, orgWide: false }, filters: {} },
    ];
    // The same settings the operation sets per transaction, here per connection: the same plans on both sides.
    const pgRaw = new pg.Pool({ connectionString: database.url, max: 10, options: `-c jit=off -c work_mem=${ANALYTIC_WORK_MEM}` });
    const results: Record<string, Record<string, { op: Stats; raw: Stats; ratio: number }>> = {};
    const whole: Record<string, Stats> = {};
    const remembered: Record<string, Stats> = {};
    for (const s of scenarios) {
      // What dashboardMetrics runs: over the rollups (decision 0031) where they hold the question.
      const sql = dashboardStatements(s.actor, s.filters, period, prior, TODAY, { readClaims: true, rollupUsable: true });
      // The sums over the rollup are one statement per chart (rollup-sql.ts): the trend and totals, then each breakdown.
      const [trend, ...breakdowns] = sql.sums;
      const statements = {
        'sums: month trend and totals': trend!,
        ...Object.fromEntries(BREAKDOWNS.map((b, i) => [`sums: by ${b}`, breakdowns[i]!])),
        'by CARC': sql.carcs,
        'open and aging': sql.open,
        'initial denial rate (claims)': sql.claims!,
        'worked per person': sql.worked,
        'resolved per person': sql.resolvedBy,
      };
      console.log(`  from the rollups: denials ${sql.fromRollup.denials}, claims ${sql.fromRollup.claims}`);
      results[s.name] = {};
      console.log(`\n${s.name}: ${period.from} to ${period.to} beside ${prior.from} to ${prior.to}`);
      for (const [name, statement] of Object.entries(statements)) {
        // As dashboardMetrics runs it: a statement over the rollups in one round trip (analyticQuery's `small`).
        if (!statement) continue;
        const small = name === 'initial denial rate (claims)' ? sql.fromRollup.claims : sql.fromRollup.denials;
        const [op, raw] = await measurePair(
          () => analyticQuery(statement, { small }),
          () => pgRaw.query(statement.text, statement.values as unknown[]),
          CLIENTS,
          REQUESTS,
        );
        const ratio = Math.round((op.p95 / raw.p95) * 100) / 100;
        results[s.name]![name] = { op, raw, ratio };
        console.log(`  ${name}: p50 ${op.p50} ms, p95 ${op.p95} ms | raw pg p95 ${raw.p95} ms | ratio ${ratio}×`);
      }
      const d = await dashboardMetrics(s.actor, period, s.filters, TODAY, { fresh: true });
      whole[s.name] = stats(await run(() => dashboardMetrics(s.actor, period, s.filters, TODAY, { fresh: true }), REQUESTS, CLIENTS));
      // As the page asks: an answer from the last few seconds is shared (board-memo.ts); the first asker counted above.
      remembered[s.name] = stats(await run(() => dashboardMetrics(s.actor, period, s.filters, TODAY), REQUESTS, CLIENTS));
      console.log(`  dashboardMetrics fresh (all statements in parallel + audit): p50 ${whole[s.name]!.p50} ms, p95 ${whole[s.name]!.p95} ms — ${d.current.opened.toLocaleString('en-US')} denials in the period, ${d.current.resolved.toLocaleString('en-US')} resolved`);
      console.log(`  dashboardMetrics as the page asks (remembered): p50 ${remembered[s.name]!.p50} ms, p95 ${remembered[s.name]!.p95} ms`);
    }
    // The floor: the plainest grouped statement over the same period's rows (one scan, one GROUP BY).
    const floorSql = {
      text: `SELECT "payerId", count(*), sum("deniedCents") FROM denial WHERE "openedAt" >= $1 AND "openedAt" < $2 GROUP BY 1`,
      values: [new Date(`${prior.from}T00:00:00`), new Date(`${addDays(period.to, 1)}T00:00:00`)],
    };
    const floor = stats(await run(() => pgRaw.query(floorSql), REQUESTS, CLIENTS));
    console.log(`\nfloor (one GROUP BY payer over both periods' opened rows, raw pg): p50 ${floor.p50} ms, p95 ${floor.p95} ms`);
    const machine = { cpus: os.cpus().length, cpuModel: os.cpus()[0]?.model.trim() ?? 'unknown', memoryGb: Math.round(os.totalmem() / 2 ** 30), loadAverage: os.loadavg().map((x) => Math.round(x * 100) / 100) };
    await pgRaw.end();
    await db.$disconnect();
    await pool.end();
    console.log(JSON.stringify({ bench: 'dashboard', denials: DENIALS, claims: DENIALS * CLAIMS_PER_DENIAL, periodDays: PERIOD_DAYS, clients: CLIENTS, requests: REQUESTS, loadSeconds: Math.round(loadSeconds), results, whole, remembered, floor, machine }));
  } finally {
    if (!KEEP) await database.drop();
    else console.log(`kept ${database.url}`);
  }
}

await main();
process.exit(0);
