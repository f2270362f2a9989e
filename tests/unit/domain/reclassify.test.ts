import { describe, expect, it } from 'vitest';
import { reclassify, tally } from '@/lib/domain/reclassify';

const stored = { category: 'medical_necessity', department: 'clinical', avoidable: false, flagged: false };
const work = { isWork: true, category: 'medical_necessity', department: 'clinical', avoidable: false } as const;

describe('reclassify: what a mapping change does to one open denial', () => {
  it('leaves a denial whose classification did not change', () => {
    expect(reclassify(stored, work)).toEqual({ kind: 'unchanged' });
  });

  it.each([
    ['category', { category: 'coding_modifiers' }],
    ['department', { department: 'billing' }],
    ['avoidable', { avoidable: true }],
  ] as const)('moves a denial whose %s changed', (_name, change) => {
    expect(reclassify(stored, { ...work, ...change })).toMatchObject({ kind: 'moved', ...change });
  });

  it('flags a denial that is no longer a denial instead of closing it', () => {
    expect(reclassify(stored, { ...work, isWork: false })).toEqual({ kind: 'not_a_denial' });
  });

  it('does not flag the same denial twice', () => {
    expect(reclassify({ ...stored, flagged: true }, { ...work, isWork: false })).toEqual({ kind: 'unchanged' });
  });

  it('moves a flagged denial back when the mapping calls it a denial again', () => {
    expect(reclassify({ ...stored, flagged: true }, work)).toMatchObject({ kind: 'moved', category: 'medical_necessity' });
  });

  it('tallies moved and flagged', () => {
    expect(tally([{ kind: 'unchanged' }, { kind: 'not_a_denial' }, reclassify(stored, { ...work, avoidable: true })])).toEqual({ moved: 1, flagged: 1 });
  });
});
