import { describe, expect, it } from 'vitest';
import { containsPattern, searchProblem, searchWords, tidySearch } from '@/lib/domain/queue-search';

describe('queue search terms', () => {
  it.each([
    ['  Williams,   JOHN ', 'Williams, JOHN'],
    ['josé\tnúñez', 'josé núñez'],
    ['PCN-1234', 'PCN-1234'],
  ])('tidies %j to %j', (raw, tidy) => {
    expect(tidySearch(raw)).toBe(tidy);
  });

  it.each([
    ['williams', null],
    ['José', null],
    ["O'Brien-Smith", null],
    ['PCN_001/7 #2', null],
    ['jo', 'A search needs a word of at least 3 letters or digits'],
    ['jo al', 'A search needs a word of at least 3 letters or digits'],
    ['50%', "A search is letters, digits, spaces and . , ' - _ / #"],
    ['a|b|c', "A search is letters, digits, spaces and . , ' - _ / #"],
    ['back\\slash', "A search is letters, digits, spaces and . , ' - _ / #"],
    ['x'.repeat(61), 'A search is at most 60 characters'],
  ])('%j: %s', (term, problem) => {
    expect(searchProblem(term)).toBe(problem);
  });

  it('splits a term into the words that must all appear, at spaces and commas, without repeats', () => {
    expect(searchWords('WILLIAMS, JOHN')).toEqual(['WILLIAMS', 'JOHN']);
    expect(searchWords('ann ann lee')).toEqual(['ann', 'lee']);
    expect(searchWords('a b c d e f g h')).toHaveLength(6);
  });

  it('matches a word anywhere, with _ and % as literal characters', () => {
    expect(containsPattern('nguyen')).toBe('%nguyen%');
    expect(containsPattern('PCN_1')).toBe('%PCN\\_1%');
    expect(containsPattern('5%')).toBe('%5\\%%');
  });
});
