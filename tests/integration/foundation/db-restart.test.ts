// A real PostgreSQL restart under the app's pool (issue 16): a throwaway embedded cluster, the app's own pool
// (lib/server/db.ts makePool) with idle connections open, then a fast shutdown. The idle connections' errors
// must not crash the process (the pool's 'error' listener), a statement cut off by the shutdown and a request
// made while the server is down answer 503 with Retry-After, and once the server is back the same pool and
// Prisma client work again without a restart of the app.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Actor } from '@/lib/domain/permissions';
import { type EmbeddedDb, startEmbeddedPostgres } from '../../../scripts/db/embedded';

const NAME = 'test-db-restart';
const state = vi.hoisted(() => ({ url: '' }));
const actor: Actor = { id: '00000000-0000-4000-8000-000000000001', role: 'specialist', teamId: null, orgWide: false, name: 'Sam', email: 'sam@overturn.test', ip: '127.0.0.1', userAgent: 'vitest' };

vi.mock('@/lib/server/db', async () => {
  const { PrismaPg } = await import('@prisma/adapter-pg');
  const { PrismaClient } = await import('@/lib/generated/prisma/client');
  const { makePool, poolError, checkOut } = await vi.importActual<typeof import('@/lib/server/db')>('@/lib/server/db');
  const pool = makePool(state.url, 6);
  return { pool, makePool, poolError, checkOut, db: new PrismaClient({ adapter: new PrismaPg(pool) }) };
});
vi.mock('@/lib/server/auth', () => ({ getActor: async () => actor }));
vi.mock('next/headers', () => ({ headers: async () => new Headers(), cookies: async () => ({ getAll: () => [], get: () => undefined, has: () => false }) }));

let cluster: EmbeddedDb;

beforeAll(async () => {
  cluster = await startEmbeddedPostgres(NAME, 'postgres', 54369);
  state.url = cluster.url;
});

afterAll(async () => {
  const { db, pool } = await import('@/lib/server/db');
  await db.$disconnect();
  await pool.end();
  await cluster.stop();
});

describe('PostgreSQL restarting under the pool', () => {
  it('drops the dead idle connections without crashing, answers 503 while down, and recovers by itself', async () => {
    const { pool, db, checkOut } = await import('@/lib/server/db');
    const { classifyDbError } = await import('@/lib/server/db-errors');
    const denialsRoute = await import('@/app/api/denials/route');
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});

    // Idle connections in the pool, and one statement in flight (on one of them) when the server goes down.
    await Promise.all(Array.from({ length: 4 }, () => pool.query('SELECT pg_sleep(0.05)')));
    expect(pool.idleCount).toBe(4);
    const cutOff = pool.query('SELECT pg_sleep(30)').then(
      () => null,
      (error: unknown) => error,
    );
    await new Promise((r) => setTimeout(r, 200));
    // And one checked out between two statements of its own (a transaction, a cursor): the pool no longer
    // listens for its errors, checkOut does.
    const held = await checkOut();
    const idle = pool.idleCount;
    expect(idle).toBeGreaterThanOrEqual(2);
    await cluster.stop();

    // The statement cut off by the shutdown (57P01, or the connection ending) is an outage, not a bug.
    expect(classifyDbError(await cutOff)).toMatchObject({ code: 'unavailable', retryAfter: 5 });
    // Each idle connection's error reached the pool's listener (unhandled, it would have ended this process).
    await vi.waitFor(() => expect(warn.mock.calls.filter(([m]) => String(m).includes('database connection was closed')).length).toBeGreaterThanOrEqual(idle));
    expect(pool.idleCount).toBe(0);
    // The checked-out one: an error on it (pg emits "Connection terminated unexpectedly" when the socket closes
    // without a message) has a listener — emitted with none, it would throw here — and its release destroys it.
    expect(() => held.emit('error', new Error('Connection terminated unexpectedly'))).not.toThrow();
    held.release();
    expect(pool.totalCount).toBe(0);

    // While the server is down: a route answers 503 with Retry-After, through Prisma and the same pool.
    const res = await denialsRoute.GET(new Request('http://localhost/api/denials'), { params: Promise.resolve({}) });
    expect(res.status).toBe(503);
    expect(res.headers.get('retry-after')).toBe('5');
    expect(await res.json()).toMatchObject({ ok: false, code: 'unavailable' });

    // Back on the same port: the same pool and Prisma client answer again, no app restart.
    cluster = await startEmbeddedPostgres(NAME, 'postgres', 54369);
    expect(cluster.url).toBe(state.url);
    expect((await pool.query<{ one: number }>('SELECT 1 AS one')).rows[0]!.one).toBe(1);
    expect(await db.$queryRaw<{ two: number }[]>`SELECT 2 AS two`).toEqual([{ two: 2 }]);
    warn.mockRestore();
  });
});
