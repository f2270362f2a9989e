// When a follow-up may be set. A follow-up is the day to ask the payer (or a manager) again: from today, and at
// most two years ahead — the longest wait a denial sees is a Medicare appeal chain (redetermination 60 days,
// reconsideration 60, an ALJ hearing 90 by statute and often far longer in practice), and anything beyond two
// years is a typo (2205 for 2025) or a sentinel (9999-12-31) that would hide the denial from "follow-ups due".
// The service date need not be checked: it is in the past, and today is already the earliest allowed.
import { type IsoDate, addMonths, compareDates } from './dates';

export const FOLLOW_UP_MAX_MONTHS = 24;

/** Why `date` cannot be a follow-up date as of `today`, or null when it can. */
export function followUpProblem(date: IsoDate, today: IsoDate): string | null {
  if (compareDates(date, today) < 0) return 'A follow-up date cannot be in the past.';
  const latest = addMonths(today, FOLLOW_UP_MAX_MONTHS);
  if (compareDates(date, latest) > 0) return `A follow-up date can be at most two years ahead (${latest}).`;
  return null;
}
