import { describe, expect, it } from 'vitest';
import { ruleDraftInput, splitCodes } from '@/lib/domain/contracts/assignment-rules';

const TEAM = '01900000-0000-7000-8000-000000000001';

describe('the rule editor’s input', () => {
  it('splits codes on commas, spaces and semicolons, upper-cases them, drops a group prefix and repeats', () => {
    expect(splitCodes(' co-29, 197;n30  N30\tpr-1 ')).toEqual(['29', '197', 'N30', '1']);
    expect(splitCodes('')).toEqual([]);
  });

  it('parses the typed text into what is stored', () => {
    const parsed = ruleDraftInput.parse({ name: '  Big Aetna  ', teamId: TEAM, strategy: 'round_robin', carcCodes: '29 197', rarcCodes: 'm127', amountRange: '$1,000 - 2,500.50', providerNpis: '1234567893, 1234567893' });
    expect(parsed).toMatchObject({
      name: 'Big Aetna', isDefault: false, enabled: true, payerIds: [], carcCodes: ['29', '197'], rarcCodes: ['M127'],
      amountRange: { minCents: 100_000, maxCents: 250_050 }, providerNpis: ['1234567893'], userId: null,
    });
  });

  it.each([
    ['a CARC of the wrong shape', { carcCodes: 'ABC' }, 'carcCodes'],
    ['an RARC of the wrong shape', { rarcCodes: '12' }, 'rarcCodes'],
    ['an NPI with a bad check digit', { providerNpis: '1234567890' }, 'providerNpis'],
    ['a range the wrong way round', { amountRange: '500-5' }, 'amountRange'],
    ['an unknown category', { categories: ['vibes'] }, 'categories'],
    ['a named person left out', { strategy: 'named_person' }, 'userId'],
    ['an edit without its version', { id: TEAM }, 'version'],
    ['an empty name', { name: '   ' }, 'name'],
  ])('refuses %s on its field', (_, patch, field) => {
    const result = ruleDraftInput.safeParse({ name: 'R', teamId: TEAM, strategy: 'team_only', ...patch });
    expect(result.success).toBe(false);
    if (!result.success) expect(result.error.issues.map((i) => i.path[0])).toContain(field);
  });
});
