'use server';
// Every edit of a denial: auth + zod here (authedAction), the rules and the versioned write in lib/server.
import { authedAction } from '@/lib/server/action';
import { escalateDenial, escalateDenialInput } from '@/lib/server/escalations/escalate-denial';
import { decideAppeal, decideAppealInput } from '@/lib/server/appeals/decide-appeal';
import { startAppeal, startAppealInput } from '@/lib/server/appeals/start-appeal';
import { submitAppeal, submitAppealInput } from '@/lib/server/appeals/submit-appeal';
import { addNote, addNoteInput } from '@/lib/server/denials/add-note';
import { assignDenial, assignDenialInput } from '@/lib/server/denials/assign-denial';
import { bulkUpdateDenials, bulkUpdateInput } from '@/lib/server/denials/bulk-update-denials';
import { changeStatus, changeStatusInput } from '@/lib/server/denials/change-status';
import { decideWriteOff, decideWriteOffInput } from '@/lib/server/denials/decide-write-off';
import { markResubmitted, markResubmittedInput } from '@/lib/server/denials/mark-resubmitted';
import { reopenDenial, reopenDenialInput } from '@/lib/server/denials/reopen-denial';
import { requestWriteOff, requestWriteOffInput } from '@/lib/server/denials/request-write-off';
import { setFollowUp, setFollowUpInput } from '@/lib/server/denials/set-follow-up';
import { undoDenialChange, undoDenialChangeInput } from '@/lib/server/denials/undo-denial-change';

// The transport names the action the role must have at all; each operation checks it again against the denial.

export const assignDenialAction = authedAction(assignDenialInput, { may: 'assign_self' }, (input, { actor }) => assignDenial(actor, input));
export const setFollowUpAction = authedAction(setFollowUpInput, { may: 'edit_denial' }, (input, { actor }) => setFollowUp(actor, input));
export const addNoteAction = authedAction(addNoteInput, { may: 'edit_denial' }, (input, { actor }) => addNote(actor, input));
export const changeStatusAction = authedAction(changeStatusInput, { may: 'edit_denial' }, (input, { actor }) => changeStatus(actor, input));
export const escalateDenialAction = authedAction(escalateDenialInput, { may: 'escalate' }, (input, { actor }) => escalateDenial(actor, input));
export const markResubmittedAction = authedAction(markResubmittedInput, { may: 'edit_denial' }, (input, { actor }) => markResubmitted(actor, input));
export const requestWriteOffAction = authedAction(requestWriteOffInput, { may: 'request_writeoff' }, (input, { actor }) => requestWriteOff(actor, input));
export const decideWriteOffAction = authedAction(decideWriteOffInput, { may: 'approve_writeoff' }, (input, { actor }) => decideWriteOff(actor, input));
export const bulkUpdateDenialsAction = authedAction(bulkUpdateInput, { may: 'edit_denial' }, (input, { actor }) => bulkUpdateDenials(actor, input));
export const reopenDenialAction = authedAction(reopenDenialInput, { may: 'reopen_denial' }, (input, { actor }) => reopenDenial(actor, input));
export const undoDenialChangeAction = authedAction(undoDenialChangeInput, { may: 'edit_denial' }, (input, { actor }) => undoDenialChange(actor, input));
export const startAppealAction = authedAction(startAppealInput, { may: 'edit_denial' }, (input, { actor }) => startAppeal(actor, input));
export const submitAppealAction = authedAction(submitAppealInput, { may: 'edit_denial' }, (input, { actor }) => submitAppeal(actor, input));
export const decideAppealAction = authedAction(decideAppealInput, { may: 'edit_denial' }, (input, { actor }) => decideAppeal(actor, input));
