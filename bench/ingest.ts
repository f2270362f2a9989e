// Ingest benchmark (issue 3): end-to-end ingest of a generated 835 (bench/generate-835.ts) into a fresh database,
// in claims/s and rows/s over every table the import writes, with the ingest's peak memory, next to a raw binary
// COPY of exactly the same rows into another fresh database in the same run (the floor an ingest can approach).
// Runs the parse benchmark first (bench/parse.ts) unless --skip-parse.
//   npm run bench:ingest -- [--size 100[,1000…]] [--skip-parse] [--no-write-docs] [--with-rules]
// Several sizes run one after the other in this invocation, each in its own child process and fresh database, so
// their peak memory and time per MB compare under the same conditions (issue 16: a 1 GB file within 1.2× the
// peak memory of a 100 MB one); the ratios of each size to the first are printed and written. The raw COPY is
// measured for the first size only: it is the floor for the rows/s figures, and at 1 GB it would double the run.
// --with-rules: the import routes every denial through assignment rules (a team of five specialists; rules by
// category, amount and a round-robin default), as an installation with rules set up does.
// Prints a table and, last, one JSON line with every figure. Writes the "Ingest" section of docs/performance.md.
import { spawn } from 'node:child_process';
import { createReadStream, createWriteStream, existsSync, mkdirSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { from as copyFrom, to as copyTo } from 'pg-copy-streams';
import { createTestDatabase, type TestDatabase } from '../tests/support/test-database';
import { writeGenerated835 } from './generate-835';
import { writeIngestSection } from './performance-doc';

const SELF = fileURLToPath(import.meta.url);
const OUT = path.join(path.dirname(SELF), '.out');

/** Every table an 835 import writes, parents first (the order a COPY into an empty schema must follow). */
const TABLES = [
  'payer', 'remittance_file', 'remittance_file_chunk', 'remittance', 'claim', 'service_line', 'adjustment', 'claim_remark',
  'provider_adjustment', 'denial', 'denial_event', 'recovery', 'audit_event', 'notification',
] as const;

/** Rows an import needs but does not write (the routing's team and people): copied before the raw COPY is timed. */
const PREREQUISITES = ['team', 'app_user'] as const;

interface ChildOutcome {
  ms: number;
  /** The ingest process's own CPU time (user + system): JavaScript's share of the work, far less moved by a shared machine's load than the wall time. */
  cpuMs: number;
  claims: number;
  denialsCreated: number;
  peakRssMb: number;
  ok: boolean;
  message?: string;
}

/** In a child process, so its peak RSS is the ingest's own (the file streamed from disk, as the CLI and an upload do). */
async function child(file: string): Promise<void> {
  const { ingest835 } = await import('../lib/server/remits/ingest-835');
  const { loadCatalogue } = await import('../lib/server/codes/load-catalogue');
  const { db, pool } = await import('../lib/server/db');
  const { systemActor } = await import('../lib/server/audit');
  // The code catalogue, as a real installation has it; not timed.
  // maxWait: on a loaded machine the pool may take longer than the default 2 s to hand a connection over.
  await db.$transaction((tx) => loadCatalogue(tx), { timeout: 120_000, maxWait: 60_000 });
  if (process.env.BENCH_WITH_RULES === '1') await seedBenchRules(db);
  const started = performance.now();
  const cpu = process.cpuUsage();
  const source = createReadStream(file, { highWaterMark: 1 << 20 });
  const result = await ingest835(systemActor('bench@overturn.test', 'bench/ingest.ts'), { filename: path.basename(file), source });
  const ms = performance.now() - started;
  const used = process.cpuUsage(cpu);
  await db.$disconnect();
  await pool.end();
  const outcome: ChildOutcome = {
    ms,
    cpuMs: (used.user + used.system) / 1000,
    claims: result.ok ? result.claims : 0,
    denialsCreated: result.ok ? result.denialsCreated : 0,
    peakRssMb: process.resourceUsage().maxRSS / 1024,
    ok: result.ok,
    message: result.ok ? undefined : result.message,
  };
  process.stdout.write(`${JSON.stringify(outcome)}\n`);
}

/** Rules of every strategy, so each denial is matched in order and distributed (not timed). */
async function seedBenchRules(db: import('../lib/generated/prisma/client').PrismaClient): Promise<void> {
  const team = await db.team.create({ data: { name: 'Bench team' } });
  const people = await Promise.all(
    Array.from({ length: 5 }, (_, i) => db.user.create({ data: { email: `bench${i}@overturn.test`, name: `Bench ${i}`, role: 'specialist', teamId: team.id, passwordHash: 'x' } })),
  );
  const rule = (position: number, name: string, strategy: string, extra: object = {}) => ({
    position, name, strategy, teamId: team.id, payerIds: [], categories: [], departments: [], carcCodes: [], rarcCodes: [], providerNpis: [], ...extra,
  });
  await db.assignmentRule.createMany({
    data: [
      rule(1, 'Timely filing to one person', 'named_person', { categories: ['timely_filing'], userId: people[0]!.id }),
      rule(2, 'Large by open dollars', 'least_open_dollars', { minCents: 100_000n }),
      rule(3, 'Coding by open count', 'least_open_count', { departments: ['coding'] }),
      rule(0, 'Default in turn', 'round_robin', { isDefault: true }),
    ],
  });
}

function runChild(file: string, databaseUrl: string): Promise<ChildOutcome> {
  return new Promise((resolve, reject) => {
    const proc = spawn(process.execPath, [...process.execArgv, SELF, '--child', file], {
      env: { ...process.env, DATABASE_URL: databaseUrl, BENCH_WITH_RULES: process.argv.includes('--with-rules') ? '1' : '0' },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let out = '';
    proc.stdout.on('data', (data: Buffer) => (out += data));
    proc.on('close', (code) => {
      const line = out.trim().split('\n').at(-1);
      if (code === 0 && line) resolve(JSON.parse(line) as ChildOutcome);
      else reject(new Error(`ingest child exited with ${code}`));
    });
  });
}

async function withClient<T>(url: string, fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

async function rowCounts(url: string): Promise<Record<string, number>> {
  return withClient(url, async (client) => {
    const counts: Record<string, number> = {};
    for (const table of TABLES) counts[table] = Number((await client.query(`SELECT count(*) AS n FROM "${table}"`)).rows[0].n);
    return counts;
  });
}

/** The same rows, dumped in binary from the ingested database and loaded with nothing but COPY in one transaction. */
async function rawCopy(sourceUrl: string, targetUrl: string): Promise<{ ms: number; bytes: number }> {
  const dir = path.join(OUT, 'ingest-copy');
  mkdirSync(dir, { recursive: true });
  let bytes = 0;
  await withClient(sourceUrl, async (client) => {
    for (const table of [...PREREQUISITES, ...TABLES]) {
      const file = path.join(dir, `${table}.bin`);
      // A query, not the table: audit_event is partitioned, and COPY reads a partitioned table only through one.
      await pipeline(client.query(copyTo(`COPY (SELECT * FROM "${table}") TO STDOUT (FORMAT binary)`)), createWriteStream(file));
      bytes += statSync(file).size;
    }
  });
  const ms = await withClient(targetUrl, async (client) => {
    for (const table of PREREQUISITES) {
      await pipeline(createReadStream(path.join(dir, `${table}.bin`)), client.query(copyFrom(`COPY "${table}" FROM STDIN (FORMAT binary)`)));
    }
    const started = performance.now();
    await client.query('BEGIN');
    for (const table of TABLES) {
      await pipeline(createReadStream(path.join(dir, `${table}.bin`), { highWaterMark: 1 << 20 }), client.query(copyFrom(`COPY "${table}" FROM STDIN (FORMAT binary)`)));
    }
    await client.query('COMMIT');
    return performance.now() - started;
  });
  rmSync(dir, { recursive: true, force: true });
  return { ms, bytes };
}

/** The server's WAL position (shared by every database on it: other activity during a run adds to the figure). */
async function walPosition(url: string): Promise<string> {
  return withClient(url, async (client) => (await client.query('SELECT pg_current_wal_lsn()::text AS lsn')).rows[0].lsn as string);
}

async function walMbSince(url: string, from: string): Promise<number> {
  return withClient(url, async (client) => {
    const { rows } = await client.query('SELECT pg_wal_lsn_diff(pg_current_wal_lsn(), $1::pg_lsn) AS bytes', [from]);
    return Math.round(Number(rows[0].bytes) / 1024 ** 2);
  });
}

async function machine(url: string) {
  const server = await withClient(url, async (client) => (await client.query('SHOW server_version')).rows[0].server_version as string);
  return {
    cpus: os.availableParallelism(),
    cpuModel: os.cpus()[0]?.model ?? 'unknown',
    memoryGb: Number((os.totalmem() / 1024 ** 3).toFixed(1)),
    node: process.version,
    postgres: server,
    loadAverage: os.loadavg().map((n) => Number(n.toFixed(2))),
  };
}

async function main(argv: string[]) {
  const size = argv.indexOf('--size');
  const sizes = size > 0 ? argv[size + 1]!.split(',').map(Number) : [100];
  if (sizes.some((n) => !(n > 0))) throw new Error('--size takes megabytes, e.g. --size 100 or --size 100,1000');
  let parse: unknown = null;
  if (!argv.includes('--skip-parse') && existsSync(path.join(path.dirname(SELF), 'parse.ts'))) {
    const { runParseBench } = await import('./parse');
    parse = await runParseBench({ sizeMb: sizes[0]!, writeDocs: !argv.includes('--no-write-docs') });
  }
  process.env.DATABASE_URL ??= 'postgresql://postgres@127.0.0.1:5432/postgres';
  const results: IngestRun[] = [];
  for (const [i, sizeMb] of sizes.entries()) {
    const result = await benchSize(sizeMb, parse, i === 0);
    results.push(result);
    console.log(`\nIngest of ${result.fileMb} MB (${result.claims} claims, ${result.rows} rows in ${TABLES.length} tables)`);
    console.log(`  ingest    ${result.ingestSeconds} s (CPU ${result.ingestCpuSeconds} s)  ${result.claimsPerSecond} claims/s  ${result.rowsPerSecond} rows/s  ${result.secondsPerGb} s/GB  peak RSS ${result.peakRssMb} MB`);
    if (result.rawCopySeconds !== null) {
      console.log(`  raw COPY  ${result.rawCopySeconds} s  ${result.rawCopyRowsPerSecond} rows/s  (binary, same rows, same schema: indexes, foreign keys, checks)`);
      console.log(`  WAL       ingest ${result.ingestWalMb} MB, raw COPY ${result.rawCopyWalMb} MB`);
      console.log(`  ingest / raw COPY = ${result.ingestVsRawCopy}×`);
    } else console.log(`  WAL       ingest ${result.ingestWalMb} MB`);
    console.log(`  machine: ${JSON.stringify(result.machine)}`);
  }
  const base = results[0]!;
  const scaling = results.slice(1).map((r) => ({
    fileMb: r.fileMb,
    baseFileMb: base.fileMb,
    peakRssRatio: Number((r.peakRssMb / base.peakRssMb).toFixed(2)),
    secondsPerMbRatio: Number((r.secondsPerGb / base.secondsPerGb).toFixed(2)),
    cpuPerMbRatio: Number((r.ingestCpuSeconds / r.fileMb / (base.ingestCpuSeconds / base.fileMb)).toFixed(2)),
  }));
  for (const s of scaling) {
    console.log(`\n${s.fileMb} MB vs ${s.baseFileMb} MB: peak RSS ${s.peakRssRatio}× (aim ≤ 1.2×), time per MB ${s.secondsPerMbRatio}×, CPU per MB ${s.cpuPerMbRatio}×`);
  }
  if (!argv.includes('--no-write-docs')) writeIngestSection(results, scaling);
  console.log(JSON.stringify({ runs: results, scaling }));
}

type IngestRun = Awaited<ReturnType<typeof benchSize>>;

/** One size: generate (once; kept in bench/.out), ingest in a child, raw COPY of the same rows when asked, drop the databases. */
async function benchSize(sizeMb: number, parse: unknown, withRawCopy: boolean) {
  const file = path.join(OUT, `835-ingest-${sizeMb}mb.835`);
  if (!existsSync(file)) await writeGenerated835(file, { targetBytes: sizeMb * 1024 * 1024, seed: 3141 });
  const fileMb = statSync(file).size / 1024 ** 2;
  const databases: TestDatabase[] = [];
  try {
    const ingestDb = await createTestDatabase('overturn_bench_ingest');
    databases.push(ingestDb);
    const figures = await machine(ingestDb.url);
    const walBefore = await walPosition(ingestDb.url);
    const ingest = await runChild(file, ingestDb.url);
    const ingestWalMb = await walMbSince(ingestDb.url, walBefore);
    if (!ingest.ok) throw new Error(`ingest failed: ${ingest.message}`);
    const counts = await rowCounts(ingestDb.url);
    const rows = Object.values(counts).reduce((a, b) => a + b, 0);

    let copy: { ms: number; walMb: number } | null = null;
    if (withRawCopy) {
      const copyDb = await createTestDatabase('overturn_bench_copy');
      databases.push(copyDb);
      const copyWalBefore = await walPosition(copyDb.url);
      const { ms } = await rawCopy(ingestDb.url, copyDb.url);
      copy = { ms, walMb: await walMbSince(copyDb.url, copyWalBefore) };
    }

    return {
      fileMb: Number(fileMb.toFixed(1)),
      claims: ingest.claims,
      denials: ingest.denialsCreated,
      rows,
      rowsByTable: counts,
      ingestSeconds: Number((ingest.ms / 1000).toFixed(2)),
      claimsPerSecond: Math.round(ingest.claims / (ingest.ms / 1000)),
      rowsPerSecond: Math.round(rows / (ingest.ms / 1000)),
      mbPerSecond: Number((fileMb / (ingest.ms / 1000)).toFixed(1)),
      secondsPerGb: Number((ingest.ms / fileMb / 1000 * 1024).toFixed(1)),
      peakRssMb: Math.round(ingest.peakRssMb),
      ingestCpuSeconds: Number((ingest.cpuMs / 1000).toFixed(2)),
      rawCopySeconds: copy && Number((copy.ms / 1000).toFixed(2)),
      rawCopyRowsPerSecond: copy && Math.round(rows / (copy.ms / 1000)),
      ingestVsRawCopy: copy && Number((ingest.ms / copy.ms).toFixed(2)),
      // Write-ahead log generated: the database's own measure of the work, independent of machine load.
      ingestWalMb,
      rawCopyWalMb: copy?.walMb ?? null,
      machine: figures,
      parse,
    };
  } finally {
    for (const database of databases) await database.drop();
  }
}

const argv = process.argv;
if (argv[1] && fileURLToPath(import.meta.url) === path.resolve(argv[1])) {
  if (argv[2] === '--child') await child(argv[3]!);
  else await main(argv);
}
