// A database outage answers 'unavailable' (503 with Retry-After), never a bare 500 — for a write action, for a
// route handler, and when the session lookup itself is what fails. The app's database client here points at a
// closed port, so every query fails the way it does while PostgreSQL restarts.
import { PrismaPg } from '@prisma/adapter-pg';
import pg from 'pg';
import { afterAll, describe, expect, it, vi } from 'vitest';
import type { Actor } from '@/lib/domain/permissions';
import { PrismaClient } from '@/lib/generated/prisma/client';

const CLOSED = 'postgresql://postgres@127.0.0.1:1/overturn';
const actor: Actor = { id: '00000000-0000-4000-8000-000000000001', role: 'specialist', teamId: null, orgWide: false, name: 'Sam', email: 'sam@overturn.test', ip: '127.0.0.1', userAgent: 'vitest' };
const session = { fails: false };

vi.mock('@/lib/server/db', () => {
  const pool = new pg.Pool({ connectionString: CLOSED, connectionTimeoutMillis: 2_000 });
  return { pool, db: new PrismaClient({ adapter: new PrismaPg(pool) }) };
});
// The session lookup reads the database too (lib/server/sessions.ts): when asked to, it fails as a query would.
vi.mock('@/lib/server/auth', async () => {
  const { db } = await import('@/lib/server/db');
  return { getActor: async () => (session.fails ? db.authSession.findFirst().then(() => actor) : actor) };
});
// No request scope here: a server-to-server call (no Origin, no browser headers) passes the CSRF check.
vi.mock('next/headers', () => ({ headers: async () => new Headers(), cookies: async () => ({ getAll: () => [], get: () => undefined, has: () => false }) }));
vi.mock('next/cache', () => ({ revalidatePath: () => {} }));

const { addNoteAction } = await import('@/app/(app)/denials/actions');
const { saveViewAction } = await import('@/app/(app)/queue/actions');
const denialsRoute = await import('@/app/api/denials/route');

afterAll(async () => {
  const { db, pool } = await import('@/lib/server/db');
  await db.$disconnect();
  await pool.end();
});

const UNAVAILABLE = { ok: false, code: 'unavailable', message: expect.stringContaining('The database is unavailable') };

describe('with the database unreachable', () => {
  it('a write action answers unavailable, and says nothing was saved', async () => {
    session.fails = false;
    expect(await addNoteAction({ id: '00000000-0000-4000-8000-000000000002', version: 0, note: 'Called the payer' })).toEqual(
      expect.objectContaining({ ...UNAVAILABLE, message: expect.stringContaining('Nothing was saved') }),
    );
    expect(await saveViewAction({ name: 'Mine', query: 'view=mine' })).toMatchObject(UNAVAILABLE);
  });

  it('an action whose session lookup fails answers unavailable too', async () => {
    session.fails = true;
    expect(await addNoteAction({ id: '00000000-0000-4000-8000-000000000002', version: 0, note: 'Called the payer' })).toMatchObject(UNAVAILABLE);
  });

  it('a route handler answers 503 with Retry-After and the same message, also when the session lookup fails', async () => {
    for (const fails of [false, true]) {
      session.fails = fails;
      const res = await denialsRoute.GET(new Request('http://localhost/api/denials'), { params: Promise.resolve({}) });
      expect(res.status).toBe(503);
      expect(res.headers.get('retry-after')).toBe('5');
      expect(await res.json()).toMatchObject(UNAVAILABLE);
    }
  });
});
