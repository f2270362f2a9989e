// Load benchmark with a database restart (issue 16): its own embedded PostgreSQL cluster seeded with the queue
// benchmark's denials (bench/denial-seed.ts), the production build (`next start`) pointed at it as the app's
// least-privilege role, and N signed-in people (specialists and managers, one account each, so the sign-in
// throttle never sees a repeat) driving a mix over HTTP: the queue API page by page through its cursors, search,
// denial detail, the queue and dashboard pages, and two writes (a note, a follow-up date) as server actions with
// Origin and the version read. Two phases of the same length in one invocation: a healthy one (the baseline),
// then one that restarts PostgreSQL (fast shutdown, start) in the middle. Reports throughput, p50/p95/p99 per
// endpoint, the error rate before, during and after the restart, how long after the database is back the first
// request succeeds and the error rate falls below 1 %, 503s against other errors, and reads back every write the
// server acknowledged (and every one it did not: nothing half-done). The last line is JSON.
//   npm run bench:load [-- --denials 1000000 --clients 50 --seconds 60 --restart-at 25 --no-dashboard --reuse | --seed-only]
// --reuse keeps the cluster's seeded database from an earlier run of the same size (.data/bench-load);
// --seed-only loads it and stops.
// Aims: reads p95 ≤ 150 ms at 50 clients healthy; errors < 1 % within 10 s of the database being back;
// 0 acknowledged writes lost; every failure a 503 with Retry-After (or an action's 'unavailable').
import { hash } from '@node-rs/argon2';
import { type ChildProcess, spawn } from 'node:child_process';
import { createWriteStream, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { ensureAppRole } from '../scripts/db/app-role';
import { type EmbeddedDb, startEmbeddedPostgres } from '../scripts/db/embedded';
import { applyMigrations } from '../scripts/db/migrate';
import { needsBuild } from '../scripts/needs-build';
import { SEED_TODAY, loadDenials } from './denial-seed';
import { type Answer, Person } from './load-client';
import { measureUsage } from './load-cpu';
import { Histogram, OUTCOMES, type Outcome, Timeline, isError } from './load-stats';

const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
};
const DENIALS = arg('denials', 1_000_000);
const CLIENTS = arg('clients', 50);
const SECONDS = arg('seconds', 60);
const RESTART_AT = arg('restart-at', 25);
const PORT = arg('port', 3307);
const REUSE = process.argv.includes('--reuse');
/** Seed the cluster and stop: the next run (--reuse) measures without waiting for the load. */
const SEED_ONLY = process.argv.includes('--seed-only');
/** Managers read the queue page instead of the dashboard: what the rest costs without its grouped statements. */
const NO_DASHBOARD = process.argv.includes('--no-dashboard');
const ROOT = path.resolve(import.meta.dirname, '..');
const DIST = process.env.NEXT_DIST_DIR ?? '.next-load-bench';
const ORIGIN = `http://localhost:${PORT}`;
const PASSWORD = 'bench-load-password-only';
const APP_ROLE = 'overturn_bench_load_app';
const MANAGERS = Math.max(1, Math.round(CLIENTS / 5));
const SURNAMES = ['alvarez', 'brooks', 'chen', 'dubois', 'evans', 'nguyen', 'okafor', 'patel'];
const RUN = Date.now().toString(36);

// --- the database -------------------------------------------------------------------------------------------

let cluster: EmbeddedDb;

async function seed(ownerUrl: string): Promise<void> {
  const admin = new pg.Client({ connectionString: ownerUrl.replace(/\/[^/]*$/, '/postgres') });
  await admin.connect();
  const name = new URL(ownerUrl).pathname.slice(1);
  let seeded = 0;
  if (REUSE) {
    const c = new pg.Client({ connectionString: ownerUrl });
    await c.connect();
    seeded = await c.query<{ n: string }>('SELECT count(*) AS n FROM denial').then((r) => Number(r.rows[0]!.n), () => 0);
    await c.end();
  }
  if (seeded !== DENIALS) {
    await admin.query(`DROP DATABASE IF EXISTS ${admin.escapeIdentifier(name)} WITH (FORCE)`);
    await admin.query(`CREATE DATABASE ${admin.escapeIdentifier(name)}`);
    await applyMigrations(ownerUrl);
    console.log(`Loading ${DENIALS.toLocaleString('en-US')} open denials…`);
    const { seconds } = await loadDenials(ownerUrl, DENIALS);
    console.log(`  loaded in ${Math.round(seconds)} s`);
  } else console.log(`Reusing the ${DENIALS.toLocaleString('en-US')} denials seeded earlier.`);
  await admin.end();

  // The people: the seed's fifty specialists and its manager, more managers up to a fifth of the clients,
  // each with the same password (one argon2 hash); managers see the whole organisation.
  const c = new pg.Client({ connectionString: ownerUrl });
  await c.connect();
  const { rows: teams } = await c.query<{ id: string }>('SELECT id FROM team ORDER BY name');
  for (let i = 1; i < MANAGERS; i++) {
    await c.query(
      `INSERT INTO app_user (id, email, name, "passwordHash", role, "teamId", "updatedAt") VALUES (gen_random_uuid(), $1, $2, 'x', 'manager', $3, now()) ON CONFLICT (email) DO NOTHING`,
      [`manager${i}@bench.test`, `manager ${i}`, teams[i % teams.length]!.id],
    );
  }
  await c.query(`UPDATE app_user SET "passwordHash" = $1, "orgWide" = (role = 'manager')`, [await hash(PASSWORD)]);
  await c.end();
}

/** Fast shutdown (SIGINT, as `pg_ctl restart -m fast`) and start again on the same port and data. */
async function restartDatabase(): Promise<{ stoppedMs: number; readyMs: number }> {
  const t = performance.now();
  const url = cluster.url;
  await cluster.stop();
  const stoppedMs = performance.now() - t;
  cluster = await startEmbeddedPostgres('bench-load', 'overturn_load', 54349);
  if (cluster.url !== url) throw new Error(`the restarted cluster came back on another port (${cluster.url})`);
  return { stoppedMs, readyMs: performance.now() - t };
}

/**
 * pg_stat_statements on the bench's own cluster (it ships with the embedded binaries; loading it needs a
 * restart, once per cluster), so the report can name the statements the healthy phase spent its time in.
 */
async function withStatementStats(ownerUrl: string): Promise<void> {
  const sql = async <T extends pg.QueryResultRow>(text: string) => {
    const c = new pg.Client({ connectionString: ownerUrl });
    await c.connect();
    try {
      return (await c.query<T>(text)).rows;
    } finally {
      await c.end();
    }
  };
  if ((await sql<{ v: string }>(`SELECT current_setting('shared_preload_libraries') AS v`))[0]!.v.includes('pg_stat_statements')) {
    await sql('CREATE EXTENSION IF NOT EXISTS pg_stat_statements');
    return;
  }
  await sql(`ALTER SYSTEM SET shared_preload_libraries = 'pg_stat_statements'`);
  await restartDatabase();
  await sql('CREATE EXTENSION IF NOT EXISTS pg_stat_statements');
}

/** The statements the app's role spent the most database time in since the last reset. */
async function topStatements(ownerUrl: string, limit = 8) {
  const c = new pg.Client({ connectionString: ownerUrl });
  await c.connect();
  const { rows } = await c.query<{ calls: string; total: number; mean: number; share: number; query: string }>(
    `SELECT s.calls, round(s.total_exec_time) AS total, round(s.mean_exec_time::numeric, 1)::float8 AS mean,
            round((100 * s.total_exec_time / nullif(sum(s.total_exec_time) OVER (), 0))::numeric, 1)::float8 AS share,
            left(regexp_replace(s.query, '\\s+', ' ', 'g'), 160) AS query
       FROM pg_stat_statements s JOIN pg_roles r ON r.oid = s.userid
      WHERE r.rolname = $1 ORDER BY s.total_exec_time DESC LIMIT $2`,
    [APP_ROLE, limit],
  );
  await c.end();
  return rows.map((r) => ({ calls: Number(r.calls), totalMs: Number(r.total), meanMs: r.mean, sharePercent: r.share, query: r.query }));
}

async function resetStatements(ownerUrl: string) {
  const c = new pg.Client({ connectionString: ownerUrl });
  await c.connect();
  await c.query('SELECT pg_stat_statements_reset()');
  await c.end();
}

// --- the app ------------------------------------------------------------------------------------------------

const serverLog = { lines: 0, routeErrors: 0, actionErrors: 0, poolWarnings: 0, other: [] as string[] };

function run(cmd: string, args: string[], env: NodeJS.ProcessEnv): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { cwd: ROOT, env, stdio: 'inherit' });
    child.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`${cmd} ${args.join(' ')} exited with ${code}`))));
  });
}

async function startApp(appUrl: string): Promise<ChildProcess> {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    DATABASE_URL: appUrl,
    AUTH_SECRET: 'bench-load-only-secret-0123456789abcdef',
    NEXTAUTH_URL: ORIGIN,
    NEXT_DIST_DIR: DIST,
    NEXT_TELEMETRY_DISABLED: '1',
    // The nightly jobs would rescore a million denials at start: measured on their own elsewhere, not here.
    SCORING_JOBS: 'off',
    SLA_JOBS: 'off',
  };
  const bin = path.join(ROOT, 'node_modules', '.bin', 'next');
  process.env.NEXT_DIST_DIR = DIST;
  if (needsBuild(ROOT)) {
    console.log(`Building the app into ${DIST}…`);
    await run(bin, ['build'], { ...env, NODE_ENV: 'production' });
  }
  // Another server on the port would answer in place of this build (a run killed before it could stop its own).
  if (await fetch(`${ORIGIN}/api/auth/csrf`).then(() => true, () => false)) throw new Error(`something already answers on ${ORIGIN}: stop it or pass --port`);
  const logFile = createWriteStream(path.join(ROOT, '.data', 'bench-load-server.log'));
  const server = spawn(bin, ['start', '-p', String(PORT)], { cwd: ROOT, env: { ...env, NODE_ENV: 'production' }, stdio: ['ignore', 'pipe', 'pipe'] });
  for (const stream of [server.stdout, server.stderr]) {
    stream.setEncoding('utf8').on('data', (chunk: string) => {
      logFile.write(chunk);
      for (const line of chunk.split('\n').filter(Boolean)) {
        serverLog.lines++;
        if (line.includes('[route]')) serverLog.routeErrors++;
        else if (line.includes('[action]')) serverLog.actionErrors++;
        else if (line.includes('[db] a database connection was closed')) serverLog.poolWarnings++;
        else if (/error/i.test(line) && serverLog.other.length < 20) serverLog.other.push(line.slice(0, 300));
      }
    });
  }
  // However this script ends (an exception included), the server ends with it: an orphan keeps the port and,
  // its stdout gone, spins logging EPIPE.
  process.once('exit', () => server.kill('SIGKILL'));
  server.on('exit', (code, signal) => {
    if (!stopping) console.error(`\nThe app server exited during the run (code ${code}, signal ${signal}): see .data/bench-load-server.log`);
  });
  for (let i = 0; i < 600; i++) {
    const ok = await fetch(`${ORIGIN}/api/auth/csrf`).then((r) => r.ok, () => false);
    if (ok) return server;
    if (server.exitCode !== null) throw new Error('the app server did not start: see .data/bench-load-server.log');
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error('the app server did not answer within 150 s');
}
let stopping = false;

/** The ids Next gave the two write actions in this build (its server-reference manifest). */
function actionIds(): { addNote: string; setFollowUp: string } {
  const manifest = JSON.parse(readFileSync(path.join(ROOT, DIST, 'server', 'server-reference-manifest.json'), 'utf8')) as {
    node: Record<string, { exportedName?: string; filename?: string }>;
  };
  const find = (name: string) => {
    const id = Object.entries(manifest.node).find(([, a]) => a.exportedName === name && (a.filename ?? '').includes('denials/actions'))?.[0];
    if (!id) throw new Error(`no server action ${name} in ${DIST}'s manifest`);
    return id;
  };
  return { addNote: find('addNoteAction'), setFollowUp: find('setFollowUpAction') };
}

// --- the clients --------------------------------------------------------------------------------------------

type Endpoint = 'queue api' | 'queue api, next page' | 'search api' | 'denial detail api' | 'queue page' | 'dashboard page' | 'add note (action)' | 'set follow-up (action)';
const READS: Endpoint[] = ['queue api', 'queue api, next page', 'search api', 'denial detail api', 'queue page', 'dashboard page'];
const WRITES: Endpoint[] = ['add note (action)', 'set follow-up (action)'];

interface Phase {
  name: string;
  started: number;
  latency: Map<Endpoint, Histogram>;
  outcomes: Map<Endpoint, Record<Outcome, number>>;
  timeline: Timeline;
  /** 503 answers without a Retry-After header (the aim: every one carries it). */
  noRetryAfter: number;
  /** The first request that began after the database went down and succeeded: ms since the phase began. */
  firstOkAfterDown: number | null;
  downAt: number | null;
}

const newPhase = (name: string): Phase => ({
  name,
  started: performance.now(),
  latency: new Map(),
  outcomes: new Map(),
  timeline: new Timeline(),
  noRetryAfter: 0,
  firstOkAfterDown: null,
  downAt: null,
});

/** Every write the server acknowledged, and every one it answered with a failure: read back at the end. */
const acknowledged = { notes: [] as { denialId: string; text: string }[], followUps: [] as { denialId: string; to: string }[] };
const failed = { notes: [] as { denialId: string; text: string }[], followUps: 0 };

interface Row {
  id: string;
  version: number;
}

function today(offsetDays = 0): string {
  const d = new Date();
  d.setUTCDate(d.getUTCDate() + offsetDays);
  return d.toISOString().slice(0, 10);
}

async function client(person: Person, manager: boolean, ids: { addNote: string; setFollowUp: string }, p: Phase, until: number, seq: { n: number }) {
  let cursor: string | null = null;
  let rows: Row[] = [];
  const pick = <T>(xs: T[]) => xs[Math.floor(Math.random() * xs.length)]!;
  while (performance.now() < until) {
    const began = performance.now();
    const roll = Math.random() * 100;
    let endpoint: Endpoint;
    let answer: Answer;
    // The mix: a specialist works their own queue (reads, then notes and follow-ups on what they read); a
    // manager reads the whole organisation's queue and the dashboard and writes nothing.
    if (roll < 30 || rows.length === 0) {
      endpoint = cursor && roll < 20 ? 'queue api, next page' : 'queue api';
      const view = manager ? 'all' : 'mine';
      const res: Answer<{ rows: Row[]; nextCursor: string | null }> = await person.get(`/api/denials?view=${view}&limit=50${endpoint === 'queue api, next page' ? `&cursor=${encodeURIComponent(cursor!)}` : ''}`);
      if (res.outcome === 'ok' && res.body) {
        rows = res.body.rows.map((r) => ({ id: r.id, version: r.version }));
        cursor = res.body.nextCursor;
      }
      answer = res;
    } else if (roll < 40) {
      endpoint = 'search api';
      answer = await person.get(`/api/denials?view=${manager ? 'all' : 'mine'}&limit=50&q=${pick(SURNAMES)}`);
    } else if (roll < 60) {
      endpoint = 'denial detail api';
      const row = pick(rows);
      const res = await person.get<{ version: number }>(`/api/denials/${row.id}`);
      if (res.outcome === 'ok' && typeof res.body?.version === 'number') row.version = res.body.version;
      answer = res;
    } else if (roll < 68) {
      endpoint = 'queue page';
      answer = await person.get('/queue', false);
    } else if (manager && !NO_DASHBOARD) {
      endpoint = 'dashboard page';
      // The seed's denials were opened in the 220 days before SEED_TODAY: the dashboard's 90 days end there.
      answer = await person.get(`/dashboard?to=${SEED_TODAY}`, false);
    } else if (roll < 72) {
      endpoint = 'queue page';
      answer = await person.get('/queue?view=follow_ups', false);
    } else if (manager) {
      endpoint = 'queue page';
      answer = await person.get('/queue?view=all', false);
    } else if (roll < 88) {
      endpoint = 'add note (action)';
      const row = pick(rows);
      const text = `bench-load ${RUN} ${seq.n++}`;
      const res = await person.action<{ version: number }>(`/denials/${row.id}`, ids.addNote, { id: row.id, version: row.version, note: text });
      if (res.outcome === 'ok') {
        acknowledged.notes.push({ denialId: row.id, text });
        row.version = res.body!.data!.version;
      } else if (isError(res.outcome)) failed.notes.push({ denialId: row.id, text });
      else if (res.outcome === 'refused') rows = rows.filter((r) => r !== row); // stale: read it again later
      answer = res;
    } else {
      endpoint = 'set follow-up (action)';
      const row = pick(rows);
      const to = today(1 + Math.floor(Math.random() * 60));
      const res = await person.action<{ version: number }>(`/denials/${row.id}`, ids.setFollowUp, { id: row.id, version: row.version, date: to });
      if (res.outcome === 'ok') {
        acknowledged.followUps.push({ denialId: row.id, to });
        row.version = res.body!.data!.version;
      } else if (isError(res.outcome)) failed.followUps++;
      else if (res.outcome === 'refused') rows = rows.filter((r) => r !== row);
      answer = res;
    }
    const ended = performance.now();
    if (answer.outcome === 'ok') {
      if (!p.latency.has(endpoint)) p.latency.set(endpoint, new Histogram());
      p.latency.get(endpoint)!.record(ended - began);
      if (p.downAt !== null && began >= p.downAt && p.firstOkAfterDown === null) p.firstOkAfterDown = ended - p.started;
    }
    if (!p.outcomes.has(endpoint)) p.outcomes.set(endpoint, { ok: 0, refused: 0, unavailable: 0, internal: 0, other: 0, network: 0 });
    p.outcomes.get(endpoint)![answer.outcome]++;
    if (answer.status === 503 && !answer.retryAfter) p.noRetryAfter++;
    p.timeline.record(ended - p.started, answer.outcome);
  }
}

async function drive(people: { person: Person; manager: boolean }[], ids: ReturnType<typeof actionIds>, phase: Phase, seconds: number, duringRun?: (p: Phase) => Promise<void>) {
  const until = phase.started + seconds * 1000;
  const clients = people.map(({ person, manager }) => client(person, manager, ids, phase, until, noteSeq));
  await duringRun?.(phase);
  await Promise.all(clients);
}
/** Numbers each note's text across phases, so every note the bench writes is unique and can be looked up. */
const noteSeq = { n: 0 };

// --- reading back -------------------------------------------------------------------------------------------

async function readBack(ownerUrl: string, since: Date) {
  const c = new pg.Client({ connectionString: ownerUrl });
  await c.connect();
  const notes = new Set(
    (await c.query<{ note: string }>(`SELECT note FROM denial_event WHERE type = 'note' AND note LIKE $1`, [`bench-load ${RUN} %`])).rows.map((r) => r.note),
  );
  const lostNotes = acknowledged.notes.filter((n) => !notes.has(n.text)).length;
  const failedButSaved = failed.notes.filter((n) => notes.has(n.text)).length;
  const fu = await c.query<{ denialId: string; to: string; n: string }>(
    `SELECT "denialId", data->>'to' AS to, count(*) AS n FROM denial_event WHERE type = 'follow_up' AND "createdAt" >= $1 GROUP BY 1, 2`,
    [since],
  );
  const saved = new Map(fu.rows.map((r) => [`${r.denialId} ${r.to}`, Number(r.n)]));
  let lostFollowUps = 0;
  for (const f of acknowledged.followUps) {
    const k = `${f.denialId} ${f.to}`;
    const left = saved.get(k) ?? 0;
    if (left > 0) saved.set(k, left - 1);
    else lostFollowUps++;
  }
  // Half-done: a timeline event without its audit event or the other way round (they share one transaction).
  const pairs = await c.query<{ type: string; events: string; audits: string }>(
    `SELECT t.type,
            (SELECT count(*) FROM denial_event e WHERE e.type = t.type AND e."createdAt" >= $1) AS events,
            (SELECT count(*) FROM audit_event a WHERE a.action = t.action AND a.at >= $1) AS audits
       FROM (VALUES ('note', 'denial.note'), ('follow_up', 'denial.follow_up')) AS t(type, action)`,
    [since],
  );
  await c.end();
  return {
    acknowledgedNotes: acknowledged.notes.length,
    acknowledgedFollowUps: acknowledged.followUps.length,
    lost: lostNotes + lostFollowUps,
    failedNotes: failed.notes.length,
    failedFollowUps: failed.followUps,
    failedButSaved,
    halfDone: pairs.rows.reduce((n, r) => n + Math.abs(Number(r.events) - Number(r.audits)), 0),
    pairs: pairs.rows.map((r) => ({ type: r.type, events: Number(r.events), audits: Number(r.audits) })),
  };
}

// --- the report ---------------------------------------------------------------------------------------------

function endpointTable(p: Phase, seconds: number, baseline?: Phase) {
  return [...READS, ...WRITES]
    .filter((e) => p.outcomes.has(e))
    .map((e) => {
      const h = p.latency.get(e) ?? new Histogram();
      const o = p.outcomes.get(e)!;
      const b = baseline?.latency.get(e);
      return {
        endpoint: e,
        requests: OUTCOMES.reduce((t, k) => t + o[k], 0),
        perSecond: Math.round((h.n / seconds) * 10) / 10,
        p50: h.percentile(50),
        p95: h.percentile(95),
        p99: h.percentile(99),
        ...(b ? { p95VsHealthy: Math.round((h.percentile(95) / Math.max(1, b.percentile(95))) * 100) / 100 } : {}),
        outcomes: o,
      };
    });
}

function printTable(rows: ReturnType<typeof endpointTable>) {
  console.log('| endpoint | requests | ok/s | p50 ms | p95 ms | p99 ms |' + (rows[0] && 'p95VsHealthy' in rows[0] ? ' p95 ÷ healthy |' : '') + ' 503 | 500 | other | refused |');
  for (const r of rows) {
    const ratio = 'p95VsHealthy' in r ? ` ${r.p95VsHealthy}× |` : '';
    console.log(`| ${r.endpoint} | ${r.requests} | ${r.perSecond} | ${r.p50} | ${r.p95} | ${r.p99} |${ratio} ${r.outcomes.unavailable} | ${r.outcomes.internal} | ${r.outcomes.other + r.outcomes.network} | ${r.outcomes.refused} |`);
  }
}

async function main() {
  cluster = await startEmbeddedPostgres('bench-load', 'overturn_load', 54349);
  let server: ChildProcess | undefined;
  try {
    await seed(cluster.url);
    if (SEED_ONLY) return;
    await withStatementStats(cluster.url);
    const appUrl = await ensureAppRole(cluster.url, { role: APP_ROLE, password: 'bench-load-app-password' });
    server = await startApp(appUrl);
    const ids = actionIds();

    const c = new pg.Client({ connectionString: cluster.url });
    await c.connect();
    const { rows: users } = await c.query<{ email: string; role: string }>(`SELECT email, role::text FROM app_user ORDER BY role DESC, email`);
    await c.end();
    const managers = users.filter((u) => u.role === 'manager').slice(0, MANAGERS);
    const specialists = users.filter((u) => u.role === 'specialist').slice(0, CLIENTS - managers.length);
    const people = [...managers.map((u) => ({ u, manager: true })), ...specialists.map((u) => ({ u, manager: false }))].map(({ u, manager }) => ({ person: new Person(ORIGIN, u.email), manager }));
    for (const { person } of people) await person.signIn(PASSWORD);
    console.log(`${people.length} people signed in (${managers.length} managers, ${specialists.length} specialists).`);

    // Warm-up: plans, caches, the server's first renders; not counted, but its writes are read back too.
    const since = new Date();
    await drive(people, ids, newPhase('warm-up'), 10);

    const healthy = newPhase('healthy');
    console.log(`\nHealthy: ${CLIENTS} clients for ${SECONDS} s…`);
    const admin = new pg.Client({ connectionString: cluster.url });
    await admin.connect();
    const dataDir = (await admin.query<{ data_directory: string }>('SHOW data_directory')).rows[0]!.data_directory;
    await admin.end();
    await resetStatements(cluster.url);
    const stopUsage = measureUsage(server.pid!, dataDir, cluster.url, APP_ROLE);
    await drive(people, ids, healthy, SECONDS);
    const usage = await stopUsage();
    const statements = await topStatements(cluster.url);

    const restart = newPhase('restart');
    let db = { stoppedMs: 0, readyMs: 0 };
    let downAt = 0;
    let backAt = 0;
    console.log(`Restart: ${CLIENTS} clients for ${SECONDS} s, PostgreSQL restarted at ${RESTART_AT} s…`);
    await drive(people, ids, restart, SECONDS, async (p) => {
      await new Promise((r) => setTimeout(r, RESTART_AT * 1000));
      downAt = performance.now() - p.started;
      p.downAt = performance.now();
      db = await restartDatabase();
      backAt = downAt + db.readyMs;
      console.log(`  the database stopped in ${Math.round(db.stoppedMs)} ms and accepted connections again ${Math.round(db.readyMs)} ms after the stop began`);
    });
    const appAlive = server.exitCode === null && server.signalCode === null;

    const readback = await readBack(cluster.url, since);

    // Report.
    const healthyRows = endpointTable(healthy, SECONDS);
    const restartRows = endpointTable(restart, SECONDS, healthy);
    const total = (p: Phase) => p.timeline.between(0, SECONDS * 1000 + 30_000);
    const th = total(healthy);
    const tr = total(restart);
    const before = restart.timeline.between(0, Math.floor(downAt / 1000) * 1000);
    const during = restart.timeline.between(Math.floor(downAt / 1000) * 1000, Math.ceil(backAt / 1000) * 1000);
    const after = restart.timeline.between(Math.ceil(backAt / 1000) * 1000, SECONDS * 1000 + 30_000);
    const tenAfter = restart.timeline.between(Math.ceil(backAt / 1000) * 1000 + 10_000, SECONDS * 1000 + 30_000);
    const recoveredS = restart.timeline.recoveredAfter(backAt, 0.01);
    const firstOkS = restart.firstOkAfterDown === null ? null : Math.round(restart.firstOkAfterDown - backAt) / 1000;
    const rate = (x: { errorRate: number }) => `${(x.errorRate * 100).toFixed(2)} %`;
    const readP95 = (rows: ReturnType<typeof endpointTable>) => Math.max(...rows.filter((r) => READS.includes(r.endpoint)).map((r) => r.p95));

    console.log(`\nHealthy (${SECONDS} s): ${Math.round((th.ok / SECONDS) * 10) / 10} ok requests/s, ${th.total} answered, error rate ${rate(th)}`);
    const perOk = (cpuS: number) => Math.round((cpuS * 1000) / Math.max(1, th.ok));
    console.log(
      `  CPU over ${usage.wallS} s: app server ${usage.appCpuS} s (${perOk(usage.appCpuS)} ms per ok request), PostgreSQL ${usage.postgresCpuS} s (${perOk(usage.postgresCpuS)} ms per ok request) of ${os.cpus().length} CPUs shared with the machine (load average ${os.loadavg()[0]!.toFixed(1)}); ` +
        `the app's connections running a statement: ${usage.meanActiveConnections} of 10 on average, ${Math.round(usage.waitingShare * 100)} % of them waiting on a lock or I/O`,
    );
    printTable(healthyRows);
    console.log('\nwhere the healthy phase spent its database time (pg_stat_statements, the app role):');
    console.log('| share | calls | mean ms | statement |');
    for (const st of statements) console.log(`| ${st.sharePercent} % | ${st.calls} | ${st.meanMs} | ${st.query.replace(/\|/g, '\\|')} |`);
    console.log(`\nWith a restart (${SECONDS} s, down at ${(downAt / 1000).toFixed(1)} s, back at ${(backAt / 1000).toFixed(1)} s): ${Math.round((tr.ok / SECONDS) * 10) / 10} ok requests/s (${Math.round((tr.ok / Math.max(1, th.ok)) * 100)} % of healthy)`);
    printTable(restartRows);
    console.log(`\nerror rate before ${rate(before)} (${before.total}), during ${rate(during)} (${during.total}), after ${rate(after)} (${after.total}), from 10 s after ${rate(tenAfter)}`);
    console.log(`failures in the restart phase: ${tr.unavailable} × 503/unavailable (${restart.noRetryAfter} without Retry-After), ${tr.internal} × 500, ${tr.other} other, ${tr.network} without an answer`);
    console.log(`first success ${firstOkS ?? 'never'} s after the database was back; error rate < 1 % from ${recoveredS ?? 'never'} s after`);
    console.log(`writes: ${readback.acknowledgedNotes} notes and ${readback.acknowledgedFollowUps} follow-ups acknowledged; acknowledged writes lost: ${readback.lost}; ${readback.failedNotes + readback.failedFollowUps} answered as failed, of which ${readback.failedButSaved} notes were saved after all; half-done: ${readback.halfDone} (${readback.pairs.map((p) => `${p.type} ${p.events} events / ${p.audits} audits`).join(', ')})`);
    console.log(`app server: ${appAlive ? 'still running' : 'EXITED'}; its log: ${serverLog.routeErrors} [route] and ${serverLog.actionErrors} [action] errors (500s), ${serverLog.poolWarnings} closed-connection warnings`);
    for (const l of serverLog.other.slice(0, 5)) console.log(`  ${l}`);
    console.log('\nper second in the restart phase:');
    for (const l of restart.timeline.lines()) console.log(`  ${l}`);

    const machine = { cpus: os.cpus().length, cpuModel: os.cpus()[0]?.model.trim() ?? 'unknown', memoryGb: Math.round(os.totalmem() / 2 ** 30), node: process.versions.node, loadAverage: os.loadavg().map((x) => Math.round(x * 100) / 100) };
    console.log(
      JSON.stringify({
        bench: 'load', denials: DENIALS, clients: CLIENTS, dashboard: !NO_DASHBOARD, seconds: SECONDS, restartAt: RESTART_AT,
        healthy: { okPerSecond: th.ok / SECONDS, errorRate: th.errorRate, readP95: readP95(healthyRows), usage, statements, endpoints: healthyRows },
        restart: {
          okPerSecond: tr.ok / SECONDS, throughputVsHealthy: tr.ok / Math.max(1, th.ok), downAtS: downAt / 1000, backAtS: backAt / 1000, stoppedMs: db.stoppedMs, readyMs: db.readyMs,
          errorRate: { before: before.errorRate, during: during.errorRate, after: after.errorRate, from10sAfter: tenAfter.errorRate },
          failures: { unavailable: tr.unavailable, withoutRetryAfter: restart.noRetryAfter, internal: tr.internal, other: tr.other, network: tr.network },
          firstSuccessAfterBackS: firstOkS, belowOnePercentAfterBackS: recoveredS, endpoints: restartRows,
        },
        writes: readback, appAlive, serverLog: { routeErrors: serverLog.routeErrors, actionErrors: serverLog.actionErrors, poolWarnings: serverLog.poolWarnings }, machine,
      }),
    );
  } finally {
    stopping = true;
    if (server && server.exitCode === null) {
      const exited = new Promise((r) => server!.once('exit', r));
      server.kill('SIGTERM');
      await exited;
    }
    await cluster.stop();
  }
}

for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => process.exit(130));
await main();
process.exit(0);
