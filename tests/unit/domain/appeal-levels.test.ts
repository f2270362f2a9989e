import { describe, expect, it } from 'vitest';
import {
  APPEAL_LEVELS,
  APPEAL_LEVEL_VALUES,
  appealLevelLabel,
  appealLevelValue,
  appealableLevels,
  nextAppealLevelAfter,
  parseAppealLevel,
} from '@/lib/domain/appeal-levels';

describe('the appeal-level vocabulary', () => {
  it.each([
    ['1', 1],
    ['2', 2],
    ['3', 3],
    ['4', 4],
    ['5', 5],
    ['external', 'external'],
    ['6', null],
    ['0', null],
    ['External', null],
    [' 1', null],
    ['', null],
    [null, null],
  ] as const)('reads %j as %j', (text, level) => {
    expect(parseAppealLevel(text)).toBe(level);
  });

  it('writes every level back as the text it is read from, so storage loses nothing', () => {
    for (const level of APPEAL_LEVELS) expect(parseAppealLevel(appealLevelValue(level))).toBe(level);
    expect(APPEAL_LEVELS.map((l) => appealLevelValue(l))).toEqual([...APPEAL_LEVEL_VALUES]);
    expect(APPEAL_LEVEL_VALUES).toEqual(['1', '2', '3', '4', '5', 'external']);
    expect(appealLevelValue(null)).toBeNull();
  });

  it.each([
    [1, 'Level 1'],
    ['3', 'Level 3'],
    [4, 'Level 4'],
    ['5', 'Level 5'],
    ['external', 'External review'],
  ] as const)('labels %j as %j', (level, label) => {
    expect(appealLevelLabel(level)).toBe(label);
  });
});

describe('which levels an appeal may be filed at', () => {
  it.each([
    [null, true, [1, 2, 3, 4, 5, 'external']],
    [null, false, [1, 2, 3, 4, 5, 'external']],
    [1, true, [2, 3, 4, 5, 'external']],
    [1, false, [1, 2, 3, 4, 5, 'external']],
    [3, true, [4, 5, 'external']],
    [3, false, [3, 4, 5, 'external']],
    [5, true, ['external']],
    ['external', true, []],
    ['external', false, ['external']],
  ] as const)('after level %j (appeal open: %s): %j', (current, open, levels) => {
    expect(appealableLevels(current, open)).toEqual(levels);
  });

  it.each([
    [null, 1],
    [1, 2],
    [2, 3],
    [3, 4],
    [4, 5],
    [5, 'external'],
    ['external', null],
  ] as const)('the usual next level after %j is %j', (current, next) => {
    expect(nextAppealLevelAfter(current)).toBe(next);
  });
});
