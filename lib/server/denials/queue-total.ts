import 'server-only';
import type { QueuePageDto } from '@/lib/domain/contracts/denials';
import { Prisma } from '@/lib/generated/prisma/client';
import { query } from '../sql';

/** Above this the queue says "1,000+": counting further is work nobody reads. */
export const TOTAL_CAP = 1000;
/** Above this planner estimate the total is shown as an estimate ("≈ 97,000") and nothing is counted. */
export const ESTIMATE_ABOVE = 2000;

/** Two significant digits: an estimate should not look more precise than it is. */
const roughly = (n: number) => {
  const scale = 10 ** Math.max(0, Math.floor(Math.log10(Math.max(1, n))) - 1);
  return Math.round(n / scale) * scale;
};

// Estimates of large views, briefly remembered: refreshes and colleagues on the same view re-ask the same
// question, and an estimate does not get better for being re-planned within half a minute.
const ESTIMATE_TTL_MS = 30_000;
const estimates = new Map<string, { at: number; rows: number }>();

async function planEstimate(where: Prisma.Sql): Promise<number> {
  const key = `${where.text}\u0000${JSON.stringify(where.values)}`;
  const known = estimates.get(key);
  if (known && Date.now() - known.at < ESTIMATE_TTL_MS) return known.rows;
  const [plan] = await query<{ 'QUERY PLAN': [{ Plan: { 'Plan Rows': number } }] }>(
    Prisma.sql`EXPLAIN (FORMAT JSON) SELECT 1 FROM denial d WHERE ${where}`,
  );
  const rows = plan?.['QUERY PLAN'][0].Plan['Plan Rows'] ?? 0;
  // Only large views are worth remembering (small ones are counted exactly); the map stays bounded.
  if (rows > ESTIMATE_ABOVE) {
    if (estimates.size >= 500) estimates.delete(estimates.keys().next().value!);
    estimates.set(key, { at: Date.now(), rows });
  }
  return rows;
}

/**
 * The size of the view without counting a large table on every keystroke: the planner's estimate when it is
 * large (planning only, no rows read), an exact count capped at TOTAL_CAP when it is small — a small set is
 * one the planner reaches through an index, so counting it is cheap.
 */
export async function viewTotal(where: Prisma.Sql, options: { exact?: boolean } = {}): Promise<NonNullable<QueuePageDto['total']>> {
  // A dashboard drill-down (a period's history) must show the very number it was opened from: counted exactly,
  // over the period's index range (lib/domain/dashboard-links.ts).
  if (options.exact) {
    const [row] = await query<{ n: number }>(Prisma.sql`SELECT count(*)::int AS n FROM denial d WHERE ${where}`);
    return { count: row?.n ?? 0, capped: false, estimated: false };
  }
  const estimate = await planEstimate(where);
  if (estimate > ESTIMATE_ABOVE) return { count: roughly(estimate), capped: false, estimated: true };
  const [row] = await query<{ n: number }>(
    Prisma.sql`SELECT count(*)::int AS n FROM (SELECT 1 FROM denial d WHERE ${where} LIMIT ${TOTAL_CAP + 1}) capped`,
  );
  const n = row?.n ?? 0;
  return { count: Math.min(n, TOTAL_CAP), capped: n > TOTAL_CAP, estimated: false };
}
