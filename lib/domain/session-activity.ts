// Whether a server-side session is still good at `now`, and whether this request should move its lastSeenAt.

export interface SessionLimits {
  idleMinutes: number;
  maxHours: number;
}

export type SessionCheck = 'ended' | 'refresh' | 'fresh';

/**
 * How long a session may go without its lastSeenAt being written: at most a minute (so reads do not become
 * writes), and at most a tenth of the idle limit. A request inside that slack does not move lastSeenAt, so an
 * active session can lose up to the slack from its idle allowance; a full minute of slack against a one-minute
 * limit ended sessions that were in use.
 */
export function refreshAfterMs(idleMinutes: number): number {
  return Math.min(60_000, (idleMinutes * 60_000) / 10);
}

export function checkSession(times: { createdAt: Date; lastSeenAt: Date; now: Date }, limits: SessionLimits): SessionCheck {
  const idleMs = times.now.getTime() - times.lastSeenAt.getTime();
  const ageMs = times.now.getTime() - times.createdAt.getTime();
  if (idleMs > limits.idleMinutes * 60_000 || ageMs > limits.maxHours * 3_600_000) return 'ended';
  return idleMs > refreshAfterMs(limits.idleMinutes) ? 'refresh' : 'fresh';
}
