// Sign-in back-off: after a few free failures each further attempt waits twice as long as the one before, up to
// a cap — never a permanent lock, so an attacker who knows an email address cannot shut its owner out for more
// than the cap (OWASP ASVS 5 V6.1.1 "prevent malicious account lockout"). Numbers and their reasons:
// docs/decisions/0011-login-throttling.md.

const MINUTE = 60_000;

export interface ThrottlePolicy {
  /** Failures allowed with no wait. */
  freeFailures: number;
  /** The wait after the last free failure; doubled for each failure after it. */
  firstWaitMs: number;
  /** The longest wait. */
  maxWaitMs: number;
  /** After this long without a counted attempt the failures are forgotten. */
  forgetAfterMs: number;
}

/**
 * Per account (normalised email): 5 free, then 1, 2, 4, 8, 15, 15… minutes. An attacker gets at most ~100
 * guesses a day at one account (5 + 4 + 4 per hour), and the owner waits at most 15 minutes after them.
 */
export const ACCOUNT_POLICY: ThrottlePolicy = { freeFailures: 5, firstWaitMs: MINUTE, maxWaitMs: 15 * MINUTE, forgetAfterMs: 24 * 60 * MINUTE };

/**
 * Per client address: a larger budget, since a hospital's staff may share one NAT address — 50 failures with no
 * 15-minute pause, then the same back-off. It slows one machine spraying many accounts (credential stuffing),
 * which the per-account counter alone cannot see.
 */
export const ADDRESS_POLICY: ThrottlePolicy = { freeFailures: 50, firstWaitMs: MINUTE, maxWaitMs: 15 * MINUTE, forgetAfterMs: 15 * MINUTE };

/** One counter as stored: attempts counted against it (failed, or still being checked) and when the last was. */
export interface ThrottleState {
  failures: number;
  lastFailureAt: Date;
}

/** The failures that still count at `now` (0 once forgotten). */
export function countingFailures(policy: ThrottlePolicy, state: ThrottleState | null, now: Date): number {
  if (!state) return 0;
  return now.getTime() - state.lastFailureAt.getTime() >= policy.forgetAfterMs ? 0 : state.failures;
}

/** How long after the last failure the next attempt must wait, given `failures` counted so far. */
export function waitAfter(policy: ThrottlePolicy, failures: number): number {
  if (failures < policy.freeFailures) return 0;
  const doublings = failures - policy.freeFailures;
  // 2^doublings overflows nothing below the cap: stop doubling once past it.
  return doublings >= 30 ? policy.maxWaitMs : Math.min(policy.maxWaitMs, policy.firstWaitMs * 2 ** doublings);
}

/** Milliseconds until an attempt is allowed (0: allowed now). */
export function retryAfterMs(policy: ThrottlePolicy, state: ThrottleState | null, now: Date): number {
  const failures = countingFailures(policy, state, now);
  if (failures === 0 || !state) return 0;
  const readyAt = state.lastFailureAt.getTime() + waitAfter(policy, failures);
  return Math.max(0, readyAt - now.getTime());
}

/** "Too many attempts. Try again in 3 minutes." — whole minutes, rounded up, never "0 minutes". */
export function throttledMessage(waitMs: number): string {
  const minutes = Math.max(1, Math.ceil(waitMs / MINUTE));
  return `Too many attempts. Try again in ${minutes} ${minutes === 1 ? 'minute' : 'minutes'}.`;
}
