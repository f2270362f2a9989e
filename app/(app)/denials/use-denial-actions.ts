'use client';
import type { WriteOffRequest } from '@/components/denials/write-off-dialog';
import { useBulkDenialMutation, useDenialMutation } from '@/lib/client/denial-mutations';
import { type AppealLevelValue, appealLevelLabel } from '@/lib/domain/appeal-levels';
import { APPEAL_DECISION_LABEL, type AppealDecision, type AppealMethod } from '@/lib/domain/appeals/appeal-chain';
import type { DenialStateDto } from '@/lib/domain/contracts/denials';
import { statusLabel } from '@/lib/domain/denial-labels';
import { statusAfterAssignment } from '@/lib/domain/lifecycle';
import { formatDate } from '@/components/denials/format';
import type { ResubmissionEntry } from '@/components/denials/resubmit-dialog';
import type { StatusChange } from '@/components/denials/status-dialog';
import {
  addNoteAction,
  assignDenialAction,
  bulkUpdateDenialsAction,
  changeStatusAction,
  decideAppealAction,
  decideWriteOffAction,
  escalateDenialAction,
  markResubmittedAction,
  requestWriteOffAction,
  reopenDenialAction,
  setFollowUpAction,
  startAppealAction,
  submitAppealAction,
  undoDenialChangeAction,
} from './actions';
import { handleEscalationAction, withdrawEscalationAction } from '../escalations/actions';
import type { HandleEscalationVars } from '@/components/escalations/handle-escalation-dialog';
import { ESCALATION_OUTCOME_VERB } from '@/lib/domain/escalations/handling';

/** What the "record submission" dialog sends: the date it went, how, and the payer's reference. */
export interface AppealSubmissionInput {
  appealId: string;
  on: string;
  method: AppealMethod;
  payerReference?: string;
}

/** What the "record decision" dialog sends; the amount stays text until the server parses it into cents. */
export interface AppealDecisionInput {
  appealId: string;
  decision: AppealDecision;
  on: string;
  recovered?: string;
}

export interface Me {
  id: string;
  name: string;
}

/** Every edit of a denial, as optimistic mutations shared by the queue and the detail page. */
export function useDenialActions(me: Me) {
  const undoChange = useDenialMutation<{ eventId: string }>({
    action: undoDenialChangeAction,
    success: (state) => `Undone: back to ${statusLabel(state.status, state.appealLevel).toLowerCase()}.`,
  });
  /** The Undo beside a change's success message: a server operation, refused once anything else changed the denial. */
  const undo = (state: DenialStateDto) => state.undo && undoChange.mutate({ id: state.id, version: state.version, input: { eventId: state.undo.eventId } });
  const assign = useDenialMutation<{ assignee: 'me' | string | null; assigneeName?: string; reason?: string }>({
    action: assignDenialAction,
    optimistic: (row, input) => ({
      owner: input.assignee === null ? null : input.assignee === 'me' ? me : { id: input.assignee, name: input.assigneeName ?? '…' },
      status: statusAfterAssignment(row.status, input.assignee !== null),
    }),
    success: (state) => (state.owner ? `Assigned to ${state.owner.id === me.id ? 'you' : state.owner.name}.` : 'Put back in the unassigned pool.'),
  });
  const followUp = useDenialMutation<{ date: string | null }>({
    action: setFollowUpAction,
    optimistic: (_row, input) => ({ followUpDate: input.date }),
    success: (state) => (state.followUpDate ? `Follow-up set for ${formatDate(state.followUpDate)}.` : 'Follow-up cleared.'),
  });
  const note = useDenialMutation<{ note: string }>({
    action: addNoteAction,
    success: () => 'Note added.',
  });
  const status = useDenialMutation<StatusChange>({
    action: changeStatusAction,
    optimistic: (_row, input) => ({ status: input.to, ...(input.appealLevel ? { appealLevel: input.appealLevel } : {}) }),
    success: (state) => `Status: ${statusLabel(state.status, state.appealLevel)}.`,
    undo,
  });
  const escalate = useDenialMutation<{ reason: string }>({
    action: escalateDenialAction,
    optimistic: () => ({ escalated: true }),
    success: () => 'Escalated to your team’s managers.',
  });
  const handleEscalation = useDenialMutation<HandleEscalationVars>({
    action: handleEscalationAction,
    optimistic: () => ({ escalated: false }),
    success: (state, input) => `Escalation ${ESCALATION_OUTCOME_VERB[input.outcome]}${input.outcome === 'reassigned' && state.owner ? ` to ${state.owner.name}` : ''}.`,
  });
  const withdrawEscalation = useDenialMutation<{ escalationId: string; note: string }>({
    action: withdrawEscalationAction,
    optimistic: () => ({ escalated: false }),
    success: () => 'Escalation withdrawn.',
  });
  const resubmitted = useDenialMutation<ResubmissionEntry>({
    action: markResubmittedAction,
    optimistic: () => ({ status: 'corrected_resubmitted' }),
    success: (state) => `Resubmission recorded${state.followUpDate ? `: follow-up ${formatDate(state.followUpDate)}` : ''}.`,
    undo,
  });
  const writeOff = useDenialMutation<WriteOffRequest>({
    action: requestWriteOffAction,
    success: (state) => (state.status === 'written_off' ? 'Written off.' : 'Write-off requested: a manager approves it.'),
    undo,
  });
  const reopen = useDenialMutation<{ reason: string }>({
    action: reopenDenialAction,
    success: (state) => `Reopened: ${statusLabel(state.status, state.appealLevel).toLowerCase()}.`,
  });
  const decideWriteOff = useDenialMutation<{ approve: boolean; note?: string }>({
    action: decideWriteOffAction,
    success: (state) => (state.status === 'written_off' ? 'Write-off approved.' : 'Write-off rejected: back to work.'),
  });
  const startAppeal = useDenialMutation<{ level: AppealLevelValue }>({
    action: startAppealAction,
    success: (_state, input) => `${appealLevelLabel(input.level)} appeal drafted.`,
  });
  const submitAppeal = useDenialMutation<AppealSubmissionInput>({
    action: submitAppealAction,
    success: (state) => `Submitted: waiting on the payer${state.followUpDate ? `, status check ${formatDate(state.followUpDate)}` : ''}.`,
  });
  const decideAppeal = useDenialMutation<AppealDecisionInput>({
    action: decideAppealAction,
    success: (state, input) => `Decision recorded: ${APPEAL_DECISION_LABEL[input.decision].toLowerCase()} — ${statusLabel(state.status, state.appealLevel).toLowerCase()}.`,
  });
  const bulk = useBulkDenialMutation(bulkUpdateDenialsAction);
  return { assign, followUp, note, status, escalate, handleEscalation, withdrawEscalation, resubmitted, writeOff, decideWriteOff, reopen, undoChange, startAppeal, submitAppeal, decideAppeal, bulk };
}

export type DenialActions = ReturnType<typeof useDenialActions>;
