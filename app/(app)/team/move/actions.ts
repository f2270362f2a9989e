'use server';
import { authedAction } from '@/lib/server/action';
import { moveWork, moveWorkInput, previewMoveInput, previewMoveWork } from '@/lib/server/team/move-work';

export const previewMoveWorkAction = authedAction(previewMoveInput, { may: 'reassign' }, (input, { actor }) => previewMoveWork(actor, input));
export const moveWorkAction = authedAction(moveWorkInput, { may: 'reassign' }, (input, { actor }) => moveWork(actor, input));
