// The team board as the page receives it (lib/server/team/team-board.ts builds it): counts per person, the
// unassigned pool, payer and category. No patient appears in it.
import type { DenialCategory } from '../codes';
import type { IsoDate } from '../dates';

/** One row's numbers. Worked counts are null where nobody could have worked them (the unassigned pool). */
export interface BoardCounts {
  open: number;
  openCents: number;
  workedToday: number | null;
  workedWeek: number | null;
  followUpsOverdue: number;
  followUpsToday: number;
  inWindow: number;
  missed: number;
  escalations: number;
  atRisk: number;
}

export interface BoardPersonRow extends BoardCounts {
  id: string;
  name: string;
  role: 'specialist' | 'manager' | 'other';
  /** On the manager's team (or, for an organisation-wide manager, any team). */
  member: boolean;
}

export interface TeamBoardDto {
  today: IsoDate;
  /** When these numbers were counted (ISO instant): the board remembers a count for a few seconds. */
  countedAt: string;
  untouchedDays: number;
  scope: 'team' | 'organisation';
  people: BoardPersonRow[];
  pool: BoardCounts;
  total: BoardCounts;
  /**
   * Open denials in reach flagged for review: a code-mapping change made their codes no longer a denial
   * (lib/server/codes/reclassify-denials.ts). They stay open until a person closes or keeps each one.
   */
  flagged: number;
  payers: (BoardCounts & { id: string; name: string })[];
  categories: (BoardCounts & { category: DenialCategory; label: string })[];
}
