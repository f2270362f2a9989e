// The replay: walk the chosen period's working days; each morning every specialist takes the top N of what is
// open under a policy and works it that day. Assumptions, chosen to be simple and said on the page:
// - A denial is open from the working day it arrived (its opened date, or the Monday after a weekend) until the
//   replay works it; working one takes a slot whatever its size or category.
// - Worked on or before its first deadline (or with none known), it recovers exactly what history shows it
//   recovered (nothing for a write-off); worked after, nothing. The money is counted on the day it is worked.
// - A deadline is missed when it falls within the period and the denial was not worked by then (arriving already
//   late counts too: every policy misses those alike).
// - The score learns as the queue does, from outcomes: it starts from the category priors and counts each denial
//   the replay resolves (recovered or not) for its payer × category, so it never sees an outcome before working it.
// Deterministic: the same history and options give the same numbers, ties falling to the older denial, then the id.
import { type IsoDate, toDayNumber } from '../dates';
import type { OutcomeCounts } from '../priority';
import { type ResolvedDenial, recoverableCents, workingDays } from './history';
import { topN } from './top-n';
import { POLICIES, type Policy, type ScoreWeights, type ScoredFacts, CURRENT_WEIGHTS, weightedScore } from './policies';

export interface ReplayOptions {
  from: IsoDate;
  to: IsoDate;
  perSpecialistPerDay: number;
  specialists: number;
  weights: ScoreWeights;
}

export interface PolicyResult {
  policy: Policy;
  recoveredCents: number;
  /** recovered ÷ what history shows was recoverable; null when nothing was. */
  recoveredShare: number | null;
  worked: number;
  /** Worked after the deadline had passed: a slot spent for nothing. */
  workedLate: number;
  deadlinesMissed: number;
  /** Never worked within the period. */
  leftOpen: number;
  /** Recovered so far at the end of each replayed day (same order as ReplayResult.days). */
  cumulativeCents: number[];
}

export interface ReplayResult {
  days: IsoDate[];
  denials: number;
  recoverableCents: number;
  /** Deadlines that fall within the period: the most any policy can miss. */
  deadlinesInPeriod: number;
  capacityPerDay: number;
  policies: PolicyResult[];
}

interface Item extends ScoredFacts {
  openedDay: number;
  recoveredCents: number;
  outcomeKey: string;
  /** Position by (opened, id): the tie-break. */
  rank: number;
}

function prepare(history: readonly ResolvedDenial[]): Item[] {
  const sorted = [...history].sort((a, b) => toDayNumber(a.openedOn) - toDayNumber(b.openedOn) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return sorted.map((d, rank) => ({
    amountCents: d.amountCents,
    category: d.category,
    deadlineDay: d.deadline === null ? null : toDayNumber(d.deadline),
    warningWindowDays: d.warningWindowDays,
    openedDay: toDayNumber(d.openedOn),
    recoveredCents: d.recoveredCents,
    outcomeKey: `${d.payerId}|${d.category}`,
    rank,
  }));
}

type KeyOf = (item: Item, today: number, outcomes: Map<string, OutcomeCounts>) => number;

/** Deadline first: the soonest deadline still ahead; then those already passed (nothing left to win); then none. */
function deadlineKey(item: Item, today: number): number {
  if (item.deadlineDay === null) return -Number.MAX_VALUE;
  return item.deadlineDay >= today ? -item.deadlineDay : -1e9 - (today - item.deadlineDay);
}

function keyFor(policy: Policy, weights: ScoreWeights): KeyOf {
  switch (policy) {
    case 'score':
      return (item, today, outcomes) => weightedScore(item, today, outcomes.get(item.outcomeKey) ?? null, CURRENT_WEIGHTS);
    case 'weighted':
      return (item, today, outcomes) => weightedScore(item, today, outcomes.get(item.outcomeKey) ?? null, weights);
    case 'oldest':
      return (item) => -item.openedDay;
    case 'largest':
      return (item) => item.amountCents;
    case 'deadline':
      return deadlineKey;
  }
}

export function replayPolicy(history: readonly ResolvedDenial[], options: ReplayOptions, policy: Policy): PolicyResult {
  const items = prepare(history);
  const days = workingDays(options.from, options.to).map(toDayNumber);
  const lastDay = toDayNumber(options.to);
  const capacity = options.perSpecialistPerDay * options.specialists;
  const key = keyFor(policy, options.weights);
  const outcomes = new Map<string, OutcomeCounts>();
  const workedOn = new Map<Item, number>();
  let open: Item[] = [];
  let arrived = 0;
  let recovered = 0;
  let workedLate = 0;
  const cumulativeCents: number[] = [];

  for (const today of days) {
    while (arrived < items.length && items[arrived]!.openedDay <= today) open.push(items[arrived++]!);
    const chosen = topN(open, capacity, (item) => key(item, today, outcomes));
    for (const item of chosen) {
      workedOn.set(item, today);
      const inTime = item.deadlineDay === null || today <= item.deadlineDay;
      const gained = inTime ? item.recoveredCents : 0;
      recovered += gained;
      if (!inTime) workedLate += 1;
      // Learnt after the day's picks: the morning's order used what was known that morning.
      const known = outcomes.get(item.outcomeKey) ?? { recoveredCount: 0, resolvedCount: 0 };
      outcomes.set(item.outcomeKey, { recoveredCount: known.recoveredCount + (gained > 0 ? 1 : 0), resolvedCount: known.resolvedCount + 1 });
    }
    if (chosen.size > 0) open = open.filter((item) => !chosen.has(item));
    cumulativeCents.push(recovered);
  }

  let deadlinesMissed = 0;
  for (const item of items) {
    if (item.deadlineDay === null || item.deadlineDay > lastDay) continue;
    const day = workedOn.get(item);
    if (day === undefined || day > item.deadlineDay) deadlinesMissed += 1;
  }
  const recoverable = recoverableCents(history);
  return {
    policy,
    recoveredCents: recovered,
    recoveredShare: recoverable > 0 ? recovered / recoverable : null,
    worked: workedOn.size,
    workedLate,
    deadlinesMissed,
    leftOpen: items.length - workedOn.size,
    cumulativeCents,
  };
}

/** Every policy over the same history and options. */
export function replay(history: readonly ResolvedDenial[], options: ReplayOptions): ReplayResult {
  const lastDay = toDayNumber(options.to);
  return {
    days: workingDays(options.from, options.to),
    denials: history.length,
    recoverableCents: recoverableCents(history),
    deadlinesInPeriod: history.filter((d) => d.deadline !== null && toDayNumber(d.deadline) <= lastDay).length,
    capacityPerDay: options.perSpecialistPerDay * options.specialists,
    policies: POLICIES.map((policy) => replayPolicy(history, options, policy)),
  };
}
