'use client';
import { useBulkDenialMutation, useDenialMutation } from '@/lib/client/denial-mutations';
import type { DenialStateDto } from '@/lib/domain/contracts/denials';
import { statusLabel } from '@/lib/domain/denial-labels';
import { statusAfterAssignment } from '@/lib/domain/lifecycle';
import { formatDate } from '@/components/denials/format';
import type { StatusChange } from '@/components/denials/status-dialog';
import {
  addNoteAction,
  assignDenialAction,
  bulkUpdateDenialsAction,
  changeStatusAction,
  decideWriteOffAction,
  escalateDenialAction,
  markResubmittedAction,
  requestWriteOffAction,
  reopenDenialAction,
  setFollowUpAction,
  undoDenialChangeAction,
} from './actions';

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
  const assign = useDenialMutation<{ assignee: 'me' | string | null; assigneeName?: string }>({
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
  const escalate = useDenialMutation<{ escalated: boolean }>({
    action: escalateDenialAction,
    optimistic: (_row, input) => ({ escalated: input.escalated }),
    success: (state) => (state.escalated ? 'Escalated.' : 'Escalation cleared.'),
  });
  const resubmitted = useDenialMutation<{ note?: string }>({
    action: markResubmittedAction,
    optimistic: () => ({ status: 'corrected_resubmitted' }),
    success: () => 'Marked corrected and resubmitted.',
    undo,
  });
  const writeOff = useDenialMutation<{ reason: string }>({
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
  const bulk = useBulkDenialMutation(bulkUpdateDenialsAction);
  return { assign, followUp, note, status, escalate, resubmitted, writeOff, decideWriteOff, reopen, undoChange, bulk };
}

export type DenialActions = ReturnType<typeof useDenialActions>;
