// The queue's order (design.md "Priority"): denied amount × likelihood of recovery × deadline urgency ÷
// category effort. Every part is returned so the detail view can show the sum a specialist can check.
import type { DenialCategory } from './codes';
import { type IsoDate, diffDays } from './dates';
import { type Urgency, urgency as urgencyStatus } from './deadline';
import { assertCents, formatUsd } from './money';
import { CATEGORY_PRIORS, type CategoryPrior, PRIOR_PSEUDO_COUNT } from './priority-priors';
import { DEFAULT_WARNING_WINDOW_DAYS } from './payer-rules';

/** The organisation's own resolved denials for one payer × category. */
export interface OutcomeCounts {
  recoveredCount: number;
  resolvedCount: number;
}

/** 'missed': the deadline has passed, so the likelihood is the floor below whatever the outcomes said. */
export type LikelihoodSource = 'own' | 'prior' | 'blend' | 'missed';

export interface PriorityInput {
  deniedAmountCents: number;
  category: DenialCategory;
  /** false: correct and resubmit, so timely filing is the deadline that matters. */
  appealable: boolean;
  outcomes?: OutcomeCounts | null;
  appealDueDate?: IsoDate | null;
  timelyFilingDueDate?: IsoDate | null;
  today: IsoDate;
  /**
   * The ball is in the payer's court (an appeal or corrected claim with them) or a manager's (a write-off to
   * approve): nothing is due from the specialist until the follow-up date, if one is set.
   */
  waiting?: { reason: string; followUpDate: IsoDate | null } | null;
  warningWindowDays?: number;
  /** The category table, if an administrator has edited it. */
  priors?: Record<DenialCategory, CategoryPrior>;
  /** The likelihood once the deadline is missed (MISSED_RECOVERY_LIKELIHOOD unless configured). */
  missedRecoveryLikelihood?: number;
}

export interface PriorityParts {
  amountCents: number;
  likelihood: number;
  likelihoodSource: LikelihoodSource;
  urgency: number;
  effort: number;
}

export interface PriorityDeadline {
  kind: 'appeal' | 'timely_filing';
  dueDate: IsoDate;
  daysLeft: number;
  status: Urgency;
}

export interface Priority {
  /** amountCents × likelihood × urgency ÷ effort, exactly, in that order. */
  score: number;
  parts: PriorityParts;
  deadline: PriorityDeadline | null;
  explanation: string;
}

/** Urgency at the deadline itself; it rises linearly to this from 1 across the warning window. */
export const MAX_URGENCY = 3;
/**
 * A missed deadline still shows and is flagged, but is not made infinitely urgent: the window has closed,
 * what is left is a late appeal with good cause or a write-off, so it sinks below untouched work.
 */
export const MISSED_URGENCY = 0.5;
/**
 * Waiting on someone else with no follow-up due yet: the item stays in the queue (and in its order by amount
 * and likelihood) but below work that can be done today. From its follow-up date on it is 1 again: a status
 * check is due.
 */
export const WAITING_URGENCY = 0.25;
/**
 * The likelihood of recovery once the appeal (or timely filing) window has closed: what is left is a late
 * appeal with good cause, which payers seldom grant, so the likelihood falls to this small floor whatever the
 * category or the organisation's outcomes say. The row stays in the queue (and in the "missed" view), never
 * hidden. Configurable per call (PriorityInput.missedRecoveryLikelihood); there are no per-organisation scoring
 * settings yet. Chosen so a missed $X ranks below every live denial of at least $X/10: its score is at most
 * X × 0.005 × MISSED_URGENCY ÷ 0.5 (the lowest effort) = 0.005·X, and a live one's at least
 * X/10 × 0.1 (the lowest prior recovery ÷ effort: timely filing, non-covered) × 1 = 0.01·X.
 */
export const MISSED_RECOVERY_LIKELIHOOD = 0.005;

/** (recovered + m·prior) ÷ (resolved + m): a beta prior worth m outcomes, so thin data cannot swing it. */
export function recoveryLikelihood(
  outcomes: OutcomeCounts | null | undefined,
  prior: number,
  pseudoCount = PRIOR_PSEUDO_COUNT,
): { likelihood: number; source: LikelihoodSource } {
  const resolved = Math.max(0, Math.floor(outcomes?.resolvedCount ?? 0));
  const recovered = Math.min(resolved, Math.max(0, Math.floor(outcomes?.recoveredCount ?? 0)));
  const likelihood = (recovered + pseudoCount * prior) / (resolved + pseudoCount);
  // Own data carries at least 80% of the weight once resolved ≥ 4m.
  const source = resolved === 0 ? 'prior' : resolved >= 4 * pseudoCount ? 'own' : 'blend';
  return { likelihood, source };
}

/** 1 outside the warning window, rising inside it to MAX_URGENCY on the due date; MISSED_URGENCY after it. */
export function urgencyMultiplier(daysLeft: number | null, warningWindowDays = DEFAULT_WARNING_WINDOW_DAYS): number {
  if (daysLeft === null) return 1;
  if (daysLeft < 0) return MISSED_URGENCY;
  if (daysLeft > warningWindowDays) return 1;
  // Inside the window (daysLeft ≤ window, the same test as deadline.ts urgency 'due_soon') it is above 1.
  return 1 + ((MAX_URGENCY - 1) * (warningWindowDays + 1 - daysLeft)) / (warningWindowDays + 1);
}

function pickDeadline(input: PriorityInput, window: number): PriorityDeadline | null {
  const [kind, dueDate] = input.appealable
    ? (['appeal', input.appealDueDate] as const)
    : (['timely_filing', input.timelyFilingDueDate] as const);
  if (!dueDate) return null;
  return { kind, dueDate, daysLeft: diffDays(dueDate, input.today), status: urgencyStatus(dueDate, input.today, window) };
}

/** Waiting: damped until the follow-up date, then neutral (a status check is due). */
function waitingUrgency(waiting: NonNullable<PriorityInput['waiting']>, today: IsoDate): { urgency: number; text: string } {
  const days = waiting.followUpDate === null ? null : diffDays(waiting.followUpDate, today);
  if (days === null) return { urgency: WAITING_URGENCY, text: `${waiting.reason}, no follow-up set` };
  if (days <= 0) return { urgency: 1, text: `${waiting.reason}, follow-up due` };
  return { urgency: WAITING_URGENCY, text: `${waiting.reason}, follow-up in ${days} day${days === 1 ? '' : 's'}` };
}

/** "62%"; below 1% with one decimal ("0.5%"), so the floor of a missed deadline does not read as 1% or 0%. */
export function percentText(likelihood: number): string {
  const percent = likelihood * 100;
  return percent > 0 && percent < 1 ? `${trim(percent, 1)}%` : `${Math.round(percent)}%`;
}

const SOURCE_TEXT: Record<LikelihoodSource, string> = {
  prior: 'category prior',
  own: 'own outcomes',
  blend: 'own outcomes blended with prior',
  missed: 'window closed: only a late appeal with good cause',
};

function describeDeadline(deadline: PriorityDeadline | null): string {
  if (!deadline) return 'no deadline known';
  const what = deadline.kind === 'timely_filing' ? 'timely filing ' : '';
  const { daysLeft } = deadline;
  if (daysLeft < 0) return `${what}deadline missed ${-daysLeft} day${daysLeft === -1 ? '' : 's'} ago: recovery unlikely`;
  if (daysLeft === 0) return `${what}due today`;
  return `${what}due in ${daysLeft} day${daysLeft === 1 ? '' : 's'}`;
}

function trim(value: number, digits: number): string {
  return String(Number(value.toFixed(digits)));
}

export function computePriority(input: PriorityInput): Priority {
  const amountCents = Math.max(0, assertCents(input.deniedAmountCents, 'deniedAmountCents'));
  const prior = (input.priors ?? CATEGORY_PRIORS)[input.category];
  const window = input.warningWindowDays ?? DEFAULT_WARNING_WINDOW_DAYS;
  const waiting = input.waiting ? waitingUrgency(input.waiting, input.today) : null;
  const deadline = waiting ? null : pickDeadline(input, window);
  const fromOutcomes = recoveryLikelihood(input.outcomes, prior.recovery);
  const floor = input.missedRecoveryLikelihood ?? MISSED_RECOVERY_LIKELIHOOD;
  const { likelihood, source } =
    deadline !== null && deadline.daysLeft < 0 && fromOutcomes.likelihood > floor ? { likelihood: floor, source: 'missed' as const } : fromOutcomes;
  const urgency = waiting ? waiting.urgency : urgencyMultiplier(deadline?.daysLeft ?? null, window);
  const effort = prior.effort;
  const score = (amountCents * likelihood * urgency) / effort;
  const explanation =
    `${formatUsd(amountCents)} × ${percentText(likelihood)} recovery (${SOURCE_TEXT[source]})` +
    ` × ${waiting ? waiting.text : describeDeadline(deadline)} (urgency ${trim(urgency, 2)}) ÷ effort ${trim(effort, 2)}`;
  return { score, parts: { amountCents, likelihood, likelihoodSource: source, urgency, effort }, deadline, explanation };
}
