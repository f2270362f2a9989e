import 'server-only';
import { readdir } from 'node:fs/promises';
import path from 'node:path';
import type pg from 'pg';
import { migrationReadiness, type Readiness } from '@/lib/domain/readiness';
import { pool } from './db';

/** How long the database has to answer before the instance counts as not ready (a balancer probes every few seconds). */
export const READY_TIMEOUT_MS = 2_000;

// The migrations this build was shipped with: `next start` runs from the project root, where `npm start` and
// `npm run db:migrate` read them too. Read once; they do not change under a running process.
let shipped: Promise<string[] | null> | undefined;
function shippedMigrations(): Promise<string[] | null> {
  shipped ??= readdir(path.join(process.cwd(), 'prisma', 'migrations'), { withFileTypes: true }).then(
    (entries) => entries.filter((e) => e.isDirectory()).map((e) => e.name),
    () => null,
  );
  return shipped;
}

class Timeout extends Error {}

function within<T>(ms: number, work: Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Timeout()), ms);
  });
  return Promise.race([work, late]).finally(() => clearTimeout(timer));
}

/**
 * One trivial statement on the app's pool (the connections requests use: if they cannot reach the database, the
 * instance cannot serve), bounded in time, and the check that the schema is the one this build expects. Not
 * audited and not logged: a balancer asks every few seconds.
 */
export async function checkReadiness(db: pg.Pool = pool, timeoutMs = READY_TIMEOUT_MS): Promise<Readiness> {
  let applied: Set<string>;
  try {
    const result = await within(
      timeoutMs,
      db.query<{ migration_name: string }>({
        text: 'SELECT migration_name FROM _prisma_migrations WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL',
        query_timeout: timeoutMs,
      } as pg.QueryConfig),
    );
    applied = new Set(result.rows.map((r) => r.migration_name));
  } catch (error) {
    if (error instanceof Timeout || /timeout/i.test((error as Error)?.message ?? '')) {
      return { ready: false, reason: 'database_timeout', message: `The database did not answer within ${timeoutMs} ms.` };
    }
    return { ready: false, reason: 'database_unreachable', message: 'The database cannot be reached.' };
  }
  const expected = await shippedMigrations();
  // Without the migrations folder (an unusual install), the database answering is all that can be checked.
  return expected ? migrationReadiness(expected, applied) : { ready: true };
}
