import 'server-only';
import { addressThrottleKey } from '@/lib/domain/client-address';
import { ACCOUNT_POLICY, ADDRESS_POLICY, countingFailures, retryAfterMs, type ThrottlePolicy } from '@/lib/domain/login-throttle';
import { db } from '../db';

type Scope = 'account' | 'address';

/** The counters one sign-in attempt is charged to: its account always, its client address when known. */
export interface ThrottleKeys {
  account: string;
  address: string | null;
}

/**
 * With no trusted proxy the address is unknown (null) and only the account is counted: one shared bucket for
 * every unknown address would let anyone lock everybody out with 50 wrong passwords.
 */
export function throttleKeys(email: string, ip: string | null): ThrottleKeys {
  return { account: `account:${email}`, address: ip ? `address:${addressThrottleKey(ip)}` : null };
}

export type Reservation = { allowed: true } | { allowed: false; scope: Scope; retryAfterMs: number };

const POLICY: Record<Scope, ThrottlePolicy> = { account: ACCOUNT_POLICY, address: ADDRESS_POLICY };

/**
 * Charges this attempt to its counters before the password is checked, unless one of them must still wait (then
 * nothing is charged and the password is not checked at all). Counting up front, under a row lock, is what makes
 * it hold across app instances and parallel requests: two guesses cannot both take the one slot a wait opens.
 */
export async function reserveAttempt(keys: ThrottleKeys, now: Date): Promise<Reservation> {
  const scopes = (Object.entries(keys) as [Scope, string | null][]).filter((e): e is [Scope, string] => e[1] !== null);
  // Rows are created and locked in key order, so two attempts on the same pair of keys cannot deadlock.
  const ordered = scopes.map(([, key]) => key).sort();
  return db.$transaction(async (tx) => {
    await tx.loginThrottle.createMany({ data: ordered.map((key) => ({ key, failures: 0, lastFailureAt: now })), skipDuplicates: true });
    const rows = await tx.$queryRaw<{ key: string; failures: number; lastFailureAt: Date }[]>`
      SELECT key, failures, "lastFailureAt" FROM login_throttle WHERE key = ANY(${ordered}) ORDER BY key FOR UPDATE`;
    const state = new Map(rows.map((r) => [r.key, r]));
    const waits = scopes.map(([scope, key]) => ({ scope, key, wait: retryAfterMs(POLICY[scope], state.get(key) ?? null, now) }));
    const longest = waits.reduce((a, b) => (b.wait > a.wait ? b : a));
    if (longest.wait > 0) return { allowed: false, scope: longest.scope, retryAfterMs: longest.wait };
    for (const { scope, key } of waits) {
      const failures = countingFailures(POLICY[scope], state.get(key) ?? null, now) + 1;
      await tx.loginThrottle.update({ where: { key }, data: { failures, lastFailureAt: now } });
    }
    return { allowed: true };
  });
}

// Rows older than the longest memory count for nothing.
const FORGET_AFTER_MS = Math.max(ACCOUNT_POLICY.forgetAfterMs, ADDRESS_POLICY.forgetAfterMs);

/**
 * The attempt was right: the account starts afresh, and the address gets back the attempt it was charged (a good
 * sign-in says nothing about the other people behind that address). Stale rows are swept here too.
 */
export async function releaseAttempt(keys: ThrottleKeys, now: Date): Promise<void> {
  await db.$transaction([
    db.loginThrottle.deleteMany({ where: { key: keys.account } }),
    ...(keys.address ? [db.loginThrottle.updateMany({ where: { key: keys.address, failures: { gt: 0 } }, data: { failures: { decrement: 1 } } })] : []),
    db.loginThrottle.deleteMany({ where: { lastFailureAt: { lt: new Date(now.getTime() - FORGET_AFTER_MS) } } }),
  ]);
}
