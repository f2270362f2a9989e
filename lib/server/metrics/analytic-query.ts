import 'server-only';
import type pg from 'pg';
import type { Prisma } from '@/lib/generated/prisma/client';
import { checkOut, reportPool } from '../db';
import { query } from '../sql';

/**
 * One of the dashboard's grouped statements, in its own read-only transaction with settings for reading many rows
 * once: no JIT (compiling a grouping-sets plan took 8 of 22 s at 200k denials, bench/dashboard.ts) and enough
 * work_mem to hash the groups instead of sorting every row to disk per grouping set. SET LOCAL ends with the
 * transaction, so the pooled connection returns as it was. On the replica when there is one (reportPool).
 */
export async function analyticQuery<T extends pg.QueryResultRow>(statement: Prisma.Sql, options: { small?: boolean } = {}): Promise<T[]> {
  // A statement over the maintained summaries reads thousands of rows: far below the cost where JIT starts and
  // within the default work_mem, so it runs as one round trip instead of three (BEGIN + settings, it, COMMIT) —
  // most of its time under load was those round trips (bench/dashboard.ts, its ratio to the same SQL through pg).
  // Prepared (named per text, as the queue's hot reads): planning the sums' day ranges took a third of their 9 ms.
  if (options.small) return query<T>(statement, { client: reportPool, prepared: true });
  const client = await checkOut(reportPool);
  try {
    await client.query(`BEGIN READ ONLY; SET LOCAL jit = off; SET LOCAL work_mem = '${ANALYTIC_WORK_MEM}'`);
    const rows = await query<T>(statement, { client });
    await client.query('COMMIT');
    return rows;
  } catch (error) {
    await client.query('ROLLBACK').catch(() => {});
    throw error;
  } finally {
    client.release();
  }
}

/** Per hash table of one statement; the dashboard's groups take a few MB at 1M denials. */
export const ANALYTIC_WORK_MEM = '32MB';
