// A denial's deadline from its payer's rules and its dates (design.md "Deadlines"): shown as a date and as
// days left; inside the warning window it is due soon; a missed one is flagged, never hidden.
import { type IsoDate, addDays, addMonths, diffDays, isWeekend, rollToWeekday, weekday } from './dates';
import type { AppealLevel } from './appeal-levels';
import { type AppealLevelRule, DEFAULT_WARNING_WINDOW_DAYS, type PayerDeadlineRules } from './payer-rules';

export type DeadlineLevel = AppealLevel | 'timely_filing';

export interface DeadlineRequest {
  level: DeadlineLevel;
  /** The remittance/notice date of the decision being appealed (levels counted from notice or receipt). */
  noticeDate?: IsoDate | null;
  /** The previous level's decision date (levels counted from the prior decision). */
  priorDecisionDate?: IsoDate | null;
  /** Earliest date of service (timely filing). */
  serviceDate?: IsoDate | null;
}

export type DeadlineResult =
  | { ok: true; level: DeadlineLevel; dueDate: IsoDate; basis: string }
  | { ok: false; level: DeadlineLevel; reason: string };

export type Urgency = 'missed' | 'due_soon' | 'ok';

const DAY_NAMES = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

/**
 * The payer's own name for a level when its rules give one, else "Redetermination" for Medicare's level 1,
 * "Level 1 appeal" for others; "Timely filing".
 */
export function levelName(rules: Pick<PayerDeadlineRules, 'payerType'> & Partial<Pick<PayerDeadlineRules, 'appealLevels'>>, level: DeadlineLevel): string {
  if (level === 'timely_filing') return 'Timely filing';
  const own = rules.appealLevels?.find((rule) => rule.level === level)?.name;
  if (own) return own;
  if (rules.payerType === 'medicare') {
    return {
      1: 'Redetermination',
      2: 'Reconsideration',
      3: 'ALJ hearing',
      4: 'Medicare Appeals Council review',
      5: 'Judicial review (federal district court)',
      external: 'External review',
    }[level];
  }
  return level === 'external' ? 'External review' : `Level ${level} appeal`;
}

function start(rule: AppealLevelRule, request: DeadlineRequest): { date: IsoDate; text: string } | string {
  const presumed = rule.receiptPresumptionDays;
  if (rule.trigger === 'prior_decision') {
    if (!request.priorDecisionDate) return 'the prior level’s decision date is needed';
    if (presumed === 0) return { date: request.priorDecisionDate, text: `the prior decision of ${request.priorDecisionDate}` };
    const date = addDays(request.priorDecisionDate, presumed);
    return { date, text: `receipt of the prior decision (presumed ${presumed} days after ${request.priorDecisionDate}: ${date})` };
  }
  if (!request.noticeDate) return 'the notice date is needed';
  if (rule.trigger === 'notice' || presumed === 0) return { date: request.noticeDate, text: `the notice of ${request.noticeDate}` };
  const date = addDays(request.noticeDate, presumed);
  return { date, text: `receipt (presumed ${presumed} days after the notice of ${request.noticeDate}: ${date})` };
}

function finish(rules: PayerDeadlineRules, level: DeadlineLevel, dueDate: IsoDate, basis: string): DeadlineResult {
  if (!rules.rollWeekendToBusinessDay || !isWeekend(dueDate)) return { ok: true, level, dueDate, basis };
  const rolled = rollToWeekday(dueDate);
  const note = `; ${dueDate} is a ${DAY_NAMES[weekday(dueDate)]}, moved to Monday ${rolled} by this payer’s rule`;
  return { ok: true, level, dueDate: rolled, basis: basis + note };
}

export function computeDeadline(rules: PayerDeadlineRules, request: DeadlineRequest): DeadlineResult {
  const { level } = request;
  const name = levelName(rules, level);
  if (level === 'timely_filing') {
    if (!request.serviceDate) return { ok: false, level, reason: `${name}: the date of service is needed` };
    const limit = rules.timelyFiling;
    const [dueDate, span] =
      'months' in limit
        ? [addMonths(request.serviceDate, limit.months), `${limit.months} months`]
        : [addDays(request.serviceDate, limit.days), `${limit.days} days`];
    return finish(rules, level, dueDate, `${name}: ${span} from the date of service ${request.serviceDate}`);
  }
  const rule = rules.appealLevels.find((r) => r.level === level);
  if (!rule) return { ok: false, level, reason: `${name}: this payer has no rule for this level` };
  const from = start(rule, request);
  if (typeof from === 'string') return { ok: false, level, reason: `${name}: ${from}` };
  return finish(rules, level, addDays(from.date, rule.days), `${name}: ${rule.days} days from ${from.text}`);
}

/**
 * The deadline that governs the work: the appeal window for the level at hand, or — when appeal rights are
 * gone and the claim must be corrected and resubmitted — timely filing.
 */
export function workingDeadline(
  rules: PayerDeadlineRules,
  request: Omit<DeadlineRequest, 'level'> & { appealable: boolean; appealLevel?: AppealLevel },
): DeadlineResult {
  const level: DeadlineLevel = request.appealable ? (request.appealLevel ?? 1) : 'timely_filing';
  return computeDeadline(rules, { ...request, level });
}

/** Calendar days from today to the due date: 0 on the day, negative once missed. */
export function daysLeft(dueDate: IsoDate, today: IsoDate): number {
  return diffDays(dueDate, today);
}

/** The due date itself still counts: missed starts the day after. */
export function urgency(dueDate: IsoDate, today: IsoDate, warningWindowDays = DEFAULT_WARNING_WINDOW_DAYS): Urgency {
  const left = daysLeft(dueDate, today);
  return left < 0 ? 'missed' : left <= warningWindowDays ? 'due_soon' : 'ok';
}
