import 'server-only';
import { PrismaPg } from '@prisma/adapter-pg';
import pg from 'pg';
import { PrismaClient } from '@/lib/generated/prisma/client';
import { env } from '@/lib/env';

// One pool and one client per process (Next's dev server re-evaluates modules, hence the global).
const globalForDb = globalThis as unknown as { pool?: pg.Pool; prisma?: PrismaClient };

/**
 * How long a request waits for a pool connection before it answers 503 (lib/server/db-errors.ts). Without a
 * limit, while PostgreSQL restarts every request queues behind the pool for as long as the restart takes and the
 * browser sees a hang instead of "try again"; 5 s is above any healthy wait at the pool's size.
 */
export const POOL_CONNECT_TIMEOUT_MS = 5_000;

/** A pg pool that survives the server going away: see poolError. */
export function makePool(connectionString: string, max = 10): pg.Pool {
  const pool = new pg.Pool({ connectionString, max, connectionTimeoutMillis: POOL_CONNECT_TIMEOUT_MS });
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
export const pool: pg.Pool = globalForDb.pool ?? makePool(env().DATABASE_URL);

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
}

export type Db = PrismaClient;
export type Tx = Parameters<Parameters<PrismaClient['$transaction']>[0]>[0];
