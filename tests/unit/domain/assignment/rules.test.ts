import { describe, expect, it } from 'vitest';
import { type AssignmentRule, type DenialFacts, NO_CONDITIONS, firstMatch, hasConditions, matchesConditions, ruleOrder } from '@/lib/domain/assignment/rules';
import { describeConditions } from '@/lib/domain/assignment/describe-rule';

const denial = (over: Partial<DenialFacts> = {}): DenialFacts => ({
  id: 'd1', payerId: 'p1', category: 'timely_filing', department: 'billing', carcCodes: ['29'], rarcCodes: ['N30'], deniedCents: 50_000, providerNpi: '1234567893', ...over,
});

const rule = (id: string, over: Partial<AssignmentRule> = {}): AssignmentRule => ({
  id, name: id, enabled: true, isDefault: false, position: 1, conditions: NO_CONDITIONS, teamId: 't1', strategy: 'team_only', userId: null, cursorUserId: null, ...over,
});

describe('matchesConditions', () => {
  it('matches everything with no conditions', () => {
    expect(matchesConditions(NO_CONDITIONS, denial())).toBe(true);
    expect(hasConditions(NO_CONDITIONS)).toBe(false);
  });

  it.each([
    ['payer', { payerIds: ['p1', 'p2'] }, true],
    ['other payer', { payerIds: ['p2'] }, false],
    ['category', { categories: ['timely_filing'] }, true],
    ['other category', { categories: ['duplicate'] }, false],
    ['department', { departments: ['coding'] }, false],
    ['any shared CARC', { carcCodes: ['16', '29'] }, true],
    ['no shared CARC', { carcCodes: ['16'] }, false],
    ['RARC', { rarcCodes: ['N30'] }, true],
    ['other RARC', { rarcCodes: ['M15'] }, false],
    ['min bound is inclusive', { minCents: 50_000 }, true],
    ['above min', { minCents: 50_001 }, false],
    ['max bound is inclusive', { maxCents: 50_000 }, true],
    ['below max', { maxCents: 49_999 }, false],
    ['provider', { providerNpis: ['1234567893'] }, true],
    ['other provider', { providerNpis: ['1245319599'] }, false],
  ])('%s', (_, conditions, expected) => {
    expect(matchesConditions({ ...NO_CONDITIONS, ...conditions }, denial())).toBe(expected);
  });

  it('needs every condition to hold', () => {
    expect(matchesConditions({ ...NO_CONDITIONS, payerIds: ['p1'], categories: ['duplicate'] }, denial())).toBe(false);
  });

  it('does not match a provider condition when the claim names no provider', () => {
    expect(matchesConditions({ ...NO_CONDITIONS, providerNpis: ['1234567893'] }, denial({ providerNpi: null }))).toBe(false);
  });
});

describe('rule order', () => {
  it('tries enabled rules by position, id breaking ties, and the default last whatever its position', () => {
    const rules = [rule('c', { position: 2 }), rule('def', { isDefault: true, position: 0 }), rule('b', { position: 1 }), rule('a', { position: 1 }), rule('off', { position: 0, enabled: false })];
    expect(ruleOrder(rules).map((r) => r.id)).toEqual(['a', 'b', 'c', 'def']);
  });

  it('gives the first matching rule', () => {
    const ordered = ruleOrder([
      rule('aetna', { position: 1, conditions: { ...NO_CONDITIONS, payerIds: ['p2'] } }),
      rule('timely', { position: 2, conditions: { ...NO_CONDITIONS, categories: ['timely_filing'] } }),
      rule('big', { position: 3, conditions: { ...NO_CONDITIONS, minCents: 10_000 } }),
      rule('default', { isDefault: true }),
    ]);
    expect(firstMatch(ordered, denial())?.id).toBe('timely');
    expect(firstMatch(ordered, denial({ category: 'duplicate' }))?.id).toBe('big');
    expect(firstMatch(ordered, denial({ category: 'duplicate', deniedCents: 100 }))?.id).toBe('default');
    expect(firstMatch(ordered.slice(0, 3), denial({ category: 'duplicate', deniedCents: 100 }))).toBeNull();
  });

  it('ignores the default rule’s stored conditions', () => {
    const ordered = ruleOrder([rule('default', { isDefault: true, conditions: { ...NO_CONDITIONS, payerIds: ['nobody'] } })]);
    expect(firstMatch(ordered, denial())?.id).toBe('default');
  });
});

describe('describeConditions', () => {
  it('reads as one line', () => {
    const text = describeConditions({ ...NO_CONDITIONS, payerIds: ['p1'], categories: ['timely_filing'], carcCodes: ['29'], minCents: 50_000, maxCents: 500_000 }, new Map([['p1', 'Aetna']]));
    expect(text).toBe('Payer Aetna; Category Timely filing; CARC 29; $500 - $5,000');
    expect(describeConditions(NO_CONDITIONS, new Map())).toBe('Every denial');
  });
});
