import 'server-only';
import type { SavedViewDto } from '@/lib/domain/contracts/saved-views';
import type { Actor } from '@/lib/domain/permissions';
import { authorize } from '../authorize';
import { db } from '../db';

/** The actor's own saved queue views (saved views are the queue's, so only those who work the queue have any). */
export async function listSavedViews(actor: Actor): Promise<SavedViewDto[]> {
  authorize(actor, 'view_queue', undefined, 'Your role does not include the denial queue.');
  return db.savedView.findMany({ where: { userId: actor.id }, select: { id: true, name: true, query: true }, orderBy: { name: 'asc' } });
}
