import 'server-only';
import { PrismaPg } from '@prisma/adapter-pg';
import pg from 'pg';
import { PrismaClient } from '@/lib/generated/prisma/client';
import { env } from '@/lib/env';

// One pool and one client per process (Next's dev server re-evaluates modules, hence the global).
const globalForDb = globalThis as unknown as { pool?: pg.Pool; prisma?: PrismaClient };

/** The pg pool behind Prisma, for the bulk paths (COPY, unnest) that Prisma's ORM calls are too slow for. */
export const pool: pg.Pool = globalForDb.pool ?? new pg.Pool({ connectionString: env().DATABASE_URL, max: 10 });

export const db: PrismaClient = globalForDb.prisma ?? new PrismaClient({ adapter: new PrismaPg(pool) });

if (env().NODE_ENV !== 'production') {
  globalForDb.pool = pool;
  globalForDb.prisma = db;
}

export type Db = PrismaClient;
export type Tx = Parameters<Parameters<PrismaClient['$transaction']>[0]>[0];
