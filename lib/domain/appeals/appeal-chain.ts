// One appeal at one level, from draft to decision, and what its decision leads to (design.md "Deadlines", "The
// life of a denial"): a draft is submitted (method, date, payer reference) and gets a status-check date; the
// payer's decision (overturned, partially overturned, upheld, dismissed) closes it. Overturned resolves the
// denial; partially overturned, upheld or dismissed offers the next level the payer has — its deadline counted
// from this decision, and only when the amount still in controversy meets that level's threshold — or a write-off.
// Anything outside this is refused with a reason a person can act on.
import { type AppealLevel, appealRank } from '../appeal-levels';
import { type IsoDate, addDays, compareDates } from '../dates';
import { type DeadlineResult, computeDeadline } from '../deadline';
import type { DenialStatus } from '../lifecycle';
import { formatUsd } from '../money';
import type { PayerDeadlineRules, PayerType } from '../payer-rules';

export const APPEAL_METHODS = ['portal', 'fax', 'mail', 'electronic'] as const;
export type AppealMethod = (typeof APPEAL_METHODS)[number];

export const APPEAL_METHOD_LABEL: Record<AppealMethod, string> = {
  portal: 'Payer portal',
  fax: 'Fax',
  mail: 'Mail',
  electronic: 'Electronic (275 / clearinghouse)',
};

export const APPEAL_DECISIONS = ['overturned', 'partially_overturned', 'upheld', 'dismissed'] as const;
export type AppealDecision = (typeof APPEAL_DECISIONS)[number];

export const APPEAL_DECISION_LABEL: Record<AppealDecision, string> = {
  overturned: 'Overturned',
  partially_overturned: 'Partially overturned',
  upheld: 'Upheld',
  dismissed: 'Dismissed',
};

/**
 * Days after submission when a status check is due, unless the payer's rule says otherwise. Medicare: a MAC
 * decides a redetermination within 60 days (42 CFR 405.950), a QIC a reconsideration within 60 days
 * (42 CFR 405.970). Commercial: ERISA post-service appeals are decided within 30 days per level
 * (29 CFR 2560.503-1(i)(2)(iii)(B)). Medicaid varies by state; 45 days sits between.
 */
export const DEFAULT_STATUS_CHECK_DAYS: Record<PayerType, number> = { medicare: 60, medicaid: 45, commercial: 30 };

export const PAYER_REFERENCE_MAX_LENGTH = 50;

export interface AppealSubmission {
  on: IsoDate;
  method: AppealMethod;
  payerReference: string | null;
  /** When to ask the payer where the appeal stands. */
  statusCheckOn: IsoDate;
}

export interface AppealOutcome {
  decision: AppealDecision;
  on: IsoDate;
  /** What this decision pays, in cents: more than 0 when (partially) overturned, 0 when upheld or dismissed. */
  recoveredCents: number;
}

export interface AppealStep {
  level: AppealLevel;
  /** The filing deadline of this level, when known. */
  dueDate: IsoDate | null;
  submission: AppealSubmission | null;
  outcome: AppealOutcome | null;
}

export type AppealStage = 'draft' | 'submitted' | 'decided';

export function appealStage(step: Pick<AppealStep, 'submission' | 'outcome'>): AppealStage {
  return step.outcome ? 'decided' : step.submission ? 'submitted' : 'draft';
}

export type StepResult<T> = { ok: true; value: T; warnings: string[] } | { ok: false; reason: string };

function refuse(reason: string): { ok: false; reason: string } {
  return { ok: false, reason };
}

export interface SubmitRequest {
  on: IsoDate;
  method: AppealMethod;
  payerReference?: string | null;
}

export interface SubmitContext {
  today: IsoDate;
  /** The remittance (notice) date of the denial: nothing about it can be sent before it. */
  noticeDate: IsoDate | null;
  statusCheckDays: number;
}

/** Records that a drafted appeal went to the payer. A late submission is kept (good cause exists) with a warning. */
export function submitAppeal(step: AppealStep, request: SubmitRequest, context: SubmitContext): StepResult<AppealStep> {
  const stage = appealStage(step);
  if (stage !== 'draft') return refuse(`This appeal was already submitted on ${step.submission!.on}.`);
  if (compareDates(request.on, context.today) > 0) return refuse('The submission date cannot be in the future.');
  if (context.noticeDate && compareDates(request.on, context.noticeDate) < 0) {
    return refuse(`The submission date cannot be before the denial's notice of ${context.noticeDate}.`);
  }
  const reference = request.payerReference?.trim() || null;
  if (reference && reference.length > PAYER_REFERENCE_MAX_LENGTH) {
    return refuse(`The payer's reference number is at most ${PAYER_REFERENCE_MAX_LENGTH} characters.`);
  }
  const warnings: string[] = [];
  if (step.dueDate && compareDates(request.on, step.dueDate) > 0) {
    warnings.push(
      `Submitted after this level's deadline of ${step.dueDate}: the payer may dismiss it unless it accepts good cause for the delay.`,
    );
  }
  const submission: AppealSubmission = {
    on: request.on,
    method: request.method,
    payerReference: reference,
    statusCheckOn: addDays(request.on, context.statusCheckDays),
  };
  return { ok: true, value: { ...step, submission }, warnings };
}

export interface DecideContext {
  today: IsoDate;
  /** Denied dollars not yet recovered by earlier decisions or payments: the most a decision can pay. */
  outstandingCents: number;
}

/** Records the payer's decision on a submitted appeal. */
export function decideAppeal(step: AppealStep, outcome: AppealOutcome, context: DecideContext): StepResult<AppealStep> {
  const stage = appealStage(step);
  if (stage === 'draft') return refuse('Record the submission before the decision: a draft has not been sent to the payer.');
  if (stage === 'decided') return refuse(`This appeal was already decided (${APPEAL_DECISION_LABEL[step.outcome!.decision]}, ${step.outcome!.on}).`);
  const submittedOn = step.submission!.on;
  if (compareDates(outcome.on, context.today) > 0) return refuse('The decision date cannot be in the future.');
  if (compareDates(outcome.on, submittedOn) < 0) return refuse(`The decision date cannot be before the submission on ${submittedOn}.`);
  const amount = outcome.recoveredCents;
  if (!Number.isSafeInteger(amount) || amount < 0) return refuse('Enter the amount the decision pays, in dollars and cents.');
  const outstanding = context.outstandingCents;
  if (outcome.decision === 'upheld' || outcome.decision === 'dismissed') {
    if (amount !== 0) return refuse(`An appeal ${outcome.decision} pays nothing: record the amount as $0, or choose "partially overturned".`);
  } else if (amount === 0) {
    return refuse('Enter the amount the payer agreed to pay (more than $0).');
  } else if (amount > outstanding) {
    return refuse(`The amount cannot exceed the ${formatUsd(outstanding)} still denied; an overpayment is recorded from the remittance.`);
  } else if (outcome.decision === 'partially_overturned' && amount === outstanding) {
    return refuse(`${formatUsd(amount)} is everything still denied: choose "overturned".`);
  }
  return { ok: true, value: { ...step, outcome }, warnings: [] };
}

/** The threshold a level's amount in controversy must meet, with the year it applies to (design.md: kept as data). */
export interface AmountInControversy {
  level: AppealLevel;
  minimumCents: number;
  year: number;
}

export interface NextLevelOffer {
  level: AppealLevel;
  deadline: DeadlineResult;
}

export interface AfterDecision {
  /** Where the denial goes: resolved when the decision pays everything still denied, else back to work. */
  denialStatus: DenialStatus;
  /** What the decision pays. */
  recoveredCents: number;
  /** Still denied after this decision. */
  remainingCents: number;
  /** The next level that can be filed for what remains, with its deadline; null when there is none. */
  nextLevel: NextLevelOffer | null;
  /** Why no next level is offered (no further level, or the amount is below its threshold). */
  noNextLevelReason: string | null;
  /** A write-off of what remains is offered whenever money is still denied. */
  writeOffOffered: boolean;
}

export interface AfterDecisionContext {
  rules: PayerDeadlineRules;
  thresholds: readonly AmountInControversy[];
  /** Denied dollars not yet recovered before this decision. */
  outstandingCents: number;
  noticeDate: IsoDate | null;
}

/**
 * What a decision leads to. Overturned in full resolves the denial as paid; a decision that pays part resolves
 * nothing yet — the rest can go to the next level or be written off, and the specialist closes it as partially
 * paid when the payment arrives. The next level is the payer's next one in appeal order, its deadline counted from
 * this decision (plus the payer's receipt presumption), offered only when the amount still in controversy meets
 * that level's threshold.
 */
export function afterDecision(step: AppealStep, context: AfterDecisionContext): AfterDecision {
  if (!step.outcome) throw new Error('afterDecision needs a decided appeal');
  const { decision, on, recoveredCents } = step.outcome;
  const remainingCents = Math.max(0, context.outstandingCents - recoveredCents);
  if (remainingCents === 0) {
    return { denialStatus: 'resolved_paid', recoveredCents, remainingCents, nextLevel: null, noNextLevelReason: 'Nothing remains denied.', writeOffOffered: false };
  }
  const rank = appealRank(step.level);
  const next = context.rules.appealLevels
    .filter((rule) => appealRank(rule.level) > rank)
    .sort((a, b) => appealRank(a.level) - appealRank(b.level))[0];
  const base = { denialStatus: 'in_progress' as const, recoveredCents, remainingCents, writeOffOffered: true };
  if (!next) return { ...base, nextLevel: null, noNextLevelReason: `This payer has no appeal level after this one: its ${APPEAL_DECISION_LABEL[decision].toLowerCase()} decision is final.` };
  const threshold = context.thresholds.find((t) => t.level === next.level);
  if (threshold && remainingCents < threshold.minimumCents) {
    return {
      ...base,
      nextLevel: null,
      noNextLevelReason: `The next level needs at least ${formatUsd(threshold.minimumCents)} in controversy (${threshold.year}); ${formatUsd(remainingCents)} remains.`,
    };
  }
  const deadline = computeDeadline(context.rules, { level: next.level, priorDecisionDate: on, noticeDate: context.noticeDate });
  return { ...base, nextLevel: { level: next.level, deadline }, noNextLevelReason: null };
}

/**
 * An appeal may be opened at a level when no appeal of the chain is still waiting for a decision and the level
 * is higher than every level decided so far (the same level is not filed twice: a payer dismisses a repeat).
 */
export function canOpenAppeal(chain: readonly AppealStep[], level: AppealLevel): StepResult<null> {
  const waiting = chain.find((step) => appealStage(step) !== 'decided');
  if (waiting) return refuse(`The appeal at level ${waiting.level} is still ${appealStage(waiting) === 'draft' ? 'a draft' : 'waiting for a decision'}.`);
  const highest = chain.reduce((max, step) => Math.max(max, appealRank(step.level)), -1);
  if (appealRank(level) <= highest) return refuse(`An appeal at this level was already decided: file the next level instead.`);
  return { ok: true, value: null, warnings: [] };
}

/**
 * Medicare's amount-in-controversy thresholds for 2026 (Federal Register notice CMS-4209-N; design.md): an ALJ
 * hearing needs $200 in controversy, judicial review in federal district court $1,960 (the Council itself has
 * none). They change every January — kept as data with their year, editable per payer. Commercial and Medicaid
 * plans have none by default.
 */
export const DEFAULT_AMOUNT_IN_CONTROVERSY: Record<PayerType, readonly AmountInControversy[]> = {
  medicare: [
    { level: 3, minimumCents: 200_00, year: 2026 },
    { level: 5, minimumCents: 1_960_00, year: 2026 },
  ],
  medicaid: [],
  commercial: [],
};
