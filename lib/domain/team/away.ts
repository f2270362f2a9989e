// Out of office (issue 14): a person away from/until (inclusive calendar dates) with a named cover. Pure rules
// shared by the away page, the owner pickers and the queue.

import type { IsoDate } from '../dates';

export interface Absence {
  from: IsoDate;
  until: IsoDate;
  coverName: string;
}

export type AbsencePhase = 'current' | 'planned' | 'past';

/** Where `today` falls against an absence. */
export function absencePhase(absence: Pick<Absence, 'from' | 'until'>, today: IsoDate): AbsencePhase {
  if (absence.until < today) return 'past';
  return absence.from <= today ? 'current' : 'planned';
}

/** Why an absence as entered cannot be saved, or null: it must end on or after it starts, and not already be over. */
export function absenceProblem(input: { userId: string; coverId: string; from: IsoDate; until: IsoDate }, today: IsoDate): string | null {
  if (input.coverId === input.userId) return 'Name someone else to cover: a person cannot cover their own absence.';
  if (input.until < input.from) return 'The last day away must be on or after the first.';
  if (input.until < today) return 'This absence is already over: enter one that includes today or a later day.';
  return null;
}

/**
 * How an owner picker names someone away: "away until Dec 12, covered by Riley" (or "away Dec 10–Dec 12, …" when
 * it has not started). Null when they are not away today or later.
 */
export function awayLabel(absence: Absence | null, today: IsoDate, formatDay: (d: IsoDate) => string): string | null {
  if (!absence) return null;
  const phase = absencePhase(absence, today);
  if (phase === 'past') return null;
  const when = phase === 'current' ? `away until ${formatDay(absence.until)}` : `away ${formatDay(absence.from)}–${formatDay(absence.until)}`;
  return `${when}, covered by ${absence.coverName}`;
}

/** A row of the out-of-office page: a person and their current or planned absence (null when none). */
export interface TeamMemberAway {
  id: string;
  name: string;
  role: 'specialist' | 'manager';
  away: (Absence & { coverId: string; phase: 'current' | 'planned' }) | null;
}
