import { describe, expect, it } from 'vitest';
import { AssignmentRouter, type RouterInput, routeAll } from '@/lib/domain/assignment/distribute';
import { type AssignmentRule, type AssignmentStrategy, type DenialFacts, NO_CONDITIONS } from '@/lib/domain/assignment/rules';

const rule = (strategy: AssignmentStrategy, over: Partial<AssignmentRule> = {}): AssignmentRule => ({
  id: 'r1', name: 'Rule', enabled: true, isDefault: false, position: 1, conditions: NO_CONDITIONS, teamId: 't1', strategy, userId: null, cursorUserId: null, ...over,
});

const denials = (n: number, cents: (i: number) => number = () => 10_000): DenialFacts[] =>
  Array.from({ length: n }, (_, i) => ({ id: `d${i}`, payerId: 'p1', category: 'other', department: 'billing', carcCodes: [], rarcCodes: [], deniedCents: cents(i), providerNpi: null }));

const input = (rules: AssignmentRule[], members: string[], loads: [string, number, number][] = []): RouterInput => ({
  rules,
  members: new Map([['t1', members]]),
  loads: new Map(loads.map(([id, count, cents]) => [id, { count, cents }])),
});

const counts = (owners: (string | null)[]) => {
  const out: Record<string, number> = {};
  for (const o of owners) if (o) out[o] = (out[o] ?? 0) + 1;
  return out;
};

/** A deterministic pseudo-random sequence (so the amounts vary but every run is the same). */
function lcg(seed: number) {
  let s = seed;
  return () => (s = (s * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31;
}

describe('round-robin', () => {
  it('takes the team in id order and continues after the stored cursor', () => {
    const { assignments, router } = routeAll(input([rule('round_robin', { cursorUserId: 'b' })], ['c', 'a', 'b']), denials(4));
    expect(assignments.map((a) => a.ownerId)).toEqual(['c', 'a', 'b', 'c']);
    expect(router.movedCursors()).toEqual([{ ruleId: 'r1', userId: 'c' }]);
  });

  it('continues from where a removed specialist would have been', () => {
    const { assignments } = routeAll(input([rule('round_robin', { cursorUserId: 'b' })], ['a', 'c']), denials(2));
    expect(assignments.map((a) => a.ownerId)).toEqual(['c', 'a']);
  });

  it('is fair over 1,000 denials: per-person counts differ by at most one', () => {
    const { assignments } = routeAll(input([rule('round_robin')], ['u1', 'u2', 'u3', 'u4', 'u5', 'u6', 'u7']), denials(1000));
    const c = Object.values(counts(assignments.map((a) => a.ownerId)));
    expect(c).toHaveLength(7);
    expect(Math.max(...c) - Math.min(...c)).toBeLessThanOrEqual(1);
  });

  it('gives the team without an owner when the team has no active specialist', () => {
    const { assignments } = routeAll({ rules: [rule('round_robin')], members: new Map(), loads: new Map() }, denials(1));
    expect(assignments[0]).toMatchObject({ teamId: 't1', ownerId: null });
  });

  it('keeps a cursor per rule', () => {
    const rules = [rule('round_robin', { id: 'big', position: 1, conditions: { ...NO_CONDITIONS, minCents: 50_000 } }), rule('round_robin', { id: 'small', position: 2 })];
    const { assignments } = routeAll(input(rules, ['a', 'b']), denials(4, (i) => (i % 2 === 0 ? 100_000 : 100)));
    expect(assignments.map((a) => `${a.ruleId}:${a.ownerId}`)).toEqual(['big:a', 'small:a', 'big:b', 'small:b']);
  });
});

describe('least loaded', () => {
  it('by count: fills the emptiest first, ties to the smaller id, counting what it gives out', () => {
    const { assignments } = routeAll(input([rule('least_open_count')], ['a', 'b', 'c'], [['a', 2, 0], ['b', 0, 0], ['c', 0, 0]]), denials(5));
    expect(assignments.map((a) => a.ownerId)).toEqual(['b', 'c', 'b', 'c', 'a']);
  });

  it('by count is fair over 1,000 denials from equal loads: counts differ by at most one', () => {
    const rnd = lcg(7);
    const { assignments } = routeAll(input([rule('least_open_count')], ['u1', 'u2', 'u3', 'u4', 'u5']), denials(1000, () => 100 + Math.floor(rnd() * 1_000_000)));
    const c = Object.values(counts(assignments.map((a) => a.ownerId)));
    expect(Math.max(...c) - Math.min(...c)).toBeLessThanOrEqual(1);
  });

  it('by count evens out unequal starting loads before anyone else gets more', () => {
    const { assignments, router } = routeAll(input([rule('least_open_count')], ['a', 'b'], [['a', 10, 0]]), denials(12));
    expect(counts(assignments.map((a) => a.ownerId))).toEqual({ b: 11, a: 1 });
    expect(router.movedCursors()).toEqual([]);
  });

  it('by dollars: every denial goes to whoever holds the fewest open dollars, so the spread never exceeds the largest denial', () => {
    const rnd = lcg(42);
    const list = denials(1000, () => 100 + Math.floor(rnd() * 2_000_000));
    const people = ['u1', 'u2', 'u3', 'u4'];
    const router = new AssignmentRouter(input([rule('least_open_dollars')], people));
    const held = new Map(people.map((p) => [p, 0]));
    for (const d of list) {
      const least = Math.min(...held.values());
      const a = router.assign(d)!;
      expect(held.get(a.ownerId!)).toBe(least);
      held.set(a.ownerId!, held.get(a.ownerId!)! + d.deniedCents);
    }
    const largest = Math.max(...list.map((d) => d.deniedCents));
    expect(Math.max(...held.values()) - Math.min(...held.values())).toBeLessThanOrEqual(largest);
  });

  it('by dollars breaks a tie by the smaller count, then the smaller id', () => {
    const { assignments } = routeAll(input([rule('least_open_dollars')], ['a', 'b', 'c'], [['a', 3, 500], ['b', 1, 500], ['c', 1, 500]]), denials(1, () => 0));
    expect(assignments[0]!.ownerId).toBe('b');
  });
});

describe('other strategies', () => {
  it('team only gives no owner; a named person gets every match', () => {
    expect(routeAll(input([rule('team_only')], ['a']), denials(1)).assignments[0]!.ownerId).toBeNull();
    expect(routeAll(input([rule('named_person', { userId: 'z' })], ['a']), denials(2)).assignments.map((a) => a.ownerId)).toEqual(['z', 'z']);
  });

  it('routes nothing when no rule matches', () => {
    const { assignments } = routeAll(input([rule('team_only', { conditions: { ...NO_CONDITIONS, payerIds: ['other'] } })], ['a']), denials(3));
    expect(assignments).toEqual([]);
  });
});
