import 'server-only';
import { createHash } from 'node:crypto';
import type pg from 'pg';
import type { Prisma } from '@/lib/generated/prisma/client';
import { pool } from './db';

/**
 * Runs a statement built with Prisma's `sql` tagged template (bound parameters, never concatenation) on the pg
 * pool directly. For hot read paths only: Prisma's raw-query result mapping costs ~3× the query itself on a
 * 50-row page (bench/queue.ts). pg returns int8 as a string and date/timestamptz columns as Date.
 *
 * `prepared`: a named statement per distinct SQL text, so each connection plans it once instead of on every
 * call — planning a query against the queue's many partial indexes costs about as much as running it.
 */
export async function query<T extends pg.QueryResultRow>(
  statement: Prisma.Sql,
  options: { prepared?: boolean; client?: pg.Pool | pg.PoolClient } = {},
): Promise<T[]> {
  const { text } = statement;
  const name = options.prepared ? `q${createHash('sha1').update(text).digest('base64url').slice(0, 20)}` : undefined;
  const result = await (options.client ?? pool).query<T>({ name, text, values: statement.values as unknown[] });
  return result.rows;
}
