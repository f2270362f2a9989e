'use server';
import { authedAction } from '@/lib/server/action';
import { deleteView, deleteViewInput } from '@/lib/server/saved-views/delete-view';
import { saveView, saveViewInput } from '@/lib/server/saved-views/save-view';

export const saveViewAction = authedAction(saveViewInput, { may: 'view_queue' }, (input, { actor }) => saveView(actor, input));
export const deleteViewAction = authedAction(deleteViewInput, { may: 'view_queue' }, (input, { actor }) => deleteView(actor, input));
