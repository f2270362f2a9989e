import 'server-only';
import { PrismaPg } from '@prisma/adapter-pg';
import pg from 'pg';
import { PrismaClient } from '@/lib/generated/prisma/client';
import { env } from '@/lib/env';

// One pool and one client per process (Next's dev server re-evaluates modules, hence the global).
const globalForDb = globalThis as unknown as { pool?: pg.Pool; prisma?: PrismaClient; replicaPool?: pg.Pool };

/**
 * Connections per pool and process (DATABASE_POOL_MAX, 10 by default). Each instance holds up to this many on the
 * primary (plus pg-boss's 2, and as many again on the replica when there is one): docs/deployment.md does the
 * arithmetic against max_connections.
 */
const POOL_MAX = env().DATABASE_POOL_MAX;

/**
 * How long a request waits for a pool connection before it answers 503 (lib/server/db-errors.ts). Without a
 * limit, while PostgreSQL restarts every request queues behind the pool for as long as the restart takes and the
 * browser sees a hang instead of "try again"; 5 s is above any healthy wait at the pool's size.
 */
export const POOL_CONNECT_TIMEOUT_MS = 5_000;

/** A pg pool that survives the server going away: see poolError. */
export function makePool(connectionString: string, max = 10, applicationName?: string): pg.Pool {
  const pool = new pg.Pool({ connectionString, max, connectionTimeoutMillis: POOL_CONNECT_TIMEOUT_MS, application_name: applicationName });
  pool.on('error', poolError);
  return pool;
}

/**
 * A pooled connection failed — PostgreSQL restarted (57P01 "terminating connection due to administrator
 * command") or the network dropped it. pg has already removed the client from the pool, so the next request
 * opens a fresh connection: nothing to do but say so. Without this listener Node treats the pool's 'error' event
 * as unhandled and the whole server process exits, turning a 3-second database restart into an app outage.
 */
export function poolError(error: Error & { code?: string }): void {
  console.warn(`[db] a database connection was closed (${error.code ?? error.message}); it is replaced on the next request`);
}

/** The pg pool behind Prisma, for the bulk paths (COPY, unnest) that Prisma's ORM calls are too slow for. */
export const pool: pg.Pool = globalForDb.pool ?? makePool(env().DATABASE_URL, POOL_MAX, 'overturn');

/**
 * Where the read-only reports read (the dashboard's statements, the CSV exports): a second pool on
 * DATABASE_REPLICA_URL when it is set, so a month's grouping or a million-row export does not compete with the
 * queue's writes; the primary's pool otherwise. Only for statements that write nothing and can bear the
 * replica's lag (seconds, usually) — never read-your-own-write paths, and never an audit event.
 */
export const reportPool: pg.Pool =
  globalForDb.replicaPool ?? (env().DATABASE_REPLICA_URL ? makePool(env().DATABASE_REPLICA_URL!, POOL_MAX, 'overturn-reports') : pool);

/**
 * A connection of the pool's own, for a transaction or cursor over several statements; release it in `finally`.
 * Use this, not pool.connect(): while a connection is checked out the pool no longer listens for its errors, so
 * a restart of PostgreSQL between two of its statements would reach Node as an uncaught 'error' event (seen in
 * bench:load). Here the error is noted, the running statement fails as usual (and answers 503), and release
 * destroys the dead connection instead of handing it to the next request.
 */
export async function checkOut(from: pg.Pool = pool): Promise<pg.PoolClient> {
  const client = await from.connect();
  let lost: Error | undefined;
  const onError = (error: Error & { code?: string }) => {
    lost = error;
    poolError(error);
  };
  client.on('error', onError);
  const release = client.release.bind(client);
  client.release = (destroy?: Error | boolean) => {
    client.off('error', onError);
    release(destroy ?? lost);
  };
  return client;
}

export const db: PrismaClient = globalForDb.prisma ?? new PrismaClient({ adapter: new PrismaPg(pool) });

if (env().NODE_ENV !== 'production') {
  globalForDb.pool = pool;
  globalForDb.prisma = db;
  globalForDb.replicaPool = reportPool;
}

export type Db = PrismaClient;
export type Tx = Parameters<Parameters<PrismaClient['$transaction']>[0]>[0];
