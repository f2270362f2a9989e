import 'server-only';
import type pg from 'pg';
import type { Prisma } from '@/lib/generated/prisma/client';
import { pool } from './db';

/**
 * Runs a statement built with Prisma's `sql` tagged template (bound parameters, never concatenation) on the pg
 * pool directly. For hot read paths only: Prisma's raw-query result mapping costs ~3× the query itself on a
 * 50-row page (bench/queue.ts). pg returns int8 as a string and date/timestamptz columns as Date.
 */
export async function query<T extends pg.QueryResultRow>(statement: Prisma.Sql, client: pg.Pool | pg.PoolClient = pool): Promise<T[]> {
  const result = await client.query<T>({ text: statement.text, values: statement.values as unknown[] });
  return result.rows;
}
