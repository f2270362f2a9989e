import { describe, expect, it } from 'vitest';
import { parseCodeQuery } from '@/lib/domain/code-search';

describe('parseCodeQuery', () => {
  it.each([
    ['CO-50', { group: 'CO', carc: '50', rarc: null }],
    ['co 16 m53', { group: 'CO', carc: '16', rarc: 'M53' }],
    ['50/N115', { group: null, carc: '50', rarc: 'N115' }],
    ['197', { group: null, carc: '197', rarc: null }],
    ['oa-b15', { group: 'OA', carc: 'B15', rarc: null }],
    ['PI-16-MA130', { group: 'PI', carc: '16', rarc: 'MA130' }],
  ])('reads %s as a combination', (raw, expected) => {
    expect(parseCodeQuery(raw)).toEqual({ kind: 'code', ...expected });
  });

  it.each(['medical necessity', 'authorization', 'XX-50'])('reads %s as text', (raw) => {
    expect(parseCodeQuery(raw)).toEqual({ kind: 'text', text: raw });
  });
});
