// The life of a denial (design.md): new → assigned → in progress → (pending information) → appealed
// (level 1, 2, 3, external) or corrected and resubmitted → resolved as paid, partially paid or written off.
// Anything outside this life is refused with a reason the UI can show.
import { type AppealLevel, appealableLevels } from './appeal-levels';
import { formatUsd } from './money';
import type { Role } from './permissions';

export const DENIAL_STATUSES = [
  'new',
  'assigned',
  'in_progress',
  'pending_info',
  'appealed',
  'corrected_resubmitted',
  'writeoff_pending',
  'resolved_paid',
  'resolved_partial',
  'written_off',
] as const;
export type DenialStatus = (typeof DENIAL_STATUSES)[number];

export const CLOSED_STATUSES: readonly DenialStatus[] = ['resolved_paid', 'resolved_partial', 'written_off'];
export const OPEN_STATUSES: readonly DenialStatus[] = DENIAL_STATUSES.filter((s) => !CLOSED_STATUSES.includes(s));

export interface DenialState {
  status: DenialStatus;
  /** The highest appeal level filed so far; kept after the appeal is decided. */
  appealLevel: AppealLevel | null;
  /** Escalation is a flag beside the status, not a status (design.md). */
  escalated: boolean;
}

/**
 * A later remittance that pays the claim resolves it from any open state (the payer may reprocess on its
 * own), so resolved_paid / resolved_partial are reachable from everywhere open.
 */
const PAID = ['resolved_paid', 'resolved_partial'] as const;
const WRITE_OFF = ['writeoff_pending', 'written_off'] as const;

const ALLOWED: Record<DenialStatus, readonly DenialStatus[]> = {
  new: ['assigned', ...PAID],
  assigned: ['new', 'in_progress', ...PAID],
  in_progress: ['pending_info', 'appealed', 'corrected_resubmitted', ...WRITE_OFF, ...PAID],
  pending_info: ['in_progress', 'appealed', 'corrected_resubmitted', ...WRITE_OFF, ...PAID],
  // An appeal is decided: paid, or back to work, the next level, more information, or a write-off.
  appealed: ['appealed', 'in_progress', 'pending_info', 'corrected_resubmitted', ...WRITE_OFF, ...PAID],
  corrected_resubmitted: ['in_progress', ...WRITE_OFF, ...PAID],
  // Approved (written off) or rejected (back to work).
  writeoff_pending: ['written_off', 'in_progress', ...PAID],
  resolved_paid: [],
  resolved_partial: [],
  written_off: [],
};

export function isOpen(status: DenialStatus): boolean {
  return !CLOSED_STATUSES.includes(status);
}

export function canTransition(from: DenialStatus, to: DenialStatus): boolean {
  return ALLOWED[from].includes(to);
}

export interface TransitionRequest {
  to: DenialStatus;
  /** Required to appeal. */
  appealLevel?: AppealLevel;
  /** Required to write off or to ask for a write-off. */
  reason?: string;
  actorRole: Role;
}

export interface TransitionContext {
  deniedAmountCents: number;
  /** Above this a manager approves the write-off (a setting; design.md). */
  writeOffApprovalThresholdCents: number;
}

export type TransitionResult = { ok: true; state: DenialState } | { ok: false; reason: string };

function appealRefusal(state: DenialState, level: AppealLevel | undefined): string | null {
  if (level === undefined) return 'Choose the appeal level (1 to 5, or external).';
  const current = state.appealLevel;
  if (current === null || appealableLevels(current, state.status === 'appealed').includes(level)) return null;
  if (state.status === 'appealed') return `Already appealed at level ${current}: the next appeal must be a higher level.`;
  return `Already appealed at level ${current}: cannot go back to level ${level}.`;
}

/** The levels an appeal may be filed at from this state (none when the denial cannot be appealed now). */
export function appealLevelsOpenTo(state: Pick<DenialState, 'status' | 'appealLevel'>): AppealLevel[] {
  return canTransition(state.status, 'appealed') ? appealableLevels(state.appealLevel, state.status === 'appealed') : [];
}

/** "Corrected and resubmitted" is offered wherever the life allows it (in progress, pending information, appealed). */
export function canMarkResubmitted(status: DenialStatus): boolean {
  return canTransition(status, 'corrected_resubmitted');
}

/**
 * The status after the owner changes: taking or giving a new denial makes it assigned; emptying the owner of
 * an assigned one puts it back to new; any other status is kept. The server applies it and the browser
 * shows it at once (optimistically) with the same rule.
 */
export function statusAfterAssignment(status: DenialStatus, hasOwner: boolean): DenialStatus {
  if (hasOwner && status === 'new' && canTransition('new', 'assigned')) return 'assigned';
  if (!hasOwner && status === 'assigned') return 'new';
  return status;
}

function writeOffRefusal(state: DenialState, request: TransitionRequest, context: TransitionContext): string | null {
  if (!request.reason?.trim()) return 'A write-off needs a reason.';
  if (request.to !== 'written_off' || request.actorRole === 'manager') return null;
  if (state.status === 'writeoff_pending') return 'Only a manager can approve a write-off.';
  if (context.deniedAmountCents > context.writeOffApprovalThresholdCents) {
    return `Write-offs above ${formatUsd(context.writeOffApprovalThresholdCents)} need a manager’s approval: request one instead.`;
  }
  return null;
}

export function transition(state: DenialState, request: TransitionRequest, context: TransitionContext): TransitionResult {
  const { to } = request;
  if (!canTransition(state.status, to)) {
    return { ok: false, reason: `A denial cannot go from ${state.status} to ${to}.` };
  }
  const refusal =
    to === 'appealed'
      ? appealRefusal(state, request.appealLevel)
      : to === 'written_off' || to === 'writeoff_pending'
        ? writeOffRefusal(state, request, context)
        : null;
  if (refusal) return { ok: false, reason: refusal };
  const appealLevel = to === 'appealed' ? (request.appealLevel ?? null) : state.appealLevel;
  // Resolution ends an escalation; the timeline keeps the record of it.
  return { ok: true, state: { status: to, appealLevel, escalated: isOpen(to) && state.escalated } };
}

/** Escalation can be raised or cleared at any open state, never on a closed denial. */
export function setEscalation(state: DenialState, escalated: boolean): TransitionResult {
  if (!isOpen(state.status)) return { ok: false, reason: `A ${state.status} denial is closed and cannot be escalated.` };
  if (state.escalated === escalated) return { ok: false, reason: escalated ? 'Already escalated.' : 'Not escalated.' };
  return { ok: true, state: { ...state, escalated } };
}

/**
 * Where a reopened denial goes: back to the open status it was closed from, when that is known and is a working
 * status; a write-off that was waiting for approval goes back to work (its request was decided). Otherwise to
 * work if someone owns it, or to the pool.
 */
export function reopenStatus(closedFrom: DenialStatus | null, hasOwner: boolean): DenialStatus {
  if (closedFrom === 'writeoff_pending') return 'in_progress';
  if (closedFrom !== null && isOpen(closedFrom)) return statusAfterAssignment(closedFrom, hasOwner);
  return hasOwner ? 'in_progress' : 'new';
}
