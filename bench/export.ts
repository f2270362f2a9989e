// Export benchmark: the queue's CSV export (exportQueue, the operation behind GET /api/exports/queue) over the
// benchmark seed's open denials (bench/denial-seed.ts), beside PostgreSQL's own `COPY (SELECT …) TO STDOUT`
// of the same rows in the same order, in the same run. Prints rows/s, bytes, peak RSS and heap growth and the
// time ratio; the last line is JSON. (Figures are reported, not written to docs/performance.md.)
//   npm run bench:export [-- --denials 1000000 --rounds 2 --keep] | [-- --reuse <url of a kept database>]
import pg from 'pg';
import { to as copyTo } from 'pg-copy-streams';
import { createTestDatabase } from '../tests/support/test-database';
import { SEED_TODAY, loadDenials, readFixture } from './denial-seed';

const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
};
const DENIALS = arg('denials', 200_000);
const ROUNDS = arg('rounds', 2);
const KEEP = process.argv.includes('--keep');
const REUSE = process.argv.includes('--reuse') ? process.argv[process.argv.indexOf('--reuse') + 1] : undefined;
const MB = 2 ** 20;

interface Run {
  seconds: number;
  rows: number;
  bytes: number;
  /** Growth above the start of this run, sampled as the bytes arrive. */
  peakRssMb: number;
  peakHeapMb: number;
}

/** Consumes a byte stream as a client would, sampling memory every 64 chunks. */
async function consume(chunks: AsyncIterable<Uint8Array>): Promise<Omit<Run, 'seconds'>> {
  const start = process.memoryUsage();
  let peakRss = start.rss;
  let peakHeap = start.heapUsed;
  let rows = 0;
  let bytes = 0;
  let n = 0;
  for await (const chunk of chunks) {
    bytes += chunk.byteLength;
    for (let i = chunk.indexOf(10); i !== -1; i = chunk.indexOf(10, i + 1)) rows++;
    if (++n % 64 === 0) {
      const m = process.memoryUsage();
      peakRss = Math.max(peakRss, m.rss);
      peakHeap = Math.max(peakHeap, m.heapUsed);
    }
  }
  const m = process.memoryUsage();
  return { rows: rows - 1, bytes, peakRssMb: (Math.max(peakRss, m.rss) - start.rss) / MB, peakHeapMb: (Math.max(peakHeap, m.heapUsed) - start.heapUsed) / MB };
}

async function timed(fn: () => Promise<Omit<Run, 'seconds'>>): Promise<Run> {
  const t = process.hrtime.bigint();
  const out = await fn();
  return { ...out, seconds: Number(process.hrtime.bigint() - t) / 1e9 };
}

async function main() {
  if (!process.env.DATABASE_URL) console.log('DATABASE_URL not set: using the embedded PostgreSQL (.data/test).');
  const database = REUSE ? { url: REUSE, drop: async () => {} } : await createTestDatabase('overturn_bench_export');
  process.env.DATABASE_URL = database.url;
  try {
    console.log(`${REUSE ? 'Reusing' : 'Loading'} ${REUSE ? '' : `${DENIALS.toLocaleString('en-US')} `}open denials ${REUSE ? 'in' : 'into'} ${new URL(database.url).pathname.slice(1)}…`);
    const { fixture } = REUSE ? { fixture: await readFixture(REUSE) } : await loadDenials(database.url, DENIALS);
    const { exportQueue } = await import('@/lib/server/export/export-queue');
    const { queueParamsSchema } = await import('@/lib/domain/queue-params');
    const { pool } = await import('@/lib/server/db');
    const manager = {
      id: fixture.manager.id, role: 'manager' as const, teamId: fixture.manager.teamId, orgWide: true,
      name: 'Bench Manager', email: 'bench@overturn.test', ip: null, userAgent: 'bench/export.ts',
    };
    // The same rows in the same order as the export of "all teams, by score": every open denial.
    const COPY_SQL = `COPY (
      SELECT d."patientControlNumber", d."payerClaimNumber", d."patientName", p.name, array_to_string(d."carcCodes", ' '), array_to_string(d."rarcCodes", ' '),
             d.category, d.department, (d."deniedCents" / 100.0)::numeric(20, 2), (d."recoveredCents" / 100.0)::numeric(20, 2), d."deadlineDate", d."deadlineKind",
             d.status, u.name, round(d.score / 100), d."openedAt"::date
      FROM denial d JOIN payer p ON p.id = d."payerId" LEFT JOIN app_user u ON u.id = d."ownerId"
      WHERE d.status <> ALL (ARRAY['resolved_paid'::"DenialStatus", 'resolved_partial'::"DenialStatus", 'written_off'::"DenialStatus"])
      ORDER BY d.score DESC, d.id DESC) TO STDOUT WITH (FORMAT csv, HEADER)`;

    const exportOnce = () =>
      timed(async () => {
        const response = await exportQueue(manager, queueParamsSchema.parse({ view: 'all' }), SEED_TODAY);
        return consume(response.body! as unknown as AsyncIterable<Uint8Array>);
      });
    const copyOnce = () =>
      timed(async () => {
        const client = new pg.Client({ connectionString: database.url });
        await client.connect();
        try {
          return await consume(client.query(copyTo(COPY_SQL)) as AsyncIterable<Uint8Array>);
        } finally {
          await client.end();
        }
      });

    const exports: Run[] = [];
    const copies: Run[] = [];
    // Alternated, so neither side always runs on a warmer cache.
    for (let r = 0; r < ROUNDS; r++) {
      copies.push(await copyOnce());
      exports.push(await exportOnce());
      const [c, e] = [copies.at(-1)!, exports.at(-1)!];
      console.log(`  round ${r + 1}: export ${e.rows.toLocaleString('en-US')} rows in ${e.seconds.toFixed(2)} s (RSS +${e.peakRssMb.toFixed(0)} MB); COPY ${c.rows.toLocaleString('en-US')} rows in ${c.seconds.toFixed(2)} s (RSS +${c.peakRssMb.toFixed(0)} MB)`);
    }
    const best = (runs: Run[]) => runs.reduce((a, b) => (b.seconds < a.seconds ? b : a));
    const e = best(exports);
    const c = best(copies);
    if (e.rows !== c.rows) throw new Error(`the export wrote ${e.rows} rows, COPY ${c.rows}`);
    const rate = (run: Run) => Math.round(run.rows / run.seconds);
    console.log(`\nExport of ${e.rows.toLocaleString('en-US')} denials (best of ${ROUNDS}):`);
    console.log(`  export   ${rate(e).toLocaleString('en-US')} rows/s, ${(e.bytes / MB).toFixed(1)} MB, peak RSS +${e.peakRssMb.toFixed(0)} MB, heap +${e.peakHeapMb.toFixed(0)} MB`);
    console.log(`  raw COPY ${rate(c).toLocaleString('en-US')} rows/s, ${(c.bytes / MB).toFixed(1)} MB, peak RSS +${c.peakRssMb.toFixed(0)} MB, heap +${c.peakHeapMb.toFixed(0)} MB`);
    console.log(`  time ratio export / COPY: ${(e.seconds / c.seconds).toFixed(2)}×`);
    console.log(JSON.stringify({ denials: e.rows, exportRowsPerSecond: rate(e), copyRowsPerSecond: rate(c), ratio: +(e.seconds / c.seconds).toFixed(2), exportPeakRssMb: +e.peakRssMb.toFixed(1), exportPeakHeapMb: +e.peakHeapMb.toFixed(1), copyPeakRssMb: +c.peakRssMb.toFixed(1) }));
    await pool.end();
  } finally {
    if (KEEP) console.log(`Kept ${database.url}`);
    else await database.drop();
  }
  process.exit(0);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
