'use server';
// Every edit of a denial: auth + zod here (authedAction), the rules and the versioned write in lib/server.
import { authedAction } from '@/lib/server/action';
import { addNote, addNoteInput } from '@/lib/server/denials/add-note';
import { assignDenial, assignDenialInput } from '@/lib/server/denials/assign-denial';
import { bulkUpdateDenials, bulkUpdateInput } from '@/lib/server/denials/bulk-update-denials';
import { changeStatus, changeStatusInput } from '@/lib/server/denials/change-status';
import { decideWriteOff, decideWriteOffInput } from '@/lib/server/denials/decide-write-off';
import { denialActor } from '@/lib/server/denials/dto';
import { escalateDenial, escalateDenialInput } from '@/lib/server/denials/escalate-denial';
import { markResubmitted, markResubmittedInput } from '@/lib/server/denials/mark-resubmitted';
import { requestWriteOff, requestWriteOffInput } from '@/lib/server/denials/request-write-off';
import { setFollowUp, setFollowUpInput } from '@/lib/server/denials/set-follow-up';

const WORKERS = { roles: ['specialist' as const, 'manager' as const] };

export const assignDenialAction = authedAction(assignDenialInput, WORKERS, (input, { user, actor }) => assignDenial(denialActor(user, actor), input));
export const setFollowUpAction = authedAction(setFollowUpInput, WORKERS, (input, { user, actor }) => setFollowUp(denialActor(user, actor), input));
export const addNoteAction = authedAction(addNoteInput, WORKERS, (input, { user, actor }) => addNote(denialActor(user, actor), input));
export const changeStatusAction = authedAction(changeStatusInput, WORKERS, (input, { user, actor }) => changeStatus(denialActor(user, actor), input));
export const escalateDenialAction = authedAction(escalateDenialInput, WORKERS, (input, { user, actor }) => escalateDenial(denialActor(user, actor), input));
export const markResubmittedAction = authedAction(markResubmittedInput, WORKERS, (input, { user, actor }) => markResubmitted(denialActor(user, actor), input));
export const requestWriteOffAction = authedAction(requestWriteOffInput, WORKERS, (input, { user, actor }) => requestWriteOff(denialActor(user, actor), input));
export const decideWriteOffAction = authedAction(decideWriteOffInput, { roles: ['manager'] }, (input, { user, actor }) => decideWriteOff(denialActor(user, actor), input));
export const bulkUpdateDenialsAction = authedAction(bulkUpdateInput, WORKERS, (input, { user, actor }) => bulkUpdateDenials(denialActor(user, actor), input));
