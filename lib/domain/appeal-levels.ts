// The one vocabulary of appeal levels, used by payer rules, the lifecycle, deadlines, the screens and the wire:
// numbered levels 1 to 5 (Medicare's five: redetermination, reconsideration, ALJ hearing, Medicare Appeals
// Council review, judicial review in federal district court; a commercial plan's first and second internal
// appeal) and external review. Which of them a payer has is its rules' business (payer-rules.ts). Stored and
// sent as text ("1" … "5", "external").

export const APPEAL_LEVELS = [1, 2, 3, 4, 5, 'external'] as const;
export type AppealLevel = (typeof APPEAL_LEVELS)[number];

/** The text form a level is stored and sent as, in appeal order. */
export const APPEAL_LEVEL_VALUES = ['1', '2', '3', '4', '5', 'external'] as const;
export type AppealLevelValue = (typeof APPEAL_LEVEL_VALUES)[number];

/** "1" … "5", "external" → the level; anything else (and null: none filed) is null — never guessed, never collapsed. */
export function parseAppealLevel(value: string | null): AppealLevel | null {
  if (value === null) return null;
  const index = (APPEAL_LEVEL_VALUES as readonly string[]).indexOf(value);
  return index === -1 ? null : APPEAL_LEVELS[index]!;
}

/** The stored text of a level, or null; parseAppealLevel(appealLevelValue(l)) === l for every level. */
export function appealLevelValue(level: AppealLevel): AppealLevelValue;
export function appealLevelValue(level: AppealLevel | null): AppealLevelValue | null;
export function appealLevelValue(level: AppealLevel | null): AppealLevelValue | null {
  return level === null ? null : APPEAL_LEVEL_VALUES[APPEAL_LEVELS.indexOf(level)]!;
}

/** Position in appeal order: external review comes after every internal level. */
export function appealRank(level: AppealLevel): number {
  return APPEAL_LEVELS.indexOf(level);
}

export function appealLevelLabel(level: AppealLevel | AppealLevelValue): string {
  return level === 'external' ? 'External review' : `Level ${level}`;
}

/**
 * The levels a denial may be appealed at now: a further appeal must be a higher level than the one filed
 * (while that appeal is open, strictly higher; after it was decided, the same level may be filed again).
 */
export function appealableLevels(current: AppealLevel | null, appealOpen: boolean): AppealLevel[] {
  if (current === null) return [...APPEAL_LEVELS];
  const rank = appealRank(current);
  return APPEAL_LEVELS.filter((level) => (appealOpen ? appealRank(level) > rank : appealRank(level) >= rank));
}

/** The level an appeal is usually filed at next: the first one above `current` (level 1 when none was filed). */
export function nextAppealLevelAfter(current: AppealLevel | null): AppealLevel | null {
  return appealableLevels(current, true)[0] ?? null;
}
