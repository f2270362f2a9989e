// The facts of the organisation's resolved denials that a backtest replays (lib/server/backtest reads them):
// when each arrived, its first deadline, what was at stake and what history shows it recovered. Nothing about the
// patient: the replay needs none.
import type { DenialCategory } from '../codes';
import { type IsoDate, addDays, isWeekend, toDayNumber } from '../dates';

export interface ResolvedDenial {
  id: string;
  /** Outcomes are learnt per payer × category, as the queue's score learns them. */
  payerId: string;
  category: DenialCategory;
  /** false: correct and resubmit within timely filing; the score then names that deadline. */
  appealable: boolean;
  /** The day it entered the queue. */
  openedOn: IsoDate;
  /** The day it was actually resolved (paid, partly paid or written off). */
  resolvedOn: IsoDate;
  /** The first deadline it faced (appeal level 1, or timely filing), or null where none could be known. */
  deadline: IsoDate | null;
  amountCents: number;
  /** What it actually recovered: 0 for a write-off. The replay's "recoverable" is this, never a guess. */
  recoveredCents: number;
  /** The payer's warning window, inside which the score's urgency rises. */
  warningWindowDays: number;
}

/** Monday to Friday from `from` to `to` inclusive. Holidays are not known here (dates.ts says the same). */
export function workingDays(from: IsoDate, to: IsoDate): IsoDate[] {
  const days: IsoDate[] = [];
  for (let day = from; toDayNumber(day) <= toDayNumber(to); day = addDays(day, 1)) if (!isWeekend(day)) days.push(day);
  return days;
}

/** Sum of what history shows was recovered: every policy's ceiling. */
export function recoverableCents(history: readonly ResolvedDenial[]): number {
  return history.reduce((sum, d) => sum + d.recoveredCents, 0);
}
