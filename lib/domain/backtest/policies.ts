// The orders a backtest compares: the queue's score (as priority.ts computes it), the score with weights a
// manager chose, and the three orders a team uses without a score. Each gives a sort key (higher first) for an
// open denial on a given day; ties fall to the older denial, then the id, so every run is the same.
import type { DenialCategory } from '../codes';
import { type OutcomeCounts, MISSED_RECOVERY_LIKELIHOOD, recoveryLikelihood, urgencyMultiplier } from '../priority';
import { CATEGORY_PRIORS } from '../priority-priors';

export const POLICIES = ['score', 'weighted', 'oldest', 'largest', 'deadline'] as const;
export type Policy = (typeof POLICIES)[number];

export const POLICY_LABELS: Record<Policy, string> = {
  score: 'Queue score (current weights)',
  weighted: 'Queue score (your weights)',
  oldest: 'Oldest first',
  largest: 'Largest first',
  deadline: 'Deadline first',
};

/**
 * Each factor of the score raised to a power: 1 is today's score, 0 ignores the factor, 2 counts it twice as
 * hard. score = amount^a × likelihood^l × urgency^u ÷ effort^e.
 */
export interface ScoreWeights {
  amount: number;
  likelihood: number;
  urgency: number;
  effort: number;
}

export const CURRENT_WEIGHTS: ScoreWeights = { amount: 1, likelihood: 1, urgency: 1, effort: 1 };
export const WEIGHT_LIMITS = { min: 0, max: 3 } as const;

/** What the score reads of a denial, with its dates as day numbers (the replay compares them every day). */
export interface ScoredFacts {
  amountCents: number;
  category: DenialCategory;
  /** dates.ts day number of the first deadline, or null. */
  deadlineDay: number | null;
  warningWindowDays: number;
}

/**
 * The parts priority.ts's computePriority gives a denial that is not waiting on anyone, on day `today`, with the
 * outcomes learnt so far: the same formulas (recoveryLikelihood, urgencyMultiplier, the missed floor), without
 * building the explanation or parsing dates, since the replay asks for millions. A unit test holds it equal to
 * computePriority.
 */
export function scoreParts(facts: ScoredFacts, today: number, outcomes: OutcomeCounts | null): { likelihood: number; urgency: number; effort: number } {
  const prior = CATEGORY_PRIORS[facts.category];
  const daysLeft = facts.deadlineDay === null ? null : facts.deadlineDay - today;
  const learnt = recoveryLikelihood(outcomes, prior.recovery).likelihood;
  const likelihood = daysLeft !== null && daysLeft < 0 && learnt > MISSED_RECOVERY_LIKELIHOOD ? MISSED_RECOVERY_LIKELIHOOD : learnt;
  return { likelihood, urgency: urgencyMultiplier(daysLeft, facts.warningWindowDays), effort: prior.effort };
}

/** The score with weights; with CURRENT_WEIGHTS exactly priority.ts's amount × likelihood × urgency ÷ effort. */
export function weightedScore(facts: ScoredFacts, today: number, outcomes: OutcomeCounts | null, weights: ScoreWeights): number {
  const { likelihood, urgency, effort } = scoreParts(facts, today, outcomes);
  return (facts.amountCents ** weights.amount * likelihood ** weights.likelihood * urgency ** weights.urgency) / effort ** weights.effort;
}

export function isCurrentWeights(weights: ScoreWeights): boolean {
  return (Object.keys(CURRENT_WEIGHTS) as (keyof ScoreWeights)[]).every((k) => weights[k] === CURRENT_WEIGHTS[k]);
}
