// SESSION_IDLE_MINUTES=1: a session in use must not end at 61 s because lastSeenAt was only written after a
// minute of slack. Its own file, so the environment is read with the short limit.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';

vi.hoisted(() => {
  process.env.SESSION_IDLE_MINUTES = '1';
});

const { db, pool } = await import('@/lib/server/db');
const { resolveSession } = await import('@/lib/server/sessions');

let userId = '';

beforeAll(async () => {
  const user = await db.user.create({ data: { email: `short-idle-${Date.now()}@overturn.test`, name: 'Short Idle', role: 'specialist', passwordHash: 'x' } });
  userId = user.id;
});

afterAll(async () => {
  await db.$disconnect();
  await pool.end();
});

describe('a one-minute idle limit', () => {
  it('keeps a session used every second open for three minutes', async () => {
    const s = await db.authSession.create({ data: { userId } });
    const start = s.lastSeenAt.getTime();
    for (let second = 1; second <= 180; second++) {
      expect(await resolveSession(s.id, new Date(start + second * 1000)), `at ${second} s`).not.toBeNull();
    }
  });

  it('ends a session 61 s after its last use', async () => {
    const s = await db.authSession.create({ data: { userId } });
    const start = s.lastSeenAt.getTime();
    expect(await resolveSession(s.id, new Date(start + 30_000))).not.toBeNull();
    expect(await resolveSession(s.id, new Date(start + 30_000 + 61_000))).toBeNull();
  });

  it('is not extended by a look that does not count as use (the browser asking whether it is signed in)', async () => {
    const s = await db.authSession.create({ data: { userId } });
    const start = s.lastSeenAt.getTime();
    expect(await resolveSession(s.id, new Date(start + 50_000), { touch: false })).not.toBeNull();
    expect(await resolveSession(s.id, new Date(start + 61_000))).toBeNull();
  });
});
