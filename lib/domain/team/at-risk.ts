// What the team board calls "worked" and "at risk", as pure rules over dates. The queue's SQL
// (lib/server/denials/queue-sql.ts) and the board's (lib/server/team/team-board-sql.ts) write the same rules
// with these boundaries, so a number on the board and the queue behind its link always agree.
import { type IsoDate, addDays } from '../dates';
import type { WorkedWindow } from '../queue-params';

/** Days without a person's timeline event after which an open denial counts as untouched (shown on the board). */
export const UNTOUCHED_DAYS = 14;

/**
 * The first day that counts as a touch: a denial is untouched when it was opened before this day and no person
 * (the system's ingest and rescoring do not count) wrote an event on its timeline from this day on.
 */
export function untouchedCutoff(today: IsoDate): IsoDate {
  return addDays(today, -UNTOUCHED_DAYS);
}

/** Worked days, inclusive: today alone, or the seven days ending today (a rolling week, not since Monday). */
export function workedDays(window: WorkedWindow, today: IsoDate): { from: IsoDate; through: IsoDate } {
  return { from: window === 'today' ? today : addDays(today, -6), through: today };
}

/** The owner's next look comes after the deadline: the follow-up date as set lets the deadline pass. */
export function followUpAfterDeadline(deadlineDate: IsoDate | null, followUpDate: IsoDate | null): boolean {
  return deadlineDate !== null && followUpDate !== null && deadlineDate < followUpDate;
}

export interface RiskFacts {
  deadlineDate: IsoDate | null;
  followUpDate: IsoDate | null;
  /** The day the denial was opened. */
  openedOn: IsoDate;
  /** The day of the latest timeline event written by a person, or null when none ever was. */
  lastTouchedOn: IsoDate | null;
}

export function isUntouched(facts: Pick<RiskFacts, 'openedOn' | 'lastTouchedOn'>, today: IsoDate): boolean {
  const cutoff = untouchedCutoff(today);
  return facts.openedOn < cutoff && (facts.lastTouchedOn === null || facts.lastTouchedOn < cutoff);
}

/** An open denial at risk: its deadline falls before its owner's follow-up, or nobody has touched it lately. */
export function isAtRisk(facts: RiskFacts, today: IsoDate): boolean {
  return followUpAfterDeadline(facts.deadlineDate, facts.followUpDate) || isUntouched(facts, today);
}
