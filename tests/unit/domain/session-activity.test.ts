import { describe, expect, it } from 'vitest';
import { checkSession, refreshAfterMs, type SessionCheck } from '@/lib/domain/session-activity';

const SIGN_IN = new Date('2026-12-05T09:00:00Z');
const at = (seconds: number) => new Date(SIGN_IN.getTime() + seconds * 1000);

/** A session used every `everySeconds` for `forSeconds`, as resolveSession drives it: the checks in order. */
function use(limits: { idleMinutes: number; maxHours: number }, everySeconds: number, forSeconds: number): SessionCheck[] {
  let lastSeenAt = SIGN_IN;
  const checks: SessionCheck[] = [];
  for (let t = everySeconds; t <= forSeconds; t += everySeconds) {
    const check = checkSession({ createdAt: SIGN_IN, lastSeenAt, now: at(t) }, limits);
    checks.push(check);
    if (check === 'ended') break;
    if (check === 'refresh') lastSeenAt = at(t);
  }
  return checks;
}

describe('a session in use', () => {
  it('stays open with a one-minute idle limit when used every second for ten minutes', () => {
    expect(use({ idleMinutes: 1, maxHours: 12 }, 1, 600)).not.toContain('ended');
  });

  it('stays open with a one-minute idle limit when used every 50 seconds', () => {
    expect(use({ idleMinutes: 1, maxHours: 12 }, 50, 600)).not.toContain('ended');
  });

  it('stays open with the default 15-minute limit when used every 14 minutes for three hours', () => {
    expect(use({ idleMinutes: 15, maxHours: 12 }, 14 * 60, 3 * 3600)).not.toContain('ended');
  });

  it('ends at the absolute limit even when used every minute', () => {
    expect(use({ idleMinutes: 15, maxHours: 1 }, 60, 2 * 3600).at(-1)).toBe('ended');
  });
});

describe('an idle session', () => {
  it.each([
    [1, 61, 'ended'],
    [1, 60, 'refresh'],
    [15, 15 * 60 + 1, 'ended'],
    [15, 15 * 60, 'refresh'],
  ] as const)('with a %i-minute limit, %i s after its last use, is %s', (idleMinutes, seconds, expected) => {
    expect(checkSession({ createdAt: SIGN_IN, lastSeenAt: SIGN_IN, now: at(seconds) }, { idleMinutes, maxHours: 12 })).toBe(expected);
  });
});

describe('lastSeenAt is written', () => {
  it.each([
    [1, 6_000],
    [5, 30_000],
    [10, 60_000],
    [15, 60_000],
  ])('with a %i-minute idle limit, after %i ms without a write', (idleMinutes, ms) => {
    expect(refreshAfterMs(idleMinutes)).toBe(ms);
  });

  it('not on a request inside that slack', () => {
    expect(checkSession({ createdAt: SIGN_IN, lastSeenAt: SIGN_IN, now: at(5) }, { idleMinutes: 1, maxHours: 12 })).toBe('fresh');
  });
});
