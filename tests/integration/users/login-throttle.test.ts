// Sign-in throttling against the real database, with the clock passed in: back-off after five failures, recovery
// after the wait, reset on success, the per-address budget, audit events, and counts shared by app instances.
import { randomUUID } from 'node:crypto';
import { hash } from '@node-rs/argon2';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { db, pool } from '@/lib/server/db';
import type { RequestOrigin } from '@/lib/server/request-context';
import { signInWithPassword } from '@/lib/server/users/sign-in';

const PASSWORD = 'a correct horse for throttling';
const passwordHash = hash(PASSWORD);
const MINUTE = 60_000;
const T0 = new Date('2026-12-05T12:00:00.000Z');
const at = (minutes: number) => new Date(T0.getTime() + minutes * MINUTE);
const direct: RequestOrigin = { ip: null, userAgent: 'vitest' };

afterAll(async () => {
  await db.$disconnect();
  await pool.end();
});

async function person(): Promise<string> {
  const email = `throttle-${randomUUID()}@overturn.test`;
  await db.user.create({ data: { email, name: 'Throttle Target', role: 'specialist', passwordHash: await passwordHash } });
  return email;
}

const wrong = (email: string, now: Date, origin = direct) => signInWithPassword({ email, password: 'not the password at all' }, origin, now);
const right = (email: string, now: Date, origin = direct) => signInWithPassword({ email, password: PASSWORD }, origin, now);

async function failTimes(n: number, email: string, now: Date, origin = direct) {
  for (let i = 0; i < n; i++) expect(await wrong(email, now, origin)).toEqual({ ok: false, reason: 'invalid' });
}

describe('per-account back-off', () => {
  it('refuses the sixth attempt in a row for a minute, without checking even the right password', async () => {
    const email = await person();
    await failTimes(5, email, at(0));
    expect(await right(email, at(0.5))).toEqual({ ok: false, reason: 'throttled', retryAfterMs: 0.5 * MINUTE });
  });

  it('lets the owner in once the wait is over, and forgets the failures', async () => {
    const email = await person();
    await failTimes(5, email, at(0));
    expect((await right(email, at(1))).ok).toBe(true);
    // Five free failures again, not one.
    await failTimes(5, email, at(2));
    expect(await wrong(email, at(2))).toMatchObject({ reason: 'throttled' });
  });

  it('doubles the wait after each further failure, up to 15 minutes', async () => {
    const email = await person();
    await failTimes(5, email, at(0));
    const waits: number[] = [];
    let now = at(0);
    for (let i = 0; i < 6; i++) {
      const refused = await wrong(email, now);
      if (refused.ok || refused.reason !== 'throttled') throw new Error('expected a throttled attempt');
      waits.push(refused.retryAfterMs / MINUTE);
      now = new Date(now.getTime() + refused.retryAfterMs);
      await failTimes(1, email, now);
    }
    expect(waits).toEqual([1, 2, 4, 8, 15, 15]);
  });

  it('does not lengthen the wait for attempts refused during it', async () => {
    const email = await person();
    await failTimes(5, email, at(0));
    for (let i = 0; i < 10; i++) await wrong(email, at(0.1));
    expect((await right(email, at(1))).ok).toBe(true);
  });

  it('counts an unknown email like a known one (no hint which accounts exist)', async () => {
    const email = `nobody-${randomUUID()}@overturn.test`;
    await failTimes(5, email, at(0));
    expect(await wrong(email, at(0))).toMatchObject({ reason: 'throttled', retryAfterMs: MINUTE });
  });

  it('writes an audit event for each throttled attempt, with the wait and what was throttled', async () => {
    const email = await person();
    const origin = { ip: '198.51.100.23', userAgent: 'vitest' };
    await failTimes(5, email, at(0), origin);
    await wrong(email, at(0.25), origin);
    const events = await db.auditEvent.findMany({ where: { actorEmail: email }, orderBy: { id: 'asc' } });
    expect(events.map((e) => e.action)).toEqual([...Array<string>(5).fill('auth.sign_in_failed'), 'auth.sign_in_throttled']);
    expect(events.at(-1)).toMatchObject({ ip: '198.51.100.23', details: { scope: 'account', retryAfterSeconds: 45 } });
  });

  it('lets only five of twenty parallel guesses be checked', async () => {
    const email = await person();
    const results = await Promise.all(Array.from({ length: 20 }, () => wrong(email, at(0))));
    expect(results.filter((r) => !r.ok && r.reason === 'invalid')).toHaveLength(5);
    expect(results.filter((r) => !r.ok && r.reason === 'throttled')).toHaveLength(15);
  });
});

describe('per-address budget', () => {
  it('throttles an address after 50 failures across accounts, and no other address', async () => {
    const spraying = { ip: '203.0.113.50', userAgent: 'vitest' };
    for (let i = 0; i < 50; i++) await failTimes(1, await person(), at(0), spraying);
    const victim = await person();
    expect(await right(victim, at(0), spraying)).toEqual({ ok: false, reason: 'throttled', retryAfterMs: MINUTE });
    expect((await right(victim, at(0), { ip: '203.0.113.51', userAgent: 'vitest' })).ok).toBe(true);
    // Renewed after 15 quiet minutes.
    expect((await right(victim, at(15), spraying)).ok).toBe(true);
  });

  it('counts a whole IPv6 /64 as one address', async () => {
    for (let i = 0; i < 50; i++) await failTimes(1, await person(), at(0), { ip: `2001:db8:aa:bb::${i + 1}`, userAgent: 'vitest' });
    expect(await right(await person(), at(0), { ip: '2001:db8:aa:bb:ffff::1', userAgent: 'vitest' })).toMatchObject({ reason: 'throttled' });
  });

  it('gives back the attempt of a good sign-in, so colleagues behind one address are not charged for it', async () => {
    const office = { ip: '192.0.2.77', userAgent: 'vitest' };
    for (let i = 0; i < 20; i++) expect((await right(await person(), at(0), office)).ok).toBe(true);
    expect(await db.loginThrottle.findUnique({ where: { key: 'address:192.0.2.77' } })).toMatchObject({ failures: 0 });
  });

  it('keeps no address counter when the address is unknown (no trusted proxy)', async () => {
    const email = await person();
    const addressRows = () => db.loginThrottle.count({ where: { key: { startsWith: 'address:' } } });
    const before = await addressRows();
    await failTimes(1, email, at(0));
    expect(await addressRows()).toBe(before);
    expect(await db.loginThrottle.count({ where: { key: `account:${email}` } })).toBe(1);
  });
});

describe('shared by app instances', () => {
  // A second copy of the modules with its own connection pool: all the two share is the database.
  async function secondInstance() {
    const g = globalThis as { pool?: unknown; prisma?: unknown };
    const saved = { pool: g.pool, prisma: g.prisma };
    delete g.pool;
    delete g.prisma;
    vi.resetModules();
    const signIn = await import('@/lib/server/users/sign-in');
    const other = await import('@/lib/server/db');
    Object.assign(g, saved);
    expect(other.pool).not.toBe(pool);
    return { signIn: signIn.signInWithPassword, close: async () => (await other.db.$disconnect(), await other.pool.end()) };
  }

  it('sees the failures counted by the other', async () => {
    const email = await person();
    const b = await secondInstance();
    try {
      await failTimes(3, email, at(0));
      for (let i = 0; i < 2; i++) expect(await b.signIn({ email, password: 'wrong guess here' }, direct, at(0))).toEqual({ ok: false, reason: 'invalid' });
      expect(await wrong(email, at(0))).toMatchObject({ reason: 'throttled' });
      expect(await b.signIn({ email, password: PASSWORD }, direct, at(0))).toMatchObject({ reason: 'throttled' });
      // The success on B clears the count A sees.
      expect((await b.signIn({ email, password: PASSWORD }, direct, at(1))).ok).toBe(true);
      await failTimes(5, email, at(1));
    } finally {
      await b.close();
    }
  });
});
