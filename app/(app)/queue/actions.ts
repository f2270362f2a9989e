'use server';
import { authedAction } from '@/lib/server/action';
import { deleteView, deleteViewInput } from '@/lib/server/saved-views/delete-view';
import { saveView, saveViewInput } from '@/lib/server/saved-views/save-view';

const WORKERS = { roles: ['specialist' as const, 'manager' as const] };

export const saveViewAction = authedAction(saveViewInput, WORKERS, (input, { actor, user }) => saveView({ ...actor, id: user.id }, input));
export const deleteViewAction = authedAction(deleteViewInput, WORKERS, (input, { actor, user }) => deleteView({ ...actor, id: user.id }, input));
