import { describe, expect, it } from 'vitest';
import { ownString } from '@/lib/domain/x12/own-string';

describe('ownString', () => {
  it('keeps the characters of a value cut from a larger text', () => {
    const text = 'N1*PR*OVERTURN TEST HEALTH PLAN~N3*1 MAIN STREET~';
    const name = text.slice(6, 31);
    expect(ownString(name)).toBe('OVERTURN TEST HEALTH PLAN');
  });

  it('passes short values and null through', () => {
    expect(ownString('XX')).toBe('XX');
    expect(ownString('')).toBe('');
    expect(ownString(null)).toBeNull();
  });
});
