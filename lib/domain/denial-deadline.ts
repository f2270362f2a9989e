// Which deadline a denial is working against right now, from its state and its payer's rules.
// While an appeal or a corrected claim is with the payer, or a write-off awaits approval, nothing is due
// from us; after an appeal is decided, the next level's window runs from that decision.
import type { IsoDate } from './dates';
import { type DeadlineResult, computeDeadline } from './deadline';
import type { AppealLevel } from './appeal-levels';
import { type DenialStatus, isOpen } from './lifecycle';
import type { PayerDeadlineRules } from './payer-rules';
import { nextAppealLevel } from './stored-payer-rules';

export interface DenialDeadlineInput {
  status: DenialStatus;
  appealable: boolean;
  /** Highest appeal level filed so far. */
  appealLevel: AppealLevel | null;
  noticeDate: IsoDate | null;
  serviceDate: IsoDate | null;
  /** When the latest appeal was decided. */
  lastDecisionDate: IsoDate | null;
}

export type DeadlineKind = `appeal_${AppealLevel}` | 'timely_filing';

export interface DenialDeadlines {
  /** The one that orders the queue, or null with the reason nothing is due. */
  working: (DeadlineResult & { ok: true; kind: DeadlineKind }) | null;
  waitingReason: string | null;
  /** With the payer or awaiting a manager (appealed, corrected and resubmitted, write-off pending). */
  waiting: boolean;
  /** The level whose window is open, if an appeal is still possible. */
  nextLevel: AppealLevel | null;
  timelyFiling: DeadlineResult;
}

const WAITING: Partial<Record<DenialStatus, string>> = {
  appealed: 'the appeal is with the payer',
  corrected_resubmitted: 'the corrected claim is with the payer',
  writeoff_pending: 'the write-off awaits a manager’s decision',
};

/** Appealed, corrected and resubmitted, or a write-off awaiting a manager: the next move is someone else's. */
export function isWaiting(status: string): boolean {
  return Object.hasOwn(WAITING, status);
}

/** What the Due column says while nothing is due from us: the payer has it, or a manager must approve. */
export function waitingLabel(status: string): string | null {
  if (status === 'writeoff_pending') return 'awaiting approval';
  return isWaiting(status) ? 'with payer' : null;
}

export function deadlineKind(level: AppealLevel | 'timely_filing'): DeadlineKind {
  return level === 'timely_filing' ? 'timely_filing' : `appeal_${level}`;
}

export function denialDeadlines(rules: PayerDeadlineRules, input: DenialDeadlineInput): DenialDeadlines {
  const timelyFiling = computeDeadline(rules, { level: 'timely_filing', serviceDate: input.serviceDate });
  const nextLevel = input.appealable ? nextAppealLevel(rules, input.appealLevel) : null;
  const base = { nextLevel, timelyFiling, waiting: isWaiting(input.status) };
  if (!isOpen(input.status)) return { ...base, working: null, waitingReason: 'resolved' };
  const waiting = WAITING[input.status];
  if (waiting) return { ...base, working: null, waitingReason: waiting };
  // Not appealable (e.g. MA130): correct and resubmit within timely filing.
  if (!input.appealable) {
    return timelyFiling.ok
      ? { ...base, working: { ...timelyFiling, kind: 'timely_filing' }, waitingReason: null }
      : { ...base, working: null, waitingReason: timelyFiling.reason };
  }
  if (nextLevel === null) return { ...base, working: null, waitingReason: 'no further appeal level for this payer' };
  const result = computeDeadline(rules, {
    level: nextLevel,
    noticeDate: input.noticeDate,
    priorDecisionDate: input.lastDecisionDate,
  });
  return result.ok
    ? { ...base, working: { ...result, kind: deadlineKind(nextLevel) }, waitingReason: null }
    : { ...base, working: null, waitingReason: result.reason };
}
