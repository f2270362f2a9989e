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

/** The pg pool behind Prisma, for the bulk paths (COPY, unnest) that Prisma's ORM calls are too slow for. */
export const pool: pg.Pool = globalForDb.pool ?? new pg.Pool({ connectionString: env().DATABASE_URL, max: POOL_MAX, application_name: 'overturn' });

/**
 * Where the read-only reports read (the dashboard's statements, the CSV exports): a second pool on
 * DATABASE_REPLICA_URL when it is set, so a month's grouping or a million-row export does not compete with the
 * queue's writes; the primary's pool otherwise. Only for statements that write nothing and can bear the
 * replica's lag (seconds, usually) — never read-your-own-write paths, and never an audit event.
 */
export const reportPool: pg.Pool =
  globalForDb.replicaPool ??
  (env().DATABASE_REPLICA_URL ? new pg.Pool({ connectionString: env().DATABASE_REPLICA_URL, max: POOL_MAX, application_name: 'overturn-reports' }) : pool);

export const db: PrismaClient = globalForDb.prisma ?? new PrismaClient({ adapter: new PrismaPg(pool) });

if (env().NODE_ENV !== 'production') {
  globalForDb.pool = pool;
  globalForDb.prisma = db;
  globalForDb.replicaPool = reportPool;
}

export type Db = PrismaClient;
export type Tx = Parameters<Parameters<PrismaClient['$transaction']>[0]>[0];
