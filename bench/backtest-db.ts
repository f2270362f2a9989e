// The score backtest end to end at the queue benchmark's scale: the seeded denials (bench/denial-seed.ts), most
// of them then resolved over the year before SEED_TODAY, and scoreBacktest — the operation behind /team/backtest —
// for an organisation-wide manager over that year: the bounded history read (5,000 rows), the payer rules, the
// replay of five policies. Beside it, the replay alone on the same history, so the ratio shows the read's share.
//   npm run bench:backtest-db [-- --rows 1000000 --runs 5]
import pg from 'pg';
import { addDays } from '../lib/domain/dates';
import { createTestDatabase } from '../tests/support/test-database';
import { SEED_TODAY, loadDenials } from './denial-seed';

const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
};
const ROWS = arg('rows', 1_000_000);
const RUNS = arg('runs', 5);
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

const database = await createTestDatabase('overturn_bench_backtest');
process.env.DATABASE_URL = database.url;
try {
  const { fixture, seconds } = await loadDenials(database.url, ROWS);
  console.log(`seeded ${ROWS.toLocaleString('en-US')} denials in ${seconds.toFixed(0)} s`);
  const client = new pg.Client({ connectionString: database.url });
  await client.connect();
  // Six in ten resolved (half of those paid, a fifth partly, the rest written off), opened across the year.
  const t = Date.now();
  await client.query(
    `UPDATE denial SET
       status = (CASE WHEN h < 30 THEN 'resolved_paid' WHEN h < 42 THEN 'resolved_partial' ELSE 'written_off' END)::"DenialStatus",
       "recoveredCents" = CASE WHEN h < 30 THEN "deniedCents" WHEN h < 42 THEN "deniedCents" / 2 ELSE 0 END,
       "openedAt" = $1::timestamptz + make_interval(days => (abs(hashtext(id::text || 'o')) % 365)),
       "resolvedAt" = $1::timestamptz + make_interval(days => (abs(hashtext(id::text || 'o')) % 365) + 20)
     FROM (SELECT id AS rid, abs(hashtext(id::text)) % 100 AS h FROM denial) r
     WHERE denial.id = r.rid AND r.h < 60`,
    [`${addDays(SEED_TODAY, -365)}T12:00:00Z`],
  );
  await client.query('VACUUM ANALYZE denial');
  await client.end();
  console.log(`resolved six in ten in ${((Date.now() - t) / 1000).toFixed(0)} s`);

  // Imported only now: lib/server/db reads DATABASE_URL when it loads.
  const { scoreBacktest } = await import('@/lib/server/backtest/score-backtest');
  const { loadResolvedHistory } = await import('@/lib/server/backtest/load-history');
  const { replay } = await import('@/lib/domain/backtest/replay');
  const { pool, db } = await import('@/lib/server/db');
  const manager = { id: fixture.manager.id, role: 'manager' as const, teamId: fixture.manager.teamId, orgWide: true, name: 'Bench', email: 'bench@overturn.test', ip: null, userAgent: 'bench' };
  const input = { from: addDays(SEED_TODAY, -364), to: SEED_TODAY, perDay: 5, specialists: 10, weights: { amount: 1, likelihood: 1, urgency: 1, effort: 1 } };
  const { history } = await loadResolvedHistory(manager, input, 5_000);
  const whole: number[] = [];
  const replayOnly: number[] = [];
  const reads: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    let s = performance.now();
    const dto = await scoreBacktest(manager, input, SEED_TODAY);
    whole.push(performance.now() - s);
    if (i === 0) console.log(`replayed ${dto.result.denials} denials (truncated: ${dto.truncated}) over ${dto.result.days.length} working days`);
    s = performance.now();
    await loadResolvedHistory(manager, input, 5_000);
    reads.push(performance.now() - s);
    s = performance.now();
    replay(history, { from: input.from, to: input.to, perSpecialistPerDay: input.perDay, specialists: 10, weights: input.weights });
    replayOnly.push(performance.now() - s);
  }
  const w = median(whole);
  const r = median(replayOnly);
  console.log(`scoreBacktest median ${w.toFixed(0)} ms; replay alone ${r.toFixed(0)} ms; history read alone ${median(reads).toFixed(0)} ms; whole ÷ replay ${(w / r).toFixed(2)}×`);
  await db.$disconnect();
  await pool.end();
} finally {
  await database.drop();
}
