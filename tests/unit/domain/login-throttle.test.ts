import { describe, expect, it } from 'vitest';
import { ACCOUNT_POLICY, ADDRESS_POLICY, retryAfterMs, throttledMessage, waitAfter } from '@/lib/domain/login-throttle';

const MINUTE = 60_000;
const at = (minutes: number) => new Date(Date.UTC(2026, 11, 5, 12, 0) + minutes * MINUTE);

describe('the per-account back-off (production numbers)', () => {
  it.each([
    [0, 0],
    [4, 0],
    [5, 1],
    [6, 2],
    [7, 4],
    [8, 8],
    [9, 15],
    [50, 15],
    [10_000, 15],
  ])('after %i failures the next attempt waits %i minutes', (failures, minutes) => {
    expect(waitAfter(ACCOUNT_POLICY, failures)).toBe(minutes * MINUTE);
  });

  it('lets an attempt through once the wait has passed', () => {
    const state = { failures: 6, lastFailureAt: at(0) };
    expect(retryAfterMs(ACCOUNT_POLICY, state, at(1))).toBe(1 * MINUTE);
    expect(retryAfterMs(ACCOUNT_POLICY, state, at(2))).toBe(0);
  });

  it('never locks for longer than 15 minutes, however many failures', () => {
    expect(retryAfterMs(ACCOUNT_POLICY, { failures: 1_000_000, lastFailureAt: at(0) }, at(0))).toBe(15 * MINUTE);
  });

  it('forgets the failures after a day without one', () => {
    const state = { failures: 40, lastFailureAt: at(0) };
    expect(retryAfterMs(ACCOUNT_POLICY, state, at(24 * 60))).toBe(0);
  });

  // NIST SP 800-63B asks for no more than 100 consecutive failures; read as a hard lock that contradicts "no
  // permanent lock", so the rate is bounded instead: about 100 a day, 11 in the first hour.
  it.each([
    [60, 11],
    [24 * 60, 103],
  ])('keeps an attacker guessing as fast as allowed to %i minutes → %i guesses', (minutes, most) => {
    let failures = 0;
    let now = at(0).getTime();
    while (now < at(minutes).getTime()) {
      failures += 1;
      now += waitAfter(ACCOUNT_POLICY, failures);
    }
    expect(failures).toBe(most);
  });
});

describe('the per-address budget', () => {
  it('allows 50 failures, then backs off', () => {
    expect(waitAfter(ADDRESS_POLICY, 49)).toBe(0);
    expect(waitAfter(ADDRESS_POLICY, 50)).toBe(MINUTE);
  });

  it('is renewed after 15 quiet minutes', () => {
    expect(retryAfterMs(ADDRESS_POLICY, { failures: 80, lastFailureAt: at(0) }, at(15))).toBe(0);
  });
});

describe('the message', () => {
  it.each([
    [1, 'Too many attempts. Try again in 1 minute.'],
    [MINUTE, 'Too many attempts. Try again in 1 minute.'],
    [MINUTE + 1, 'Too many attempts. Try again in 2 minutes.'],
    [15 * MINUTE, 'Too many attempts. Try again in 15 minutes.'],
  ])('for a wait of %i ms reads %j', (ms, text) => {
    expect(throttledMessage(ms)).toBe(text);
  });
});
