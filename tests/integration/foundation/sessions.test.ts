import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { db, pool } from '@/lib/server/db';
import { resolveSession } from '@/lib/server/sessions';

let userId = '';

beforeAll(async () => {
  const user = await db.user.create({
    data: { email: `session-${Date.now()}@overturn.test`, name: 'Session User', role: 'specialist', passwordHash: 'x' },
  });
  userId = user.id;
});

afterAll(async () => {
  await db.$disconnect();
  await pool.end();
});

const minutes = (n: number) => n * 60_000;

describe('server-side sessions', () => {
  it('stay valid while used within the idle limit', async () => {
    const s = await db.authSession.create({ data: { userId } });
    const now = new Date(s.lastSeenAt.getTime() + minutes(14));
    expect((await resolveSession(s.id, now))?.id).toBe(userId);
  });

  it('end after 15 minutes idle', async () => {
    const s = await db.authSession.create({ data: { userId } });
    const now = new Date(s.lastSeenAt.getTime() + minutes(16));
    expect(await resolveSession(s.id, now)).toBeNull();
    expect((await db.authSession.findUnique({ where: { id: s.id } }))?.revokedAt).not.toBeNull();
  });

  it('end 12 hours after sign-in even when active', async () => {
    const created = new Date(Date.now() - minutes(12 * 60 + 1));
    const s = await db.authSession.create({ data: { userId, createdAt: created, lastSeenAt: new Date() } });
    expect(await resolveSession(s.id)).toBeNull();
  });

  it('end at the next request once the user is disabled', async () => {
    const s = await db.authSession.create({ data: { userId } });
    expect(await resolveSession(s.id)).not.toBeNull();
    await db.user.update({ where: { id: userId }, data: { disabledAt: new Date() } });
    expect(await resolveSession(s.id)).toBeNull();
    await db.user.update({ where: { id: userId }, data: { disabledAt: null } });
  });
});
